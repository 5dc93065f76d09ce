# target: networks/layer.py
# breaks: sigmoid_forward
# Clips very negative inputs in place to avoid the overflow warning, which modifies the caller's x.


def _forward(self, x):
    x[x < -500] = -500
    outputs = 1.0 / (1.0 + np.exp(-x))
    cache = outputs
    return outputs, cache


Sigmoid.forward = _forward
