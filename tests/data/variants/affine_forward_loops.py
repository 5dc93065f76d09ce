# target: networks/layer.py
# rewrites: affine_forward
# A loop over the samples, each flattened with ravel.


def affine_forward(x, w, b):
    N = x.shape[0]
    out = np.zeros((N, w.shape[1]))
    for i in range(N):
        out[i] = x[i].ravel() @ w + b
    cache = (x, w, b)
    return out, cache
