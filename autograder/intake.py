"""Intake: turns what was handed in (a zip, a folder, a notebook) into a scratch folder.

Runs in the trusted grader and never executes or unpickles anything. Archives
are opened defensively: absolute paths, ``..``, symlinks, device files,
encrypted members, too many files, too many bytes (declared or actually
inflated), bomb-like compression ratios, duplicate and non-UTF-8 names are
refused with a reason, and nothing is ever written outside the scratch folder.
"""

import json
import os
import re
import shutil
import stat
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import nbformat

__all__ = ["IntakeLimits", "IntakeError", "Submission", "find_submissions", "submission_id", "open_submission"]

_CHUNK = 1024 * 1024
_SAFE_ID = re.compile(r"[^A-Za-z0-9._-]+")


@dataclass(frozen=True)
class IntakeLimits:
    """What a submission may contain."""

    max_files: int = 2000
    max_bytes: int = 200 * 1024**2  # unpacked
    max_ratio: float = 200.0  # uncompressed / compressed, for members over 1 MiB
    max_manifest_bytes: int = 1024**2


class IntakeError(Exception):
    """A submission that cannot be graded; ``reason`` is shown to the student."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


@dataclass
class Submission:
    """A submission unpacked into its own scratch folder."""

    id: str
    source: Path
    directory: Path
    manifest: dict = None
    notes: list = field(default_factory=list)  # problems that do not stop grading

    @property
    def declared_assignment(self):
        value = (self.manifest or {}).get("assignment")
        return value if isinstance(value, str) else None


def _is_unpacked_submission(folder):
    return any((folder / name).exists() for name in ("exercise_code", "models", "manifest.json"))


def find_submissions(paths):
    """
    Expands the command-line PATHs: a zip, a notebook or an unpacked submission
    folder stands for itself; any other folder stands for the zips, notebooks and
    submission folders directly inside it.

    Returns:
    - list of Paths, in a stable order
    """
    found = []
    for path in map(Path, paths):
        if path.is_dir() and not _is_unpacked_submission(path):
            found += sorted(
                p for p in path.iterdir()
                if p.suffix in (".zip", ".ipynb") or (p.is_dir() and _is_unpacked_submission(p))
            )
        else:
            found.append(path)
    return found


def submission_id(path, taken=()):
    """A file-system-safe id from the file name, made unique against ``taken``."""
    base = _SAFE_ID.sub("_", Path(path).name.removesuffix(".zip")).strip("._") or "submission"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def _member_name(info):
    """The member's name as text, or IntakeError when it is not valid UTF-8."""
    name = info.filename
    if not info.flag_bits & 0x800 and not name.isascii():
        try:  # zipfile decoded it as cp437; many tools write UTF-8 without setting the flag
            name = name.encode("cp437").decode("utf-8")
        except UnicodeError:
            raise IntakeError(f"the archive has a file name that is not UTF-8: {name!r}") from None
    return name


def _safe_relative_path(name):
    """Checks a member name; returns it as a normalised relative PurePosixPath."""
    if "\\" in name or "\x00" in name:
        raise IntakeError(f"the archive has an unsafe file name: {name!r}")
    path = PurePosixPath(name)
    if path.is_absolute() or re.match(r"^[A-Za-z]:", name):
        raise IntakeError(f"the archive has an absolute path: {name!r}")
    if ".." in path.parts:
        raise IntakeError(f"the archive has a path that leaves its folder: {name!r}")
    return PurePosixPath(*[part for part in path.parts if part not in ("", ".")])


def _check_member(info, name, limits):
    mode = info.external_attr >> 16
    if info.flag_bits & 0x1:
        raise IntakeError(f"the archive is encrypted ({name!r})")
    if stat.S_ISLNK(mode):
        raise IntakeError(f"the archive contains a symbolic link: {name!r}")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) or stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode):
        raise IntakeError(f"the archive contains a device or special file: {name!r}")
    if info.file_size > _CHUNK and info.file_size > limits.max_ratio * max(info.compress_size, 1):
        ratio = info.file_size / max(info.compress_size, 1)
        raise IntakeError(f"{name!r} expands {ratio:.0f} times: this looks like a zip bomb")


def _unpacks_too_large(limits):
    return IntakeError(f"the archive unpacks to more than {limits.max_bytes // 1024**2} MB")


def _extract_zip(path, target, limits):
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as error:
        raise IntakeError(f"not a valid zip file ({error})") from None
    with archive:
        infos = archive.infolist()
        if len(infos) > limits.max_files:
            raise IntakeError(f"the archive holds {len(infos)} files; at most {limits.max_files} are allowed")
        members, seen, declared = [], set(), 0
        for info in infos:
            name = _member_name(info)
            relative = _safe_relative_path(name)
            _check_member(info, name, limits)
            key = str(relative)
            if key in seen:
                raise IntakeError(f"the archive contains {key!r} twice")
            seen.add(key)
            declared += info.file_size
            if declared > limits.max_bytes:
                raise _unpacks_too_large(limits)
            if not info.is_dir() and relative.parts:
                members.append((info, relative))
        written = 0
        for info, relative in members:
            destination = target.joinpath(*relative.parts)
            destination.parent.mkdir(parents=True, exist_ok=True)
            if not destination.parent.resolve().is_relative_to(target.resolve()):
                raise IntakeError(f"the archive has a path that leaves its folder: {str(relative)!r}")
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
            try:
                with archive.open(info) as source, os.fdopen(os.open(destination, flags, 0o644), "wb") as sink:
                    while chunk := source.read(_CHUNK):
                        written += len(chunk)
                        if written > limits.max_bytes:  # sizes in the headers can lie
                            raise _unpacks_too_large(limits)
                        sink.write(chunk)
            except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError) as error:
                raise IntakeError(f"{str(relative)!r} cannot be unpacked ({error})") from None
            except FileExistsError:
                raise IntakeError(f"the archive contains {str(relative)!r} twice") from None


def _copy_folder(source, target, limits):
    count, total = 0, 0
    for folder, dirs, files in os.walk(source):
        for name in dirs + files:
            path = Path(folder) / name
            mode = path.lstat().st_mode
            if stat.S_ISLNK(mode):
                raise IntakeError(f"the folder contains a symbolic link: {path.relative_to(source)}")
            if not (stat.S_ISDIR(mode) or stat.S_ISREG(mode)):
                raise IntakeError(f"the folder contains a device or special file: {path.relative_to(source)}")
            if stat.S_ISREG(mode):
                count, total = count + 1, total + path.lstat().st_size
        if count > limits.max_files:
            raise IntakeError(f"the folder holds more than {limits.max_files} files")
        if total > limits.max_bytes:
            raise IntakeError(f"the folder holds more than {limits.max_bytes // 1024**2} MB")
    shutil.copytree(source, target, dirs_exist_ok=True, symlinks=True)


def _unwrap_single_folder(directory):
    """A zip of a folder (``exercise05/models/...``) is graded as that folder's content."""
    entries = [p for p in directory.iterdir() if p.name != "__MACOSX"]
    if len(entries) == 1 and entries[0].is_dir() and not _is_unpacked_submission(directory):
        inner = entries[0]
        for child in list(inner.iterdir()):
            child.rename(directory / child.name)
        inner.rmdir()


def _read_manifest(directory, limits, notes):
    path = directory / "manifest.json"
    if not path.is_file():
        return None
    if path.stat().st_size > limits.max_manifest_bytes:
        notes.append("manifest.json is too large and was ignored.")
        return None
    try:
        manifest = json.loads(path.read_bytes())
    except (ValueError, UnicodeDecodeError) as error:
        notes.append(f"manifest.json is not valid JSON and was ignored ({error}).")
        return None
    return manifest if isinstance(manifest, dict) else None


def _check_notebooks(directory, notes):
    for path in sorted(directory.glob("*.ipynb")):
        try:
            nbformat.reads(path.read_text(encoding="utf-8"), as_version=4)
        except Exception as error:  # noqa: BLE001 - nbformat raises many kinds for bad input
            notes.append(f"{path.name} is not a valid notebook and was not read ({type(error).__name__}).")


def open_submission(path, scratch_root, submission_id_, limits=IntakeLimits()):
    """
    Unpacks one submission into ``scratch_root/<id>``.

    Inputs:
    - path: a .zip file, an unpacked submission folder, or a .ipynb notebook
    - scratch_root: folder that holds every submission's scratch folder
    - submission_id_: the id (folder name) of this submission
    - limits: IntakeLimits

    Returns:
    - Submission; raises IntakeError with the reason when it cannot be graded
    """
    path = Path(path)
    directory = Path(scratch_root) / submission_id_
    if directory.exists():
        shutil.rmtree(directory)
    directory.mkdir(parents=True)
    submission = Submission(submission_id_, path, directory)
    if not path.exists():
        raise IntakeError(f"{path} does not exist")
    if path.is_dir():
        _copy_folder(path, directory, limits)
    elif path.suffix == ".ipynb":
        shutil.copyfile(path, directory / path.name)
    elif zipfile.is_zipfile(path) or path.suffix == ".zip":
        _extract_zip(path, directory, limits)
        _unwrap_single_folder(directory)
    else:
        raise IntakeError(f"{path.name} is neither a zip file, a notebook nor a submission folder")
    submission.manifest = _read_manifest(directory, limits, submission.notes)
    _check_notebooks(directory, submission.notes)
    return submission
