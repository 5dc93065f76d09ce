"""How fast does `grade` get through a batch of assignment-2 submissions?

Builds 200 submission zips (reference solutions, known student bugs from the
mutant corpus, and released stubs), grades them with `grade --jobs 2` in a
fresh process, and prints a table: wall time, submissions per second and the
overhead per submission, next to what a bare `python -c "import torch"` costs
on the same machine in the same run (the price every submission would pay if
it were graded in a fresh interpreter).

    .venv/bin/python benchmarks/grade_throughput.py [--count 200] [--jobs 2]
"""

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

KIT_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(KIT_ROOT))

from autograder.reference import SOLUTIONS_DIR  # noqa: E402
from autograder.submissions import build_submission  # noqa: E402
from tests.autograder.corpus import build_submission_folder, load_corpus  # noqa: E402


def _timed(command, **kwargs):
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, **kwargs)
    return time.perf_counter() - started


def build_batch(work_dir, count):
    """count zips: one third reference, one third mutants (cycling through the corpus), one third stubs."""
    work_dir = Path(work_dir)
    distinct = {
        "reference": build_submission(SOLUTIONS_DIR / "exercise_code", work_dir / "reference", "exercise05"),
        "stub": build_submission(KIT_ROOT / "exercise_code", work_dir / "stub", "exercise05"),
    }
    for entry in load_corpus("mutants")[:20]:
        folder = build_submission_folder(entry, work_dir / "mutant-src" / entry.name)
        distinct[f"mutant-{entry.name}"] = build_submission(folder / "exercise_code", work_dir / entry.name,
                                                            "exercise05")
    mutants = [name for name in distinct if name.startswith("mutant-")]
    kinds = ["reference", "stub"] + mutants
    batch = work_dir / "batch"
    batch.mkdir()
    for i in range(count):
        kind = ["reference", mutants[i % len(mutants)], "stub"][i % 3] if mutants else kinds[i % 2]
        shutil.copy(distinct[kind], batch / f"{i:04d}-{kind}.zip")
    return batch


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="grade-bench-") as work_dir:
        batch = build_batch(work_dir, args.count)
        import_torch = min(_timed([sys.executable, "-c", "import torch"]) for _ in range(3))
        python_bare = min(_timed([sys.executable, "-c", "pass"]) for _ in range(3))
        out_dir = Path(work_dir) / "out"
        wall = _timed([sys.executable, "-m", "autograder", "--quiet", "--jobs", str(args.jobs),
                       "--out", str(out_dir), str(batch)], cwd=KIT_ROOT)
        results = [json.loads(p.read_text()) for p in out_dir.glob("*/results.json")]
        graded = sum(r["extra_data"]["status"] == "graded" for r in results)
        full = sum(r["score"] == r["extra_data"]["max_score"] for r in results)
        in_worker = sorted(r["execution_time"] for r in results)

    rate = args.count / wall
    rows = [
        ("submissions graded", f"{graded} of {args.count} ({full} with full marks)"),
        ("wall time, whole batch (incl. start-up)", f"{wall:.2f} s"),
        ("throughput", f"{rate:.1f} submissions/s with --jobs {args.jobs}"),
        ("wall time per submission", f"{wall / args.count * 1000:.0f} ms"),
        ("median time of one submission in its slot", f"{in_worker[len(in_worker) // 2] * 1000:.0f} ms"),
        ('bare `python -c "import torch"`', f"{import_torch * 1000:.0f} ms"),
        ('bare `python -c "pass"`', f"{python_bare * 1000:.0f} ms"),
        ("fresh-interpreter grading would cost at least", f"{args.count * import_torch / args.jobs:.1f} s "
                                                          f"({import_torch / (wall / args.count):.1f}x slower)"),
    ]
    width = max(len(name) for name, _ in rows)
    print(f"grade throughput, assignment 2, {args.count} submissions\n")
    for name, value in rows:
        print(f"{name:<{width}}  {value}")


if __name__ == "__main__":
    main()
