# target: networks/loss.py
# breaks: cross_entropy_forward
# Returns the vector of per-sample losses and forgets to average it over the batch.


def _forward(self, y_out, y_truth):
    N = y_out.shape[0]
    shifted = y_out - y_out.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    loss = -log_probs[np.arange(N), y_truth]
    return loss


CrossEntropyFromLogits.forward = _forward
