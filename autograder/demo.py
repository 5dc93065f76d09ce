"""``make demo``: the grader's main job on the kit's own code.

For every assignment it builds two submissions the way a student does
(``save_pickle`` + ``submit_exercise``): one from the reference solution and one
from the released stubs. It grades both in sandboxed workers and prints the
gradebook: full marks for the reference, zero with "not implemented" feedback
for the stubs.
"""

import sys
import tempfile
from pathlib import Path

from .assignments import ASSIGNMENTS
from .grader import GradeConfig, Grader
from .reference import KIT_ROOT, SOLUTIONS_DIR
from .submissions import build_submission

__all__ = ["main"]


def build_demo_submissions(work_dir):
    """Returns the folder holding <assignment>-reference.zip and <assignment>-stubs.zip for every assignment."""
    work_dir = Path(work_dir)
    batch = work_dir / "submissions"
    batch.mkdir()
    for assignment in ASSIGNMENTS:
        sources = {
            "reference": (SOLUTIONS_DIR / "exercise_code", sorted((SOLUTIONS_DIR / assignment).glob("*.ipynb"))),
            "stubs": (KIT_ROOT / "exercise_code", sorted((KIT_ROOT / "assignments" / assignment).glob("*.ipynb"))),
        }
        for kind, (package, notebooks) in sources.items():
            built = build_submission(package, work_dir / f"{assignment}-{kind}", assignment, notebooks=notebooks)
            built.rename(batch / f"{assignment}-{kind}.zip")
    return batch


def main():
    with tempfile.TemporaryDirectory(prefix="kit-demo-") as work_dir:
        batch_dir = build_demo_submissions(work_dir)
        out_dir = Path(work_dir) / "grades"
        with Grader(GradeConfig(out_dir=out_dir, progress=False), inputs=[batch_dir]) as grader:
            batch = grader.grade_all([batch_dir])
        print("Grading the reference solution and the released stubs of every assignment\n")
        print(batch.table())
        for report in sorted(batch.reports, key=lambda r: r.id):
            failed = [c for c in report.checks if not c.passed]
            example = f"e.g. {failed[0].name}: {failed[0].reason}" if failed else "every test passed"
            print(f"\n{report.id}: {report.score:g}/{report.max_score:g}, {example}")
        expected = all(
            (r.score == r.max_score) if r.id.endswith("-reference") else (r.score == 0)
            for r in batch.reports
        )
    print("\nThe reference scores full marks and the stubs score zero." if expected else "\nUNEXPECTED SCORES.")
    return 0 if expected and batch.return_code == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
