# target: networks/layer.py
# breaks: affine_forward
# Reshapes x to (D, N) and transposes, which scrambles the rows instead of flattening each sample.


def affine_forward(x, w, b):
    N = x.shape[0]
    D = w.shape[0]
    out = x.reshape(D, N).T @ w + b
    cache = (x, w, b)
    return out, cache
