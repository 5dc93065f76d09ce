"""Update rules for the parameters of a network.

Every optimizer is built as ``optimizer(model, loss_func, learning_rate)`` and
has ``backward(y_pred, y_true)`` (fills ``model.grads``) and ``step()``
(updates ``model.params``). The rule itself is
``_update(self, w, dw, [config,] lr) -> next_w[, config]``, where ``config``
holds the rule's hyper-parameters and its state (e.g. the velocity), one dict
per parameter, carried from one step to the next.
"""

import numpy as np

__all__ = ["SGD", "SGDMomentum", "Adam"]


class _Optimizer:
    """What every optimizer shares: the model, the loss and the backward pass."""

    def __init__(self, model, loss_func, learning_rate=1e-4, **kwargs):
        self.model = model
        self.loss_func = loss_func
        self.lr = learning_rate
        self.optim_config = kwargs.pop("optim_config", {})
        self._reset()

    def _reset(self):
        # One private config dict per parameter, so state never leaks between them.
        self.optim_configs = {name: dict(self.optim_config) for name in self.model.params}

    def backward(self, y_pred, y_true):
        """Backpropagates the loss of ``y_pred`` against ``y_true`` into ``model.grads``."""
        dout = self.loss_func.backward(y_pred, y_true)
        self.model.backward(dout)

    def step(self):
        """Applies ``_update`` to every parameter that has a gradient."""
        for name, dw in self.model.grads.items():
            w = self.model.params[name]
            self.model.params[name], self.optim_configs[name] = self._update(
                w, dw, self.optim_configs[name], lr=self.lr
            )
            self.model.grads[name] = 0.0


class SGD(_Optimizer):
    """Vanilla stochastic gradient descent: w <- w - lr * dw."""

    def _update(self, w, dw, config, lr):
        """
        Inputs:
        - w: Weights, a numpy array of any shape
        - dw: Gradient of the loss with respect to w, of the same shape
        - config: dict of the rule's state (unused here)
        - lr: Learning rate, float

        Returns a tuple of:
        - next_w: Updated weights, of the shape of w
        - config: the same dict
        """
        return w - lr * dw, config


class SGDMomentum(_Optimizer):
    """Stochastic gradient descent with momentum."""

    def _update(self, w, dw, config, lr):
        """
        Performs one step of stochastic gradient descent with momentum:
        v = momentum * v - lr * dw;  next_w = w + v.

        Inputs:
        - w: Weights, a numpy array of any shape
        - dw: Gradient of the loss with respect to w, of the same shape
        - config: dict with the keys
          - momentum: Scalar between 0 and 1 giving the momentum value;
            0 gives plain SGD. Default 0.9 when missing.
          - velocity: Array of the shape of w holding a moving average of the
            gradients. Zeros when missing.
        - lr: Learning rate, float

        Returns a tuple of:
        - next_w: Updated weights, of the shape of w
        - config: the config dict, with config['velocity'] holding the new velocity
        """
        if config is None:
            config = {}
        config.setdefault("momentum", 0.9)
        v = config.get("velocity", np.zeros_like(w))
        next_w = None
        ########################################################################
        # TODO: Implement the momentum update formula. Store the updated value #
        # in the next_w variable. You should also use and update the velocity v.#
        ########################################################################
        # YOUR CODE HERE
        raise NotImplementedError()
        ########################################################################
        #                           END OF YOUR CODE                           #
        ########################################################################
        config["velocity"] = v
        return next_w, config


class Adam(_Optimizer):
    """Adam: momentum on the gradient and on its square, with bias correction."""

    def _update(self, w, dw, config, lr):
        """
        Inputs:
        - w, dw, lr: as for SGDMomentum
        - config: dict with the keys beta1 (default 0.9), beta2 (0.999),
          epsilon (1e-8), and the state m, v (arrays of the shape of w) and t (int)

        Returns a tuple of:
        - next_w: Updated weights, of the shape of w
        - config: the config dict with the new m, v and t
        """
        if config is None:
            config = {}
        config.setdefault("beta1", 0.9)
        config.setdefault("beta2", 0.999)
        config.setdefault("epsilon", 1e-8)
        m = config.get("m", np.zeros_like(w))
        v = config.get("v", np.zeros_like(w))
        t = config.get("t", 0) + 1

        beta1, beta2 = config["beta1"], config["beta2"]
        m = beta1 * m + (1 - beta1) * dw
        v = beta2 * v + (1 - beta2) * dw**2
        m_hat = m / (1 - beta1**t)
        v_hat = v / (1 - beta2**t)
        next_w = w - lr * m_hat / (np.sqrt(v_hat) + config["epsilon"])

        config.update(m=m, v=v, t=t)
        return next_w, config
