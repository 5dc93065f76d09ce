# target: networks/optimizer.py
# breaks: sgd_momentum
# Computes the new velocity into a new variable, so the template's config['velocity'] = v stores the old one.


def _update(self, w, dw, config, lr):
    if config is None:
        config = {}
    config.setdefault("momentum", 0.9)
    v = config.get("velocity", np.zeros_like(w))
    next_w = None
    velocity = config["momentum"] * v - lr * dw
    next_w = w + velocity
    config["velocity"] = v
    return next_w, config


SGDMomentum._update = _update
