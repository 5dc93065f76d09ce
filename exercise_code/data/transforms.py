"""Transforms applied to single images (numpy arrays of shape (H, W, C))."""

import numpy as np

__all__ = ["RescaleTransform", "NormalizeTransform", "FlattenTransform", "ComposeTransform"]


class RescaleTransform:
    """Maps values linearly from ``old_range`` (default [0, 255]) to ``range_`` (default [0, 1])."""

    def __init__(self, range_=(0, 1), old_range=(0, 255)):
        self.min, self.max = range_
        self._old_min, self._old_max = old_range

    def __call__(self, image):
        scaled = (image.astype(np.float64) - self._old_min) / (self._old_max - self._old_min)
        return scaled * (self.max - self.min) + self.min


class NormalizeTransform:
    """Subtracts a per-channel mean and divides by a per-channel std, each of shape (C,)."""

    def __init__(self, mean, std):
        self.mean = np.asarray(mean)
        self.std = np.asarray(std)

    def __call__(self, image):
        return (image - self.mean) / self.std


class FlattenTransform:
    """Flattens an image of shape (H, W, C) to a vector of shape (H * W * C,)."""

    def __call__(self, image):
        return image.reshape(-1)


class ComposeTransform:
    """Applies a list of transforms one after the other."""

    def __init__(self, transforms):
        self.transforms = list(transforms)

    def __call__(self, image):
        for transform in self.transforms:
            image = transform(image)
        return image
