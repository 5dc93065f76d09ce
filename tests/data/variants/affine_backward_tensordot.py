# target: networks/layer.py
# rewrites: affine_backward
# np.tensordot for dx and dw, np.mean for db.


def affine_backward(dout, cache):
    x, w, b = cache
    N = x.shape[0]
    dx = np.tensordot(dout, w, axes=([1], [1])).reshape(x.shape)
    dw = np.tensordot(x.reshape(N, -1), dout, axes=([0], [0])) / N
    db = np.mean(dout, axis=0)
    return dx, dw, db
