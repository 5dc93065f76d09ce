# target: networks/layer.py
# rewrites: affine_forward
# np.dot on the flattened rows.


def affine_forward(x, w, b):
    out = np.dot(x.reshape(x.shape[0], -1), w) + b
    cache = (x, w, b)
    return out, cache
