"""Saving graded objects and packing a submission zip.

``save_pickle`` stores a dict of functions and classes with plain pickle, as the
homework did: pickle records a function or class by its module path, so the
grader imports the submitted ``exercise_code`` to read it (inside its sandbox).
``submit_exercise`` zips ``models/``, the notebooks beside it and the
``exercise_code`` package, with a ``manifest.json`` of every file's sha256.
"""

import datetime
import hashlib
import json
import os
import pickle
import zipfile
from pathlib import Path

from . import __version__

__all__ = ["REQUIRED_FILES", "save_pickle", "submit_exercise"]

# The files a submission of each assignment must hold, relative to the exercise folder.
REQUIRED_FILES = {"exercise05": ("models/NN.p",)}

_SKIPPED_PARTS = {"__pycache__", ".ipynb_checkpoints"}


def save_pickle(data_dict, file_name, models_dir="models"):
    """
    Pickles ``data_dict`` to ``<models_dir>/<file_name>`` and returns that path.

    Inputs:
    - data_dict: dict of the objects to grade, e.g. {'AffineForward': affine_forward}
    - file_name: e.g. 'NN.p'
    - models_dir: folder for the file, relative to the notebook; created if missing
    """
    path = Path(models_dir) / file_name
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as f:
        pickle.dump(data_dict, f)
    return path


def _files_under(folder):
    """Every regular file below ``folder``, sorted, skipping caches and checkpoints."""
    for path in sorted(Path(folder).rglob("*")):
        if path.is_file() and not _SKIPPED_PARTS & set(path.parts) and path.suffix != ".pyc":
            yield path


def _sha256(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def submit_exercise(name, exercise_dir=".", relevant_folders=("models",)):
    """
    Builds ``<exercise_dir>/<name>.zip`` for upload and returns its path, or
    returns None (with the reason printed) when a required file is missing.

    Inputs:
    - name: the assignment, e.g. 'exercise05'
    - exercise_dir: the folder of the notebook, holding ``models/``
    - relevant_folders: folders of exercise_dir to include
    """
    exercise_dir = Path(exercise_dir).resolve()
    missing = [f for f in REQUIRED_FILES.get(name, ()) if not (exercise_dir / f).is_file()]
    if missing:
        print(
            f"Submission NOT created: {', '.join(missing)} is missing in {exercise_dir}.\n"
            "Run the save_pickle cell of the notebook first, then submit again."
        )
        return None

    notebooks = sorted(exercise_dir.glob("*.ipynb"))
    print(f"relevant folders: {list(relevant_folders)}")
    print(f"notebooks files: {[p.name for p in notebooks]}")

    # archive name -> file on disk
    members = {}
    for folder in relevant_folders:
        print(f"Adding folder {folder}")
        for path in _files_under(exercise_dir / folder):
            members[path.relative_to(exercise_dir).as_posix()] = path
    package_dir = Path(__file__).resolve().parent
    print(f"Adding folder {package_dir.name}")
    for path in _files_under(package_dir):
        members[f"{package_dir.name}/{path.relative_to(package_dir).as_posix()}"] = path
    for path in notebooks:
        members[path.name] = path

    manifest = {
        "assignment": name,
        "kit_version": __version__,
        "created": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "files": {arcname: {"sha256": _sha256(path), "size": path.stat().st_size}
                  for arcname, path in members.items()},
    }

    zip_path = exercise_dir / f"{name}.zip"
    partial_path = zip_path.with_name(zip_path.name + ".partial")
    with zipfile.ZipFile(partial_path, "w", zipfile.ZIP_DEFLATED) as archive:
        for arcname, path in members.items():
            archive.write(path, arcname)
        archive.writestr("manifest.json", json.dumps(manifest, indent=2))
    os.replace(partial_path, zip_path)  # never leave a half-written zip under the real name
    print(f"Zipping successful! Zip is stored under: {zip_path}")
    return zip_path
