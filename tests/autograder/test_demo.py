"""``make demo``: the reference scores full marks, the released stubs zero."""

from autograder import demo


def test_demo_table_shows_full_marks_and_zero(capsys):
    assert demo.main() == 0
    out = capsys.readouterr().out
    assert "SigmoidTestWrapper" in out and "AffineTestWrapper" in out
    assert out.count("100/100") == 5 and out.count("(not implemented yet)") == 5
