# target: networks/loss.py
# rewrites: cross_entropy_backward
# exp of the log-softmax (log-sum-exp form), then np.put_along_axis to subtract 1 at the labels.


def _backward(self, y_out, y_truth):
    m = y_out.max(axis=1, keepdims=True)
    lse = m + np.log(np.exp(y_out - m).sum(axis=1, keepdims=True))
    grad = np.exp(y_out - lse)
    picked = np.take_along_axis(grad, y_truth[:, None], axis=1)
    np.put_along_axis(grad, y_truth[:, None], picked - 1.0, axis=1)
    return grad


CrossEntropyFromLogits.backward = _backward
