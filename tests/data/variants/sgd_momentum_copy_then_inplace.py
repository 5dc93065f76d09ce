# target: networks/optimizer.py
# rewrites: sgd_momentum
# Copies the velocity and the weights before updating them in place.


def _update(self, w, dw, config, lr):
    if config is None:
        config = {}
    config.setdefault("momentum", 0.9)
    v = config.get("velocity", np.zeros_like(w)).copy()
    v *= config["momentum"]
    v -= lr * dw
    next_w = w.copy()
    next_w += v
    config["velocity"] = v
    return next_w, config


SGDMomentum._update = _update
