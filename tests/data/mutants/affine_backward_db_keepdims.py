# target: networks/layer.py
# breaks: affine_backward
# Keeps the summed axis (keepdims=True), so db has shape (1, M) instead of (M,).


def affine_backward(dout, cache):
    x, w, b = cache
    N = x.shape[0]
    dx = (dout @ w.T).reshape(x.shape)
    dw = x.reshape(N, -1).T @ dout / N
    db = dout.sum(axis=0, keepdims=True) / N
    return dx, dw, db
