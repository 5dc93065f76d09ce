"""``make demo``: runs every student check against the reference solution and against
the released stubs, each in its own Python process, and prints a table.

Full marks for the reference and zero, with "not implemented yet", for the stubs
show that the release and the checks fit together. (Issue 3 extends the demo
to grading submission zips.)
"""

import json
import os
import subprocess
import sys

from .reference import KIT_ROOT, SOLUTIONS_DIR

# Runs in a child process whose sys.path starts with the package to check.
_RUN_CHECKS = """
import contextlib, io, json
import exercise_code.tests as checks
results = {}
for name in sorted(n for n in checks.__all__ if n.endswith("TestWrapper")):
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        score = getattr(checks, name)()
    results[name] = {"score": int(score), "not_implemented": "not implemented yet" in output.getvalue()}
print(json.dumps(results))
"""


def run_checks(package_parent):
    """
    Runs every ``*TestWrapper`` of the ``exercise_code`` found in ``package_parent``.

    Returns:
    - results: dict wrapper name -> {'score': int, 'not_implemented': bool}
    """
    env = {**os.environ, "PYTHONPATH": str(package_parent)}
    completed = subprocess.run(
        [sys.executable, "-c", _RUN_CHECKS], cwd=package_parent, env=env, capture_output=True, text=True, check=True
    )
    return json.loads(completed.stdout.splitlines()[-1])


def main():
    reference = run_checks(SOLUTIONS_DIR)
    released = run_checks(KIT_ROOT)
    width = max(map(len, reference)) + 2
    print("Student checks of assignment 2 (exercise05)\n")
    print(f"{'check':<{width}}{'reference':<12}released stubs")
    for name in reference:
        stub = released[name]
        note = "  (not implemented yet)" if stub["not_implemented"] else ""
        print(f"{name:<{width}}{reference[name]['score']:>3}/100     {stub['score']:>3}/100{note}")
    ok = all(r["score"] == 100 for r in reference.values()) and all(r["score"] == 0 for r in released.values())
    print("\nThe reference scores full marks and every stub scores zero." if ok else "\nUNEXPECTED SCORES: see above.")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
