# target: networks/optimizer.py
# rewrites: sgd_momentum
# Reads the hyper-parameters with dict.get and returns a new config dict instead of mutating the old one.


def _update(self, w, dw, config, lr):
    config = dict(config or {})
    momentum = config.get("momentum", 0.9)
    velocity = momentum * config.get("velocity", np.zeros_like(w)) - lr * dw
    return w + velocity, {**config, "momentum": momentum, "velocity": velocity}


SGDMomentum._update = _update
