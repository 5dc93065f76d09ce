# target: networks/layer.py
# breaks: affine_backward
# Averages dx over the batch as well, although only dw and db are averaged.


def affine_backward(dout, cache):
    x, w, b = cache
    N = x.shape[0]
    dx = (dout @ w.T).reshape(x.shape) / N
    dw = x.reshape(N, -1).T @ dout / N
    db = dout.sum(axis=0) / N
    return dx, dw, db
