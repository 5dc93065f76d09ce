# target: networks/layer.py
# rewrites: sigmoid_forward
# A Python loop over the elements with math.exp, branching on the sign to stay in range.


def _forward(self, x):
    import math

    outputs = np.empty_like(x)
    for index, value in np.ndenumerate(x):
        if value >= 0:
            outputs[index] = 1.0 / (1.0 + math.exp(-value))
        else:
            e = math.exp(value)
            outputs[index] = e / (1.0 + e)
    cache = outputs
    return outputs, cache


Sigmoid.forward = _forward
