# target: networks/layer.py
# breaks: sigmoid_backward
# Returns the local derivative sigmoid * (1 - sigmoid) without multiplying by the upstream gradient.


def _backward(self, dout, cache):
    outputs = cache
    dx = outputs * (1.0 - outputs)
    return dx


Sigmoid.backward = _backward
