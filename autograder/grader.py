"""The grading pipeline: intake -> sandboxed probes -> checks -> reports, for one or many submissions.

``Grader.grade_all(paths)`` grades a batch with ``jobs`` workers at a time and
writes each submission's reports as soon as it is done; one bad submission never
stops the batch, and a crash of the grader on one submission is recorded as
``failed`` for that submission only.
"""

import queue
import shutil
import sys
import tempfile
import threading
import time
import traceback
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import nbformat
from tqdm import tqdm

from .assignments import ASSIGNMENTS, max_score
from .checks import check_case, not_run
from .intake import IntakeError, IntakeLimits, find_submissions, open_submission, submission_id
from .probes import CaseStatus, decode_message, message_to_result, resolve_targets, run_probes, worker_main
from .reference import KIT_ROOT, REFERENCE_PACKAGE, SOLUTIONS_DIR, load_reference
from .report import (
    BatchReport,
    GradeStatus,
    ManualItem,
    SubmissionReport,
    read_finished,
    write_gradebook,
    write_submission,
)
from .sandbox import OUTPUT_LOG, Sandbox, SandboxConfig, WorkerStatus

__all__ = ["GradeConfig", "Grader"]

# Folders of the kit a worker must never see: solutions, grader, tests, history.
_KIT_SECRETS = ("solutions", "autograder", "tests", "benchmarks", ".git", "exercise_code", "assignments")


@dataclass(frozen=True)
class GradeConfig:
    """Settings of one `grade` run."""

    out_dir: Path = Path("grading-output")
    assignment: str = None  # None: from each submission's manifest
    jobs: int = 2
    timeout_s: float = 60.0
    resume: bool = False
    limits: IntakeLimits = field(default_factory=IntakeLimits)
    progress: bool = True


def _hidden_paths(config, scratch_root, inputs):
    """Folders to cover in the worker: the kit's secrets, the outputs, scratch and the inputs' folders."""
    keep = [Path(sys.prefix).resolve(), Path(sys.base_prefix).resolve(), KIT_ROOT]
    folders = {KIT_ROOT / name for name in _KIT_SECRETS}
    folders |= {Path(config.out_dir).resolve(), Path(scratch_root).resolve()}
    for path in map(lambda p: Path(p).resolve(), inputs):
        folder = path if path.is_dir() else path.parent
        if not any(folder == k or folder in k.parents for k in keep):  # never hide the interpreter
            folders.add(folder)
    return tuple(sorted(str(f) for f in folders))


@lru_cache(maxsize=None)
def _written_tasks(assignment):
    """(notebook name, grade_id, points) of every manually graded answer cell of the assignment's notebooks."""
    tasks = []
    for notebook in sorted((SOLUTIONS_DIR / assignment).glob("*.ipynb")):
        for cell in nbformat.read(notebook, as_version=4).cells:
            meta = cell.metadata.get("nbgrader", {})
            if cell.cell_type == "markdown" and meta.get("grade") and meta.get("solution"):
                tasks.append((notebook.name, meta["grade_id"], float(meta.get("points", 0))))
    return tuple(tasks)


def _answers(notebook_path):
    """grade_id -> cell text of a submitted notebook; empty when it is missing or unreadable."""
    try:
        cells = nbformat.read(notebook_path, as_version=4).cells
    except Exception:  # noqa: BLE001 - missing, or intake already noted an invalid notebook
        return {}
    return {cell.metadata.get("nbgrader", {}).get("grade_id"): cell.source.strip() for cell in cells}


def manual_items(assignment, submission_dir):
    """The written answers of the assignment's notebooks, and whether the submission answered each."""
    answers = {}
    items = []
    for notebook, grade_id, points in _written_tasks(assignment):
        if notebook not in answers:
            answers[notebook] = _answers(Path(submission_dir) / notebook)
        answer = answers[notebook].get(grade_id, "")
        items.append(ManualItem(grade_id, points, bool(answer) and answer != "YOUR ANSWER HERE"))
    return items


class Grader:
    """Grades submissions against the reference, running student code only in sandboxed workers."""

    def __init__(self, config=GradeConfig(), inputs=()):
        self.config = config
        self.scratch_root = Path(tempfile.mkdtemp(prefix="grade-scratch-"))
        sandbox_config = SandboxConfig(
            timeout_s=config.timeout_s,
            hidden_paths=_hidden_paths(config, self.scratch_root, inputs),
            preload=("numpy", "torch", "autograder.probes", *(f"autograder.assignments.{n}" for n in ASSIGNMENTS)),
        )
        self.sandbox = Sandbox(sandbox_config)
        self._expected = {}  # assignment -> {case name: ProbeResult of the reference}
        self._slots = queue.Queue()
        for slot in range(max(1, config.jobs)):
            self._slots.put(slot)
        self._lock = threading.Lock()

    def close(self):
        shutil.rmtree(self.scratch_root, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()

    def expected(self, assignment):
        """Reference results of every case, computed once in this (trusted) process."""
        with self._lock:
            return self._expected_locked(assignment)

    def _expected_locked(self, assignment):
        if assignment not in self._expected:
            module = ASSIGNMENTS[assignment]
            load_reference()
            targets = resolve_targets(module.TARGETS, REFERENCE_PACKAGE)
            results = run_probes(module.CASES, targets, time_limits=False)
            broken = [r.name for r in results if r.status is not CaseStatus.OK]
            if broken:
                raise RuntimeError(f"the reference solution fails its own cases: {broken}")
            self._expected[assignment] = {r.name: r for r in results}
        return self._expected[assignment]

    def _choose_assignment(self, submission):
        declared = submission.declared_assignment
        wanted = self.config.assignment
        if wanted and declared and declared != wanted:
            raise IntakeError(f"this submission is for {declared}, but {wanted} is being graded")
        name = wanted or declared
        if name is None:
            if len(ASSIGNMENTS) == 1:
                name = next(iter(ASSIGNMENTS))
                submission.notes.append(f"No manifest.json names the assignment; graded as {name}.")
            else:
                raise IntakeError("no manifest.json names the assignment; pass --assignment")
        if name not in ASSIGNMENTS:
            raise IntakeError(f"unknown assignment {name!r} (known: {', '.join(ASSIGNMENTS)})")
        return name

    def _run_worker(self, assignment, submission, slot):
        """Runs the probes on the submission in a sandboxed worker; returns (results by name, why-not-run)."""
        outcome = self.sandbox.run(worker_main, {"assignment": assignment}, submission.directory, slot)
        results, done = {}, False
        for raw in outcome.messages:
            try:
                header, arrays = decode_message(raw)
                if header.get("kind") == "case":
                    result = message_to_result(header, arrays)
                    results.setdefault(result.name, result)  # a case reported twice keeps its first result
                elif header.get("kind") == "note":
                    submission.notes.append(str(header.get("text", ""))[:500])
                elif header.get("kind") == "done":
                    done = True
            except (ValueError, KeyError, TypeError) as error:
                submission.notes.append(f"A malformed message from the worker was ignored ({type(error).__name__}).")
        why = ""
        if outcome.status is WorkerStatus.TIMED_OUT:
            why = f"the submission ran longer than {self.config.timeout_s:g} s in total and was stopped"
        elif not done:
            why = f"the worker process died (exit code {outcome.exit_code})"
            tail = _output_tail(submission.directory)
            if tail:
                submission.notes.append(f"Last output of your code before it died: {tail}")
        return results, why

    def grade_one(self, path, sub_id, slot=0):
        """Grades one submission; never raises."""
        started = time.monotonic()
        report = SubmissionReport(sub_id, str(path))
        try:
            submission = open_submission(path, self.scratch_root, sub_id, self.config.limits)
            report.notes = submission.notes
            report.assignment = self._choose_assignment(submission)
            expected = self.expected(report.assignment)
            results, why = self._run_worker(report.assignment, submission, slot)
            for case in ASSIGNMENTS[report.assignment].CASES:
                got = results.get(case.name)
                check = not_run(case, why or "no result") if got is None else check_case(case, expected[case.name], got)
                report.checks.append(check)
            report.manual = manual_items(report.assignment, submission.directory)
        except IntakeError as error:
            report.status, report.error, report.checks = GradeStatus.REJECTED, error.reason, []
            if report.assignment in ASSIGNMENTS:
                report.max_score_if_rejected = max_score(report.assignment)
        except Exception as error:  # noqa: BLE001 - one submission must never stop the batch
            report.status, report.checks = GradeStatus.FAILED, []
            report.error = f"internal grader error: {type(error).__name__}: {error}"
            report.notes.append(traceback.format_exc(limit=3))
        finally:
            shutil.rmtree(self.scratch_root / sub_id, ignore_errors=True)
        report.execution_time = time.monotonic() - started
        return report

    def _grade_with_slot(self, path, sub_id):
        slot = self._slots.get()
        try:
            return self.grade_one(path, sub_id, slot)
        finally:
            self._slots.put(slot)

    def grade_all(self, paths):
        """
        Grades every submission found under ``paths`` into ``config.out_dir``.

        Returns:
        - BatchReport
        """
        out_dir = Path(self.config.out_dir)
        out_dir.mkdir(parents=True, exist_ok=True)
        batch = BatchReport(out_dir)
        if self.config.resume:
            batch.rows = read_finished(out_dir)
        ids, jobs = set(), []
        for path in find_submissions(paths):
            sub_id = submission_id(path, ids)
            ids.add(sub_id)
            if sub_id not in batch.rows:  # rows hold what an earlier run finished (--resume)
                jobs.append((path, sub_id))
        for assignment in {self.config.assignment} & set(ASSIGNMENTS):
            self.expected(assignment)  # fail fast, in the main thread, if the reference is broken
        with ThreadPoolExecutor(max_workers=max(1, self.config.jobs)) as pool:
            futures = [pool.submit(self._grade_with_slot, path, sub_id) for path, sub_id in jobs]
            progress = tqdm(total=len(futures), unit="submission", disable=not self.config.progress, file=sys.stderr)
            for future in as_completed(futures):
                report = future.result()
                with self._lock:
                    write_submission(report, out_dir)
                    batch.reports.append(report)
                    batch.rows[report.id] = report.gradebook_row()
                    write_gradebook(batch.rows, out_dir)
                progress.update()
            progress.close()
        if not batch.rows:
            write_gradebook(batch.rows, out_dir)
        return batch


def _output_tail(directory, limit=300):
    log = Path(directory) / OUTPUT_LOG
    try:
        with open(log, "rb") as f:
            f.seek(max(0, log.stat().st_size - limit))
            return f.read().decode("utf-8", "replace").strip()
    except OSError:
        return ""
