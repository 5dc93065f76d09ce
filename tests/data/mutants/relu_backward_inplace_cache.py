# target: networks/layer.py
# breaks: relu_backward
# Turns the cached x into a 0/1 mask in place, which overwrites the caller's input x.


def _backward(self, dout, cache):
    x = cache
    x[x <= 0] = 0
    x[x > 0] = 1
    dx = dout * x
    return dx


Relu.backward = _backward
