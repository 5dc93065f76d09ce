"""Small synthetic data sets written in the real on-disk formats, so the real parsers run."""

import gzip
import pickle
from pathlib import Path

import numpy as np

CIFAR10_LABEL_NAMES = ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"]


def write_cifar10_batches(root, train_per_batch=100, test_size=100, seed=0):
    """
    Writes CIFAR-10 in the official python layout under ``<root>/cifar-10-batches-py``:
    five ``data_batch_i`` and one ``test_batch``, pickled dicts with byte-string keys
    and uint8 rows of 3072 values (1024 red, 1024 green, 1024 blue). Each class
    gets its own mean colour, so a classifier can learn something.

    Returns:
    - folder: the ``cifar-10-batches-py`` path
    """
    rng = np.random.default_rng(seed)
    folder = Path(root) / "cifar-10-batches-py"
    folder.mkdir(parents=True, exist_ok=True)
    class_colours = rng.integers(40, 216, size=(10, 3))

    def batch(n, label):
        labels = rng.integers(0, 10, size=n)
        noise = rng.normal(scale=30.0, size=(n, 3, 32 * 32))
        rows = np.clip(class_colours[labels][:, :, None] + noise, 0, 255).astype(np.uint8).reshape(n, 3072)
        return {b"batch_label": label.encode(), b"labels": labels.tolist(), b"data": rows}

    for i in range(1, 6):
        write_pickle(folder / f"data_batch_{i}", batch(train_per_batch, f"training batch {i} of 5"))
    write_pickle(folder / "test_batch", batch(test_size, "testing batch 1 of 1"))
    write_pickle(folder / "batches.meta", {b"label_names": [n.encode() for n in CIFAR10_LABEL_NAMES], b"num_vis": 3072})
    return folder


def write_pickle(path, obj):
    with open(path, "wb") as f:
        pickle.dump(obj, f)


def idx_bytes(array):
    """
    The IDX encoding of an array: magic number (0, 0, type code, number of
    dimensions), big-endian int32 sizes, big-endian values.
    """
    codes = {"u1": 0x08, "i1": 0x09, "i2": 0x0B, "i4": 0x0C, "f4": 0x0D, "f8": 0x0E}
    array = np.asarray(array)
    kind = array.dtype.str[1:]
    header = bytes([0, 0, codes[kind], array.ndim]) + np.asarray(array.shape, ">u4").tobytes()
    return header + array.astype(">" + kind).tobytes()


def write_idx(path, array, compress=True):
    """Writes ``array`` as an IDX file, gzipped (as the official files are) unless ``compress`` is False."""
    data = idx_bytes(array)
    Path(path).write_bytes(gzip.compress(data, mtime=0) if compress else data)


def write_mnist(folder, train_size=120, test_size=30, seed=0):
    """
    Writes the four MNIST IDX files (gzipped, official names) into ``folder``:
    uint8 images (N, 28, 28) whose mean brightness grows with the label, labels
    uint8 (N,) cycling through 0..9.

    Returns:
    - arrays: {'train': (images, labels), 'test': (images, labels)}, as written
    """
    rng = np.random.default_rng(seed)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    arrays = {}
    for split, prefix, n in (("train", "train", train_size), ("test", "t10k", test_size)):
        labels = (np.arange(n) % 10).astype(np.uint8)
        images = rng.integers(0, 256, size=(n, 28, 28)) * (labels[:, None, None] + 1) // 10
        arrays[split] = images.astype(np.uint8), labels
        write_idx(folder / f"{prefix}-images-idx3-ubyte.gz", arrays[split][0])
        write_idx(folder / f"{prefix}-labels-idx1-ubyte.gz", labels)
    return arrays
