# target: networks/loss.py
# breaks: cross_entropy_forward
# Subtracts the maximum of the whole batch instead of each row's: rows far below it underflow to 0 and give log(0).


def _forward(self, y_out, y_truth):
    N = y_out.shape[0]
    exps = np.exp(y_out - np.max(y_out))
    probs = exps / exps.sum(axis=1, keepdims=True)
    loss = -np.log(probs[np.arange(N), y_truth]).mean()
    return loss


CrossEntropyFromLogits.forward = _forward
