# target: networks/layer.py
# rewrites: sigmoid_forward
# The tanh identity sigmoid(x) = (1 + tanh(x / 2)) / 2, which cannot overflow.


def _forward(self, x):
    outputs = 0.5 * (1.0 + np.tanh(0.5 * x))
    cache = outputs
    return outputs, cache


Sigmoid.forward = _forward
