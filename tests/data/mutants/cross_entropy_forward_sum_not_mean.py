# target: networks/loss.py
# breaks: cross_entropy_forward
# Sums the per-sample losses over the batch instead of averaging them.


def _forward(self, y_out, y_truth):
    N = y_out.shape[0]
    shifted = y_out - y_out.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    loss = -log_probs[np.arange(N), y_truth].sum()
    return loss


CrossEntropyFromLogits.forward = _forward
