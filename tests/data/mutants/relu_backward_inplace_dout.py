# target: networks/layer.py
# breaks: relu_backward
# dx = dout; dx[x <= 0] = 0: dx is the same array as dout, so dout is modified in place.


def _backward(self, dout, cache):
    x = cache
    dx = dout
    dx[x <= 0] = 0
    return dx


Relu.backward = _backward
