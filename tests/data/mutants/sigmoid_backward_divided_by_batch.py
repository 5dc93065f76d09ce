# target: networks/layer.py
# breaks: sigmoid_backward
# Averages the gradient over the batch like the affine layer's dw, though dx of an activation is per-sample.


def _backward(self, dout, cache):
    s = cache
    dx = dout * s * (1.0 - s) / dout.shape[0]
    return dx


Sigmoid.backward = _backward
