# target: networks/loss.py
# breaks: cross_entropy_forward
# Skips the max shift: exp of huge logits overflows to inf and the loss becomes nan.


def _forward(self, y_out, y_truth):
    N = y_out.shape[0]
    probs = np.exp(y_out) / np.exp(y_out).sum(axis=1, keepdims=True)
    loss = -np.log(probs[np.arange(N), y_truth]).mean()
    return loss


CrossEntropyFromLogits.forward = _forward
