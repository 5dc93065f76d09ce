"""Small synthetic data sets written in the real on-disk formats, so the real parsers run."""

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
        with open(folder / f"data_batch_{i}", "wb") as f:
            pickle.dump(batch(train_per_batch, f"training batch {i} of 5"), f)
    with open(folder / "test_batch", "wb") as f:
        pickle.dump(batch(test_size, "testing batch 1 of 1"), f)
    with open(folder / "batches.meta", "wb") as f:
        pickle.dump({b"label_names": [n.encode() for n in CIFAR10_LABEL_NAMES], b"num_vis": 3072}, f)
    return folder
