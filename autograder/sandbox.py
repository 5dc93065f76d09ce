"""Runs untrusted student code in a locked-down worker process.

Workers are forked from a warm fork server that has already imported numpy and
torch (multiprocessing's ``forkserver`` with a preload list), so a submission
does not pay their import cost. Before any student code runs, the worker

- becomes the leader of its own process group (the parent kills the group on time-out),
- enters new network and mount namespaces: no network; a private, size-limited
  ``/tmp`` holding only a copy of the submission (so whatever the student writes
  vanishes with the worker); the kit's solutions, grader and tests, the grader's
  output and every other submission covered by empty file systems,
- sets resource limits (memory, CPU seconds, file size, processes, open files),
- gets a scrubbed environment and the submission as its working directory,
- drops to an unprivileged user of its own (one uid per concurrent slot, so that
  every process the student started can be swept up afterwards).

Where the OS cannot do one of these (not root, not Linux), the step is skipped
and ``protections()`` says so; the grader prints that and carries on.

Only bytes cross the boundary: the worker sends messages with ``send_bytes``
and the parent parses them as JSON and ``.npz`` without pickle.
"""

import ctypes
import multiprocessing
import os
import resource
import select
import shutil
import signal
import stat
import sys
import time
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

__all__ = [
    "SandboxConfig",
    "WorkerStatus",
    "WorkerOutcome",
    "Sandbox",
    "protections",
    "SANDBOX_SUBMISSION_DIR",
    "OUTPUT_LOG",
]

# Where the submission appears inside the worker's private /tmp.
SANDBOX_SUBMISSION_DIR = "/tmp/submission"
# The worker's stdout and stderr, in the submission's scratch folder (the grader reads its tail).
OUTPUT_LOG = "worker_output.log"
# World-writable folders outside /tmp, covered so that nothing written there outlives the worker.
_WORLD_WRITABLE = ("/dev/shm", "/var/tmp", "/run/lock", "/dev/mqueue")
MAX_MESSAGE_BYTES = 64 * 1024**2
MAX_TOTAL_BYTES = 256 * 1024**2  # a worker that sends more is killed

_CLONE_NEWNS = 0x00020000
_CLONE_NEWNET = 0x40000000
_MS_RDONLY = 1
_MS_NOSUID = 2
_MS_NODEV = 4
_MS_BIND = 4096
_MS_REC = 16384
_MS_PRIVATE = 1 << 18
_PR_SET_NO_NEW_PRIVS = 38
_PR_SET_PDEATHSIG = 1


def _is_linux_root():
    return sys.platform.startswith("linux") and os.geteuid() == 0


@dataclass(frozen=True)
class SandboxConfig:
    """Limits and isolation settings of one worker."""

    timeout_s: float = 60.0  # wall clock for the whole submission
    memory_bytes: int = 2 * 1024**3  # address space the student may add to the warm worker
    cpu_s: int = 120  # CPU seconds
    file_size_bytes: int = 64 * 1024**2  # largest file the worker may write
    max_processes: int = 32  # processes and threads of the worker's uid (at most 64 slots)
    max_open_files: int = 256
    tmp_size: str = "256m"  # size of the private /tmp, which holds the submission's copy
    # Slot k runs as uid/gid base_uid + k. The default is unique to this grader
    # process (pids of live processes differ), so that graders running side by
    # side never share a uid and never sweep up each other's workers.
    base_uid: int = field(default_factory=lambda: 1_000_000 + 64 * os.getpid())
    hidden_paths: tuple = ()  # folders to cover with an empty file system
    # Imported by the fork server: everything the worker needs must be loaded
    # before the mount namespace hides the kit.
    preload: tuple = ("numpy", "numpy.random", "torch")
    # Namespaces, a user per slot and the process limit need Linux and root; without
    # them the worker still runs in its own process with limits and a clean environment.
    privileged: bool = field(default_factory=_is_linux_root)


class WorkerStatus(Enum):
    FINISHED = "finished"  # the worker said it was done
    TIMED_OUT = "timed out"
    DIED = "died"  # exited or crashed before saying it was done


@dataclass
class WorkerOutcome:
    """What came back from one worker: its raw messages and how it ended."""

    status: WorkerStatus
    messages: list = field(default_factory=list)
    exit_code: int = None
    seconds: float = 0.0


def _libc():
    return ctypes.CDLL(None, use_errno=True)


def protections():
    """
    Which protections this machine can apply, without starting a worker.

    Returns:
    - dict name -> (available: bool, note: str)
    """
    linux, root = sys.platform.startswith("linux"), _is_linux_root()
    why_not = "needs Linux and root" if not root else ""
    return {
        "separate worker process": (True, "forked from a warm fork server"),
        "process-group kill on time-out": (hasattr(os, "killpg"), ""),
        "resource limits": (True, "memory, CPU seconds, file size, open files"
                            + (", processes" if root else "") + ("" if linux else "; memory not enforced here")),
        "scrubbed environment": (True, ""),
        "network namespace (no network)": (root, why_not),
        "mount namespace (private /tmp, kit hidden)": (root, why_not),
        "unprivileged user per slot": (root, why_not),
    }


def _mount(libc, source, target, fstype, flags, data=None):
    encode = lambda s: None if s is None else s.encode()  # noqa: E731
    if libc.mount(encode(source), encode(target), encode(fstype), flags, encode(data)) != 0:
        errno = ctypes.get_errno()
        raise OSError(errno, f"mount {target}: {os.strerror(errno)}")


def _isolate_filesystem(libc, submission_dir, uid, config):
    """New mount namespace: a private /tmp holding a copy of the submission; secrets covered."""
    source_fd = os.open(submission_dir, os.O_RDONLY | os.O_DIRECTORY)
    _mount(libc, None, "/", None, _MS_REC | _MS_PRIVATE)
    flags = _MS_NOSUID | _MS_NODEV
    _mount(libc, "tmpfs", "/tmp", "tmpfs", flags, f"size={config.tmp_size},mode=1777")
    # A copy, not a bind mount: all the student writes stays in this size-limited tmpfs.
    shutil.copytree(f"/proc/self/fd/{source_fd}", SANDBOX_SUBMISSION_DIR, symlinks=True,
                    ignore=shutil.ignore_patterns(OUTPUT_LOG))
    os.close(source_fd)
    for folder, dirs, files in os.walk(SANDBOX_SUBMISSION_DIR):
        for name in [folder, *(os.path.join(folder, n) for n in dirs + files)]:
            os.chown(name, uid, uid, follow_symlinks=False)
    for path in _WORLD_WRITABLE + tuple(config.hidden_paths):
        if os.path.isdir(path):  # paths under the old /tmp are already gone
            _mount(libc, "tmpfs", path, "tmpfs", flags | _MS_RDONLY, "size=4k,mode=0555")


def _open_up_interpreter(libc):
    """
    Lets the unprivileged user reach the Python installation. A folder on the way
    that others may not enter (``/root`` for a pyenv Python) is covered by an empty
    one that holds only the path to the installation, bound back in.
    """
    passages = {}  # closed folder -> names of the children to bind back
    for prefix in {os.path.realpath(p) for p in (sys.base_prefix, sys.prefix)}:
        parts = Path(prefix).parts
        for depth in range(1, len(parts)):
            folder = Path(*parts[:depth])
            if not os.stat(folder).st_mode & stat.S_IXOTH:
                passages.setdefault(folder, set()).add(parts[depth])
    for folder, children in passages.items():
        fds = {child: os.open(folder / child, os.O_PATH | os.O_DIRECTORY) for child in children}
        _mount(libc, "tmpfs", str(folder), "tmpfs", _MS_NOSUID | _MS_NODEV, "size=4k,mode=0755")
        for child, fd in fds.items():
            os.mkdir(folder / child)
            _mount(libc, f"/proc/self/fd/{fd}", str(folder / child), None, _MS_BIND | _MS_REC)
            os.close(fd)


def _set_limits(config):
    soft_hard = lambda n: (n, n)  # noqa: E731
    current_vm = _virtual_memory_bytes()
    limits = [
        (resource.RLIMIT_CPU, soft_hard(config.cpu_s)),
        (resource.RLIMIT_FSIZE, soft_hard(config.file_size_bytes)),
        (resource.RLIMIT_NOFILE, soft_hard(config.max_open_files)),
        (resource.RLIMIT_CORE, soft_hard(0)),
    ]
    if current_vm is not None:  # the warm worker already maps numpy and torch
        limits.append((resource.RLIMIT_AS, soft_hard(current_vm + config.memory_bytes)))
    if hasattr(resource, "RLIMIT_NPROC") and config.privileged:
        limits.append((resource.RLIMIT_NPROC, soft_hard(config.max_processes)))
    for kind, value in limits:
        resource.setrlimit(kind, value)
    # An over-long write then fails with EFBIG instead of killing the worker.
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)


def _virtual_memory_bytes():
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        return None
    return None


def _scrub_environment(home):
    os.environ.clear()
    os.environ.update(
        PATH="/usr/local/bin:/usr/bin:/bin", HOME=home, LANG="C.UTF-8", OMP_NUM_THREADS="1", MPLBACKEND="agg"
    )


def _forget_kit_imports():
    """Makes sure ``import exercise_code`` finds the submission, never the kit's own copy."""
    # pip's editable install adds a finder that maps exercise_code to the kit's folder.
    sys.meta_path[:] = [f for f in sys.meta_path if "__editable__" not in str(getattr(f, "__module__", ""))]
    for name in [n for n in sys.modules if n == "exercise_code" or n.startswith("exercise_code.")]:
        del sys.modules[name]
    # Keep the interpreter's and the environment's own folders; drop the kit and ''.
    prefixes = (sys.base_prefix, sys.prefix)
    sys.path[:] = [os.getcwd()] + [p for p in sys.path if p.startswith(prefixes)]
    sys.path_importer_cache.clear()


def _worker_entry(target, spec, submission_dir, slot, config, connection):
    """Runs in the forked worker: isolate, then hand over to ``target(spec, send)``."""
    os.setsid()
    libc = _libc() if sys.platform.startswith("linux") else None
    if libc is not None:
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)  # die with the grader
    # All output, the student's included, goes to a capped log, never to the grader's terminal.
    log_fd = os.open(os.path.join(submission_dir, OUTPUT_LOG), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.dup2(log_fd, 1)
    os.dup2(log_fd, 2)
    os.close(log_fd)
    working_dir = submission_dir
    uid = config.base_uid + slot
    if config.privileged:
        if libc.unshare(_CLONE_NEWNET | _CLONE_NEWNS) != 0:
            raise OSError(ctypes.get_errno(), "unshare failed")
        _isolate_filesystem(libc, submission_dir, uid, config)
        _open_up_interpreter(libc)
        working_dir = SANDBOX_SUBMISSION_DIR
    os.chdir(working_dir)
    _set_limits(config)
    _scrub_environment(working_dir)
    if config.privileged:
        os.setgroups([])
        os.setgid(uid)
        os.setuid(uid)
    if libc is not None:
        libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)
    _forget_kit_imports()
    sys.dont_write_bytecode = True

    def send(message):
        connection.send_bytes(message)

    target(spec, send)
    connection.close()
    # Skip interpreter shutdown: student atexit hooks and finalizers must not run after "done".
    os._exit(0)


class Sandbox:
    """
    Starts sandboxed workers from one warm fork server.

    ``run(target, spec, submission_dir, slot)`` forks a worker that isolates
    itself and calls ``target(spec, send)``; the parent collects every message
    until the worker exits or the time-out passes, then kills whatever is left.
    """

    def __init__(self, config=SandboxConfig()):
        self.config = config
        # The fork server inherits this environment: threads started before a fork would be
        # lost in the child, and one thread is enough for the probes.
        os.environ.setdefault("OMP_NUM_THREADS", "1")
        os.environ.setdefault("MKL_NUM_THREADS", "1")
        self._context = multiprocessing.get_context("forkserver")
        self._context.set_forkserver_preload(list(config.preload))

    def run(self, target, spec, submission_dir, slot=0):
        """
        Inputs:
        - target: module-level function ``target(spec, send)`` run inside the worker
        - spec: JSON-able dict passed to target
        - submission_dir: the folder the worker may see and write
        - slot: index of the concurrent worker (selects its uid)

        Returns:
        - outcome: WorkerOutcome with the raw messages in arrival order
        """
        submission_dir = os.path.abspath(submission_dir)
        reader, writer = self._context.Pipe(duplex=False)
        process = self._context.Process(
            target=_worker_entry,
            args=(target, spec, submission_dir, slot, self.config, writer),
            daemon=True,
        )
        process.start()  # returns once the worker is forked (the first call waits for the preloads)
        writer.close()
        started = time.monotonic()
        deadline = started + self.config.timeout_s
        outcome = self._collect(process, reader, deadline)
        outcome.seconds = time.monotonic() - started
        reader.close()
        self._kill_everything(process, slot)
        return outcome

    def _collect(self, process, reader, deadline):
        messages, total_bytes = [], 0
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return WorkerOutcome(WorkerStatus.TIMED_OUT, messages)
            ready, _, _ = select.select([reader], [], [], remaining)
            if not ready:
                continue
            try:
                message = reader.recv_bytes(MAX_MESSAGE_BYTES)
                total_bytes += len(message)
                if total_bytes > MAX_TOTAL_BYTES:
                    return WorkerOutcome(WorkerStatus.DIED, messages)
                messages.append(message)
            except (EOFError, OSError):
                process.join(max(0.0, min(1.0, deadline - time.monotonic())))
                status = WorkerStatus.FINISHED if process.exitcode == 0 else WorkerStatus.DIED
                return WorkerOutcome(status, messages, process.exitcode)

    def _kill_everything(self, process, slot):
        """Kills the worker's process group, then every process left running under the slot's uid."""
        if process.pid is not None:
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
        process.join(5)
        if self.config.privileged:
            self._sweep_uid(self.config.base_uid + slot)

    @staticmethod
    def _sweep_uid(uid, patience_s=2.0):
        """Kills every process left running under ``uid``: a reaper of that uid sends kill(-1) until none is left."""
        if not _live_processes_of(uid):
            return  # the usual case: the worker started nothing that outlived it
        pid = os.fork()
        if pid == 0:
            try:
                os.setgid(uid)
                os.setuid(uid)
                deadline = time.monotonic() + patience_s
                # kill(-1) reports success whenever any process exists, so look in /proc instead.
                while _live_processes_of(uid) and time.monotonic() < deadline:
                    os.kill(-1, signal.SIGKILL)
                    time.sleep(0.002)
            finally:
                os._exit(0)
        os.waitpid(pid, 0)


def _live_processes_of(uid):
    """Pids of the processes (zombies aside) of ``uid``, other than the caller."""
    found = []
    with os.scandir("/proc") as entries:
        for entry in entries:
            if not entry.name.isdigit() or int(entry.name) == os.getpid():
                continue
            try:
                if entry.stat().st_uid != uid:  # /proc/<pid> belongs to the process's uid
                    continue
                with open(f"/proc/{entry.name}/stat") as f:
                    state = f.read().rpartition(")")[2].split()[0]
            except (OSError, IndexError):
                continue  # the process ended while we looked
            if state != "Z":
                found.append(int(entry.name))
    return found
