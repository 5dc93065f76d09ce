# target: networks/layer.py
# breaks: relu_forward
# Zeroes the negative entries of x in place (x[x < 0] = 0), modifying the caller's input.


def _forward(self, x):
    x[x < 0] = 0
    outputs = x
    cache = x
    return outputs, cache


Relu.forward = _forward
