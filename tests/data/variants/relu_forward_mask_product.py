# target: networks/layer.py
# rewrites: relu_forward
# Multiplies x by the boolean mask x > 0.


def _forward(self, x):
    outputs = x * (x > 0)
    cache = x
    return outputs, cache


Relu.forward = _forward
