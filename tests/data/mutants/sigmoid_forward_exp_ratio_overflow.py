# target: networks/layer.py
# breaks: sigmoid_forward
# Writes exp(x) / (1 + exp(x)), which is inf / inf = nan for large positive x.


def _forward(self, x):
    e = np.exp(x)
    outputs = e / (1.0 + e)
    cache = outputs
    return outputs, cache


Sigmoid.forward = _forward
