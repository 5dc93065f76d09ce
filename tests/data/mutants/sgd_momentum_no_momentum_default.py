# target: networks/optimizer.py
# breaks: sgd_momentum
# Rewrites the whole method without the template's setdefault, so an empty config raises KeyError.


def _update(self, w, dw, config, lr):
    if config is None:
        config = {}
    v = config.get("velocity", np.zeros_like(w))
    v = config["momentum"] * v - lr * dw
    next_w = w + v
    config["velocity"] = v
    return next_w, config


SGDMomentum._update = _update
