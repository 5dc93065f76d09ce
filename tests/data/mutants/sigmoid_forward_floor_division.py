# target: networks/layer.py
# breaks: sigmoid_forward
# Uses floor division `//` out of habit, so every output becomes 0 or 1.


def _forward(self, x):
    outputs = 1 // (1 + np.exp(-np.clip(x, -500, 500)))
    cache = outputs
    return outputs, cache


Sigmoid.forward = _forward
