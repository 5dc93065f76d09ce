# target: networks/loss.py
# breaks: cross_entropy_backward
# Builds the one-hot labels with np.eye(N) (batch size) instead of np.eye(C) (classes).


def _backward(self, y_out, y_truth):
    N = y_out.shape[0]
    exps = np.exp(y_out - y_out.max(axis=1, keepdims=True))
    probs = exps / exps.sum(axis=1, keepdims=True)
    grad = probs - np.eye(N)[y_truth]
    return grad


CrossEntropyFromLogits.backward = _backward
