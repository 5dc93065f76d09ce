"""The `grade` command: parse arguments, run the pipeline, print the results, exit with its code."""

import argparse
import json
import sys
from pathlib import Path

from .assignments import ASSIGNMENTS
from .grader import GradeConfig, Grader
from .report import gradescope_results
from .sandbox import protections

__all__ = ["main"]


def _parser():
    parser = argparse.ArgumentParser(
        prog="grade", description="Grade submissions (zips, folders, notebooks) in sandboxed workers."
    )
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="a submission zip, an unpacked submission folder, a notebook, or a folder of zips")
    parser.add_argument("--assignment", choices=sorted(ASSIGNMENTS),
                        help="grade as this assignment (default: the one named in each manifest.json)")
    parser.add_argument("--out", type=Path, default=Path("grading-output"),
                        help="folder for results.json / feedback.md per submission and grades.csv")
    parser.add_argument("--jobs", type=int, default=2, help="submissions graded at the same time")
    parser.add_argument("--timeout", type=float, default=60.0, help="wall-clock seconds per submission")
    parser.add_argument("--format", choices=("text", "json", "gradescope", "csv"), default="text",
                        help="what to print when done")
    parser.add_argument("--resume", action="store_true", help="skip submissions already graded into --out")
    parser.add_argument("--check-sandbox", action="store_true",
                        help="print which protections are active on this machine, then exit")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    return parser


def _print_protections():
    for name, (active, note) in protections().items():
        state = "on " if active else "OFF"
        print(f"[{state}] {name}" + (f" ({note})" if note else ""))


def _print_results(batch, fmt):
    if fmt == "text":
        print(batch.table())
        if len(batch.reports) == 1:
            print()
            print((batch.out_dir / batch.reports[0].id / "feedback.md").read_text())
    elif fmt == "csv":
        print((batch.out_dir / "grades.csv").read_text(), end="")
    else:
        results = [gradescope_results(report) for report in batch.reports]
        if fmt == "gradescope" and len(results) == 1:
            results = results[0]
        print(json.dumps(results, indent=2))


def main(argv=None):
    args = _parser().parse_args(argv)
    if args.check_sandbox:
        _print_protections()
        return 0
    if not args.paths:
        _parser().error("give at least one PATH")
    inactive = [name for name, (active, _) in protections().items() if not active]
    if inactive:
        print(f"warning: sandbox protections OFF on this machine: {', '.join(inactive)}", file=sys.stderr)
    config = GradeConfig(out_dir=args.out, assignment=args.assignment, jobs=args.jobs,
                         timeout_s=args.timeout, resume=args.resume, progress=not args.quiet)
    with Grader(config, inputs=args.paths) as grader:
        batch = grader.grade_all(args.paths)
    _print_results(batch, args.format)
    return batch.return_code


if __name__ == "__main__":
    sys.exit(main())
