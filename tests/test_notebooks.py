"""Every notebook runs in a real Jupyter kernel (nbclient), in fast mode on synthetic data.

The solution notebooks must run top to bottom without error and pass every
check; the released notebooks must run up to their first check and show
"not implemented yet" there. Each runs in a copy of the kit's layout under a
temporary folder, so models/ and the submission zip land there.
"""

import time
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from tests.real_data import real_data_root

KIT_ROOT = Path(__file__).resolve().parents[1]
SOLUTION_NOTEBOOKS = sorted((KIT_ROOT / "solutions").glob("*/*.ipynb"))
RELEASED_NOTEBOOKS = sorted((KIT_ROOT / "assignments").glob("*/*.ipynb"))
CELL_TIMEOUT_S = 120
# Guard against a notebook that has become slow; the target on CI is under 60 s.
NOTEBOOK_BUDGET_S = 120


@pytest.fixture(params=["synthetic", "real"])
def notebook_env(request, monkeypatch, synthetic_data_root, tmp_path):
    """
    The kernel inherits this environment: fast mode, a headless plot backend, and
    CIFAR-10 either synthetic (in the real format) or the real copy in ../shared/datasets.
    """
    if request.param == "real":
        data_root = real_data_root(tmp_path / "real-data")  # skips when ../shared/datasets is absent
        monkeypatch.setenv("DLKIT_CACHE", str(tmp_path / "cache"))
    else:
        data_root = synthetic_data_root
    monkeypatch.setenv("DLKIT_FAST", "1")
    monkeypatch.setenv("DLKIT_DATA", str(data_root))
    monkeypatch.setenv("MPLBACKEND", "agg")


def _place(notebook, package, tmp_path):
    """Copies the notebook to <tmp>/<top>/<assignment>/ beside a link to the package it imports."""
    top = tmp_path / "kit"
    (top / notebook.parent.name).mkdir(parents=True)
    (top / "exercise_code").symlink_to(package)
    copy = top / notebook.parent.name / notebook.name
    copy.write_bytes(notebook.read_bytes())
    return copy


def _execute(nb, path):
    started = time.perf_counter()
    NotebookClient(
        nb, timeout=CELL_TIMEOUT_S, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    ).execute()
    return time.perf_counter() - started


def _text_outputs(cell):
    return "".join(out.get("text", "") for out in cell.get("outputs", []) if out.output_type == "stream")


def _is_check_cell(cell):
    return cell.cell_type == "code" and "TestWrapper()" in cell.source


def test_there_is_a_notebook_per_assignment():
    from autograder.assignments import ASSIGNMENTS

    assert {nb.parent.name for nb in SOLUTION_NOTEBOOKS} == set(ASSIGNMENTS)
    assert [nb.relative_to(KIT_ROOT / "solutions") for nb in SOLUTION_NOTEBOOKS] == [
        nb.relative_to(KIT_ROOT / "assignments") for nb in RELEASED_NOTEBOOKS
    ]


@pytest.mark.parametrize("notebook", SOLUTION_NOTEBOOKS, ids=lambda p: p.parent.name)
def test_solution_notebook_runs_top_to_bottom_with_full_marks(notebook, notebook_env, tmp_path):
    path = _place(notebook, KIT_ROOT / "solutions" / "exercise_code", tmp_path)
    nb = nbformat.read(path, 4)
    seconds = _execute(nb, path)

    checks = [_text_outputs(cell) for cell in nb.cells if _is_check_cell(cell)]
    assert checks, "no check cells found"
    for output in checks:
        assert "Score: 100/100" in output and "failed" not in output, output
    assert (path.parent / "models" / "NN.p").is_file()
    assert (path.parent / f"{notebook.parent.name}.zip").is_file()
    print(f"{notebook.name} ran in {seconds:.1f} s")
    assert seconds < NOTEBOOK_BUDGET_S


@pytest.mark.parametrize("notebook", RELEASED_NOTEBOOKS, ids=lambda p: p.parent.name)
def test_released_notebook_runs_to_its_first_check_and_says_not_implemented(notebook, notebook_env, tmp_path):
    path = _place(notebook, KIT_ROOT / "exercise_code", tmp_path)
    nb = nbformat.read(path, 4)
    first_check = next(i for i, cell in enumerate(nb.cells) if _is_check_cell(cell))
    nb.cells = nb.cells[: first_check + 1]
    _execute(nb, path)

    output = _text_outputs(nb.cells[first_check])
    assert "not implemented yet" in output and "Score: 0/100" in output, output
