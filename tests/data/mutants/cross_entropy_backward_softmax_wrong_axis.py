# target: networks/loss.py
# breaks: cross_entropy_backward
# Normalises the softmax over axis 0 (the batch) instead of the classes.


def _backward(self, y_out, y_truth):
    N = y_out.shape[0]
    exps = np.exp(y_out - y_out.max(axis=0, keepdims=True))
    grad = exps / exps.sum(axis=0, keepdims=True)
    grad[np.arange(N), y_truth] -= 1.0
    return grad


CrossEntropyFromLogits.backward = _backward
