# target: networks/layer.py
# breaks: sigmoid_backward
# Multiplies dout in place and returns it, modifying the upstream gradient.


def _backward(self, dout, cache):
    dout *= cache * (1.0 - cache)
    dx = dout
    return dx


Sigmoid.backward = _backward
