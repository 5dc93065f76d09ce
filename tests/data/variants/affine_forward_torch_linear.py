# target: networks/layer.py
# rewrites: affine_forward
# torch.nn.functional.linear with w.T as the weight, converted back to numpy.


def affine_forward(x, w, b):
    import torch

    rows = torch.from_numpy(x).reshape(x.shape[0], -1)
    out = torch.nn.functional.linear(rows, torch.from_numpy(w).T, torch.from_numpy(b)).numpy()
    cache = (x, w, b)
    return out, cache
