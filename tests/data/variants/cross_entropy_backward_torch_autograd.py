# target: networks/loss.py
# rewrites: cross_entropy_backward
# torch autograd through cross_entropy with reduction='sum', which gives each sample's own gradient.


def _backward(self, y_out, y_truth):
    import torch

    logits = torch.tensor(y_out, requires_grad=True)
    loss = torch.nn.functional.cross_entropy(logits, torch.from_numpy(y_truth).long(), reduction="sum")
    loss.backward()
    return logits.grad.numpy()


CrossEntropyFromLogits.backward = _backward
