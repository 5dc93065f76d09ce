# target: networks/loss.py
# rewrites: cross_entropy_forward
# loss = mean(logsumexp(row) - logit of the true class), the log-sum-exp written out with the row max.


def _forward(self, y_out, y_truth):
    N = y_out.shape[0]
    m = y_out.max(axis=1)
    lse = m + np.log(np.exp(y_out - m[:, None]).sum(axis=1))
    loss = np.mean(lse - y_out[np.arange(N), y_truth])
    return loss


CrossEntropyFromLogits.forward = _forward
