# target: networks/layer.py
# breaks: affine_forward
# Flattens each sample with order='F' (MATLAB habit), which does not match the row-major layout of w.


def affine_forward(x, w, b):
    out = x.reshape(x.shape[0], -1, order="F") @ w + b
    cache = (x, w, b)
    return out, cache
