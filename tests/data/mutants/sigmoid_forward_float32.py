# target: networks/layer.py
# breaks: sigmoid_forward
# Casts the input to float32 before the sigmoid.


def _forward(self, x):
    outputs = np.exp(-np.logaddexp(0.0, -x.astype(np.float32)))
    cache = outputs
    return outputs, cache


Sigmoid.forward = _forward
