# target: networks/layer.py
# rewrites: sigmoid_forward
# Fills a new array through boolean masks: 1 / (1 + exp(-x)) where x >= 0, exp(x) / (1 + exp(x)) elsewhere.


def _forward(self, x):
    outputs = np.empty_like(x)
    pos = x >= 0
    outputs[pos] = 1.0 / (1.0 + np.exp(-x[pos]))
    e = np.exp(x[~pos])
    outputs[~pos] = e / (1.0 + e)
    cache = outputs
    return outputs, cache


Sigmoid.forward = _forward
