"""The IDX reader and the MNIST / Fashion-MNIST loader, on synthetic files in the official format."""

import gzip

import numpy as np
import pytest

from exercise_code.data import DataFormatError, MissingDataError, load_mnist
from exercise_code.data.idx import IMAGES_MAGIC, read_idx
from tests.synthetic_data import idx_bytes, write_idx, write_mnist


@pytest.fixture
def mnist(tmp_path):
    """A synthetic MNIST folder and the arrays written into it."""
    return tmp_path / "mnist", write_mnist(tmp_path / "mnist")


@pytest.mark.parametrize("dtype", [np.uint8, np.int8, np.int16, np.int32, np.float32, np.float64])
@pytest.mark.parametrize("compress", [True, False], ids=["gzip", "raw"])
def test_idx_values_survive_the_round_trip(tmp_path, dtype, compress):
    """Are big-endian values of every IDX type read back exactly, in native byte order?"""
    array = (np.arange(24).reshape(2, 3, 4) * 37 - 100).astype(dtype)
    write_idx(tmp_path / "a.idx", array, compress)
    back = read_idx(tmp_path / "a.idx")
    assert back.dtype == np.dtype(dtype) and back.shape == (2, 3, 4)
    assert np.array_equal(back, array)


def test_mnist_loads_as_uint8_images_and_int64_labels(mnist):
    folder, written = mnist
    for split, n in (("train", 120), ("test", 30)):
        images, labels = load_mnist(folder, split)
        assert images.shape == (n, 28, 28) and images.dtype == np.uint8
        assert labels.shape == (n,) and labels.dtype == np.int64
        assert np.array_equal(images, written[split][0]) and np.array_equal(labels, written[split][1])


def test_unzipped_files_load_too(mnist):
    folder, written = mnist
    for path in folder.glob("*.gz"):
        path.with_suffix("").write_bytes(gzip.decompress(path.read_bytes()))
        path.unlink()
    images, _ = load_mnist(folder, "test")
    assert np.array_equal(images, written["test"][0])


def test_swapped_files_are_caught_by_their_magic_number(mnist):
    """Is a labels file where the images belong named, with the magic number found and expected?"""
    folder, _ = mnist
    images, labels = folder / "t10k-images-idx3-ubyte.gz", folder / "t10k-labels-idx1-ubyte.gz"
    images.write_bytes(labels.read_bytes())
    with pytest.raises(DataFormatError, match=f"t10k-images-idx3-ubyte.gz: magic number 2049, expected {IMAGES_MAGIC}"):
        load_mnist(folder, "test")


def test_a_file_that_is_not_idx_says_so(tmp_path):
    (tmp_path / "x.idx").write_bytes(b"<html>Not Found</html>")
    with pytest.raises(DataFormatError, match=r"not an IDX file \(magic number 3c68746d\)"):
        read_idx(tmp_path / "x.idx")


@pytest.mark.parametrize(
    "length, message",
    [
        (798, r"798 bytes \(truncated\), expected 799 for values of shape \(1, 27, 29\)"),
        (10, r"10 bytes \(truncated\), too short for its header of 16 bytes"),
    ],
)
def test_a_truncated_idx_file_is_an_error(tmp_path, length, message):
    data = idx_bytes(np.zeros((1, 27, 29), np.uint8))  # 16 header bytes + 783 values
    (tmp_path / "x.idx").write_bytes(data[:length])
    with pytest.raises(DataFormatError, match=message):
        read_idx(tmp_path / "x.idx")


def test_extra_bytes_after_the_values_are_an_error(tmp_path):
    (tmp_path / "x.idx").write_bytes(idx_bytes(np.zeros(5, np.uint8)) + b"\0")
    with pytest.raises(DataFormatError, match=r"14 bytes, expected 13 for values of shape \(5,\)"):
        read_idx(tmp_path / "x.idx")


def test_a_truncated_gzip_file_says_to_download_again(mnist):
    folder, _ = mnist
    path = folder / "train-images-idx3-ubyte.gz"
    path.write_bytes(path.read_bytes()[:-100])
    with pytest.raises(DataFormatError, match="broken gzip stream .*; delete the file and download it again"):
        load_mnist(folder, "train")


@pytest.mark.parametrize(
    "images, labels, message",
    [
        (np.zeros((3, 27, 28), np.uint8), np.zeros(3, np.uint8), r"images of shape \(27, 28\), expected \(28, 28\)"),
        (np.zeros((3, 28, 28), np.uint8), np.zeros(2, np.uint8), "2 labels for the 3 images of t10k-images"),
        (np.zeros((3, 28, 28), np.uint8), np.array([0, 10, 1], np.uint8), r"label 10 found, expected labels in \["),
    ],
    ids=["image-size", "label-count", "label-range"],
)
def test_files_that_do_not_fit_together_are_an_error(mnist, images, labels, message):
    folder, _ = mnist
    write_idx(folder / "t10k-images-idx3-ubyte.gz", images)
    write_idx(folder / "t10k-labels-idx1-ubyte.gz", labels)
    with pytest.raises(DataFormatError, match=message):
        load_mnist(folder, "test")


def test_missing_files_are_named_with_where_to_get_them(tmp_path):
    """Does the message name the missing file, its folder, its md5 and a URL to get it from?"""
    with pytest.raises(MissingDataError) as raised:
        load_mnist(tmp_path, "train", kind="fashion-mnist")
    message = str(raised.value)
    assert isinstance(raised.value, FileNotFoundError)
    missing = "train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz"
    assert f"Fashion-MNIST not found: {missing} missing in {tmp_path}." in message
    assert (
        "train-images-idx3-ubyte.gz (26,421,880 bytes, md5 8d4fb7e6c68d591d4c3dfef9ec88bf0d) from "
        "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/train-images-idx3-ubyte.gz"
    ) in message


def test_mnist_reads_the_data_root_from_the_environment(mnist, monkeypatch):
    folder, written = mnist
    monkeypatch.setenv("DLKIT_DATA", str(folder.parent))
    assert np.array_equal(load_mnist(split="test")[1], written["test"][1])


@pytest.mark.parametrize("arguments", [{"kind": "emnist"}, {"split": "valid"}])
def test_an_unknown_kind_or_split_is_refused(mnist, arguments):
    with pytest.raises(ValueError, match="kind must be one of"):
        load_mnist(mnist[0], **arguments)
