# target: networks/layer.py
# breaks: sigmoid_backward
# Writes s * (1 + s) instead of s * (1 - s).


def _backward(self, dout, cache):
    s = cache
    dx = dout * s * (1.0 + s)
    return dx


Sigmoid.backward = _backward
