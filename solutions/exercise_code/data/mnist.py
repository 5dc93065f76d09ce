"""MNIST and Fashion-MNIST: 28 x 28 grey images of ten classes, from the official IDX files."""

from pathlib import Path

import numpy as np

from .cache import load_cached
from .errors import DataFormatError, MissingDataError
from .fetch import fetch
from .idx import IMAGES_MAGIC, LABELS_MAGIC, read_idx
from .locations import default_data_root
from .manifest import load_manifest

__all__ = ["load_mnist"]

KINDS = ("mnist", "fashion-mnist")
# Split -> (images file, labels file), each found gzipped (as downloaded) or raw.
FILES = {
    "train": ("train-images-idx3-ubyte", "train-labels-idx1-ubyte"),
    "test": ("t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"),
}
IMAGE_SHAPE = (28, 28)
NUM_CLASSES = 10


def load_mnist(root=None, split="train", kind="mnist", download=False):
    """
    Loads MNIST or Fashion-MNIST; the parsed arrays are cached (see cache.py).

    Inputs:
    - root: the folder holding the IDX files; default ``default_data_root() / kind``
    - split: 'train' (60,000 images) or 'test' (10,000 images)
    - kind: 'mnist' (digits) or 'fashion-mnist' (clothes)
    - download: first fetch the files that are missing (see fetch.py)

    Returns a tuple of:
    - images: uint8 array of shape (N, 28, 28), 0 = background
    - labels: int64 array of shape (N,), values in [0, 10)
    """
    if kind not in KINDS or split not in FILES:
        raise ValueError(f"kind must be one of {KINDS} and split 'train' or 'test', not {kind!r} and {split!r}")
    entry = load_manifest()[kind]
    folder = Path(root) if root is not None else default_data_root() / entry.folder
    if download:
        fetch(entry, folder)
    sources = [_find(folder, name) for name in FILES[split]]
    if None in sources:
        missing = [f"{name}.gz" for name, source in zip(FILES[split], sources) if source is None]
        raise MissingDataError(entry, folder, missing)
    arrays = load_cached(split, sources, lambda: _parse(*sources))
    return arrays["images"], arrays["labels"]


def _find(folder, name):
    """The file ``name.gz`` or ``name`` in folder, or None."""
    return next((path for path in (folder / f"{name}.gz", folder / name) if path.is_file()), None)


def _parse(images_path, labels_path):
    images = read_idx(images_path, IMAGES_MAGIC)
    labels = read_idx(labels_path, LABELS_MAGIC)
    if images.shape[1:] != IMAGE_SHAPE:
        raise DataFormatError(images_path, f"images of shape {images.shape[1:]}, expected {IMAGE_SHAPE}")
    if len(labels) != len(images):
        details = f"{len(labels):,} labels for the {len(images):,} images of {images_path.name}"
        raise DataFormatError(labels_path, details)
    if labels.size and labels.max() >= NUM_CLASSES:
        raise DataFormatError(labels_path, f"label {labels.max()} found, expected labels in [0, {NUM_CLASSES})")
    return {"images": images, "labels": labels.astype(np.int64)}
