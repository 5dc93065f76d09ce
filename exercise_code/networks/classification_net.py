"""A fully-connected classification network built from the layers in ``layer.py``."""

import numpy as np

from .layer import Relu, affine_backward, affine_forward

__all__ = ["ClassificationNet"]


class ClassificationNet:
    """
    A network of ``num_layer`` affine layers with an activation between them:

        {affine - activation} x (num_layer - 1) - affine

    producing class scores (logits) for ``num_classes`` classes. Parameters live
    in ``self.params`` (``W1 b1 ... Wk bk``), their gradients in ``self.grads``,
    and the L2 penalty of each weight in ``self.reg``.
    """

    def __init__(
        self,
        input_size=3 * 32 * 32,
        hidden_size=128,
        activation=Relu(),
        num_layer=2,
        num_classes=10,
        std=1e-3,
        reg=0.0,
    ):
        """
        Inputs:
        - input_size: D, the dimension of one flattened input
        - hidden_size: H, the width of every hidden layer
        - activation: a layer object with forward / backward, e.g. Relu() or Sigmoid()
        - num_layer: number of affine layers, at least 1
        - num_classes: C, the number of scores per input
        - std: standard deviation of the Gaussian initial weights
        - reg: strength of the L2 penalty reg * sum(W ** 2)
        """
        self.activation = activation
        self.num_layer = num_layer
        self.reg_strength = reg
        sizes = [input_size] + [hidden_size] * (num_layer - 1) + [num_classes]
        self.params = {}
        for i, (fan_in, fan_out) in enumerate(zip(sizes[:-1], sizes[1:]), start=1):
            self.params[f"W{i}"] = std * np.random.randn(fan_in, fan_out)
            self.params[f"b{i}"] = np.zeros(fan_out)
        self.grads = {}
        self.reg = {}
        self.cache = {}

    def forward(self, X):
        """
        Inputs:
        - X: Input data, of shape (N, d_1, ..., d_k) with d_1 * ... * d_k = D

        Returns:
        - y: Class scores, of shape (N, C)
        """
        self.cache = {}
        self.reg = {}
        h = X.reshape(X.shape[0], -1)
        for i in range(1, self.num_layer + 1):
            W, b = self.params[f"W{i}"], self.params[f"b{i}"]
            h, self.cache[f"affine{i}"] = affine_forward(h, W, b)
            if i < self.num_layer:
                h, self.cache[f"activation{i}"] = self.activation.forward(h)
            self.reg[f"W{i}"] = self.reg_strength * np.sum(W**2)
        return h

    def backward(self, dy):
        """
        Inputs:
        - dy: Per-sample gradient of the loss with respect to the scores, of shape (N, C)

        Fills ``self.grads`` with the batch-averaged gradient of every parameter.
        """
        for i in range(self.num_layer, 0, -1):
            if i < self.num_layer:
                dy = self.activation.backward(dy, self.cache[f"activation{i}"])
            dy, dW, db = affine_backward(dy, self.cache[f"affine{i}"])
            self.grads[f"W{i}"] = dW + 2 * self.reg_strength * self.params[f"W{i}"]
            self.grads[f"b{i}"] = db
        return self.grads

    def __call__(self, X):
        return self.forward(X)
