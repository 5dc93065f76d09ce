"""CIFAR-10 in the official "python version" layout (pickled batches of uint8 rows)."""

import os
import pickle
from pathlib import Path

import numpy as np

__all__ = ["CIFAR10_CLASSES", "CIFAR10_URL", "default_data_root", "load_cifar10"]

CIFAR10_CLASSES = ["plane", "car", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"]
CIFAR10_URL = "https://www.cs.toronto.edu/~kriz/cifar-10-python.tar.gz"
CIFAR10_MD5 = "c58f30108f718f92721af3b95e74349a"
BATCH_FOLDER = "cifar-10-batches-py"
TRAIN_BATCHES = [f"data_batch_{i}" for i in range(1, 6)]
TEST_BATCHES = ["test_batch"]


def default_data_root():
    """The folder that holds the data sets: $DLKIT_DATA if set, else ``<kit>/datasets``."""
    if os.environ.get("DLKIT_DATA"):
        return Path(os.environ["DLKIT_DATA"])
    return Path(__file__).resolve().parents[2] / "datasets"


def _read_batch(path):
    """Reads one pickled batch -> images uint8 (n, 32, 32, 3), labels int64 (n,)."""
    with open(path, "rb") as f:
        batch = pickle.load(f, encoding="bytes")
    rows = np.asarray(batch[b"data"], dtype=np.uint8)
    # A row is 1024 red, then 1024 green, then 1024 blue values, each 32 x 32 row-major.
    images = rows.reshape(-1, 3, 32, 32).transpose(0, 2, 3, 1)
    labels = np.asarray(batch[b"labels"], dtype=np.int64)
    if len(images) != len(labels):
        raise ValueError(f"{path}: {len(images)} images but {len(labels)} labels")
    return images, labels


def load_cifar10(root=None, split="train"):
    """
    Loads CIFAR-10 from ``<root>/cifar-10-batches-py``.

    Inputs:
    - root: folder holding ``cifar-10-batches-py``; default ``default_data_root() / 'cifar10'``
    - split: 'train' (the five data batches) or 'test' (the test batch)

    Returns a tuple of:
    - images: uint8 array of shape (N, 32, 32, 3)
    - labels: int64 array of shape (N,), values in [0, 10)
    - classes: list of the 10 class names
    Batches with fewer than 10,000 rows are accepted.
    """
    root = Path(root) if root is not None else default_data_root() / "cifar10"
    names = {"train": TRAIN_BATCHES, "test": TEST_BATCHES}[split]
    folder = root / BATCH_FOLDER
    missing = [name for name in names if not (folder / name).is_file()]
    if missing:
        raise FileNotFoundError(
            f"CIFAR-10 batch file(s) {', '.join(missing)} not found in {folder}.\n"
            f"Download {CIFAR10_URL} (md5 {CIFAR10_MD5}) and unpack it into {root}."
        )
    parts = [_read_batch(folder / name) for name in names]
    images = np.concatenate([images for images, _ in parts])
    labels = np.concatenate([labels for _, labels in parts])
    return images, labels, list(CIFAR10_CLASSES)
