# target: networks/loss.py
# rewrites: cross_entropy_backward
# Softmax minus a one-hot matrix built with np.eye(C).


def _backward(self, y_out, y_truth):
    C = y_out.shape[1]
    exps = np.exp(y_out - y_out.max(axis=1, keepdims=True))
    grad = exps / exps.sum(axis=1, keepdims=True) - np.eye(C)[y_truth]
    return grad


CrossEntropyFromLogits.backward = _backward
