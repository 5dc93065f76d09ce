# target: networks/loss.py
# breaks: cross_entropy_forward
# Never picks the true class: averages -log softmax over every entry of the (N, C) matrix.


def _forward(self, y_out, y_truth):
    shifted = y_out - y_out.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    loss = -log_probs.mean()
    return loss


CrossEntropyFromLogits.forward = _forward
