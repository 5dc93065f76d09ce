"""The CIFAR-10 data set of assignment 2, item by item."""

import numpy as np

from .cifar10 import load_cifar10

__all__ = ["ImageFolderDataset"]


class ImageFolderDataset:
    """
    CIFAR-10 images with their labels; ``dataset[i]`` is ``{'image', 'label'}``.

    The 'train' and 'val' modes split the CIFAR-10 training batches with a fixed
    permutation (seed 0), so every student sees the same validation images;
    'test' is the CIFAR-10 test batch. CIFAR-10 is downloaded on first use.
    """

    def __init__(self, root=None, mode="train", transform=None, val_fraction=0.2, limit=None, download=True):
        """
        Inputs:
        - root: folder holding ``cifar-10-batches-py`` (see ``load_cifar10``)
        - mode: 'train', 'val' or 'test'
        - transform: callable applied to each image, e.g. a ``ComposeTransform``
        - val_fraction: the share of the training batches used for 'val'
        - limit: keep only the first ``limit`` items (quick experiments)
        - download: fetch CIFAR-10 when it is missing, with a progress bar
        """
        if mode not in ("train", "val", "test"):
            raise ValueError(f"mode must be 'train', 'val' or 'test', not {mode!r}")
        images, labels, self.classes = load_cifar10(root, "test" if mode == "test" else "train", download=download)
        if mode != "test":
            order = np.random.default_rng(0).permutation(len(images))
            num_val = int(round(len(images) * val_fraction))
            keep = order[:num_val] if mode == "val" else order[num_val:]
            images, labels = images[keep], labels[keep]
        if limit is not None:
            images, labels = images[:limit], labels[:limit]
        self.images, self.labels = images, labels
        self.transform = transform

    def __len__(self):
        return len(self.images)

    def __getitem__(self, index):
        """Returns ``{'image': array (32, 32, 3) after the transform, 'label': int}``."""
        image = self.images[index]
        if self.transform is not None:
            image = self.transform(image)
        return {"image": image, "label": int(self.labels[index])}
