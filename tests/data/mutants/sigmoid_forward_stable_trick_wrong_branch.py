# target: networks/layer.py
# breaks: sigmoid_forward
# Splits on the sign of x for stability but flips the exponent on the negative side: 1 / (1 + exp(x)) there, which is 1 - sigmoid(x).


def _forward(self, x):
    z = np.exp(-np.abs(x))
    outputs = np.where(x >= 0, 1.0 / (1.0 + z), 1.0 / (1.0 + np.exp(np.minimum(x, 0))))
    cache = outputs
    return outputs, cache


Sigmoid.forward = _forward
