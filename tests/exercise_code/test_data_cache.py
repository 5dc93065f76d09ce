"""The cache of parsed arrays: fresh hits, invalidation, corrupt files, read-only data folders."""

import os

import numpy as np
import pytest

from exercise_code.data import load_mnist, mnist
from exercise_code.data.cache import load_cached
from tests.synthetic_data import write_mnist


class CountingParser:
    """A parse function that reads its source and counts how often it ran."""

    def __init__(self, source):
        self.source, self.calls = source, 0

    def __call__(self):
        self.calls += 1
        return {"values": np.frombuffer(self.source.read_bytes(), np.uint8), "shape": np.array([2, 3])}


@pytest.fixture
def source(tmp_path, monkeypatch):
    monkeypatch.setenv("DLKIT_CACHE", str(tmp_path / "user-cache"))
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / "values.bin").write_bytes(b"abcdef")
    return folder / "values.bin"


def test_the_second_load_comes_from_the_cache_beside_the_data(source):
    parse = CountingParser(source)
    first = load_cached("all", [source], parse)
    second = load_cached("all", [source], parse)
    assert parse.calls == 1
    assert second.keys() == first.keys() == {"values", "shape"}
    assert bytes(second["values"]) == b"abcdef" and second["shape"].tolist() == [2, 3]
    assert (source.parent / ".cache" / "all.npz").is_file()


@pytest.mark.parametrize("change", ["content", "modification time"])
def test_a_changed_source_is_parsed_again(source, change):
    parse = CountingParser(source)
    load_cached("all", [source], parse)
    if change == "content":
        source.write_bytes(b"abcdefgh")
    else:
        stat = source.stat()
        os.utime(source, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    arrays = load_cached("all", [source], parse)
    assert parse.calls == 2
    assert bytes(arrays["values"]) == source.read_bytes()


@pytest.mark.parametrize("damage", ["garbage", "truncated"])
def test_a_corrupt_cache_file_is_parsed_again_and_rewritten(source, damage):
    parse = CountingParser(source)
    load_cached("all", [source], parse)
    cache_file = source.parent / ".cache" / "all.npz"
    data = cache_file.read_bytes()
    cache_file.write_bytes(b"\x93NUMPY garbage" if damage == "garbage" else data[: len(data) // 2])

    assert bytes(load_cached("all", [source], parse)["values"]) == b"abcdef"
    assert parse.calls == 2
    load_cached("all", [source], parse)
    assert parse.calls == 2  # the rewritten cache file serves the next load


def test_a_read_only_data_folder_is_left_alone(source, tmp_path):
    """Is the cache written under $DLKIT_CACHE when the data folder's permissions forbid writing (even for root)?"""
    parse = CountingParser(source)
    source.parent.chmod(0o555)
    try:
        load_cached("all", [source], parse)
        load_cached("all", [source], parse)
        assert [path.name for path in source.parent.iterdir()] == ["values.bin"]
    finally:
        source.parent.chmod(0o755)
    assert parse.calls == 1
    assert [path.name for path in (tmp_path / "user-cache").glob("data-*/*")] == ["all.npz"]


def test_without_a_writable_place_the_arrays_still_load_with_a_warning(source, tmp_path, monkeypatch):
    (tmp_path / "not-a-folder").write_text("")
    monkeypatch.setenv("DLKIT_CACHE", str(tmp_path / "not-a-folder"))
    source.parent.chmod(0o555)
    try:
        with pytest.warns(UserWarning, match="Could not cache the parsed all arrays"):
            arrays = load_cached("all", [source], CountingParser(source))
    finally:
        source.parent.chmod(0o755)
    assert bytes(arrays["values"]) == b"abcdef"


def test_mnist_is_not_parsed_again_when_cached(tmp_path, monkeypatch):
    written = write_mnist(tmp_path / "mnist")
    load_mnist(tmp_path / "mnist", "train")

    def parse_again(*args):
        raise AssertionError("parsed again")

    monkeypatch.setattr(mnist, "read_idx", parse_again)
    images, labels = load_mnist(tmp_path / "mnist", "train")
    assert np.array_equal(images, written["train"][0]) and np.array_equal(labels, written["train"][1])
