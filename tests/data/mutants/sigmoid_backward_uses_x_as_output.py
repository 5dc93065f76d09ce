# target: networks/layer.py
# breaks: sigmoid_backward
# Caches x in forward, then computes the derivative as cache * (1 - cache) as if the cache held sigmoid(x).


def _forward(self, x):
    outputs = np.exp(-np.logaddexp(0.0, -x))
    cache = x
    return outputs, cache


def _backward(self, dout, cache):
    dx = dout * cache * (1.0 - cache)
    return dx


Sigmoid.forward = _forward
Sigmoid.backward = _backward
