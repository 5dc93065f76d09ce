# target: networks/layer.py
# breaks: sigmoid_forward
# Stores the result in a new variable `out`, so the template's `outputs = None` is what gets returned.


def _forward(self, x):
    outputs = None
    cache = None
    out = np.exp(-np.logaddexp(0.0, -x))
    cache = out
    return outputs, cache


Sigmoid.forward = _forward
