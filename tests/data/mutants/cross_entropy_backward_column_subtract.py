# target: networks/loss.py
# breaks: cross_entropy_backward
# Subtracts 1 with grad[:, y_truth], i.e. from whole columns, instead of grad[np.arange(N), y_truth].


def _backward(self, y_out, y_truth):
    exps = np.exp(y_out - y_out.max(axis=1, keepdims=True))
    grad = exps / exps.sum(axis=1, keepdims=True)
    grad[:, y_truth] -= 1.0
    return grad


CrossEntropyFromLogits.backward = _backward
