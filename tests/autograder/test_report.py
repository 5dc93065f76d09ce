"""Reports: Gradescope's schema, feedback that leaks no expected value, atomic gradebook."""

import json

import numpy as np
import pytest

from autograder.assignments import ASSIGNMENTS
from autograder.checks import check_case
from autograder.probes import CaseStatus, ProbeResult
from autograder.report import (
    GRADEBOOK_COLUMNS,
    GradeStatus,
    ManualItem,
    SubmissionReport,
    feedback_markdown,
    gradescope_results,
    read_finished,
    write_gradebook,
    write_submission,
)

CASE = next(c for c in ASSIGNMENTS["exercise05"].CASES if c.name == "affine_forward/2d")


@pytest.fixture
def report():
    inputs = CASE.inputs()
    expected_out = inputs["x"] @ inputs["w"] + inputs["b"]
    expected = ProbeResult(CASE.name, CaseStatus.OK, outputs={"out": expected_out})
    wrong = ProbeResult(CASE.name, CaseStatus.OK, outputs={"out": expected_out * 1.5}, inputs_after=inputs)
    return SubmissionReport(
        "alice", "alice.zip", "exercise05",
        checks=[check_case(CASE, expected, wrong)],
        manual=[ManualItem("initial_loss_answer", 2.0, True)],
        notes=["No manifest.json names the assignment; graded as exercise05."],
        execution_time=0.25,
    ), expected_out


def test_results_follow_gradescopes_schema(report):
    results = gradescope_results(report[0])
    assert isinstance(results["score"], (int, float)) and isinstance(results["execution_time"], float)
    assert results["visibility"] in ("visible", "hidden", "after_due_date", "after_published")
    for test in results["tests"]:
        assert set(test) == {"name", "score", "max_score", "status", "output", "visibility"}
        assert isinstance(test["name"], str) and isinstance(test["output"], str)
        assert isinstance(test["score"], (int, float)) and isinstance(test["max_score"], (int, float))
        assert test["status"] in ("passed", "failed")
        assert test["visibility"] in ("visible", "hidden", "after_due_date", "after_published")
    assert set(results["extra_data"]) >= set(GRADEBOOK_COLUMNS)
    json.dumps(results)  # plain JSON types only


def test_feedback_says_what_failed_without_the_expected_values(report):
    text = feedback_markdown(report[0])
    assert "affine_forward/2d" in text and "max relative error" in text and "Score: 0/1" in text
    for value in report[1].ravel():
        assert f"{value:.4f}" not in text and f"{value:.3g}" not in text
    assert "initial_loss_answer: 2 points, answer found" in text


def test_written_files_are_complete_and_read_back(report, tmp_path):
    write_submission(report[0], tmp_path)
    assert not list(tmp_path.rglob("*.partial"))
    rows = read_finished(tmp_path)
    assert rows == {"alice": report[0].gradebook_row()}
    text = write_gradebook(rows, tmp_path)
    assert text.splitlines() == [",".join(GRADEBOOK_COLUMNS), "alice,exercise05,0,1,graded,"]


def test_unreadable_results_count_as_unfinished(tmp_path):
    (tmp_path / "bob").mkdir()
    (tmp_path / "bob" / "results.json").write_text("{ half written")
    assert read_finished(tmp_path) == {}


def test_rejected_submission_reports_its_reason():
    rejected = SubmissionReport("eve", "eve.zip", "exercise05", status=GradeStatus.REJECTED,
                                error="the archive has an absolute path: '/etc/x'", max_score_if_rejected=45)
    results = gradescope_results(rejected)
    assert results["score"] == 0 and results["tests"] == []
    assert results["output"] == "Not graded (rejected): the archive has an absolute path: '/etc/x'"
    assert rejected.gradebook_row()["max_score"] == 45
