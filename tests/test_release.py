"""Tests of ``autograder/release.py``: the student release is complete, current and solution-free."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from autograder.release import CODE_STUB, ReleaseError, release, strip_notebook, strip_python

SOLUTION_REGION = re.compile(r"^[ \t]*#+ BEGIN SOLUTION[^\n]*\n(.*?)^[ \t]*#+ END SOLUTION", re.M | re.S)


def test_committed_release_is_up_to_date(kit_root):
    """Do the committed exercise_code/ and assignments/ match what the release generates?"""
    status = release(kit_root, check=True)
    assert status.up_to_date, "run `python -m autograder.release`:\n" + status.describe()


def test_check_reports_drift_and_the_command(kit_copy):
    """Does `--check` exit 1 and print the fix when a solution changed but the release did not?"""
    layer = kit_copy / "solutions" / "exercise_code" / "networks" / "layer.py"
    layer.write_text(layer.read_text().replace("Element-wise rectified linear unit", "Rectified linear unit"))
    (kit_copy / "exercise_code" / "stale_module.py").write_text("x = 1\n")

    result = subprocess.run(
        [sys.executable, "-m", "autograder.release", "--check"], cwd=kit_copy, capture_output=True, text=True
    )
    assert result.returncode == 1
    assert "changed: exercise_code/networks/layer.py" in result.stderr
    assert "stale: exercise_code/stale_module.py" in result.stderr
    assert "Run: python -m autograder.release" in result.stderr


def test_release_repairs_drift(kit_copy):
    """After a release, is a modified, a deleted and a stale student file back in order?"""
    (kit_copy / "exercise_code" / "networks" / "layer.py").write_text("# edited by hand\n")
    (kit_copy / "exercise_code" / "solver.py").unlink()
    (kit_copy / "assignments").mkdir(exist_ok=True)
    (kit_copy / "assignments" / "extra.txt").write_text("stale\n")

    status = release(kit_copy)
    assert status.changed == [Path("exercise_code/networks/layer.py")]
    assert status.missing == [Path("exercise_code/solver.py")]
    assert status.stale == [Path("assignments/extra.txt")]
    assert release(kit_copy, check=True).up_to_date


def test_expected_values_are_checked_against_the_reference(kit_copy):
    """Is a stored expected value that no longer matches the reference reported as drift?"""
    reference_layer = kit_copy / "solutions" / "exercise_code" / "networks" / "layer.py"
    # The release imports the reference from the kit it belongs to; a changed
    # reference changes the values it computes.
    source = reference_layer.read_text().replace("dx = dout * (x > 0)", "dx = dout * (x > 0) * 2")
    reference_layer.write_text(source)
    result = subprocess.run(
        [sys.executable, "-m", "autograder.release", "--check"], cwd=kit_copy, capture_output=True, text=True
    )
    assert result.returncode == 1
    assert "solutions/exercise_code/tests/data/exercise05.npz" in result.stderr


def _solution_lines(source):
    """Lines inside solution regions that appear nowhere outside them."""
    inside = {line.strip() for region in SOLUTION_REGION.findall(source) for line in region.splitlines()}
    outside = {line.strip() for line in SOLUTION_REGION.sub("", source).splitlines()}
    return {line for line in inside - outside if line and not line.startswith("#")}


def _released_pairs(kit_root):
    """(solution source, released text) for every .py file and notebook cell of the release."""
    for source in sorted((kit_root / "solutions" / "exercise_code").rglob("*.py")):
        released = kit_root / "exercise_code" / source.relative_to(kit_root / "solutions" / "exercise_code")
        yield source.read_text(), released.read_text(), str(released)
    for notebook in sorted((kit_root / "solutions").glob("*/*.ipynb")):
        released = kit_root / "assignments" / notebook.relative_to(kit_root / "solutions")
        cells = {c.id: c for c in nbformat.read(released, 4).cells}
        for cell in nbformat.read(notebook, 4).cells:
            nbgrader = cell.metadata.get("nbgrader", {})
            if cell.cell_type == "markdown" and nbgrader.get("solution"):
                # a written answer: the whole cell is solution text
                yield "### BEGIN SOLUTION\n" + cell.source + "\n### END SOLUTION", cells[cell.id].source, str(released)
            else:
                yield cell.source, cells[cell.id].source, str(released)


def test_no_solution_text_is_released(kit_root):
    """Does no released file contain any line of a solution region?"""
    checked = 0
    for source, released, where in _released_pairs(kit_root):
        released_lines = {line.strip() for line in released.splitlines()}
        leaked = _solution_lines(source) & released_lines
        assert not leaked, f"{where} contains solution text: {sorted(leaked)}"
        assert "BEGIN SOLUTION" not in released and "END SOLUTION" not in released
        checked += len(SOLUTION_REGION.findall(source))
    assert checked >= 9, "the solution regions were not found; is the marker pattern right?"


def test_every_todo_raises_not_implemented(kit_root):
    """Is every solution region of the package replaced by the NotImplementedError stub?"""
    for source in sorted((kit_root / "solutions" / "exercise_code").rglob("*.py")):
        regions = len(SOLUTION_REGION.findall(source.read_text()))
        released = kit_root / "exercise_code" / source.relative_to(kit_root / "solutions" / "exercise_code")
        assert released.read_text().count("raise NotImplementedError()") == regions, released


def test_stub_keeps_the_indentation_of_its_marker():
    """Is the stub indented like the BEGIN marker it replaces?"""
    source = "def f(x):\n    y = 1\n    ### BEGIN SOLUTION\n    y = x\n    ### END SOLUTION\n    return y\n"
    stub = "\n".join("    " + line for line in CODE_STUB.splitlines())
    assert strip_python(source) == f"def f(x):\n    y = 1\n{stub}\n    return y\n"


def test_hidden_test_regions_vanish():
    """Are hidden-test regions removed with their markers?"""
    source = "a = 1\n### BEGIN HIDDEN TESTS\nassert a == 1\n### END HIDDEN TESTS\nb = 2\n"
    assert strip_python(source) == "a = 1\nb = 2\n"


def test_file_without_markers_is_unchanged():
    """Is a file without solution regions released byte for byte?"""
    source = "import numpy as np\n\n\ndef f():\n    return 1\n"
    assert strip_python(source) == source


@pytest.mark.parametrize(
    "source, message",
    [
        ("### BEGIN SOLUTION\nx = 1\n", "marker"),
        ("x = 1\n### END SOLUTION\n", "marker"),
        ("### BEGIN SOLUTION\n### BEGIN SOLUTION\n### END SOLUTION\n### END SOLUTION\n", "nested"),
    ],
    ids=["unterminated", "stray-end", "nested"],
)
def test_broken_markers_raise(source, message):
    """Is an error with the file's name raised for unterminated, stray or nested markers?"""
    with pytest.raises(ReleaseError, match=message) as info:
        strip_python(source, path="pkg/mod.py")
    assert info.value.path == "pkg/mod.py"


def _notebook(*cells):
    nb = nbformat.v4.new_notebook(cells=list(cells))
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return nbformat.writes(nb)


def _meta(grade_id, **flags):
    return {"nbgrader": {"grade_id": grade_id, "schema_version": 3, "grade": False, "solution": False,
                         "locked": False, **flags}}


def test_notebook_solutions_and_outputs_are_cleared():
    """Does a notebook lose its solution code, written answers and outputs, keeping its metadata?"""
    code = nbformat.v4.new_code_cell(
        "def f():\n    ### BEGIN SOLUTION\n    return 42\n    ### END SOLUTION", metadata=_meta("f", solution=True)
    )
    code.outputs = [nbformat.v4.new_output("stream", text="42\n")]
    code.execution_count = 3
    answer = nbformat.v4.new_markdown_cell("The answer is ln 10.", metadata=_meta("a", solution=True, grade=True, points=2))
    released = nbformat.reads(strip_notebook(_notebook(code, answer)), 4)

    assert "return 42" not in released.cells[0].source
    assert "raise NotImplementedError()" in released.cells[0].source
    assert released.cells[0].outputs == [] and released.cells[0].execution_count is None
    assert released.cells[1].source == "YOUR ANSWER HERE"
    assert released.cells[1].metadata["nbgrader"]["points"] == 2


def test_notebook_region_outside_a_solution_cell_is_refused():
    """Is a solution region in a cell without nbgrader solution metadata an error, as in nbgrader?"""
    cell = nbformat.v4.new_code_cell("### BEGIN SOLUTION\nx = 1\n### END SOLUTION")
    with pytest.raises(ReleaseError, match="non-solution cell"):
        strip_notebook(_notebook(cell), path="nb.ipynb")


def test_nbgrader_generate_assignment_accepts_every_source_notebook(kit_root, tmp_path):
    """Does real `nbgrader generate_assignment` accept each solution notebook as a source?"""
    notebooks = sorted((kit_root / "solutions").glob("*/*.ipynb"))
    assert notebooks, "no solution notebooks found"
    for notebook in notebooks:
        assignment = notebook.parent.name
        source = tmp_path / "course" / "source" / assignment
        source.mkdir(parents=True, exist_ok=True)
        (source / notebook.name).write_bytes(notebook.read_bytes())
    for assignment in {nb.parent.name for nb in notebooks}:
        result = subprocess.run(
            [sys.executable, "-m", "nbgrader", "generate_assignment", assignment, "--force"],
            cwd=tmp_path / "course", capture_output=True, text=True,
            # nbgrader runs `alembic` from PATH to set up its database
            env={**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"},
        )
        assert result.returncode == 0, result.stdout + result.stderr
        generated = list((tmp_path / "course" / "release" / assignment).glob("*.ipynb"))
        assert generated, result.stdout + result.stderr
        for path in generated:
            assert "BEGIN SOLUTION" not in path.read_text()


def test_released_notebooks_are_valid_json_without_outputs(kit_root):
    """Is every released notebook valid nbformat with no stored outputs?"""
    for path in sorted((kit_root / "assignments").glob("*/*.ipynb")):
        nb = nbformat.read(path, 4)
        nbformat.validate(nb)
        for cell in nb.cells:
            if cell.cell_type == "code":
                assert cell.outputs == [] and cell.execution_count is None, path
        assert json.loads(path.read_text())["nbformat"] == 4
