"""A cache of parsed arrays (.npz files), so that loading a data set the second time is fast.

The cache of a source folder is ``<folder>/.cache/<label>.npz`` when the folder
may be written, else ``cache_root()/<folder name>-<hash of its path>/<label>.npz``
(a shared, read-only copy of the data stays untouched). Each cache file stores
a key made of its sources' names, sizes and modification times: a changed
source changes the key, and the arrays are parsed again. A cache file that
cannot be read is parsed again and overwritten.
"""

import hashlib
import json
import os
import tempfile
import warnings
import zipfile
from pathlib import Path

import numpy as np

from .locations import cache_root

__all__ = ["load_cached"]

# Raise to invalidate every cache when the parsed arrays change meaning.
CACHE_FORMAT = 1
KEY = "__key__"


def load_cached(label, sources, parse):
    """
    Returns the arrays that ``parse()`` makes of ``sources``, from the cache when it is fresh.

    Inputs:
    - label: what is cached, unique within the sources' folder, e.g. 'train'
    - sources: paths of the files the arrays are parsed from, all in one folder
    - parse: function () -> dict from name to ndarray

    Returns:
    - arrays: dict from name to ndarray, as ``parse()`` returned it
    """
    key = _key(sources)
    places = _places(Path(sources[0]).parent, label)
    for path in places:
        arrays = _read(path, key)
        if arrays is not None:
            return arrays
    arrays = parse()
    if not any(_write(path, key, arrays) for path in places):
        where = places[-1].parent
        warnings.warn(f"Could not cache the parsed {label} arrays in {where}; the next load parses the files again.")
    return arrays


def _key(sources):
    """What the cached arrays were parsed from: each source's name, size and modification time."""
    stats = []
    for path in map(Path, sources):
        stat = path.stat()
        stats.append((path.name, stat.st_size, stat.st_mtime_ns))
    return json.dumps([CACHE_FORMAT, stats])


def _places(folder, label):
    """Where the cache of ``label`` may live, in order of preference."""
    resolved = folder.resolve()
    digest = hashlib.sha256(str(resolved).encode()).hexdigest()[:12]
    shared = cache_root() / f"{resolved.name}-{digest}" / f"{label}.npz"
    return [folder / ".cache" / f"{label}.npz", shared] if _may_write(folder) else [shared]


def _may_write(folder):
    """Whether the folder's permission bits allow writing (root may write anyway; we do not)."""
    return os.access(folder, os.W_OK) and bool(folder.stat().st_mode & 0o222)


def _read(path, key):
    """The arrays cached at ``path`` under ``key``; None when missing, stale or unreadable."""
    try:
        with np.load(path) as stored:
            if stored[KEY].item() != key:
                return None
            return {name: stored[name] for name in stored.files if name != KEY}
    except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile):
        return None


def _write(path, key, arrays):
    """Writes the cache file atomically (a temporary file, then a rename); False when it cannot."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}-", suffix=".tmp")
    except OSError:
        return False
    try:
        with os.fdopen(handle, "wb") as f:
            np.savez(f, **arrays, **{KEY: np.array(key)})
        os.replace(temporary, path)
        return True
    except OSError:
        os.unlink(temporary)
        return False
