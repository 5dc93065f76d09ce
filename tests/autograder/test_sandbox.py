"""The sandbox without privileges (not root, not Linux): it still grades, in a separate process."""

import shutil

from autograder.probes import decode_message, worker_main
from autograder.reference import SOLUTIONS_DIR
from autograder.sandbox import Sandbox, SandboxConfig, WorkerStatus


def test_unprivileged_worker_still_runs_every_case(tmp_path):
    """Without namespaces or a user switch, does the reference still pass every case in a worker?"""
    shutil.copytree(SOLUTIONS_DIR / "exercise_code", tmp_path / "exercise_code")
    config = SandboxConfig(privileged=False, preload=("numpy", "autograder.probes", "autograder.assignments.exercise05"))
    outcome = Sandbox(config).run(worker_main, {"assignment": "exercise05"}, tmp_path)
    headers = [decode_message(message)[0] for message in outcome.messages]
    assert outcome.status is WorkerStatus.FINISHED
    cases = [h for h in headers if h["kind"] == "case"]
    assert cases and all(h["status"] == "ok" for h in cases)
    assert headers[-1] == {"kind": "done"}


def test_time_out_kills_the_worker(tmp_path):
    outcome = Sandbox(SandboxConfig(privileged=False, timeout_s=1, preload=("numpy",))).run(
        _sleep_forever, {}, tmp_path
    )
    assert outcome.status is WorkerStatus.TIMED_OUT and outcome.seconds < 5


def _sleep_forever(spec, send):
    import time

    time.sleep(3600)
