"""Batches of a data set, in order or shuffled."""

import numpy as np

__all__ = ["DataLoader"]


class DataLoader:
    """
    Iterates over a data set in batches. Each batch is a dict with the keys of
    the data set's items, each value stacked into an array whose first
    dimension is the batch size (``{'image': (B, ...), 'label': (B,)}``).
    """

    def __init__(self, dataset, batch_size=1, shuffle=False, drop_last=False, seed=None):
        """
        Inputs:
        - dataset: an object with ``__len__`` and ``__getitem__`` returning dicts
        - batch_size: B, items per batch
        - shuffle: draw a new random order at the start of every pass
        - drop_last: skip the last batch when it has fewer than B items
        - seed: seed of the shuffling, for reproducible orders
        """
        self.dataset = dataset
        self.batch_size = batch_size
        self.shuffle = shuffle
        self.drop_last = drop_last
        self._rng = np.random.default_rng(seed)

    def __iter__(self):
        n = len(self.dataset)
        order = self._rng.permutation(n) if self.shuffle else np.arange(n)
        for start in range(0, len(self) * self.batch_size, self.batch_size):
            items = [self.dataset[i] for i in order[start : start + self.batch_size]]
            yield {key: np.stack([item[key] for item in items]) for key in items[0]}

    def __len__(self):
        """Number of batches: ceil(N / B), or floor(N / B) with drop_last."""
        n = len(self.dataset)
        return n // self.batch_size if self.drop_last else -(-n // self.batch_size)
