# target: networks/loss.py
# rewrites: cross_entropy_forward
# Picks the true-class log-probabilities with np.take_along_axis.


def _forward(self, y_out, y_truth):
    shifted = y_out - np.max(y_out, axis=1, keepdims=True)
    log_probs = shifted - np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))
    picked = np.take_along_axis(log_probs, y_truth[:, None], axis=1)
    loss = -float(np.mean(picked))
    return loss


CrossEntropyFromLogits.forward = _forward
