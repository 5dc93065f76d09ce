# target: networks/layer.py
# breaks: sigmoid_backward
# Treats the cached outputs as x and applies the sigmoid to them again before taking s * (1 - s).


def _backward(self, dout, cache):
    s = 1.0 / (1.0 + np.exp(-cache))
    dx = dout * s * (1.0 - s)
    return dx


Sigmoid.backward = _backward
