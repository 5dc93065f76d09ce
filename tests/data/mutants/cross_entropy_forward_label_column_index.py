# target: networks/loss.py
# breaks: cross_entropy_forward
# Indexes with log_probs[:, y_truth], an (N, N) matrix of every sample at every label, and averages it.


def _forward(self, y_out, y_truth):
    shifted = y_out - y_out.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    loss = -log_probs[:, y_truth].mean()
    return loss


CrossEntropyFromLogits.forward = _forward
