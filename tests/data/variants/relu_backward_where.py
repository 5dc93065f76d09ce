# target: networks/layer.py
# rewrites: relu_backward
# np.where(x > 0, dout, 0.0).


def _backward(self, dout, cache):
    x = cache
    dx = np.where(x > 0, dout, 0.0)
    return dx


Relu.backward = _backward
