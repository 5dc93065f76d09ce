"""Builds submission zips the way a student does: ``save_pickle`` and ``submit_exercise``.

Used by ``make demo``, the tests and the benchmarks to turn a version of the
``exercise_code`` package (the reference, the released stubs, a mutant) into
the zip a student would upload.
"""

import shutil
import subprocess
import sys
from pathlib import Path

from .assignments import ASSIGNMENTS

__all__ = ["build_submission"]

# Runs in a child process whose sys.path starts with the copied package.
_SUBMIT = """
import importlib, sys
from exercise_code.submit import save_pickle, submit_exercise
assignment, pickled = sys.argv[1], sys.argv[2:]
objects = {}
for name, path in (item.split("=", 1) for item in pickled):
    module, _, attributes = path.rpartition(":")
    obj = importlib.import_module(module)
    for attribute in attributes.split("."):
        obj = getattr(obj, attribute)
    objects[name] = obj
if objects:
    save_pickle(objects, "NN.p")
if submit_exercise(assignment) is None:
    sys.exit(1)
"""


def _pickle_arguments(assignment):
    """name=module:attribute for each object the notebook pickles."""
    module = ASSIGNMENTS[assignment]
    arguments = []
    for name in module.PICKLED_TARGETS:
        parts = module.TARGETS[name].split(".")
        # 'networks.optimizer.SGDMomentum._update' -> module 'exercise_code.networks.optimizer'
        split = next(i for i, part in enumerate(parts) if part[:1].isupper() or i == len(parts) - 1)
        arguments.append(f"{name}=exercise_code.{'.'.join(parts[:split])}:{'.'.join(parts[split:])}")
    return arguments


def build_submission(package_dir, work_dir, assignment, with_pickle=True, notebooks=()):
    """
    Packs ``package_dir`` (an exercise_code folder) as a student's submission.

    Inputs:
    - package_dir: folder to submit as ``exercise_code``
    - work_dir: empty folder to build in
    - assignment: e.g. 'exercise05'
    - with_pickle: run save_pickle first, as the notebook's last cells do
    - notebooks: notebook files to put beside models/

    Returns:
    - path of the zip (``<work_dir>/<assignment>/<assignment>.zip``)
    """
    work_dir = Path(work_dir)
    shutil.copytree(package_dir, work_dir / "exercise_code", ignore=shutil.ignore_patterns("__pycache__"))
    exercise_dir = work_dir / assignment
    exercise_dir.mkdir()
    for notebook in notebooks:
        shutil.copy(notebook, exercise_dir)
    arguments = _pickle_arguments(assignment) if with_pickle else []
    completed = subprocess.run(
        [sys.executable, "-c", _SUBMIT, assignment, *arguments],
        cwd=exercise_dir,
        env={"PYTHONPATH": str(work_dir), "PATH": "/usr/bin:/bin", "PYTHONDONTWRITEBYTECODE": "1"},
        capture_output=True,
        text=True,
    )
    if completed.returncode != 0:
        raise RuntimeError(f"building the submission failed:\n{completed.stdout}{completed.stderr}")
    return exercise_dir / f"{assignment}.zip"
