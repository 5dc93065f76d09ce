# target: networks/layer.py
# breaks: affine_forward
# Multiplies by w.T, as if w had shape (M, D).


def affine_forward(x, w, b):
    out = x.reshape(x.shape[0], -1) @ w.T + b
    cache = (x, w, b)
    return out, cache
