# target: networks/layer.py
# rewrites: sigmoid_forward
# Numerically stable sigmoid with np.where on the sign of x and exp(-|x|), so exp never overflows.


def _forward(self, x):
    z = np.exp(-np.abs(x))
    outputs = np.where(x >= 0, 1.0 / (1.0 + z), z / (1.0 + z))
    cache = outputs
    return outputs, cache


Sigmoid.forward = _forward
