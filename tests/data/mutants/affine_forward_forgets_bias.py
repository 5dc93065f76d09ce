# target: networks/layer.py
# breaks: affine_forward
# Forgets to add the bias b.


def affine_forward(x, w, b):
    out = x.reshape(x.shape[0], -1) @ w
    cache = (x, w, b)
    return out, cache
