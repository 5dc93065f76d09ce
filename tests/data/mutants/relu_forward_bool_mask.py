# target: networks/layer.py
# breaks: relu_forward
# Returns the comparison x > 0 itself, a boolean mask, instead of the clipped values.


def _forward(self, x):
    outputs = x > 0
    cache = x
    return outputs, cache


Relu.forward = _forward
