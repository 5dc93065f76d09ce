"""Pipeline pieces of grader.py that the end-to-end tests do not pin down."""

import shutil

from autograder.grader import manual_items
from autograder.reference import KIT_ROOT, SOLUTIONS_DIR


def _with_notebook(folder, source):
    folder.mkdir()
    if source is not None:
        shutil.copy(source, folder / source.name)
    return folder


def test_written_answers_are_found_only_when_written(tmp_path):
    """Is an answer 'found' for the solution notebook, and not for the release's 'YOUR ANSWER HERE' or no notebook?"""
    notebook = "exercise05/neural_networks.ipynb"
    answered = manual_items("exercise05", _with_notebook(tmp_path / "a", SOLUTIONS_DIR / notebook))
    blank = manual_items("exercise05", _with_notebook(tmp_path / "b", KIT_ROOT / "assignments" / notebook))
    missing = manual_items("exercise05", _with_notebook(tmp_path / "c", None))
    assert len(answered) == 2 and all(item.answered and item.points == 2 for item in answered)
    assert [item.grade_id for item in blank] == [item.grade_id for item in answered]
    assert not any(item.answered for item in blank + missing)
