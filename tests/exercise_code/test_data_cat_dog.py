"""``load_data()`` of assignment 1: the cat and dog images of CIFAR-10's training batches."""

import numpy as np
import pytest

from exercise_code.data import load_cifar10, load_data
from tests.synthetic_data import write_pickle

CAT, DOG = 3, 5


def write_training_batches(root, labels_per_batch, low=0, high=255, seed=0):
    """Writes the five CIFAR-10 training batches, each with these labels and random rows in [low, high]."""
    rng = np.random.default_rng(seed)
    folder = root / "cifar-10-batches-py"
    folder.mkdir(parents=True)
    for i in range(1, 6):
        labels = rng.permutation(labels_per_batch)
        rows = rng.integers(low, high + 1, size=(len(labels), 3072), dtype=np.uint8)
        write_pickle(folder / f"data_batch_{i}", {b"labels": labels.tolist(), b"data": rows})
    return root


@pytest.fixture(scope="module")
def full_size_root(tmp_path_factory):
    """Training batches of the official size in cats and dogs: 1,000 + 1,000 per batch, among 500 others."""
    labels = np.repeat([CAT, DOG, 0, 1, 9], [1000, 1000, 200, 200, 100])
    return write_training_batches(tmp_path_factory.mktemp("cifar10"), labels)


def test_load_data_prints_what_the_homework_prints(full_size_root, capsys):
    load_data(full_size_root, download=False)
    assert capsys.readouterr().out.splitlines() == [
        "Data type of images: uint8 (value range: [0, 255])",
        "Shape of images: (10000, 32, 32, 3)",
        "Shape of labels: (10000,)",
        "Number of classes: 2",
        "Classes: ['cat', 'dog']",
    ]


def test_cats_become_0_and_dogs_1_in_the_order_of_the_batches(full_size_root):
    images, labels, classes = load_data(full_size_root, download=False)
    all_images, all_labels, _ = load_cifar10(full_size_root, "train")
    keep = (all_labels == CAT) | (all_labels == DOG)
    assert images.dtype == np.uint8 and np.array_equal(images, all_images[keep])
    assert labels.dtype == np.int64 and np.array_equal(labels, (all_labels[keep] == DOG).astype(int))
    assert np.bincount(labels).tolist() == [5000, 5000] and classes == ["cat", "dog"]


def test_the_printed_value_range_is_that_of_the_data(tmp_path, capsys):
    root = write_training_batches(tmp_path, np.array([CAT, DOG, 7]), low=7, high=200)
    images, _, _ = load_data(root, download=False)
    first_line = capsys.readouterr().out.splitlines()[0]
    assert first_line == f"Data type of images: uint8 (value range: [{images.min()}, {images.max()}])"
    assert 7 <= images.min() and images.max() <= 200 and images.shape == (10, 32, 32, 3)
