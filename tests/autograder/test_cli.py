"""The `grade` command end to end: formats, exit codes, determinism, and resuming after SIGKILL."""

import csv
import json
import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

from autograder import cli
from autograder.assignments import max_score
from autograder.reference import KIT_ROOT, SOLUTIONS_DIR

FULL = int(max_score("exercise05"))  # full marks of assignment 2


@pytest.fixture
def grade(capsys):
    """Runs `grade ARGS` in this process (its warm fork server is shared); returns (exit code, stdout)."""

    def run(*args):
        code = cli.main(["--quiet", *map(str, args)])
        return code, capsys.readouterr().out

    return run


@pytest.fixture(scope="module")
def submissions(tmp_path_factory):
    """A folder with reference and stub submissions (unpacked folders) and one refused zip."""
    folder = tmp_path_factory.mktemp("cli") / "submissions"
    for i in range(3):
        shutil.copytree(SOLUTIONS_DIR / "exercise_code", folder / f"reference{i}" / "exercise_code")
        shutil.copytree(KIT_ROOT / "exercise_code", folder / f"stub{i}" / "exercise_code")
    (folder / "broken.zip").write_bytes(b"not a zip at all")
    return folder


def _rows(out_dir):
    with open(out_dir / "grades.csv", newline="") as f:
        return list(csv.DictReader(f))


def test_check_sandbox_lists_the_protections(grade):
    code, out = grade("--check-sandbox")
    assert code == 0
    assert "network namespace" in out and "resource limits" in out


def test_batch_table_gradebook_and_exit_code(submissions, tmp_path, grade):
    code, out = grade(submissions, "--out", tmp_path / "out", "--assignment", "exercise05")
    assert code == 1  # broken.zip could not be graded
    assert "reference0" in out and f"{FULL}/{FULL}" in out
    rows = {row["id"]: row for row in _rows(tmp_path / "out")}
    assert rows["reference1"]["score"] == str(FULL) and rows["stub1"]["score"] == "0"
    assert rows["broken"]["status"] == "rejected" and "not a valid zip" in rows["broken"]["error"]


def test_single_submission_in_every_format(submissions, tmp_path, grade):
    reference = submissions / "reference0"
    code, text = grade(reference, "--out", tmp_path / "t")
    assert code == 0 and f"Score: {FULL}/{FULL}" in text
    gradescope = json.loads(grade(reference, "--out", tmp_path / "g", "--format", "gradescope")[1])
    assert gradescope["score"] == FULL and len(gradescope["tests"]) == FULL + 2  # + 2 written answers
    as_json = json.loads(grade(reference, "--out", tmp_path / "j", "--format", "json")[1])
    assert isinstance(as_json, list) and as_json[0]["score"] == FULL
    as_csv = grade(reference, "--out", tmp_path / "c", "--format", "csv")[1]
    assert as_csv.splitlines()[1] == f"reference0,exercise05,{FULL},{FULL},graded,"


def test_grading_twice_gives_identical_results(submissions, tmp_path, grade):
    """Apart from timings, is a second grading of the same submission byte-identical?"""
    results = []
    for run in ("first", "second"):
        grade(submissions / "stub2", "--out", tmp_path / run)
        data = json.loads((tmp_path / run / "stub2" / "results.json").read_text())
        data.pop("execution_time")
        results.append(data)
    assert results[0] == results[1]
    assert (tmp_path / "first" / "stub2" / "feedback.md").read_text() == \
        (tmp_path / "second" / "stub2" / "feedback.md").read_text()


def test_sigkill_mid_batch_then_resume_loses_and_duplicates_nothing(tmp_path):
    folder = tmp_path / "many"
    for i in range(12):
        shutil.copytree(KIT_ROOT / "exercise_code", folder / f"s{i:02d}" / "exercise_code")
    out_dir = tmp_path / "out"
    process = subprocess.Popen(
        [sys.executable, "-m", "autograder", "--quiet", "--jobs", "1", "--out", str(out_dir), str(folder)],
        cwd=KIT_ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if (out_dir / "grades.csv").exists() and len(_rows(out_dir)) >= 3:
            break
        time.sleep(0.02)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    finished_before = len(_rows(out_dir))
    assert 3 <= finished_before < 12, "the kill did not land mid-batch"

    resumed = subprocess.run(
        [sys.executable, "-m", "autograder", "--quiet", "--jobs", "1", "--resume", "--format", "json",
         "--out", str(out_dir), str(folder)], cwd=KIT_ROOT, capture_output=True, text=True,
    )
    assert resumed.returncode == 0, resumed.stderr
    regraded = {r["extra_data"]["id"] for r in json.loads(resumed.stdout)}
    rows = _rows(out_dir)
    assert sorted(row["id"] for row in rows) == [f"s{i:02d}" for i in range(12)]  # none lost or duplicated
    assert all(row["status"] == "graded" for row in rows)
    assert len(regraded) <= 12 - finished_before + 1  # at most the one in flight was graded twice
    assert not list(out_dir.rglob("*.partial"))
