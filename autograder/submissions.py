"""Builds submission zips the way a student does: ``save_pickle`` and ``submit_exercise``.

Used by ``make demo``, the tests and the benchmarks to turn a version of the
``exercise_code`` package (the reference, the released stubs, a mutant) into
the zip a student would upload.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

from .reference import KIT_ROOT

__all__ = ["build_submission"]

# Runs in a child process whose sys.path starts with the copied package (then the kit,
# for the grader's own lookup of graded objects, so both find them the same way).
_SUBMIT = """
import sys
from autograder.assignments import ASSIGNMENTS
from autograder.probes import TargetUnavailable, resolve_targets
from exercise_code.submit import save_pickle, submit_exercise
assignment, with_pickle = sys.argv[1], sys.argv[2] == "pickle"
module = ASSIGNMENTS[assignment]
if with_pickle:
    paths = {name: module.TARGETS[name] for name in module.PICKLED_TARGETS}
    objects = resolve_targets(paths, "exercise_code")
    broken = [str(obj) for obj in objects.values() if isinstance(obj, TargetUnavailable)]
    if broken:
        sys.exit("\\n".join(broken))
    save_pickle(objects, module.PICKLE_FILE.split("/")[-1])
if submit_exercise(assignment) is None:
    sys.exit(1)
"""


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
    completed = subprocess.run(
        [sys.executable, "-c", _SUBMIT, assignment, "pickle" if with_pickle else "no-pickle"],
        cwd=exercise_dir,
        env={"PYTHONPATH": f"{work_dir}{os.pathsep}{KIT_ROOT}", "PATH": "/usr/bin:/bin", "PYTHONDONTWRITEBYTECODE": "1"},
        capture_output=True,
        text=True,
    )
    if completed.returncode != 0:
        raise RuntimeError(f"building the submission failed:\n{completed.stdout}{completed.stderr}")
    return exercise_dir / f"{assignment}.zip"
