# target: networks/layer.py
# rewrites: relu_backward
# Forward caches the boolean mask x > 0 rather than x; backward multiplies dout by it.


def _forward(self, x):
    mask = x > 0
    outputs = x * mask
    cache = mask
    return outputs, cache


def _backward(self, dout, cache):
    dx = dout * cache
    return dx


Relu.forward = _forward
Relu.backward = _backward
