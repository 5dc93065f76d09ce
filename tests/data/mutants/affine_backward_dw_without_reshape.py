# target: networks/layer.py
# breaks: affine_backward
# Uses x.T @ dout without reshaping x into rows, which only works for 2-d x.


def affine_backward(dout, cache):
    x, w, b = cache
    N = x.shape[0]
    dx = (dout @ w.T).reshape(x.shape)
    dw = x.T @ dout / N
    db = dout.sum(axis=0) / N
    return dx, dw, db
