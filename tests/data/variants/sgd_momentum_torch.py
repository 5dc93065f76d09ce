# target: networks/optimizer.py
# rewrites: sgd_momentum
# The update in torch tensors, converted back to numpy before it goes into config.


def _update(self, w, dw, config, lr):
    import torch

    if config is None:
        config = {}
    config.setdefault("momentum", 0.9)
    v = torch.from_numpy(np.asarray(config.get("velocity", np.zeros_like(w))))
    v = config["momentum"] * v - lr * torch.from_numpy(dw)
    next_w = torch.from_numpy(w) + v
    config["velocity"] = v.numpy()
    return next_w.numpy(), config


SGDMomentum._update = _update
