# target: networks/layer.py
# rewrites: affine_backward
# Accumulates the outer products sample by sample, then divides by N.


def affine_backward(dout, cache):
    x, w, b = cache
    N = x.shape[0]
    dx = np.zeros_like(x)
    dw = np.zeros_like(w)
    db = np.zeros_like(b)
    for i in range(N):
        dx[i] = (w @ dout[i]).reshape(x.shape[1:])
        dw += np.outer(x[i].ravel(), dout[i])
        db += dout[i]
    return dx, dw / N, db / N
