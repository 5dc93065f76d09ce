"""Downloads a data set of the manifest into the data root.

    python -m exercise_code.data.download mnist                 # into <kit>/datasets/mnist (or $DLKIT_DATA/mnist)
    python -m exercise_code.data.download cifar10 --root DIR    # into DIR/cifar10

The package's ``__init__`` does not import this module, so that running it with
``-m`` does not import it twice.
"""

import argparse
import sys
from pathlib import Path

from .errors import DownloadError
from .fetch import fetch
from .locations import default_data_root
from .manifest import load_manifest

__all__ = ["download", "main"]


def download(name, root=None, manifest=None):
    """
    Downloads, verifies and unpacks data set ``name``; returns at once when it is already there.

    Inputs:
    - name: a data set of the manifest: 'cifar10', 'mnist' or 'fashion-mnist'
    - root: the data root; default ``default_data_root()``
    - manifest: path of the manifest to read; default ``<kit>/datasets/manifest.json``

    Returns:
    - folder: ``<root>/<folder of the data set>``, holding its files
    """
    entries = load_manifest(manifest)
    if name not in entries:
        raise ValueError(f"unknown data set {name!r}; the manifest has {', '.join(sorted(entries))}")
    entry = entries[name]
    root = Path(root) if root is not None else default_data_root()
    return fetch(entry, root / entry.folder)


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog=f"python -m {__spec__.name}", description="Download a data set, verify its checksums and unpack it."
    )
    parser.add_argument("name", help="the data set: cifar10, mnist or fashion-mnist")
    parser.add_argument("--root", type=Path, help="the data root (default: $DLKIT_DATA, else <kit>/datasets)")
    parser.add_argument("--manifest", type=Path, help="the manifest to read (default: <kit>/datasets/manifest.json)")
    args = parser.parse_args(argv)
    try:
        folder = download(args.name, args.root, args.manifest)
    except (ValueError, DownloadError) as error:  # an unknown name; a DataFormatError is a ValueError too
        print(error, file=sys.stderr)
        return 1
    print(f"{args.name} is ready in {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
