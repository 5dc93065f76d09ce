# target: networks/layer.py
# breaks: relu_backward
# Caches the outputs relu(x) and masks with cache >= 0, which holds everywhere, so dx = dout.


def _forward(self, x):
    outputs = np.maximum(x, 0)
    cache = outputs
    return outputs, cache


def _backward(self, dout, cache):
    dx = dout * (cache >= 0)
    return dx


Relu.forward = _forward
Relu.backward = _backward
