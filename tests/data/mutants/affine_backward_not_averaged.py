# target: networks/layer.py
# breaks: affine_backward
# Forgets the homework's hint: dw and db are summed over the batch, not averaged.


def affine_backward(dout, cache):
    x, w, b = cache
    dx = (dout @ w.T).reshape(x.shape)
    dw = x.reshape(x.shape[0], -1).T @ dout
    db = dout.sum(axis=0)
    return dx, dw, db
