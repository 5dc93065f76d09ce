# target: networks/layer.py
# rewrites: relu_forward
# np.clip with no upper bound, and the outputs as the cache (out > 0 exactly where x > 0).


def _forward(self, x):
    outputs = np.clip(x, 0, None)
    cache = outputs
    return outputs, cache


Relu.forward = _forward
