# target: networks/loss.py
# breaks: cross_entropy_backward
# Divides the gradient by N, although the loss returns per-sample gradients and the layers average.


def _backward(self, y_out, y_truth):
    N = y_out.shape[0]
    exps = np.exp(y_out - y_out.max(axis=1, keepdims=True))
    grad = exps / exps.sum(axis=1, keepdims=True)
    grad[np.arange(N), y_truth] -= 1.0
    grad /= N
    return grad


CrossEntropyFromLogits.backward = _backward
