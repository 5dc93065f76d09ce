# target: networks/layer.py
# breaks: sigmoid_forward
# Drops the minus in the exponent: 1 / (1 + exp(x)), which is sigmoid(-x).


def _forward(self, x):
    outputs = 1.0 / (1.0 + np.exp(x))
    cache = outputs
    return outputs, cache


Sigmoid.forward = _forward
