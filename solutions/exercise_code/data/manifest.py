"""The manifest of the data sets: ``<kit>/datasets/manifest.json`` read into data classes.

Each data set names the folder it lands in (under the data root), the files to
download (mirror URLs tried in order, size, md5 and optionally sha256, whether
to unpack it) and the files it provides once in place (``contents``).
"""

import json
from dataclasses import dataclass
from pathlib import Path

from .locations import MANIFEST, kit_root

__all__ = ["DatasetEntry", "RemoteFile", "load_manifest"]


@dataclass(frozen=True)
class RemoteFile:
    """One file to download.

    - name: file name in the data set's folder
    - urls: where to get it, tried in order (mirrors)
    - size: length in bytes
    - md5, sha256: hex digests; sha256 is None where it is not known
    - unpack: True for an archive (.tar.gz) that is unpacked and then deleted
    """

    name: str
    urls: tuple
    size: int
    md5: str
    sha256: str = None
    unpack: bool = False


@dataclass(frozen=True)
class DatasetEntry:
    """One data set.

    - name: its key in the manifest, e.g. 'mnist'
    - title: how to call it in messages, e.g. 'MNIST'
    - folder: the folder under the data root it lands in, e.g. 'mnist'
    - files: the RemoteFiles to download
    - contents: paths (relative to its folder) present once it is in place
    """

    name: str
    title: str
    folder: str
    files: tuple
    contents: tuple

    def missing(self, folder):
        """The paths of ``contents`` that are not files in ``folder``."""
        return [path for path in self.contents if not (Path(folder) / path).is_file()]


def _remote_file(spec):
    return RemoteFile(
        name=spec["name"],
        urls=tuple(spec["urls"]),
        size=int(spec["size"]),
        md5=spec["md5"],
        sha256=spec.get("sha256"),
        unpack=bool(spec.get("unpack", False)),
    )


def load_manifest(path=None):
    """
    Reads a manifest.

    Inputs:
    - path: a manifest.json; default ``<kit>/datasets/manifest.json``

    Returns:
    - entries: dict from data set name to DatasetEntry
    """
    path = Path(path) if path is not None else kit_root() / MANIFEST
    manifest = json.loads(path.read_text())
    try:
        return {
            name: DatasetEntry(
                name=name,
                title=spec["title"],
                folder=spec["folder"],
                files=tuple(_remote_file(file) for file in spec["files"]),
                contents=tuple(spec["contents"]),
            )
            for name, spec in manifest["datasets"].items()
        }
    except KeyError as error:
        raise ValueError(f"{path}: the key {error} is missing") from error
