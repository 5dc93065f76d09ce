# target: networks/layer.py
# breaks: sigmoid_backward
# Uses the derivative of tanh, 1 - s**2, for the sigmoid.


def _backward(self, dout, cache):
    s = cache
    dx = dout * (1.0 - s ** 2)
    return dx


Sigmoid.backward = _backward
