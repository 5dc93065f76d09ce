# target: networks/layer.py
# rewrites: affine_backward
# The same gradients with einsum, and the mean taken by numpy.


def affine_backward(dout, cache):
    x, w, b = cache
    x_rows = x.reshape(x.shape[0], -1)
    dx = np.einsum("nm,dm->nd", dout, w).reshape(x.shape)
    dw = np.einsum("nd,nm->dm", x_rows, dout) / x.shape[0]
    db = dout.mean(axis=0)
    return dx, dw, db
