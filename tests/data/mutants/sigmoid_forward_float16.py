# target: networks/layer.py
# breaks: sigmoid_forward
# Casts the input to float16 "to save memory", keeping only about 3 significant digits.


def _forward(self, x):
    outputs = 1.0 / (1.0 + np.exp(-x.astype(np.float16)))
    cache = outputs
    return outputs, cache


Sigmoid.forward = _forward
