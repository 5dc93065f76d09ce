"""Reports: scores and feedback of each submission, and the gradebook of a batch.

The only stage that writes. Per submission ``<out>/<id>/results.json`` (Gradescope's
schema) and ``<out>/<id>/feedback.md``; per batch ``<out>/grades.csv``. Every file
is written to a temporary name and renamed, so a killed grader leaves either
the old file or the new one, never half of one. All student-facing wording of
the grader's results lives here.
"""

import csv
import io
import json
import os
import tempfile
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

__all__ = [
    "GradeStatus",
    "ManualItem",
    "SubmissionReport",
    "BatchReport",
    "gradescope_results",
    "feedback_markdown",
    "write_submission",
    "read_finished",
    "write_gradebook",
    "GRADEBOOK_COLUMNS",
]

GRADEBOOK_COLUMNS = ("id", "assignment", "score", "max_score", "status", "error")
RESULTS_FILE = "results.json"
FEEDBACK_FILE = "feedback.md"
GRADEBOOK_FILE = "grades.csv"


class GradeStatus(Enum):
    GRADED = "graded"  # every case was run or accounted for
    REJECTED = "rejected"  # intake refused it, or it is for another assignment
    FAILED = "failed"  # the grader itself failed on it


@dataclass(frozen=True)
class ManualItem:
    """A written answer that a person grades."""

    grade_id: str
    points: float
    answered: bool


@dataclass
class SubmissionReport:
    """Everything known about one graded submission."""

    id: str
    source: str
    assignment: str = None
    status: GradeStatus = GradeStatus.GRADED
    checks: list = field(default_factory=list)  # CheckResult
    manual: list = field(default_factory=list)  # ManualItem
    notes: list = field(default_factory=list)
    error: str = ""
    max_score_if_rejected: float = 0.0
    execution_time: float = 0.0

    @property
    def score(self):
        return sum(check.score for check in self.checks)

    @property
    def max_score(self):
        if self.checks:
            return sum(check.max_score for check in self.checks)
        return self.max_score_if_rejected

    def gradebook_row(self):
        return {
            "id": self.id,
            "assignment": self.assignment or "",
            "score": _number(self.score),
            "max_score": _number(self.max_score),
            "status": self.status.value,
            "error": self.error,
        }


def _number(value):
    return int(value) if float(value).is_integer() else round(float(value), 4)


def _test_output(check):
    return "passed" if check.passed else check.reason


def gradescope_results(report):
    """The submission's results in Gradescope's results.json schema (plus ``extra_data``)."""
    tests = [
        {
            "name": check.name,
            "score": _number(check.score),
            "max_score": _number(check.max_score),
            "status": "passed" if check.passed else "failed",
            "output": f"{check.description}: {_test_output(check)}",
            "visibility": check.visibility,
        }
        for check in report.checks
    ]
    for item in report.manual:
        tests.append({
            "name": f"written/{item.grade_id}",
            "score": 0,
            "max_score": 0,
            "status": "failed" if not item.answered else "passed",
            "output": f"needs manual grading ({_number(item.points)} points)"
            + ("" if item.answered else "; no answer was found in the notebook"),
            "visibility": "visible",
        })
    return {
        "score": _number(report.score),
        "execution_time": round(report.execution_time, 3),
        "output": _summary_line(report),
        "visibility": "visible",
        "stdout_visibility": "hidden",
        "tests": tests,
        "extra_data": report.gradebook_row() | {"source": report.source, "notes": list(report.notes)},
    }


def _summary_line(report):
    if report.status is GradeStatus.GRADED:
        return f"Score: {_number(report.score)}/{_number(report.max_score)}"
    return f"Not graded ({report.status.value}): {report.error}"


def feedback_markdown(report):
    """A short human-readable feedback file: the score, each failed test and why, the notes."""
    lines = [f"# Feedback for {report.id}", ""]
    if report.assignment:
        lines.append(f"Assignment: {report.assignment}  ")
    lines += [_summary_line(report), ""]
    failed = [check for check in report.checks if not check.passed]
    if report.checks:
        passed = len(report.checks) - len(failed)
        lines += [f"{passed} of {len(report.checks)} tests passed.", ""]
    if failed:
        lines += ["## Tests that failed", ""]
        lines += [f"- **{c.name}** ({c.description}): {c.reason}" for c in failed]
        lines.append("")
    if report.manual:
        lines += ["## Written answers (graded by hand)", ""]
        for item in report.manual:
            state = "answer found" if item.answered else "NO ANSWER FOUND"
            lines.append(f"- {item.grade_id}: {_number(item.points)} points, {state}")
        lines.append("")
    if report.notes:
        lines += ["## Notes", ""] + [f"- {note}" for note in report.notes] + [""]
    return "\n".join(lines)


def _write_atomically(path, text):
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".partial")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        # The rename is atomic: a killed grader leaves the old file or the new one. (No fsync:
        # it would triple the cost of a report and only matters if the machine loses power.)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_submission(report, out_dir):
    """Writes ``<out>/<id>/feedback.md`` and then ``results.json`` (its presence marks the submission done)."""
    folder = Path(out_dir) / report.id
    _write_atomically(folder / FEEDBACK_FILE, feedback_markdown(report))
    _write_atomically(folder / RESULTS_FILE, json.dumps(gradescope_results(report), indent=2) + "\n")


def read_finished(out_dir):
    """
    The gradebook rows of submissions already graded into ``out_dir`` (for --resume).

    Returns:
    - dict id -> gradebook row; unreadable results count as not finished
    """
    finished = {}
    for path in sorted(Path(out_dir).glob(f"*/{RESULTS_FILE}")):
        try:
            row = json.loads(path.read_text())["extra_data"]
            finished[row["id"]] = {column: row[column] for column in GRADEBOOK_COLUMNS}
        except (OSError, ValueError, KeyError, TypeError):
            continue
    return finished


def write_gradebook(rows, out_dir):
    """Writes ``<out>/grades.csv`` with one row per submission, sorted by id."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=GRADEBOOK_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for submission_id in sorted(rows):
        writer.writerow(rows[submission_id])
    _write_atomically(Path(out_dir) / GRADEBOOK_FILE, buffer.getvalue())
    return buffer.getvalue()


@dataclass
class BatchReport:
    """What a `grade` run did."""

    out_dir: Path
    reports: list = field(default_factory=list)  # SubmissionReport, graded in this run
    rows: dict = field(default_factory=dict)  # id -> gradebook row, all of out_dir

    @property
    def return_code(self):
        """
        - 0: every submission was graded (whatever its score);
        - 1: at least one submission could not be graded (rejected, or the grader failed on it).
        """
        return 1 if any(row["status"] != GradeStatus.GRADED.value for row in self.rows.values()) else 0

    def table(self):
        """A plain-text table of the gradebook."""
        width = max([len("submission")] + [len(i) for i in self.rows]) + 2
        lines = [f"{'submission':<{width}}{'assignment':<13}{'score':>10}  status"]
        for submission_id in sorted(self.rows):
            row = self.rows[submission_id]
            score = f"{row['score']}/{row['max_score']}"
            status = row["status"] + (f": {row['error']}" if row["error"] else "")
            lines.append(f"{submission_id:<{width}}{row['assignment'] or '-':<13}{score:>10}  {status}")
        return "\n".join(lines)
