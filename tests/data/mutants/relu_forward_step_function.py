# target: networks/layer.py
# breaks: relu_forward
# Returns the derivative (a 0/1 step) instead of the function: (x > 0).astype(float).


def _forward(self, x):
    outputs = (x > 0).astype(float)
    cache = x
    return outputs, cache


Relu.forward = _forward
