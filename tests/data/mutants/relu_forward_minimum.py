# target: networks/layer.py
# breaks: relu_forward
# Uses np.minimum(x, 0), keeping the negative part instead of the positive one.


def _forward(self, x):
    outputs = np.minimum(x, 0)
    cache = x
    return outputs, cache


Relu.forward = _forward
