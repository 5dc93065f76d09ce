# target: networks/loss.py
# rewrites: cross_entropy_backward
# torch.softmax minus torch.nn.functional.one_hot, returned as a tensor.


def _backward(self, y_out, y_truth):
    import torch

    logits = torch.from_numpy(y_out)
    labels = torch.from_numpy(y_truth).long()
    return torch.softmax(logits, dim=1) - torch.nn.functional.one_hot(labels, y_out.shape[1])


CrossEntropyFromLogits.backward = _backward
