# target: networks/layer.py
# rewrites: sigmoid_backward
# The derivative written as s - s**2 on the cached outputs.


def _backward(self, dout, cache):
    s = cache
    dx = dout * (s - s ** 2)
    return dx


Sigmoid.backward = _backward
