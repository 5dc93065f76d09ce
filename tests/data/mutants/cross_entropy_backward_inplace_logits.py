# target: networks/loss.py
# breaks: cross_entropy_backward
# Shifts and exponentiates y_out in place to save memory, overwriting the caller's logits.


def _backward(self, y_out, y_truth):
    N = y_out.shape[0]
    y_out -= y_out.max(axis=1, keepdims=True)
    np.exp(y_out, out=y_out)
    y_out /= y_out.sum(axis=1, keepdims=True)
    grad = y_out.copy()
    grad[np.arange(N), y_truth] -= 1.0
    return grad


CrossEntropyFromLogits.backward = _backward
