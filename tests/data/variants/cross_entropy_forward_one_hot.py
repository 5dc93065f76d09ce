# target: networks/loss.py
# rewrites: cross_entropy_forward
# Multiplies the log-softmax by a one-hot matrix and divides the total by N.


def _forward(self, y_out, y_truth):
    N, C = y_out.shape
    one_hot = np.eye(C)[y_truth]
    shifted = y_out - y_out.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    loss = -(one_hot * log_probs).sum() / N
    return loss


CrossEntropyFromLogits.forward = _forward
