"""``make demo``: the reference submission scores full marks, the stubs zero with 'not implemented'."""

from autograder import demo
from autograder.assignments import max_score

FULL = int(max_score("exercise05"))  # full marks of assignment 2


def test_demo_grades_reference_and_stubs(capsys):
    assert demo.main() == 0
    out = capsys.readouterr().out
    assert "exercise05-reference" in out and f"{FULL}/{FULL}" in out
    assert "exercise05-stubs" in out and f"0/{FULL}" in out
    assert "not implemented" in out
