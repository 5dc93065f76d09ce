# target: networks/layer.py
# rewrites: relu_forward
# np.where(x > 0, x, 0.0).


def _forward(self, x):
    outputs = np.where(x > 0, x, 0.0)
    cache = x
    return outputs, cache


Relu.forward = _forward
