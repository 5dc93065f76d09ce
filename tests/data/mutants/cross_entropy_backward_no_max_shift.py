# target: networks/loss.py
# breaks: cross_entropy_backward
# Skips the max shift in the softmax: inf / inf = nan on huge logits.


def _backward(self, y_out, y_truth):
    N = y_out.shape[0]
    exps = np.exp(y_out)
    grad = exps / exps.sum(axis=1, keepdims=True)
    grad[np.arange(N), y_truth] -= 1.0
    return grad


CrossEntropyFromLogits.backward = _backward
