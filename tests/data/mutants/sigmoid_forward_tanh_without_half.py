# target: networks/layer.py
# breaks: sigmoid_forward
# Uses the tanh identity but forgets to halve the argument: 0.5 * (1 + tanh(x)) instead of tanh(x / 2).


def _forward(self, x):
    outputs = 0.5 * (1.0 + np.tanh(x))
    cache = outputs
    return outputs, cache


Sigmoid.forward = _forward
