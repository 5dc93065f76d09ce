# target: networks/layer.py
# rewrites: sigmoid_backward
# Caches x in forward and recomputes a stable sigmoid of it in backward.


def _stable_sigmoid(x):
    z = np.exp(-np.abs(x))
    return np.where(x >= 0, 1.0 / (1.0 + z), z / (1.0 + z))


def _forward(self, x):
    outputs = _stable_sigmoid(x)
    cache = x
    return outputs, cache


def _backward(self, dout, cache):
    s = _stable_sigmoid(cache)
    dx = dout * s * (1.0 - s)
    return dx


Sigmoid.forward = _forward
Sigmoid.backward = _backward
