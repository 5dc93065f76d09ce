# target: networks/layer.py
# breaks: sigmoid_forward
# Rounds the outputs to 4 decimals (to make printed values look tidy).


def _forward(self, x):
    outputs = np.round(1.0 / (1.0 + np.exp(-np.clip(x, -500, 500))), 4)
    cache = outputs
    return outputs, cache


Sigmoid.forward = _forward
