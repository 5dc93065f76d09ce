"""Puts a data set's files into its folder: mirrors, resumed downloads, checksums, atomic writes, unpacking.

Only the standard library talks to the network (urllib). A file is downloaded
to ``<name>.part`` and renamed to ``<name>`` once its size and checksums match
the manifest, so a file under its real name is always complete; an interrupted
download is resumed from its ``.part`` with an HTTP Range request.
"""

import hashlib
import http.client
import os
import shutil
import sys
import tarfile
import tempfile
import urllib.error
import urllib.request
import zlib
from pathlib import Path, PurePosixPath

from tqdm.auto import tqdm

from .errors import DataFormatError, DownloadError

__all__ = ["fetch", "verify"]

CHUNK_BYTES = 1 << 20
TIMEOUT_S = 30
# A URL is asked again after a broken connection (resuming) while each attempt brings new bytes.
MAX_ATTEMPTS_PER_URL = 5


def fetch(entry, folder):
    """
    Puts data set ``entry`` into ``folder``: downloads what is missing, verifies it, unpacks archives.

    Returns at once when every path of ``entry.contents`` is there and each
    file that stays as downloaded has its size. A file of the right name
    already in the folder (downloaded by hand, say) is used when its size and
    checksums match the manifest, and downloaded again when not.

    Inputs:
    - entry: a manifest DatasetEntry
    - folder: the data set's folder; created when needed

    Returns:
    - folder: the same folder, as a Path
    Raises DownloadError when no URL of a file gives its verified bytes.
    """
    folder = Path(folder)
    if _in_place(entry, folder):
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    for remote in entry.files:
        path = _fetch_file(remote, folder)
        if remote.unpack:
            _unpack(path, folder)
            path.unlink()
    missing = entry.missing(folder)
    if missing:
        raise DataFormatError(folder, f"{', '.join(missing)} still missing after fetching {entry.title}")
    return folder


def verify(path, remote):
    """
    Compares a file with its manifest record.

    Inputs:
    - path: the file
    - remote: its RemoteFile

    Returns:
    - problem: None when size, md5 and (if known) sha256 match, else what differs
    """
    size = path.stat().st_size
    if size != remote.size:
        return f"{size:,} bytes, expected {remote.size:,}" + (" (truncated)" if size < remote.size else "")
    md5, sha256 = hashlib.md5(usedforsecurity=False), hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(CHUNK_BYTES):
            md5.update(chunk)
            sha256.update(chunk)
    if md5.hexdigest() != remote.md5:
        return f"md5 {md5.hexdigest()}, expected {remote.md5}"
    if remote.sha256 is not None and sha256.hexdigest() != remote.sha256:
        return f"sha256 {sha256.hexdigest()}, expected {remote.sha256}"
    return None


def _in_place(entry, folder):
    """The quick check: the contents are there, and the files kept as downloaded are not short."""
    kept = [remote for remote in entry.files if not remote.unpack]
    return not entry.missing(folder) and all(_size(folder / remote.name) == remote.size for remote in kept)


def _fetch_file(remote, folder):
    """Returns the path of ``remote``'s verified file in ``folder``, downloading it when needed."""
    target = folder / remote.name
    if target.is_file():
        problem = verify(target, remote)
        if problem is None:
            return target
        print(f"{target} does not match the manifest: {problem}; downloading it again.", file=sys.stderr)
        target.unlink()
    part = folder / f"{remote.name}.part"
    failures = []
    for url in remote.urls:
        problem = _download(url, part, remote)
        if problem is None:
            os.replace(part, target)
            return target
        failures.append(f"{url}: {problem}")
    raise DownloadError(remote, folder, failures)


def _download(url, part, remote):
    """Completes ``part`` from ``url``; returns None once it verifies, else what went wrong."""
    problem = None
    for _ in range(MAX_ATTEMPTS_PER_URL):
        resumed_from = _size(part)
        try:
            _transfer(url, part, remote)
        except urllib.error.HTTPError as error:
            return f"HTTP error {error.code} ({error.reason})"
        except (OSError, http.client.HTTPException) as error:
            problem = _reason(error)
            if _size(part) > resumed_from:
                continue  # the connection broke after bringing new bytes: resume from there
            return problem
        problem = verify(part, remote)
        if problem is None:
            return None
        part.unlink()
        if resumed_from == 0:
            return problem
        # The old part was perhaps not the start of this file: one more try from scratch.
    return problem


def _transfer(url, part, remote):
    """Appends to ``part`` the bytes of ``url`` it lacks, with a progress bar; raises OSError when cut short."""
    offset = _size(part)
    if offset > remote.size:  # cannot be the start of this file
        part.unlink()
        offset = 0
    if offset == remote.size:
        return
    request = urllib.request.Request(url, headers={"Range": f"bytes={offset}-"} if offset else {})
    with urllib.request.urlopen(request, timeout=TIMEOUT_S) as response:
        content_range = response.headers.get("Content-Range", "")
        if response.status != 206 or not content_range.startswith(f"bytes {offset}-"):
            offset = 0  # the server ignored the range and sends the whole file
        progress = tqdm(
            desc=remote.name, total=remote.size, initial=offset, unit="B", unit_scale=True, unit_divisor=1024
        )
        with open(part, "ab" if offset else "wb") as out, progress:
            while chunk := response.read(CHUNK_BYTES):
                out.write(chunk)
                progress.update(len(chunk))
    received = _size(part)
    if received < remote.size:
        raise ConnectionError(f"connection closed after {received:,} of {remote.size:,} bytes")


def _unpack(archive, folder):
    """Unpacks a .tar.gz into a staging folder, then moves its top-level items into ``folder``."""
    staging = Path(tempfile.mkdtemp(prefix=".unpack-", dir=folder))
    try:
        _extract_tar(archive, staging)
        for item in staging.iterdir():
            destination = folder / item.name
            if destination.is_dir():
                shutil.rmtree(destination)  # an incomplete copy: fetch only unpacks when contents are missing
            os.replace(item, destination)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _extract_tar(archive, destination):
    """Extracts the folders and regular files of a .tar.gz; refuses links, devices and paths that leave it."""
    try:
        with tarfile.open(archive, "r:gz") as tar:
            for member in tar:
                relative = PurePosixPath(member.name)
                if relative.is_absolute() or ".." in relative.parts or not (member.isfile() or member.isdir()):
                    raise DataFormatError(archive, f"refusing to unpack the archive member {member.name!r}")
                path = destination.joinpath(*relative.parts)
                if member.isdir():
                    path.mkdir(parents=True, exist_ok=True)
                    continue
                path.parent.mkdir(parents=True, exist_ok=True)
                with tar.extractfile(member) as source, open(path, "wb") as target:
                    shutil.copyfileobj(source, target)
    except (tarfile.TarError, EOFError, zlib.error) as error:
        raise DataFormatError(archive, f"cannot unpack it ({error}); delete it and download it again") from error


def _size(path):
    return path.stat().st_size if path.is_file() else 0


def _reason(error):
    """The readable part of a network error ('[Errno 111] Connection refused')."""
    reason = error.reason if isinstance(error, urllib.error.URLError) else error
    return str(reason) or type(reason).__name__
