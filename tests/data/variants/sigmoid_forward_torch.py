# target: networks/layer.py
# rewrites: sigmoid_forward
# torch.sigmoid on a tensor sharing x's memory, converted back to numpy.


def _forward(self, x):
    import torch

    outputs = torch.sigmoid(torch.from_numpy(x)).numpy()
    cache = outputs
    return outputs, cache


Sigmoid.forward = _forward
