# target: networks/optimizer.py
# breaks: sgd_momentum
# Hard-codes momentum 0.9 instead of reading config['momentum'].


def _update(self, w, dw, config, lr):
    if config is None:
        config = {}
    config.setdefault("momentum", 0.9)
    v = config.get("velocity", np.zeros_like(w))
    next_w = None
    v = 0.9 * v - lr * dw
    next_w = w + v
    config["velocity"] = v
    return next_w, config


SGDMomentum._update = _update
