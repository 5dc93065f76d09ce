"""Loss functions. Calling a loss returns ``(loss, grad)``.

``loss`` is the mean over the batch; ``grad`` holds the PER-SAMPLE gradient of
each sample's own loss with respect to the model output, of the same shape as
the model output. The layers average parameter gradients over the batch, so the
loss must not divide by N a second time.
"""

import numpy as np

__all__ = ["Loss", "L1", "MSE", "CrossEntropyFromLogits"]


class Loss:
    """Base class: subclasses implement forward (the loss) and backward (its gradient)."""

    def forward(self, y_out, y_truth):
        raise NotImplementedError

    def backward(self, y_out, y_truth):
        raise NotImplementedError

    def __call__(self, y_out, y_truth):
        """Returns ``(loss, grad)``: ``self.forward(...)`` and ``self.backward(...)``."""
        return self.forward(y_out, y_truth), self.backward(y_out, y_truth)


class L1(Loss):
    """Mean absolute error."""

    def forward(self, y_out, y_truth):
        """
        Inputs:
        - y_out: Predictions, of shape (N, ...)
        - y_truth: Targets, of the same shape as y_out

        Returns:
        - loss: float, mean of |y_out - y_truth| over all elements
        """
        return np.mean(np.abs(y_out - y_truth))

    def backward(self, y_out, y_truth):
        """Returns the per-element gradient sign(y_out - y_truth), of the shape of y_out."""
        return np.sign(y_out - y_truth)


class MSE(Loss):
    """Mean squared error."""

    def forward(self, y_out, y_truth):
        """
        Inputs:
        - y_out: Predictions, of shape (N, ...)
        - y_truth: Targets, of the same shape as y_out

        Returns:
        - loss: float, mean of (y_out - y_truth)**2 over all elements
        """
        return np.mean((y_out - y_truth) ** 2)

    def backward(self, y_out, y_truth):
        """Returns the per-element gradient 2 * (y_out - y_truth), of the shape of y_out."""
        return 2.0 * (y_out - y_truth)


class CrossEntropyFromLogits(Loss):
    """Softmax followed by the negative log-likelihood of the true class."""

    def forward(self, y_out, y_truth):
        """
        Computes the mean cross-entropy of the softmax of the logits.

        Inputs:
        - y_out: Logits (unnormalised class scores), of shape (N, C)
        - y_truth: Integer class labels, of shape (N,), each in [0, C)

        Returns:
        - loss: float, mean over the batch of -log(softmax(y_out)[i, y_truth[i]])
        """
        loss = None
        ########################################################################
        # TODO: Implement the cross-entropy loss of the softmax of y_out.      #
        # Make it numerically stable: subtract the row-wise maximum of the     #
        # logits first, softmax(x + c) = softmax(x).                           #
        ########################################################################
        # YOUR CODE HERE
        raise NotImplementedError()
        ########################################################################
        #                           END OF YOUR CODE                           #
        ########################################################################
        return loss

    def backward(self, y_out, y_truth):
        """
        Computes the per-sample gradient of the cross-entropy.

        Inputs:
        - y_out: Logits, of shape (N, C)
        - y_truth: Integer class labels, of shape (N,)

        Returns:
        - grad: Gradient of each sample's loss with respect to its logits,
          softmax(y_out) - one_hot(y_truth), of shape (N, C); NOT divided by N
        """
        grad = None
        ########################################################################
        # TODO: Implement the gradient of the cross-entropy with respect to    #
        # the logits, for each sample (do not average over the batch).        #
        ########################################################################
        # YOUR CODE HERE
        raise NotImplementedError()
        ########################################################################
        #                           END OF YOUR CODE                           #
        ########################################################################
        return grad
