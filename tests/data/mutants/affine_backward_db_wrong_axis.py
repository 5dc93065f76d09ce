# target: networks/layer.py
# breaks: affine_backward
# Sums dout over axis 1 (the outputs) instead of axis 0 (the batch) for db.


def affine_backward(dout, cache):
    x, w, b = cache
    N = x.shape[0]
    dx = (dout @ w.T).reshape(x.shape)
    dw = x.reshape(N, -1).T @ dout / N
    db = dout.sum(axis=1) / N
    return dx, dw, db
