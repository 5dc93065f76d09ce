# target: networks/layer.py
# breaks: relu_backward
# Returns the local derivative (x > 0) without multiplying by dout.


def _backward(self, dout, cache):
    x = cache
    dx = (x > 0).astype(float)
    return dx


Relu.backward = _backward
