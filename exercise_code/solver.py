"""Trains a model with an optimizer on a training loader, watching a validation loader."""

import sys

import numpy as np
from tqdm import tqdm

from .networks.loss import CrossEntropyFromLogits
from .networks.optimizer import Adam

__all__ = ["Solver"]


class Solver:
    """
    Runs minibatch gradient descent and keeps the loss histories.

    After ``train``, ``model.params`` holds the parameters of the epoch with the
    lowest validation loss, and ``train_loss_history`` / ``val_loss_history``
    hold one mean loss per epoch.
    """

    def __init__(
        self,
        model,
        train_dataloader,
        val_dataloader,
        loss_func=None,
        learning_rate=1e-3,
        optimizer=Adam,
        verbose=True,
        print_every=1,
        **kwargs,
    ):
        """
        Inputs:
        - model: an object with ``params``, ``grads``, ``reg``, ``forward`` and ``backward``
        - train_dataloader, val_dataloader: iterables of ``{'image', 'label'}`` batches
        - loss_func: a loss object; default ``CrossEntropyFromLogits()``
        - learning_rate: float
        - optimizer: an optimizer class from ``optimizer.py``
        - verbose: print one line per ``print_every`` epochs
        - kwargs: passed to the optimizer (e.g. ``optim_config``)
        """
        self.model = model
        self.train_dataloader = train_dataloader
        self.val_dataloader = val_dataloader
        self.loss_func = loss_func if loss_func is not None else CrossEntropyFromLogits()
        self.learning_rate = learning_rate
        self.opt = optimizer(model, self.loss_func, learning_rate, **kwargs)
        self.verbose = verbose
        self.print_every = print_every
        self._reset()

    def _reset(self):
        self.best_val_loss = None
        self.best_params = None
        self.train_loss_history = []
        self.val_loss_history = []

    def _step(self, X, y, validation=False):
        """One forward pass (and, when training, one backward pass and update); returns the loss."""
        y_pred = self.model.forward(X)
        loss = self.loss_func.forward(y_pred, y) + sum(self.model.reg.values())
        if not validation:
            self.opt.backward(y_pred, y)
            self.opt.step()
        return loss

    def _epoch_loss(self, dataloader, validation):
        losses = [self._step(b["image"], b["label"], validation) for b in dataloader]
        return float(np.mean(losses))

    def train(self, epochs=100):
        """Trains for ``epochs`` passes over the training data."""
        progress = tqdm(range(epochs), desc="training", unit="epoch", leave=False, file=sys.stderr,
                        disable=not self.verbose)
        for t in progress:
            train_loss = self._epoch_loss(self.train_dataloader, validation=False)
            val_loss = self._epoch_loss(self.val_dataloader, validation=True)
            self.train_loss_history.append(train_loss)
            self.val_loss_history.append(val_loss)
            if self.verbose and t % self.print_every == 0:
                # tqdm.write keeps the progress bar below the line instead of breaking it
                tqdm.write(f"(Epoch {t + 1} / {epochs}) train loss: {train_loss:f}; val loss: {val_loss:f}",
                           file=sys.stdout)
            if self.best_val_loss is None or val_loss < self.best_val_loss:
                self.best_val_loss = val_loss
                self.best_params = {k: np.copy(v) for k, v in self.model.params.items()}
        if self.best_params is not None:
            self.model.params = self.best_params
