# target: networks/optimizer.py
# rewrites: sgd_momentum
# Reads the momentum with config.get('momentum', 0.9) and never writes the default into config.


def _update(self, w, dw, config, lr):
    if config is None:
        config = {}
    momentum = config.get("momentum", 0.9)
    v = momentum * config.get("velocity", np.zeros_like(w)) - lr * dw
    config["velocity"] = v
    return w + v, config


SGDMomentum._update = _update
