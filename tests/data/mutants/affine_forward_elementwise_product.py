# target: networks/layer.py
# breaks: affine_forward
# Uses the element-wise * instead of the matrix product.


def affine_forward(x, w, b):
    out = x.reshape(x.shape[0], -1) * w + b
    cache = (x, w, b)
    return out, cache
