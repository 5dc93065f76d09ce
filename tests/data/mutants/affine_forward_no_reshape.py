# target: networks/layer.py
# breaks: affine_forward
# Forgets to reshape x into rows: x @ w + b fails for x of shape (N, d1, ..., dk).


def affine_forward(x, w, b):
    out = x @ w + b
    cache = (x, w, b)
    return out, cache
