# target: networks/loss.py
# breaks: cross_entropy_backward
# Returns the softmax only, forgetting to subtract 1 at the true class.


def _backward(self, y_out, y_truth):
    exps = np.exp(y_out - y_out.max(axis=1, keepdims=True))
    grad = exps / exps.sum(axis=1, keepdims=True)
    return grad


CrossEntropyFromLogits.backward = _backward
