# target: networks/layer.py
# rewrites: relu_backward
# The mask product in torch, returned as a tensor.


def _backward(self, dout, cache):
    import torch

    return torch.from_numpy(dout) * (torch.from_numpy(cache) > 0)


Relu.backward = _backward
