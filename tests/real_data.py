"""The real data sets for tests and notebook runs: ``../shared/datasets`` beside the kit, when it is there.

That folder is read-only (see its README.md): MNIST and Fashion-MNIST complete,
CIFAR-10 partial (the first rows of each batch, in ``cifar-10-partial/``, with
``full_labels.json`` beside it).
"""

from pathlib import Path

import pytest

KIT_ROOT = Path(__file__).resolve().parents[1]
SHARED_DATASETS = KIT_ROOT.parent / "shared" / "datasets"
# Data set -> its folder in SHARED_DATASETS (what the loaders take as root).
FOLDERS = {"cifar10": "cifar-10-partial", "mnist": "mnist", "fashion-mnist": "fashion-mnist"}


def real_data_folder(name):
    """The folder of real data set ``name`` (a key of FOLDERS); skips the calling test when it is absent."""
    folder = SHARED_DATASETS / FOLDERS[name]
    if not folder.is_dir():
        pytest.skip(f"no real {name} data: {folder} does not exist")
    return folder


def real_data_root(destination):
    """
    A data root in the kit's layout (``cifar10/``, ``mnist/``, ``fashion-mnist/``) made of
    links to the real data sets, for ``DLKIT_DATA``; skips the calling test when they are absent.

    Inputs:
    - destination: an empty or new folder to hold the links

    Returns:
    - root: ``destination``, as a Path
    """
    root = Path(destination)
    root.mkdir(parents=True, exist_ok=True)
    for name in FOLDERS:
        (root / name).symlink_to(real_data_folder(name), target_is_directory=True)
    return root
