"""``make demo``: the reference submission scores full marks, the stubs zero with 'not implemented'."""

from autograder import demo


def test_demo_grades_reference_and_stubs(capsys):
    assert demo.main() == 0
    out = capsys.readouterr().out
    assert "exercise05-reference" in out and "45/45" in out
    assert "exercise05-stubs" in out and "0/45" in out
    assert "not implemented" in out
