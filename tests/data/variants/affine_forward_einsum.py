# target: networks/layer.py
# rewrites: affine_forward
# einsum over the flattened rows, bias broadcast as b[None, :].


def affine_forward(x, w, b):
    rows = x.reshape(len(x), -1)
    out = np.einsum("nd,dm->nm", rows, w) + b[None, :]
    cache = (x, w, b)
    return out, cache
