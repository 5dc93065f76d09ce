# target: networks/layer.py
# breaks: affine_backward
# Takes np.mean(dout) without an axis, so db is a single number.


def affine_backward(dout, cache):
    x, w, b = cache
    N = x.shape[0]
    dx = (dout @ w.T).reshape(x.shape)
    dw = x.reshape(N, -1).T @ dout / N
    db = np.mean(dout)
    return dx, dw, db
