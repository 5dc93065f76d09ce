# target: networks/optimizer.py
# breaks: sgd_momentum
# Updates the weights in place (w += v) and returns w, modifying the caller's array.


def _update(self, w, dw, config, lr):
    if config is None:
        config = {}
    config.setdefault("momentum", 0.9)
    v = config.get("velocity", np.zeros_like(w))
    next_w = None
    v = config["momentum"] * v - lr * dw
    w += v
    next_w = w
    config["velocity"] = v
    return next_w, config


SGDMomentum._update = _update
