# target: networks/loss.py
# breaks: cross_entropy_forward
# Computes the probabilities first and takes log(p + 1e-8) 'for safety', which caps each sample's loss at about 18.4.


def _forward(self, y_out, y_truth):
    N = y_out.shape[0]
    exps = np.exp(y_out - y_out.max(axis=1, keepdims=True))
    probs = exps / exps.sum(axis=1, keepdims=True)
    loss = -np.log(probs[np.arange(N), y_truth] + 1e-8).mean()
    return loss


CrossEntropyFromLogits.forward = _forward
