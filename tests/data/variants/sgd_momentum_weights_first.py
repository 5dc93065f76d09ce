# target: networks/optimizer.py
# rewrites: sgd_momentum
# Computes next_w = w + mu * v - lr * dw directly, then the new velocity as next_w - w.


def _update(self, w, dw, config, lr):
    if config is None:
        config = {}
    mu = config.setdefault("momentum", 0.9)
    v = config.get("velocity", np.zeros_like(w))
    next_w = w + mu * v - lr * dw
    config["velocity"] = next_w - w
    return next_w, config


SGDMomentum._update = _update
