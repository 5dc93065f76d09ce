# target: networks/layer.py
# breaks: affine_backward
# Returns dx as (N, D) without reshaping it back to the shape of x.


def affine_backward(dout, cache):
    x, w, b = cache
    N = x.shape[0]
    dx = dout @ w.T
    dw = x.reshape(N, -1).T @ dout / N
    db = dout.sum(axis=0) / N
    return dx, dw, db
