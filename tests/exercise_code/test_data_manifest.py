"""The manifest of the data sets and the places the package finds: kit folder, data root, cache."""

import hashlib
import json
import re
from pathlib import Path

import pytest

from autograder.reference import load_reference
from exercise_code.data import cifar10, default_data_root, mnist
from exercise_code.data.download import download
from exercise_code.data.locations import cache_root, kit_root
from exercise_code.data.manifest import load_manifest
from tests.conftest import KIT_ROOT
from tests.real_data import real_data_folder

MANIFEST = load_manifest()


def test_the_manifest_lists_the_three_data_sets_in_their_folders():
    assert {name: entry.folder for name, entry in MANIFEST.items()} == {
        "cifar10": "cifar10",
        "mnist": "mnist",
        "fashion-mnist": "fashion-mnist",
    }


@pytest.mark.parametrize("remote", [f for entry in MANIFEST.values() for f in entry.files], ids=lambda f: f.name)
def test_every_file_has_mirrors_a_size_and_checksums(remote):
    assert remote.urls and all(re.fullmatch(rf"https?://[^ ]+/{re.escape(remote.name)}", url) for url in remote.urls)
    assert remote.size > 0 and re.fullmatch("[0-9a-f]{32}", remote.md5)
    assert remote.sha256 is None or re.fullmatch("[0-9a-f]{64}", remote.sha256)


def test_cifar10_is_the_official_archive():
    (archive,) = MANIFEST["cifar10"].files
    assert archive.urls == ("https://www.cs.toronto.edu/~kriz/cifar-10-python.tar.gz",)
    assert (archive.size, archive.md5, archive.unpack) == (170498071, "c58f30108f718f92721af3b95e74349a", True)


def test_mnist_comes_first_from_the_pytorch_mirror_then_from_the_original_site():
    for remote in MANIFEST["mnist"].files:
        assert remote.urls[0] == f"https://ossci-datasets.s3.amazonaws.com/mnist/{remote.name}"
        assert remote.urls[-1] == f"http://yann.lecun.com/exdb/mnist/{remote.name}"


def test_the_loaders_read_what_the_manifest_provides():
    """Is every file a loader opens among the contents the downloader guarantees?"""
    batches = {f"{cifar10.BATCH_FOLDER}/{name}" for names in cifar10.BATCHES.values() for name in names}
    assert batches == set(MANIFEST["cifar10"].contents)
    idx_files = {f"{name}.gz" for names in mnist.FILES.values() for name in names}
    assert idx_files == set(MANIFEST["mnist"].contents) == set(MANIFEST["fashion-mnist"].contents)


@pytest.mark.parametrize("name", ["mnist", "fashion-mnist"])
def test_the_manifest_matches_the_official_files(name):
    """Do size, md5 and sha256 match the real files (byte-identical to the official ones)?"""
    folder = real_data_folder(name)
    for remote in MANIFEST[name].files:
        data = (folder / remote.name).read_bytes()
        assert (len(data), hashlib.md5(data).hexdigest()) == (remote.size, remote.md5), remote.name
        assert hashlib.sha256(data).hexdigest() == remote.sha256, remote.name


def test_a_manifest_without_a_key_names_it(tmp_path):
    file = {"name": "a", "urls": ["http://x/a"], "size": 1}
    spec = {"title": "Toy", "folder": "toy", "files": [file], "contents": []}
    (tmp_path / "manifest.json").write_text(json.dumps({"datasets": {"toy": spec}}))
    with pytest.raises(ValueError, match="manifest.json: the key 'md5' is missing"):
        load_manifest(tmp_path / "manifest.json")


def test_an_unknown_data_set_is_refused_with_the_known_names():
    with pytest.raises(ValueError, match="unknown data set 'svhn'; the manifest has cifar10, fashion-mnist, mnist"):
        download("svhn")


def test_both_copies_of_the_package_find_the_kit():
    """Is the kit found from exercise_code/ and from solutions/exercise_code/, one level deeper?"""
    assert kit_root() == KIT_ROOT
    assert load_reference("data.locations").kit_root() == KIT_ROOT


def test_data_root_and_cache_come_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("DLKIT_DATA", str(tmp_path / "data"))
    monkeypatch.setenv("DLKIT_CACHE", str(tmp_path / "cache"))
    assert (default_data_root(), cache_root()) == (tmp_path / "data", tmp_path / "cache")
    monkeypatch.delenv("DLKIT_DATA")
    monkeypatch.delenv("DLKIT_CACHE")
    assert (default_data_root(), cache_root()) == (KIT_ROOT / "datasets", Path.home() / ".cache" / "dlkit")
