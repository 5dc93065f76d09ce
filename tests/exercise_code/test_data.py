"""The CIFAR-10 loader, ImageFolderDataset, transforms and DataLoader, on synthetic files in the real format."""

import json
import pickle

import numpy as np
import pytest

from exercise_code.data import (
    ComposeTransform,
    DataLoader,
    FlattenTransform,
    ImageFolderDataset,
    NormalizeTransform,
    RescaleTransform,
    default_data_root,
    load_cifar10,
)
from tests.conftest import SHARED_DATASETS


def test_rows_become_height_width_channel_images(tmp_path):
    """Is a row (1024 red, 1024 green, 1024 blue, row-major) read as the right (32, 32, 3) pixels?"""
    folder = tmp_path / "cifar-10-batches-py"
    folder.mkdir()
    row = np.zeros(3072, dtype=np.uint8)
    row[0 * 1024 + 1 * 32 + 2] = 10  # red at (y=1, x=2)
    row[2 * 1024 + 31 * 32 + 0] = 200  # blue at (y=31, x=0)
    batch = {b"labels": [7], b"data": row[None]}
    for name in [f"data_batch_{i}" for i in range(1, 6)] + ["test_batch"]:
        (folder / name).write_bytes(pickle.dumps(batch))

    images, labels, classes = load_cifar10(tmp_path, "test")
    assert images.shape == (1, 32, 32, 3) and images.dtype == np.uint8
    assert images[0, 1, 2, 0] == 10 and images[0, 31, 0, 2] == 200 and images.sum() == 210
    assert labels.tolist() == [7] and classes[7] == "horse"


def test_train_split_concatenates_five_short_batches(synthetic_data_root):
    images, labels, _ = load_cifar10(synthetic_data_root / "cifar10", "train")
    assert images.shape == (500, 32, 32, 3) and labels.shape == (500,)


def test_missing_data_names_the_file_and_the_url(tmp_path):
    with pytest.raises(FileNotFoundError, match=r"data_batch_1.*\n.*cifar-10-python.tar.gz"):
        load_cifar10(tmp_path)


def test_data_root_comes_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("DLKIT_DATA", str(tmp_path))
    assert default_data_root() == tmp_path
    monkeypatch.delenv("DLKIT_DATA")
    assert default_data_root().name == "datasets"


def test_dataset_modes_split_the_training_data_without_overlap(synthetic_data_root):
    root = synthetic_data_root / "cifar10"
    train, val, test = (ImageFolderDataset(root, mode) for mode in ("train", "val", "test"))
    assert (len(train), len(val), len(test)) == (400, 100, 100)
    train_rows = {image.tobytes() for image in train.images}
    assert not train_rows & {image.tobytes() for image in val.images}
    item = train[0]
    assert item["image"].shape == (32, 32, 3) and isinstance(item["label"], int)
    assert len(ImageFolderDataset(root, limit=10)) == 10


def test_dataset_refuses_an_unknown_mode(synthetic_data_root):
    with pytest.raises(ValueError, match="mode must be"):
        ImageFolderDataset(synthetic_data_root / "cifar10", mode="validation")


def test_transforms_rescale_normalise_and_flatten():
    image = np.full((2, 2, 3), 255, dtype=np.uint8)
    transform = ComposeTransform([RescaleTransform(), NormalizeTransform([0.5] * 3, [0.25] * 3), FlattenTransform()])
    assert np.array_equal(transform(image), np.full(12, 2.0))


@pytest.mark.parametrize("n, batch_size, drop_last, expected", [(10, 4, False, 3), (10, 4, True, 2), (8, 4, False, 2)])
def test_dataloader_length_and_batches(n, batch_size, drop_last, expected):
    dataset = [{"image": np.full((2,), i), "label": i} for i in range(n)]
    loader = DataLoader(dataset, batch_size=batch_size, drop_last=drop_last)
    batches = list(loader)
    assert len(loader) == len(batches) == expected
    labels = np.concatenate([b["label"] for b in batches])
    assert labels.tolist() == list(range(len(labels)))  # in order, no batch overlaps another
    assert batches[0]["image"].shape == (batch_size, 2)


def test_shuffled_dataloader_visits_every_item_once_per_pass():
    dataset = [{"label": i} for i in range(10)]
    loader = DataLoader(dataset, batch_size=3, shuffle=True, seed=1)
    first, second = ([int(x) for b in loader for x in b["label"]] for _ in range(2))
    assert sorted(first) == sorted(second) == list(range(10)) and first != second


@pytest.mark.skipif(not (SHARED_DATASETS / "cifar-10-partial").is_dir(), reason="../shared/datasets not present")
def test_real_partial_cifar10_loads():
    """Do the real (partial) batches load, with the official labels for the rows present?"""
    root = SHARED_DATASETS / "cifar-10-partial"
    full = json.loads((root / "full_labels.json").read_text())
    images, labels, _ = load_cifar10(root, "test")
    assert images.shape == (full["test_batch"]["images_here"], 32, 32, 3)
    assert labels.tolist() == full["test_batch"]["labels_full_10000"][: len(labels)]
