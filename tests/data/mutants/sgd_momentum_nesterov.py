# target: networks/optimizer.py
# breaks: sgd_momentum
# Implements the Nesterov look-ahead step (w + mu * v_new - lr * dw) instead of plain momentum.


def _update(self, w, dw, config, lr):
    if config is None:
        config = {}
    config.setdefault("momentum", 0.9)
    v = config.get("velocity", np.zeros_like(w))
    next_w = None
    v = config["momentum"] * v - lr * dw
    next_w = w + config["momentum"] * v - lr * dw
    config["velocity"] = v
    return next_w, config


SGDMomentum._update = _update
