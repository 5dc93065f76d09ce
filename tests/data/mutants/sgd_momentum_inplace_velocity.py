# target: networks/optimizer.py
# breaks: sgd_momentum
# Updates the velocity in place (v *= mu; v -= lr * dw), which overwrites the array the caller passed in config.


def _update(self, w, dw, config, lr):
    if config is None:
        config = {}
    config.setdefault("momentum", 0.9)
    v = config.get("velocity", np.zeros_like(w))
    next_w = None
    v *= config["momentum"]
    v -= lr * dw
    next_w = w + v
    config["velocity"] = v
    return next_w, config


SGDMomentum._update = _update
