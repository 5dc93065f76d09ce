# target: networks/loss.py
# rewrites: cross_entropy_forward
# A loop over the samples with np.logaddexp.reduce, stable without an explicit shift.


def _forward(self, y_out, y_truth):
    total = 0.0
    for row, label in zip(y_out, y_truth):
        total += np.logaddexp.reduce(row) - row[label]
    loss = total / len(y_out)
    return loss


CrossEntropyFromLogits.forward = _forward
