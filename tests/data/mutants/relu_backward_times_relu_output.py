# target: networks/layer.py
# breaks: relu_backward
# Multiplies dout by relu(x) instead of by the 0/1 derivative.


def _backward(self, dout, cache):
    x = cache
    dx = dout * np.maximum(x, 0)
    return dx


Relu.backward = _backward
