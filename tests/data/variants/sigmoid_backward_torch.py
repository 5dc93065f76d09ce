# target: networks/layer.py
# rewrites: sigmoid_backward
# The same product computed with torch tensors, returned as a tensor.


def _backward(self, dout, cache):
    import torch

    s = torch.from_numpy(cache)
    return torch.from_numpy(dout) * s * (1 - s)


Sigmoid.backward = _backward
