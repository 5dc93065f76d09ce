# target: networks/layer.py
# breaks: relu_forward
# Implements a leaky ReLU with slope 0.01 on the negative side.


def _forward(self, x):
    outputs = np.maximum(x, 0.01 * x)
    cache = x
    return outputs, cache


Relu.forward = _forward
