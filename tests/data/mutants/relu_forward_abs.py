# target: networks/layer.py
# breaks: relu_forward
# Uses np.abs, which flips negative inputs instead of zeroing them.


def _forward(self, x):
    outputs = np.abs(x)
    cache = x
    return outputs, cache


Relu.forward = _forward
