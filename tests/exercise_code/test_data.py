"""The CIFAR-10 loader, ImageFolderDataset, transforms and DataLoader, on synthetic files in the real format."""

import os
import pickle

import numpy as np
import pytest

from exercise_code.data import (
    ComposeTransform,
    DataFormatError,
    DataLoader,
    FlattenTransform,
    ImageFolderDataset,
    NormalizeTransform,
    RescaleTransform,
    load_cifar10,
)


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
    """Does the message name the missing batches, the archive with its md5 and URL, and the folder?"""
    with pytest.raises(FileNotFoundError) as raised:
        load_cifar10(tmp_path)
    lines = str(raised.value).splitlines()
    assert lines[0].startswith("CIFAR-10 not found: cifar-10-batches-py/data_batch_1, cifar-10-batches-py/data_batch_2")
    assert lines[0].endswith(f"missing in {tmp_path}.")
    assert lines[2] == (
        "  cifar-10-python.tar.gz (170,498,071 bytes, md5 c58f30108f718f92721af3b95e74349a) from "
        "https://www.cs.toronto.edu/~kriz/cifar-10-python.tar.gz (it is unpacked on the next load with download=True)"
    )


def write_test_batch(root, data):
    """Writes ``data`` (pickled bytes) as ``<root>/cifar-10-batches-py/test_batch``."""
    folder = root / "cifar-10-batches-py"
    folder.mkdir(exist_ok=True)
    (folder / "test_batch").write_bytes(data)


def test_the_official_numpy_1_pickles_load(tmp_path):
    """Does a batch that names numpy.core (numpy 1, as the official files do) load under any numpy?"""
    rows = np.arange(2 * 3072).astype(np.uint8).reshape(2, 3072)
    data = pickle.dumps({b"data": rows, b"labels": [3, 5]}, protocol=2)
    data = data.replace(b"numpy._core.multiarray", b"numpy.core.multiarray")  # what numpy 2 wrote, as numpy 1
    assert b"cnumpy.core.multiarray\n_reconstruct" in data
    write_test_batch(tmp_path, data)
    images, labels, _ = load_cifar10(tmp_path, "test")
    assert np.array_equal(images.transpose(0, 3, 1, 2).reshape(2, 3072), rows) and labels.tolist() == [3, 5]


def test_protocol_5_pickles_load(tmp_path):
    rows = np.full((1, 3072), 9, np.uint8)
    write_test_batch(tmp_path, pickle.dumps({b"data": rows, b"labels": [1]}, protocol=5))
    assert load_cifar10(tmp_path, "test")[0].sum() == 9 * 3072


class MakesAFolder:
    """Unpickling this would create a folder: what a malicious batch file could do."""

    def __init__(self, path):
        self.path = path

    def __reduce__(self):
        return os.mkdir, (str(self.path),)


@pytest.mark.parametrize(
    "content, message",
    [
        (b"\x80\x04 this is not a pickle", "not a readable pickle"),
        (pickle.dumps({b"data": np.zeros((1, 3072), np.uint8), b"labels": [0]})[:-20], "not a readable pickle"),
        (pickle.dumps([1, 2, 3]), "not a CIFAR-10 batch: expected a dict with the keys b'data' and b'labels'"),
        (pickle.dumps({b"data": np.zeros((1, 3000), np.uint8), b"labels": [0]}), r"data of shape \(1, 3000\)"),
        (pickle.dumps({b"data": np.zeros((2, 3072), np.uint8), b"labels": [0]}), "1 labels for 2 images"),
        (pickle.dumps({b"data": np.zeros((1, 3072), np.uint8), b"labels": [10]}), r"labels must be integers in \["),
    ],
    ids=["garbage", "truncated", "not-a-dict", "row-length", "label-count", "label-range"],
)
def test_a_damaged_batch_is_a_clear_error(tmp_path, content, message):
    write_test_batch(tmp_path, content)
    with pytest.raises(DataFormatError, match=f"test_batch: {message}"):
        load_cifar10(tmp_path, "test")


def test_a_batch_file_cannot_run_code(tmp_path):
    target = tmp_path / "made-by-the-pickle"
    write_test_batch(tmp_path, pickle.dumps({b"data": MakesAFolder(target), b"labels": [0]}))
    with pytest.raises(DataFormatError, match=r"it refers to \w+\.mkdir; a CIFAR-10 batch holds only numpy arrays"):
        load_cifar10(tmp_path, "test")
    assert not target.exists()


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
