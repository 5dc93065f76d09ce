# target: networks/loss.py
# breaks: cross_entropy_forward
# Subtracts y_out.max(axis=1) without keepdims, which does not broadcast against (N, C).


def _forward(self, y_out, y_truth):
    N = y_out.shape[0]
    shifted = y_out - y_out.max(axis=1)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1))
    loss = -log_probs[np.arange(N), y_truth].mean()
    return loss


CrossEntropyFromLogits.forward = _forward
