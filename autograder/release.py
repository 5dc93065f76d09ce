"""Generates the student release from ``solutions/``, the single source of truth.

    python -m autograder.release           # regenerate exercise_code/ and assignments/
    python -m autograder.release --check   # exit 1 if the committed copies are out of date

Three products, in this order:
1. the expected values of the public checks, computed from the reference and
   stored as ``solutions/exercise_code/tests/data/<assignment>.npz``;
2. ``exercise_code/``: every ``.py`` file with each solution region replaced by
   a ``raise NotImplementedError()`` stub and each hidden-test region removed;
   other files (the expected values among them) copied unchanged;
3. ``assignments/<assignment>/``: the notebooks, through nbgrader's own
   preprocessors (clear solutions, clear hidden tests, clear outputs).
"""

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import numpy as np
from nbgrader.preprocessors import ClearHiddenTests, ClearOutput, ClearSolutions

from .assignments import ASSIGNMENTS
from .reference import KIT_ROOT

__all__ = ["ReleaseError", "ReleaseStatus", "strip_python", "strip_notebook", "release", "main"]

CODE_STUB = "# YOUR CODE HERE\nraise NotImplementedError()"
MARKER_PAIRS = (("BEGIN SOLUTION", "END SOLUTION"), ("BEGIN HIDDEN TESTS", "END HIDDEN TESTS"))
# Relative error below which regenerated expected values count as unchanged: BLAS
# builds differ in the last bits, and rewriting an .npz changes its bytes.
EXPECTED_VALUES_RTOL = 1e-12
_IGNORED_PARTS = {"__pycache__", ".ipynb_checkpoints", "models"}
_IGNORED_SUFFIXES = {".pyc", ".zip"}


class ReleaseError(ValueError):
    """A source file whose solution markers cannot be released."""

    def __init__(self, path, details):
        super().__init__(f"{path}: {details}")
        self.path = path
        self.details = details


def _check_markers(source, path):
    """Raises ReleaseError when BEGIN and END markers do not pair up (nbgrader misses stray ENDs)."""
    for begin, end in MARKER_PAIRS:
        n_begin, n_end = source.count(begin), source.count(end)
        if n_begin != n_end:
            raise ReleaseError(path, f"{n_begin} '{begin}' marker(s) but {n_end} '{end}' marker(s)")


def _notebook_preprocessors():
    # Same order as nbgrader's GenerateAssignment: solutions, then hidden tests, then outputs.
    return [ClearSolutions(code_stub={"python": CODE_STUB}), ClearHiddenTests(), ClearOutput()]


def _run_preprocessors(nb, path):
    try:
        for preprocessor in _notebook_preprocessors():
            nb, _ = preprocessor.preprocess(nb, {})
    except RuntimeError as error:  # nbgrader reports nested / unterminated regions so
        raise ReleaseError(path, str(error)) from error
    return nb


def strip_python(source, path="<source>"):
    """
    Returns the student version of a Python source file: each solution region
    becomes the stub, indented like its BEGIN marker; hidden-test regions vanish.
    The file is passed through nbgrader's preprocessors as a one-cell notebook.
    """
    _check_markers(source, path)
    if not any(begin in source for begin, _ in MARKER_PAIRS):
        return source  # nbgrader would replace a whole solution cell without regions
    # A solution cell without a solution region would be replaced whole, so the
    # flag is set only when there is one; hidden tests need a grade cell.
    is_solution = MARKER_PAIRS[0][0] in source
    metadata = {"solution": is_solution, "grade": True, "grade_id": str(path), "points": 0, "locked": False}
    cell = nbformat.v4.new_code_cell(source, metadata={"nbgrader": metadata})
    nb = nbformat.v4.new_notebook(cells=[cell], metadata={"language_info": {"name": "python"}})
    return _run_preprocessors(nb, path).cells[0].source


def strip_notebook(text, path="<notebook>"):
    """Returns the student version of a notebook's JSON text (solutions, hidden tests, outputs cleared)."""
    nb = nbformat.reads(text, as_version=4)
    for cell in nb.cells:
        _check_markers(cell.source, f"{path} (cell {cell.get('id', '?')})")
    return nbformat.writes(_run_preprocessors(nb, path)) + "\n"


def _is_released(path):
    return not _IGNORED_PARTS & set(path.parts) and path.suffix not in _IGNORED_SUFFIXES


def _files_under(folder):
    folder = Path(folder)
    if not folder.is_dir():
        return []
    return [p for p in sorted(folder.rglob("*")) if p.is_file() and _is_released(p.relative_to(folder))]


def _expected_values_path(kit_root, assignment):
    return kit_root / "solutions" / "exercise_code" / "tests" / "data" / f"{assignment}.npz"


def _same_values(path, values):
    if not path.is_file():
        return False
    with np.load(path) as stored:
        if set(stored.files) != set(values):
            return False
        return all(
            stored[k].shape == values[k].shape
            and stored[k].dtype == values[k].dtype
            and np.allclose(stored[k], values[k], rtol=EXPECTED_VALUES_RTOL, atol=0)
            for k in values
        )


def _student_files(kit_root):
    """Every file of the student release: path relative to kit_root -> bytes."""
    files = {}
    package = kit_root / "solutions" / "exercise_code"
    for path in _files_under(package):
        target = Path("exercise_code") / path.relative_to(package)
        if path.suffix == ".py":
            files[target] = strip_python(path.read_text(), path.relative_to(kit_root)).encode()
        else:
            files[target] = path.read_bytes()
    for assignment in ASSIGNMENTS:
        source_dir = kit_root / "solutions" / assignment
        for path in _files_under(source_dir):
            target = Path("assignments") / assignment / path.relative_to(source_dir)
            if path.suffix == ".ipynb":
                files[target] = strip_notebook(path.read_text(), path.relative_to(kit_root)).encode()
            else:
                files[target] = path.read_bytes()
    return files


@dataclass
class ReleaseStatus:
    """What differs between solutions/ and the committed release; empty lists mean up to date."""

    changed: list = field(default_factory=list)
    missing: list = field(default_factory=list)
    stale: list = field(default_factory=list)

    @property
    def up_to_date(self):
        return not (self.changed or self.missing or self.stale)

    def describe(self):
        lines = [f"  {kind}: {path}" for kind in ("changed", "missing", "stale") for path in getattr(self, kind)]
        return "\n".join(lines)


def release(kit_root=KIT_ROOT, check=False):
    """
    Regenerates (or, with check=True, only compares) the release products.

    Inputs:
    - kit_root: the kit's top folder, holding solutions/
    - check: when True, write nothing

    Returns:
    - status: ReleaseStatus listing what was (or would be) changed, added or removed
    """
    kit_root = Path(kit_root)
    status = ReleaseStatus()
    for name, assignment in ASSIGNMENTS.items():
        path = _expected_values_path(kit_root, name)
        values = assignment.public_check_values()
        if not _same_values(path, values):
            (status.changed if path.exists() else status.missing).append(path.relative_to(kit_root))
            if not check:
                path.parent.mkdir(parents=True, exist_ok=True)
                np.savez(path, **values)

    files = _student_files(kit_root)
    for relative, content in files.items():
        target = kit_root / relative
        if target.is_file() and target.read_bytes() == content:
            continue
        (status.changed if target.exists() else status.missing).append(relative)
        if not check:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
    for top in ("exercise_code", "assignments"):
        for path in _files_under(kit_root / top):
            relative = path.relative_to(kit_root)
            if relative not in files:
                status.stale.append(relative)
                if not check:
                    path.unlink()
    return status


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m autograder.release",
        description="Regenerate exercise_code/ and assignments/ from solutions/.",
    )
    parser.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 if the release is out of date"
    )
    args = parser.parse_args(argv)
    try:
        status = release(check=args.check)
    except ReleaseError as error:
        print(f"release failed: {error}", file=sys.stderr)
        return 2
    if args.check:
        if status.up_to_date:
            print("The student release is up to date with solutions/.")
            return 0
        print("The student release is out of date with solutions/:", file=sys.stderr)
        print(status.describe(), file=sys.stderr)
        print("Run: python -m autograder.release", file=sys.stderr)
        return 1
    if status.up_to_date:
        print("Nothing to release: already up to date.")
    else:
        print("Released:")
        print(status.describe())
    return 0


if __name__ == "__main__":
    sys.exit(main())
