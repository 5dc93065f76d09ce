# target: networks/layer.py
# breaks: affine_forward
# Reshapes b into a column (M, 1), so it broadcasts along the wrong axis.


def affine_forward(x, w, b):
    out = x.reshape(x.shape[0], -1) @ w + b.reshape(-1, 1)
    cache = (x, w, b)
    return out, cache
