# target: networks/loss.py
# breaks: cross_entropy_backward
# Returns one_hot - softmax, the negative of the gradient.


def _backward(self, y_out, y_truth):
    N = y_out.shape[0]
    exps = np.exp(y_out - y_out.max(axis=1, keepdims=True))
    grad = -exps / exps.sum(axis=1, keepdims=True)
    grad[np.arange(N), y_truth] += 1.0
    return grad


CrossEntropyFromLogits.backward = _backward
