# target: networks/layer.py
# breaks: sigmoid_backward
# Gets the sign of the derivative wrong: dout * s * (s - 1).


def _backward(self, dout, cache):
    s = cache
    dx = dout * s * (s - 1.0)
    return dx


Sigmoid.backward = _backward
