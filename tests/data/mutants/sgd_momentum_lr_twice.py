# target: networks/optimizer.py
# breaks: sgd_momentum
# Scales the step by the learning rate a second time: next_w = w + lr * v.


def _update(self, w, dw, config, lr):
    if config is None:
        config = {}
    config.setdefault("momentum", 0.9)
    v = config.get("velocity", np.zeros_like(w))
    next_w = None
    v = config["momentum"] * v - lr * dw
    next_w = w + lr * v
    config["velocity"] = v
    return next_w, config


SGDMomentum._update = _update
