"""Every known student bug loses points where it should; every correct variant gets full marks.

The corpora live in tests/data/mutants and tests/data/variants, one file per
entry (see corpus.py); all of them are graded in one batch through the real
pipeline, sandbox included.
"""

from collections import Counter

import pytest

from autograder.assignments import ASSIGNMENTS
from autograder.grader import GradeConfig, Grader
from tests.autograder.corpus import build_submission_folder, load_corpus

ASSIGNMENT = ASSIGNMENTS["exercise05"]
MUTANTS = load_corpus("mutants")
VARIANTS = load_corpus("variants")
GROUPS = sorted({case.name.split("/")[0] for case in ASSIGNMENT.CASES})


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """{entry name: SubmissionReport} for every mutant and variant, graded in one batch."""
    root = tmp_path_factory.mktemp("corpus")
    folders = [build_submission_folder(entry, root / "submissions" / entry.name) for entry in MUTANTS + VARIANTS]
    config = GradeConfig(out_dir=root / "out", assignment="exercise05", jobs=2, timeout_s=60, progress=False)
    with Grader(config, inputs=[root / "submissions"]) as grader:
        batch = grader.grade_all(folders)
    return {report.id: report for report in batch.reports}


def _points_lost_by_group(report):
    """Points lost per case group, counting only cases that ran (a dead worker proves nothing)."""
    lost = Counter()
    for check in report.checks:
        if not check.reason.startswith("not run"):
            lost[check.name.split("/")[0]] += check.max_score - check.score
    return lost


@pytest.mark.parametrize("mutant", MUTANTS, ids=lambda e: e.name)
def test_mutant_loses_points_on_what_it_breaks(graded, mutant):
    report = graded[mutant.name]
    assert report.status.value == "graded", report.error
    lost = _points_lost_by_group(report)
    assert lost[mutant.group] > 0, f"{mutant.name} kept every point of {mutant.group}"


@pytest.mark.parametrize("variant", VARIANTS, ids=lambda e: e.name)
def test_correct_variant_gets_full_marks(graded, variant):
    report = graded[variant.name]
    failed = [f"{c.name}: {c.reason}" for c in report.checks if not c.passed]
    assert report.score == report.max_score > 0, failed


def test_corpus_covers_every_todo():
    """At least 6 mutants and 3 variants for every graded function of the assignment."""
    assert set(GROUPS) >= {m.group for m in MUTANTS} | {v.group for v in VARIANTS}
    mutants, variants = Counter(m.group for m in MUTANTS), Counter(v.group for v in VARIANTS)
    for group in GROUPS:
        assert mutants[group] >= 6, f"{group}: only {mutants[group]} mutants"
        assert variants[group] >= 3, f"{group}: only {variants[group]} variants"
