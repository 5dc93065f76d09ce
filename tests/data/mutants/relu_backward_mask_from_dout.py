# target: networks/layer.py
# breaks: relu_backward
# Builds the mask from the upstream gradient (dout > 0) instead of from the forward input.


def _backward(self, dout, cache):
    dx = dout * (dout > 0)
    return dx


Relu.backward = _backward
