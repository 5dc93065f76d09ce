# target: networks/loss.py
# rewrites: cross_entropy_backward
# A loop over the samples: a stable softmax of each row, then 1 subtracted at its label.


def _backward(self, y_out, y_truth):
    grad = np.empty_like(y_out, dtype=float)
    for i, (row, label) in enumerate(zip(y_out, y_truth)):
        e = np.exp(row - row.max())
        grad[i] = e / e.sum()
        grad[i, label] -= 1.0
    return grad


CrossEntropyFromLogits.backward = _backward
