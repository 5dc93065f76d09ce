"""Layers of a fully-connected network, each a forward / backward pair.

Every forward returns ``(out, cache)``; the matching backward takes the upstream
gradient ``dout`` and that cache and returns the gradient with respect to each
input. Gradients of parameters (``dw``, ``db``) are AVERAGED over the batch: the
loss hands back per-sample gradients, and the layers divide by N.
Inputs and ``dout`` are never modified in place.
"""

import numpy as np

__all__ = ["Sigmoid", "Relu", "affine_forward", "affine_backward"]


class Sigmoid:
    """Element-wise logistic function sigmoid(x) = 1 / (1 + exp(-x))."""

    def forward(self, x):
        """
        Computes the sigmoid of every element of x.

        Inputs:
        - x: Numpy array of any shape

        Returns a tuple of:
        - outputs: Numpy array of the same shape as x, values in [0, 1]
        - cache: whatever backward needs (here the outputs)
        """
        outputs = None
        cache = None
        ########################################################################
        # TODO: Implement the forward pass of the sigmoid. It must be          #
        # numerically safe: no overflow warning or nan for x = +-1000.         #
        ########################################################################
        # YOUR CODE HERE
        raise NotImplementedError()
        ########################################################################
        #                           END OF YOUR CODE                           #
        ########################################################################
        return outputs, cache

    def backward(self, dout, cache):
        """
        Computes the gradient of the sigmoid.

        Inputs:
        - dout: Upstream gradient, of the same shape as the forward input x
        - cache: The cache returned by forward

        Returns:
        - dx: Gradient with respect to x, of the same shape as dout
        """
        dx = None
        ########################################################################
        # TODO: Implement the backward pass of the sigmoid, using the cache.   #
        ########################################################################
        # YOUR CODE HERE
        raise NotImplementedError()
        ########################################################################
        #                           END OF YOUR CODE                           #
        ########################################################################
        return dx


class Relu:
    """Element-wise rectified linear unit relu(x) = max(0, x)."""

    def forward(self, x):
        """
        Computes the ReLU of every element of x.

        Inputs:
        - x: Numpy array of any shape

        Returns a tuple of:
        - outputs: Numpy array of the same shape as x
        - cache: whatever backward needs (here x)
        """
        outputs = None
        cache = None
        ########################################################################
        # TODO: Implement the forward pass of the ReLU.                        #
        ########################################################################
        # YOUR CODE HERE
        raise NotImplementedError()
        ########################################################################
        #                           END OF YOUR CODE                           #
        ########################################################################
        return outputs, cache

    def backward(self, dout, cache):
        """
        Computes the gradient of the ReLU.

        Inputs:
        - dout: Upstream gradient, of the same shape as the forward input x
        - cache: The cache returned by forward

        Returns:
        - dx: Gradient with respect to x, of the same shape as dout
        """
        dx = None
        ########################################################################
        # TODO: Implement the backward pass of the ReLU. Do not modify dout.   #
        ########################################################################
        # YOUR CODE HERE
        raise NotImplementedError()
        ########################################################################
        #                           END OF YOUR CODE                           #
        ########################################################################
        return dx


def affine_forward(x, w, b):
    """
    Computes the forward pass of an affine (fully connected) layer.

    The input x has shape (N, d_1, ..., d_k): a minibatch of N examples, each of
    shape (d_1, ..., d_k). Each example is reshaped to a vector of dimension
    D = d_1 * ... * d_k and then transformed to an output vector of dimension M.

    Inputs:
    - x: A numpy array containing input data, of shape (N, d_1, ..., d_k)
    - w: A numpy array of weights, of shape (D, M)
    - b: A numpy array of biases, of shape (M,)

    Returns a tuple of:
    - out: output, of shape (N, M)
    - cache: (x, w, b)
    """
    out = None
    ########################################################################
    # TODO: Implement the affine forward pass. Store the result in out.    #
    # You will need to reshape the input into rows.                        #
    ########################################################################
    # YOUR CODE HERE
    raise NotImplementedError()
    ########################################################################
    #                           END OF YOUR CODE                           #
    ########################################################################
    cache = (x, w, b)
    return out, cache


def affine_backward(dout, cache):
    """
    Computes the backward pass of an affine layer.

    Inputs:
    - dout: Upstream derivative, of shape (N, M)
    - cache: Tuple of:
      - x: Input data, of shape (N, d_1, ..., d_k)
      - w: Weights, of shape (D, M)
      - b: Biases, of shape (M,)

    Returns a tuple of:
    - dx: Gradient with respect to x, of shape (N, d_1, ..., d_k)
    - dw: Gradient with respect to w, of shape (D, M), averaged over the batch
    - db: Gradient with respect to b, of shape (M,), averaged over the batch
    """
    x, w, b = cache
    dx, dw, db = None, None, None
    ########################################################################
    # TODO: Implement the affine backward pass.                            #
    # Hint: Don't forget to average the gradients dw and db.               #
    ########################################################################
    # YOUR CODE HERE
    raise NotImplementedError()
    ########################################################################
    #                           END OF YOUR CODE                           #
    ########################################################################
    return dx, dw, db
