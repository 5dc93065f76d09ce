# target: networks/layer.py
# breaks: affine_backward
# Computes dw as dout.T @ x, the transpose of the right gradient.


def affine_backward(dout, cache):
    x, w, b = cache
    N = x.shape[0]
    dx = (dout @ w.T).reshape(x.shape)
    dw = dout.T @ x.reshape(N, -1) / N
    db = dout.sum(axis=0) / N
    return dx, dw, db
