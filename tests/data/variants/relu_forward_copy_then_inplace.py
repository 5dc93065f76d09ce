# target: networks/layer.py
# rewrites: relu_forward
# Copies x first, then zeroes the negative entries of the copy in place.


def _forward(self, x):
    outputs = x.copy()
    outputs[outputs < 0] = 0
    cache = x
    return outputs, cache


Relu.forward = _forward
