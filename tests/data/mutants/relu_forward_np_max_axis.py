# target: networks/layer.py
# breaks: relu_forward
# Confuses np.max with np.maximum: np.max(x, 0) reduces over axis 0.


def _forward(self, x):
    outputs = np.max(x, 0)
    cache = x
    return outputs, cache


Relu.forward = _forward
