# target: networks/layer.py
# rewrites: relu_backward
# Copies dout first, then zeroes the copy in place where x <= 0.


def _backward(self, dout, cache):
    x = cache
    dx = dout.copy()
    dx[x <= 0] = 0
    return dx


Relu.backward = _backward
