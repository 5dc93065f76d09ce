"""Where things live: the kit's folder, the data root and the cache of parsed arrays."""

import os
from pathlib import Path

__all__ = ["MANIFEST", "cache_root", "default_data_root", "kit_root"]

MANIFEST = Path("datasets") / "manifest.json"


def kit_root():
    """
    The kit's top folder: the first parent of this package that holds ``datasets/manifest.json``.

    The package sits at ``<kit>/exercise_code`` for students and at
    ``<kit>/solutions/exercise_code`` for instructors, so the depth differs.
    """
    here = Path(__file__).resolve()
    for folder in here.parents:
        if (folder / MANIFEST).is_file():
            return folder
    raise FileNotFoundError(
        f"Cannot find the kit's folder: no parent of {here.parent} holds {MANIFEST}. "
        "Install the kit with `pip install -e .` from its folder, or set DLKIT_DATA to your data folder."
    )


def default_data_root():
    """The folder that holds the data sets: $DLKIT_DATA if set, else ``<kit>/datasets``."""
    if os.environ.get("DLKIT_DATA"):
        return Path(os.environ["DLKIT_DATA"]).expanduser()
    return kit_root() / "datasets"


def cache_root():
    """Where parsed arrays are cached when the data folder is read-only: $DLKIT_CACHE, else ~/.cache/dlkit."""
    if os.environ.get("DLKIT_CACHE"):
        return Path(os.environ["DLKIT_CACHE"]).expanduser()
    return Path.home() / ".cache" / "dlkit"
