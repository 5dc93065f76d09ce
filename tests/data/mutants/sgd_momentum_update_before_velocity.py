# target: networks/optimizer.py
# breaks: sgd_momentum
# Updates the weights with the old velocity before computing the new one.


def _update(self, w, dw, config, lr):
    if config is None:
        config = {}
    config.setdefault("momentum", 0.9)
    v = config.get("velocity", np.zeros_like(w))
    next_w = None
    next_w = w + v
    v = config["momentum"] * v - lr * dw
    config["velocity"] = v
    return next_w, config


SGDMomentum._update = _update
