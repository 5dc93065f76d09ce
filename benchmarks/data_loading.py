"""Times the data loaders on the real data sets: the first load (parse and write the cache), the cached
load, and, for comparison in the same run, plain parsing (gzip + np.frombuffer for the IDX files of MNIST
and Fashion-MNIST, pickle for CIFAR-10) without any validation.

    .venv/bin/python benchmarks/data_loading.py [--data DIR] [--repeat N]

DIR holds mnist/, fashion-mnist/ and cifar10/ (or cifar-10-partial/); default ../shared/datasets beside
the kit. Parsed arrays are cached in a fresh temporary $DLKIT_CACHE when DIR is read-only. Target: a
cached load of MNIST train under 0.5 s.
"""

import argparse
import gzip
import os
import pickle
import statistics
import tempfile
import time
from functools import partial
from pathlib import Path

import numpy as np

from exercise_code.data import load_cifar10, load_mnist

KIT_ROOT = Path(__file__).resolve().parents[1]
CACHED_MNIST_TRAIN_TARGET_S = 0.5
MNIST_PREFIXES = {"train": "train", "test": "t10k"}
CIFAR10_BATCHES = {"train": [f"data_batch_{i}" for i in range(1, 6)], "test": ["test_batch"]}


def plain_idx(folder, split):
    """MNIST's IDX files read the shortest way: gunzip, skip the header, view the bytes."""
    prefix = MNIST_PREFIXES[split]
    with gzip.open(folder / f"{prefix}-images-idx3-ubyte.gz") as f:
        images = np.frombuffer(f.read(), np.uint8, offset=16).reshape(-1, 28, 28)
    with gzip.open(folder / f"{prefix}-labels-idx1-ubyte.gz") as f:
        labels = np.frombuffer(f.read(), np.uint8, offset=8)
    return images, labels


def plain_cifar10(folder, split):
    """CIFAR-10's batches read the shortest way: pickle.load, reshape, concatenate."""
    images, labels = [], []
    for name in CIFAR10_BATCHES[split]:
        with open(folder / "cifar-10-batches-py" / name, "rb") as f:
            batch = pickle.load(f, encoding="bytes")
        images.append(batch[b"data"].reshape(-1, 3, 32, 32).transpose(0, 2, 3, 1))
        labels.append(batch[b"labels"])
    return np.concatenate(images), np.concatenate(labels)


def seconds(function, repeat=1):
    """The median wall time of ``repeat`` calls, and the last call's result."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def cases(data):
    """(data set, split, folder of its cache, loader, plain parser) for each data set in ``data``."""
    for kind, title in (("mnist", "MNIST"), ("fashion-mnist", "Fashion-MNIST")):
        folder = data / kind
        for split in ("train", "test"):
            yield title, split, folder, partial(load_mnist, folder, split, kind), partial(plain_idx, folder, split)
    folder = next(data / name for name in ("cifar10", "cifar-10-partial") if (data / name).is_dir())
    for split in ("train", "test"):
        load, plain = partial(load_cifar10, folder, split), partial(plain_cifar10, folder, split)
        yield f"CIFAR-10 ({folder.name})", split, folder / "cifar-10-batches-py", load, plain


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=KIT_ROOT.parent / "shared" / "datasets")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of the cached load and plain parse")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="dlkit-benchmark-") as cache:
        os.environ["DLKIT_CACHE"] = cache
        run(args.data, args.repeat)


def run(data, repeat):
    """Prints the table for the data sets in ``data``."""
    print(f"data: {data}; cached load and plain parse: median of {repeat} runs")
    header = f"{'data set':<36}{'split':<7}{'images':>8}{'first load':>12}{'cached load':>13}{'plain parse':>13}"
    print(header)
    print("-" * len(header))
    results = {}
    for title, split, cache_folder, load, plain in cases(data):
        # Start cold where the data folder is writable and holds a cache of an earlier run.
        (cache_folder / ".cache" / f"{split}.npz").unlink(missing_ok=True)
        first, (images, labels, *_) = seconds(load)
        cached, (cached_images, cached_labels, *_) = seconds(load, repeat)
        plain_s, (plain_images, plain_labels) = seconds(plain, repeat)
        assert np.array_equal(cached_images, images) and np.array_equal(plain_images, images)
        assert np.array_equal(cached_labels, labels) and np.array_equal(plain_labels, labels)
        results[title, split] = cached
        print(f"{title:<36}{split:<7}{len(images):>8,}{first:>10.3f} s{cached:>11.3f} s{plain_s:>11.3f} s")

    mnist_train = results["MNIST", "train"]
    verdict = "met" if mnist_train < CACHED_MNIST_TRAIN_TARGET_S else "MISSED"
    print(f"\ncached MNIST train: {mnist_train:.3f} s (target < {CACHED_MNIST_TRAIN_TARGET_S} s: {verdict})")


if __name__ == "__main__":
    main()
