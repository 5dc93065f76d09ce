# target: networks/layer.py
# breaks: relu_backward
# Passes the gradient where x < 0 instead of where x > 0.


def _backward(self, dout, cache):
    x = cache
    dx = dout * (x < 0)
    return dx


Relu.backward = _backward
