"""The cat and dog images of CIFAR-10's training batches: the data set of assignment 1."""

import numpy as np

from .cifar10 import load_cifar10

__all__ = ["CAT_DOG_CLASSES", "load_data"]

CAT_DOG_CLASSES = ["cat", "dog"]
# The CIFAR-10 labels of the two classes, in the order of their new labels 0 and 1.
CIFAR10_LABELS = (3, 5)


def load_data(root=None, download=True):
    """
    Loads the cat and dog images of the CIFAR-10 training batches and prints what it loaded.

    Inputs:
    - root: the folder holding ``cifar-10-batches-py`` (see ``load_cifar10``)
    - download: fetch CIFAR-10 first when it is missing, with a progress bar

    Returns a tuple of:
    - images: uint8 array of shape (N, 32, 32, 3) in the order of the batches; N = 10,000 on the full data
    - labels: int64 array of shape (N,), 0 = cat and 1 = dog
    - classes: ['cat', 'dog']
    """
    images, labels, _ = load_cifar10(root, "train", download=download)
    keep = np.isin(labels, CIFAR10_LABELS)
    images, labels = images[keep], (labels[keep] == CIFAR10_LABELS[1]).astype(np.int64)
    print(f"Data type of images: {images.dtype} (value range: [{images.min()}, {images.max()}])")
    print(f"Shape of images: {images.shape}")
    print(f"Shape of labels: {labels.shape}")
    print(f"Number of classes: {len(CAT_DOG_CLASSES)}")
    print(f"Classes: {CAT_DOG_CLASSES}")
    return images, labels, list(CAT_DOG_CLASSES)
