# target: networks/layer.py
# rewrites: relu_forward
# torch.relu on a tensor sharing x's memory, converted back to numpy.


def _forward(self, x):
    import torch

    outputs = torch.relu(torch.from_numpy(x)).numpy()
    cache = x
    return outputs, cache


Relu.forward = _forward
