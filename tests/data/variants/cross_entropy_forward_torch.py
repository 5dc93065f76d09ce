# target: networks/loss.py
# rewrites: cross_entropy_forward
# torch.nn.functional.cross_entropy (mean reduction) on the logits and labels.


def _forward(self, y_out, y_truth):
    import torch

    loss = torch.nn.functional.cross_entropy(torch.from_numpy(y_out), torch.from_numpy(y_truth).long())
    return loss.item()


CrossEntropyFromLogits.forward = _forward
