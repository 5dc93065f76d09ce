"""A corpus of hostile submissions, graded in one batch beside an honest reference submission.

Each attack must score zero (or its honest score), leave no file outside its
scratch folder, reach no socket, and leave the batch and the reference's full
marks intact. Attacks on the code run at import of the submitted
``exercise_code`` (built from the released stubs, so their honest score is 0);
attacks on the archive are zips the intake must refuse.
"""

import os
import pickle
import random
import shutil
import socket
import stat
import textwrap
import threading
import warnings
import zipfile
from pathlib import Path

import pytest

from autograder.assignments import max_score
from autograder.grader import GradeConfig, Grader
from autograder.reference import KIT_ROOT, SOLUTIONS_DIR
from autograder.sandbox import protections

FULL = int(max_score("exercise05"))  # full marks of assignment 2
TOKEN = f"hostile-{os.getpid()}-{random.randrange(10**9)}"
PROTECTED = all(active for active, _ in protections().values())
needs_sandbox = pytest.mark.skipif(not PROTECTED, reason="full sandbox needs Linux and root")

# Places an attack tries to write to; none of them may exist after the batch.
MARKERS = [
    Path("/tmp") / TOKEN,
    Path("/dev/shm") / TOKEN,
    Path("/var/tmp") / TOKEN,
    KIT_ROOT / TOKEN,
    KIT_ROOT / "solutions" / TOKEN,
    Path.home() / TOKEN,
]


class _Listener:
    """A TCP server on 127.0.0.1 that counts the connections it receives."""

    def __init__(self):
        self.socket = socket.create_server(("127.0.0.1", 0))
        self.port = self.socket.getsockname()[1]
        self.connections = 0
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self):
        while True:
            try:
                connection, _ = self.socket.accept()
            except OSError:
                return
            self.connections += 1
            connection.close()


def _write_everywhere():
    lines = [f"for path in {[str(m) for m in MARKERS]!r}:"]
    lines += ["    try:", "        open(path, 'w').write('pwned')", "    except OSError:", "        pass"]
    return "\n".join(lines) + "\n"


def _code_attacks(out_dir, port):
    """name -> source put at the top of exercise_code/__init__.py (of the released stubs)."""
    return {
        "infinite_loop": "while True:\n    pass\n",
        "sleep": "import time\ntime.sleep(3600)\n",
        "fork_storm": "import os\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n        pass\n",
        "memory_hog": "blocks = []\nwhile True:\n    blocks.append(bytearray(256 * 1024 * 1024))\n",
        "huge_output": "import sys\nwhile True:\n    sys.stdout.write('x' * 1_000_000)\n",
        "os_exit_at_import": "import os\nos._exit(0)\n",
        "sys_exit_at_import": "import sys\nsys.exit(0)\n",
        "keyboard_interrupt_at_import": "raise KeyboardInterrupt\n",
        "patch_numpy_comparisons": textwrap.dedent("""\
            import numpy as np
            np.allclose = np.array_equal = lambda *a, **k: True
            np.isclose = lambda a, b, **k: np.ones(np.shape(a), dtype=bool)
            np.max = np.amax = lambda *a, **k: 0.0
            np.abs = np.absolute = lambda x, *a, **k: x * 0
            np.isfinite = lambda x, *a, **k: np.ones(np.shape(x), dtype=bool)
            """),
        "overwrite_builtins": textwrap.dedent("""\
            import builtins
            builtins.isinstance = lambda *a: True
            builtins.len = lambda x: 0
            builtins.abs = lambda x: 0
            builtins.max = lambda *a, **k: 0
            """),
        "print_fake_scores": "print('Score: 100/100')\nprint('{\"score\": 45, \"tests\": []}')\n"
        "import sys\nsys.stderr.write('Congratulations! Tests passed: 45/45\\n')\n",
        "write_fake_results": textwrap.dedent(f"""\
            import json, glob
            for path in glob.glob({str(out_dir)!r} + '/*/results.json') + [{str(out_dir / 'grades.csv')!r}]:
                try:
                    open(path, 'w').write(json.dumps({{'score': 45}}))
                except OSError:
                    pass
            open('results.json', 'w').write(json.dumps({{'score': 45}}))
            """),
        "read_reference_solution": f"__path__.insert(0, {str(SOLUTIONS_DIR / 'exercise_code')!r})\n",
        "read_other_submissions": "import glob\n__path__[:0] = glob.glob('/tmp/grade-scratch-*/*/exercise_code')\n",
        "open_socket": textwrap.dedent(f"""\
            import socket
            for address in [('127.0.0.1', {port}), ('8.8.8.8', 53)]:
                try:
                    socket.create_connection(address, timeout=1).close()
                except OSError:
                    pass
            """),
        "write_outside_its_folder": _write_everywhere(),
        "kill_every_process": "import os, signal\nos.kill(-1, signal.SIGKILL)\n",
        "escape_process_group": textwrap.dedent(f"""\
            import os, time
            if os.fork() == 0:
                os.setsid()
                time.sleep(5)
                {_write_everywhere().replace(chr(10), chr(10) + '                ')}
                os._exit(0)
            """),
    }


class _RunsACommand:
    def __reduce__(self):
        return (os.system, (f"touch {MARKERS[0]} {MARKERS[3]}",))


def _zip(path, entries):
    """entries: list of (ZipInfo or name, bytes)."""
    with warnings.catch_warnings(), zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        warnings.simplefilter("ignore")  # duplicate names are the point of one attack
        for info, data in entries:
            archive.writestr(info, data)
    return path


def _info(name, mode=None):
    info = zipfile.ZipInfo(name)
    if mode is not None:
        info.external_attr = mode << 16
    return info


def _package_entries(package):
    return [
        (f"exercise_code/{p.relative_to(package).as_posix()}", p.read_bytes())
        for p in sorted(package.rglob("*.py"))
    ]


def _archive_attacks(folder):
    """name -> (zip path, substring of the refusal reason) for zips the intake must refuse."""
    stubs = _package_entries(KIT_ROOT / "exercise_code")
    attacks = {
        "zip_slip": ([(f"../../{TOKEN}", b"x")], "leaves its folder"),
        "absolute_path": ([(f"/tmp/{TOKEN}", b"x")], "absolute path"),
        "symlink": ([(_info("exercise_code", stat.S_IFLNK | 0o777), str(SOLUTIONS_DIR / "exercise_code"))],
                    "symbolic link"),
        "device_file": ([(_info("models/NN.p", stat.S_IFCHR | 0o666), b"")], "device"),
        "too_many_files": ([(f"f/{i}.txt", b"") for i in range(10_000)], "at most 2000"),
        "duplicate_names": (stubs + stubs[:1], "twice"),
        "wrong_assignment": (stubs + [("manifest.json", b'{"assignment": "exercise06"}')], "exercise06"),
    }
    paths = {}
    for name, (entries, reason) in attacks.items():
        paths[name] = (_zip(folder / f"{name}.zip", entries), reason)

    bomb = folder / "zip_bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        with archive.open("models/NN.p", "w", force_zip64=True) as member:
            chunk = bytes(16 * 1024 * 1024)
            for _ in range(16):  # 256 MB of zeros, about 250 KB compressed
                member.write(chunk)
    paths["zip_bomb"] = (bomb, "zip bomb")

    encrypted = _zip(folder / "encrypted_member.zip", [("models/NN.p", b"secret")])
    data = bytearray(encrypted.read_bytes())
    for signature, flag_offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):  # set bit 0: encrypted
        at = data.find(signature)
        data[at + flag_offset] |= 1
    encrypted.write_bytes(bytes(data))
    paths["encrypted_member"] = (encrypted, "encrypted")

    non_utf8 = _zip(folder / "non_utf8_name.zip", [("models/caf\u00e9.p", b"x")])
    data = non_utf8.read_bytes()  # re-encode the name as latin-1 bytes, without the UTF-8 flag
    data = data.replace("caf\u00e9".encode("utf-8"), b"caf\xe9\xff").replace(b"\x00\x08", b"\x00\x00")
    non_utf8.write_bytes(data)
    paths["non_utf8_name"] = (non_utf8, "not UTF-8")

    (folder / "corrupt_zip.zip").write_bytes(b"PK\x03\x04" + os.urandom(500))
    paths["corrupt_zip"] = (folder / "corrupt_zip.zip", "not a valid zip")
    return paths


def _copy_stubs(folder):
    shutil.copytree(KIT_ROOT / "exercise_code", folder / "exercise_code", ignore=shutil.ignore_patterns("__pycache__"))
    return folder


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    """Grades every attack and one reference submission in a single batch."""
    root = tmp_path_factory.mktemp("hostile")
    submissions, out_dir = root / "submissions", root / "out"
    submissions.mkdir()
    listener = _Listener()

    for name, source in _code_attacks(out_dir, listener.port).items():
        folder = _copy_stubs(submissions / name)
        init = folder / "exercise_code" / "__init__.py"
        init.write_text(source + init.read_text())

    folder = _copy_stubs(submissions / "pickle_runs_a_command")
    (folder / "models").mkdir()
    (folder / "models" / "NN.p").write_bytes(pickle.dumps({"Sigmoid": _RunsACommand()}))

    folder = _copy_stubs(submissions / "syntax_error")
    layer = folder / "exercise_code" / "networks" / "layer.py"
    layer.write_text(layer.read_text().replace("def affine_forward(x, w, b):", "def affine_forward(x, w, b)"))

    (submissions / "missing_exercise_code" / "models").mkdir(parents=True)
    (submissions / "missing_exercise_code" / "manifest.json").write_text('{"assignment": "exercise05"}')

    folder = submissions / "invalid_notebook_json"
    shutil.copytree(SOLUTIONS_DIR / "exercise_code", folder / "exercise_code")
    (folder / "neural_networks.ipynb").write_text("{ this is not json")

    shutil.copytree(SOLUTIONS_DIR / "exercise_code", submissions / "reference" / "exercise_code")
    archives = _archive_attacks(submissions)

    config = GradeConfig(out_dir=out_dir, assignment="exercise05", jobs=2, timeout_s=6, progress=False)
    with Grader(config, inputs=[submissions]) as grader:
        result = grader.grade_all([submissions])
        uids = {grader.sandbox.config.base_uid + slot for slot in range(config.jobs)}
    return {"result": result, "uids": uids, "reports": {r.id: r for r in result.reports}, "listener": listener,
            "archives": archives, "out_dir": out_dir}


CODE_ATTACKS = list(_code_attacks(Path("/x"), 1)) + ["pickle_runs_a_command", "syntax_error", "missing_exercise_code"]
ARCHIVE_ATTACKS = ["zip_slip", "absolute_path", "symlink", "device_file", "too_many_files", "duplicate_names",
                   "wrong_assignment", "zip_bomb", "encrypted_member", "non_utf8_name", "corrupt_zip"]


def test_the_corpus_has_at_least_twenty_attacks():
    assert len(CODE_ATTACKS) + len(ARCHIVE_ATTACKS) >= 20


def test_batch_completes_and_the_reference_keeps_full_marks(batch):
    reports = batch["reports"]
    assert set(reports) >= set(CODE_ATTACKS) | set(ARCHIVE_ATTACKS) | {"reference", "invalid_notebook_json"}
    assert reports["reference"].score == reports["reference"].max_score == FULL


@pytest.mark.parametrize("name", CODE_ATTACKS)
def test_code_attack_scores_zero(batch, name):
    report = batch["reports"][name]
    assert report.status.value == "graded", report.error
    assert report.score == 0, [c.name for c in report.checks if c.passed]


@pytest.mark.parametrize("name", ARCHIVE_ATTACKS)
def test_archive_attack_is_refused_with_its_reason(batch, name):
    report = batch["reports"][name]
    path, reason = batch["archives"][name]
    assert report.status.value == "rejected" and report.score == 0
    assert reason in report.error, report.error


def test_invalid_notebook_gets_its_honest_score_and_a_note(batch):
    report = batch["reports"]["invalid_notebook_json"]
    assert report.score == report.max_score == FULL
    assert any("neural_networks.ipynb is not a valid notebook" in note for note in report.notes)


def test_failures_say_why(batch):
    """Time-outs, crashes, syntax errors and missing code are explained, never silent passes."""
    reasons = lambda name: {c.reason for c in batch["reports"][name].checks}  # noqa: E731
    assert any("ran longer than 6 s" in r for r in reasons("infinite_loop"))
    assert any("worker process died" in r for r in reasons("os_exit_at_import"))
    assert any("SyntaxError" in r and "layer.py" in r for r in reasons("syntax_error"))
    assert any("No module named 'exercise_code'" in r for r in reasons("missing_exercise_code"))
    assert any("SystemExit" in r for r in reasons("sys_exit_at_import"))


def test_fake_results_do_not_survive(batch):
    """Every results.json in the output folder is the grader's: the faker scores 0 there too."""
    import json

    results = json.loads((batch["out_dir"] / "write_fake_results" / "results.json").read_text())
    assert results["score"] == 0 and len(results["tests"]) == FULL + 2
    assert f"write_fake_results,exercise05,0,{FULL},graded" in (batch["out_dir"] / "grades.csv").read_text()


@needs_sandbox
def test_no_file_is_written_outside_the_scratch_folder(batch):
    leftovers = [str(m) for m in MARKERS if m.exists()]
    for marker in leftovers:
        Path(marker).unlink()
    assert not leftovers


@needs_sandbox
def test_no_socket_is_reached(batch):
    assert batch["listener"].connections == 0


@needs_sandbox
def test_no_process_of_a_worker_survives(batch):
    uids = batch["uids"]
    survivors = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":", 1) for line in status.read_text().splitlines() if ":" in line)
            uid, state = int(fields["Uid"].split()[0]), fields["State"].split()[0]
        except (OSError, KeyError, ValueError):
            continue
        if uid in uids and state != "Z":  # a zombie holds nothing and is reaped by init
            survivors.append(status.parent.name)
    assert not survivors
