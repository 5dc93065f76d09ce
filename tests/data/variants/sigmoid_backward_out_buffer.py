# target: networks/layer.py
# rewrites: sigmoid_backward
# np.multiply with out= into a fresh buffer, then an in-place product with dout on that buffer only.


def _backward(self, dout, cache):
    dx = np.empty_like(dout)
    np.multiply(cache, 1.0 - cache, out=dx)
    dx *= dout
    return dx


Sigmoid.backward = _backward
