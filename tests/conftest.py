"""Fixtures shared by the whole suite."""

import shutil
from pathlib import Path

import pytest

from tests.synthetic_data import write_cifar10_batches

KIT_ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def kit_root():
    return KIT_ROOT


@pytest.fixture(scope="session")
def synthetic_data_root(tmp_path_factory):
    """A data root (what $DLKIT_DATA points to) holding a small synthetic CIFAR-10."""
    root = tmp_path_factory.mktemp("data")
    write_cifar10_batches(root / "cifar10")
    return root


@pytest.fixture
def kit_copy(tmp_path):
    """A throw-away copy of the kit's sources (no virtualenv), for tests that change files."""
    ignore = shutil.ignore_patterns(".venv", ".git", "__pycache__", "*.egg-info", ".pytest_cache")
    copy = tmp_path / "kit"
    shutil.copytree(KIT_ROOT, copy, ignore=ignore)
    return copy
