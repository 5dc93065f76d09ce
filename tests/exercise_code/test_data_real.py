"""The loaders on the real data sets in ../shared/datasets (read-only; skipped where absent).

MNIST and Fashion-MNIST there are the official files; CIFAR-10 is partial (the
first rows of each batch), with the full official label lists beside it.
"""

import json

import numpy as np
import pytest

from exercise_code.data import ImageFolderDataset, load_cifar10, load_data, load_mnist
from tests.real_data import SHARED_DATASETS, real_data_folder, real_data_root

MNIST_COUNTS = {
    "train": [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949],
    "test": [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009],
}
FASHION_MNIST_COUNTS = {"train": [6000] * 10, "test": [1000] * 10}


@pytest.fixture(scope="module", autouse=True)
def cache(tmp_path_factory):
    """A cache of this module's own: the shared folder is read-only, so parsed arrays go there."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        folder = tmp_path_factory.mktemp("cache")
        monkeypatch.setenv("DLKIT_CACHE", str(folder))
        yield folder


@pytest.fixture(scope="module")
def cifar_labels():
    """The official labels of each batch, cut to the rows present in the partial copy."""
    full = json.loads((real_data_folder("cifar10") / "full_labels.json").read_text())
    return {name: batch["labels_full_10000"][: batch["images_here"]] for name, batch in full.items()}


@pytest.mark.parametrize("kind, counts", [("mnist", MNIST_COUNTS), ("fashion-mnist", FASHION_MNIST_COUNTS)])
@pytest.mark.parametrize("split", ["train", "test"])
def test_mnist_and_fashion_mnist_have_the_official_label_counts(kind, counts, split):
    images, labels = load_mnist(real_data_folder(kind), split, kind=kind)
    assert images.shape == (sum(counts[split]), 28, 28) and images.dtype == np.uint8
    assert np.bincount(labels, minlength=10).tolist() == counts[split]
    assert images.min() == 0 and images.max() == 255


def test_the_partial_cifar10_has_the_official_labels_of_its_rows(cifar_labels):
    root = real_data_folder("cifar10")
    train_images, train_labels, _ = load_cifar10(root, "train")
    test_images, test_labels, _ = load_cifar10(root, "test")
    expected_train = sum((cifar_labels[f"data_batch_{i}"] for i in range(1, 6)), [])
    assert train_images.shape == (len(expected_train), 32, 32, 3) and train_labels.tolist() == expected_train
    assert test_images.shape == (len(cifar_labels["test_batch"]), 32, 32, 3)
    assert test_labels.tolist() == cifar_labels["test_batch"]


def test_load_data_on_the_data_root_from_the_environment(tmp_path, monkeypatch, capsys, cifar_labels):
    """Does load_data() find CIFAR-10 through $DLKIT_DATA and print the homework's lines for what is there?"""
    monkeypatch.setenv("DLKIT_DATA", str(real_data_root(tmp_path / "data")))
    images, labels, classes = load_data()

    expected = [label for i in range(1, 6) for label in cifar_labels[f"data_batch_{i}"] if label in (3, 5)]
    assert labels.tolist() == [int(label == 5) for label in expected]
    assert capsys.readouterr().out.splitlines() == [
        "Data type of images: uint8 (value range: [0, 255])",
        f"Shape of images: ({len(expected)}, 32, 32, 3)",
        f"Shape of labels: ({len(expected)},)",
        "Number of classes: 2",
        "Classes: ['cat', 'dog']",
    ]


def test_the_assignment_2_dataset_reads_the_real_batches(cifar_labels):
    dataset = ImageFolderDataset(real_data_folder("cifar10"), mode="test", limit=5)
    assert [dataset[i]["label"] for i in range(5)] == cifar_labels["test_batch"][:5]
    assert dataset[0]["image"].shape == (32, 32, 3)


def test_the_shared_folder_is_left_untouched(cache):
    """Does loading write nothing into the read-only shared folder, and cache under $DLKIT_CACHE instead?"""
    load_mnist(real_data_folder("mnist"), "test")
    assert not list(SHARED_DATASETS.rglob(".cache")) and not list(SHARED_DATASETS.rglob("*.tmp"))
    assert [path.name for path in cache.glob("mnist-*/*.npz") if path.name == "test.npz"] == ["test.npz"]
