# target: networks/layer.py
# rewrites: affine_backward
# Lets torch autograd differentiate the forward pass, then averages dw and db.


def affine_backward(dout, cache):
    import torch

    x, w, b = cache
    N = x.shape[0]
    xt = torch.tensor(x, requires_grad=True)
    wt = torch.tensor(w, requires_grad=True)
    bt = torch.tensor(b, requires_grad=True)
    out = xt.reshape(N, -1) @ wt + bt
    out.backward(torch.from_numpy(dout))
    return xt.grad.numpy(), wt.grad.numpy() / N, bt.grad.numpy() / N
