"""CIFAR-10 in the official "python version" layout (pickled batches of uint8 rows)."""

import codecs
import pickle
from pathlib import Path

import numpy as np

from .cache import load_cached
from .errors import DataFormatError, MissingDataError
from .fetch import fetch
from .locations import default_data_root
from .manifest import load_manifest

__all__ = ["CIFAR10_CLASSES", "load_cifar10"]

CIFAR10_CLASSES = ["plane", "car", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"]
BATCH_FOLDER = "cifar-10-batches-py"
BATCHES = {"train": [f"data_batch_{i}" for i in range(1, 6)], "test": ["test_batch"]}
ROW_LENGTH = 3 * 32 * 32

# What a pickled numpy array needs, and nothing else, so that a batch file cannot
# run code. The functions are taken from numpy itself because their module moved
# (numpy.core in numpy 1, which wrote the official files; numpy._core in numpy 2).
_reconstruct = np.zeros(1).__reduce__()[0]
_frombuffer = np.zeros(1).__reduce_ex__(5)[0]  # what pickle protocol 5 uses
_ALLOWED_GLOBALS = {
    ("numpy", "ndarray"): np.ndarray,
    ("numpy", "dtype"): np.dtype,
    **{(f"{core}.multiarray", "_reconstruct"): _reconstruct for core in ("numpy.core", "numpy._core")},
    **{(f"{core}.numeric", "_frombuffer"): _frombuffer for core in ("numpy.core", "numpy._core")},
    ("_codecs", "encode"): codecs.encode,  # how Python 3 writes bytes at pickle protocols 0 to 2
}


class _BatchUnpickler(pickle.Unpickler):
    """Unpickles plain containers and numpy arrays only."""

    def find_class(self, module, name):
        if (module, name) not in _ALLOWED_GLOBALS:
            raise pickle.UnpicklingError(f"it refers to {module}.{name}; a CIFAR-10 batch holds only numpy arrays")
        return _ALLOWED_GLOBALS[module, name]


def load_cifar10(root=None, split="train", download=False):
    """
    Loads CIFAR-10 from ``<root>/cifar-10-batches-py``; the parsed arrays are cached (see cache.py).

    Inputs:
    - root: folder holding ``cifar-10-batches-py``; default ``default_data_root() / 'cifar10'``
    - split: 'train' (the five data batches) or 'test' (the test batch)
    - download: first fetch CIFAR-10 when batches are missing (see fetch.py)

    Returns a tuple of:
    - images: uint8 array of shape (N, 32, 32, 3)
    - labels: int64 array of shape (N,), values in [0, 10)
    - classes: list of the 10 class names
    Batches with fewer than 10,000 rows are accepted.
    """
    if split not in BATCHES:
        raise ValueError(f"split must be 'train' or 'test', not {split!r}")
    entry = load_manifest()["cifar10"]
    root = Path(root) if root is not None else default_data_root() / entry.folder
    if download:
        fetch(entry, root)
    sources = [root / BATCH_FOLDER / name for name in BATCHES[split]]
    missing = [f"{BATCH_FOLDER}/{path.name}" for path in sources if not path.is_file()]
    if missing:
        raise MissingDataError(entry, root, missing)
    arrays = load_cached(split, sources, lambda: _read_batches(sources))
    return arrays["images"], arrays["labels"], list(CIFAR10_CLASSES)


def _read_batches(paths):
    parts = [_read_batch(path) for path in paths]
    return {
        "images": np.concatenate([images for images, _ in parts]),
        "labels": np.concatenate([labels for _, labels in parts]),
    }


def _read_batch(path):
    """Reads one pickled batch -> images uint8 (n, 32, 32, 3), labels int64 (n,)."""
    try:
        with open(path, "rb") as f:
            batch = _BatchUnpickler(f, encoding="bytes").load()
    except Exception as error:  # unpickling damaged bytes can raise almost any exception
        details = f"not a readable pickle ({error}); delete it and download CIFAR-10 again"
        raise DataFormatError(path, details) from error
    if not isinstance(batch, dict) or not {b"data", b"labels"} <= batch.keys():
        raise DataFormatError(path, "not a CIFAR-10 batch: expected a dict with the keys b'data' and b'labels'")
    rows, labels = np.asarray(batch[b"data"]), np.asarray(batch[b"labels"])
    if rows.dtype != np.uint8 or rows.ndim != 2 or rows.shape[1] != ROW_LENGTH:
        raise DataFormatError(path, f"data of shape {rows.shape} and dtype {rows.dtype}, expected (N, 3072) uint8")
    if labels.shape != (len(rows),):
        raise DataFormatError(path, f"{labels.size} labels for {len(rows)} images")
    if labels.size and (labels.dtype.kind not in "iu" or labels.min() < 0 or labels.max() >= len(CIFAR10_CLASSES)):
        raise DataFormatError(path, "labels must be integers in [0, 10)")
    # A row is 1024 red, then 1024 green, then 1024 blue values, each 32 x 32 row-major.
    images = rows.reshape(-1, 3, 32, 32).transpose(0, 2, 3, 1)
    return images, labels.astype(np.int64)
