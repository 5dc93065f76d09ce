"""Probes: the hidden test cases, run the same way on the reference and on a submission.

A ``ProbeCase`` is a seeded input generator, a probe (a small function that
drives the graded object: forward then backward with its own cache, three
optimizer steps, ...), and what the checker needs (points, tolerance, time
limit). ``run_probes`` runs a list of cases on a table of graded objects; the
grader calls it on the reference in its own process, and the sandboxed worker
calls it, through ``worker_main``, on the objects of the submission.

Only plain arrays and JSON-able values leave the worker: ``encode_message`` /
``decode_message`` use JSON and raw numeric buffers, never pickle, so a
submission cannot make the grader run code. Expected values never enter the worker.
"""

import importlib
import json
import pickle
import signal
import time
import traceback
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Callable

import numpy as np

__all__ = [
    "ProbeCase",
    "CaseStatus",
    "ProbeResult",
    "TargetUnavailable",
    "run_probes",
    "resolve_targets",
    "worker_main",
    "encode_message",
    "decode_message",
]

HIDDEN = "after_published"  # Gradescope visibility of hidden cases


@dataclass(frozen=True)
class ProbeCase:
    """
    One hidden test case.

    - name: unique, e.g. 'affine_backward/batch_of_one'
    - target: key of the graded object in the assignment's TARGETS, e.g. 'AffineBackward'
    - make_inputs: make_inputs(rng) -> dict of arrays and numbers
    - probe: probe(target, **inputs) -> dict of outputs (arrays or numbers)
    - seed: seed of the input generator
    - description: what the case checks, in words a student understands
    - points, tol (max relative error), time_limit_s, visibility (Gradescope)
    """

    name: str
    target: str
    make_inputs: Callable
    probe: Callable
    seed: int
    description: str
    points: float = 1.0
    tol: float = 1e-7
    time_limit_s: float = 5.0
    visibility: str = HIDDEN

    def inputs(self):
        return self.make_inputs(np.random.default_rng(self.seed))


class CaseStatus(Enum):
    OK = "ok"
    NOT_IMPLEMENTED = "not implemented"
    ERROR = "error"
    TIMED_OUT = "timed out"
    NOT_RUN = "not run"


@dataclass
class ProbeResult:
    """What one case produced: outputs, the inputs as they were after the call, or what went wrong."""

    name: str
    status: CaseStatus
    outputs: dict = field(default_factory=dict)
    inputs_after: dict = field(default_factory=dict)
    invalid_outputs: dict = field(default_factory=dict)  # name -> why it is not an array of numbers
    error: str = ""
    seconds: float = 0.0


class TargetUnavailable(Exception):
    """A graded object that could not be loaded (missing module, error at import, ...)."""


class _CaseTimeout(BaseException):
    """Raised by the alarm inside a case that runs too long (BaseException: harder to swallow)."""


def _on_alarm(signum, frame):
    raise _CaseTimeout()


def _describe_exception(error, code_root=None):
    """'ValueError: message (at exercise_code/networks/layer.py:42)', the location inside the submission."""
    text = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
    if len(text) > 300:
        text = text[:297] + "..."
    if code_root is not None:
        frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename.startswith(str(code_root))]
        if frames:
            where = Path(frames[-1].filename).relative_to(code_root)
            text += f" (at {where}:{frames[-1].lineno})"
    return text


def _as_array(value):
    """Returns (array, None) for numbers, arrays and tensors, else (None, why not)."""
    if value is None:
        return None, "is None"
    try:
        if hasattr(value, "detach"):  # a torch tensor
            value = value.detach().cpu().numpy()
        array = np.asarray(value)
    except Exception as error:  # noqa: BLE001 - any unconvertible student object
        return None, f"is a {type(value).__name__}, not an array ({type(error).__name__})"
    if array.dtype.kind not in "biufc":
        return None, f"is a {type(value).__name__} holding {array.dtype}, not numbers"
    return array, None


def run_probes(cases, targets, time_limits=True, code_root=None, on_result=None):
    """
    Runs each case's probe on its target.

    Inputs:
    - cases: list of ProbeCase
    - targets: dict target name -> graded object, or -> TargetUnavailable
    - time_limits: enforce each case's time limit with SIGALRM (main thread only)
    - code_root: folder of the code under test, to locate errors in it
    - on_result: called with each ProbeResult as soon as it is known

    Returns:
    - results: list of ProbeResult, in the order of cases
    """
    results = []
    for case in cases:
        started = time.perf_counter()
        result = ProbeResult(case.name, CaseStatus.OK)
        passed_inputs = {}
        target = targets.get(case.target)
        try:
            if isinstance(target, TargetUnavailable):
                raise target
            passed_inputs = case.inputs()  # made here: a submission may have broken numpy.random
            if time_limits:
                signal.signal(signal.SIGALRM, _on_alarm)
                signal.setitimer(signal.ITIMER_REAL, case.time_limit_s)
            try:
                outputs = case.probe(target, **passed_inputs)
            finally:
                if time_limits:
                    signal.setitimer(signal.ITIMER_REAL, 0)
            for name, value in outputs.items():
                array, problem = _as_array(value)
                if problem is None:
                    result.outputs[name] = array
                else:
                    result.invalid_outputs[name] = problem
        except TargetUnavailable as error:
            result.status = CaseStatus.ERROR
            result.error = str(error)
        except NotImplementedError:
            result.status = CaseStatus.NOT_IMPLEMENTED
        except _CaseTimeout:
            result.status = CaseStatus.TIMED_OUT
            result.error = f"timed out after {case.time_limit_s:g} s"
        except BaseException as error:  # noqa: BLE001 - SystemExit and KeyboardInterrupt too
            result.status = CaseStatus.ERROR
            result.error = _describe_exception(error, code_root)
        result.inputs_after = {k: v for k, v in passed_inputs.items() if isinstance(v, np.ndarray)}
        result.seconds = time.perf_counter() - started
        results.append(result)
        if on_result is not None:
            on_result(result)
    return results


def _import_attribute(dotted):
    """Imports 'pkg.module.Class.attr': the longest importable module, then attributes."""
    parts = dotted.split(".")
    for split in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:split]))
        except ModuleNotFoundError as error:
            if error.name is None or not dotted.startswith(error.name):
                raise
            continue
        for attribute in parts[split:]:
            obj = getattr(obj, attribute)
        return obj
    raise ModuleNotFoundError(f"No module named {parts[0]!r}", name=parts[0])


def resolve_targets(target_paths, package, pickled=None):
    """
    Looks up every graded object.

    Inputs:
    - target_paths: dict target name -> dotted path inside the package, e.g. 'networks.layer.affine_forward'
    - package: top-level package name, 'exercise_code' for a submission
    - pickled: dict loaded from the submitted pickle; its entries take precedence

    Returns:
    - targets: dict target name -> object, or -> TargetUnavailable saying why it could not be loaded
    """
    targets, failed_modules = {}, {}
    for name, path in target_paths.items():
        if pickled is not None and name in pickled:
            targets[name] = pickled[name]
            continue
        dotted = f"{package}.{path}"
        # A module that failed to import is not imported again: its top-level code
        # (an endless loop, a memory hog) would run once more per target.
        failure = next((why for module, why in failed_modules.items() if dotted.startswith(module + ".")), None)
        if failure is None:
            try:
                targets[name] = _import_attribute(dotted)
                continue
            except BaseException as error:  # noqa: BLE001 - student code runs at import
                failure = _describe_exception(error)
                failed_modules[_failed_module(error, dotted)] = failure
        targets[name] = TargetUnavailable(f"could not load {path}: {failure}")
    return targets


def _failed_module(error, dotted):
    """The module whose import raised ``error``: the deepest one on the traceback inside the package."""
    package = dotted.split(".")[0]
    for frame in reversed(traceback.extract_tb(error.__traceback__)):
        module = _module_of_file(frame.filename, package)
        if module is not None and dotted.startswith(module + "."):
            return module
    return dotted


def _module_of_file(filename, package):
    """'/tmp/submission/exercise_code/networks/layer.py' -> 'exercise_code.networks.layer'."""
    parts = Path(filename).with_suffix("").parts
    if package not in parts:
        return None
    parts = parts[len(parts) - 1 - parts[::-1].index(package):]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def encode_message(header, arrays=None):
    """
    JSON header + raw numeric arrays -> bytes.

    Layout: 4-byte big-endian length of the JSON, the JSON (with one entry per
    array: name, dtype, shape), then each array's bytes in C order.
    """
    arrays = {name: np.asarray(array) for name, array in (arrays or {}).items()}  # tobytes() writes C order
    described = dict(header, arrays=[[name, a.dtype.str, list(a.shape)] for name, a in arrays.items()])
    head = json.dumps(described).encode()
    return b"".join([len(head).to_bytes(4, "big"), head, *(a.tobytes() for a in arrays.values())])


def decode_message(data):
    """The inverse of encode_message; raises ValueError on anything malformed. Never unpickles."""
    if len(data) < 4:
        raise ValueError("message too short")
    size = int.from_bytes(data[:4], "big")
    header = json.loads(data[4 : 4 + size])
    if not isinstance(header, dict):
        raise ValueError("message header is not an object")
    arrays, offset = {}, 4 + size
    for name, dtype, shape in header.pop("arrays", []):
        dtype = np.dtype(dtype)
        if dtype.kind not in "biufc":  # numbers only: an object array would need pickle
            raise ValueError(f"array {name!r} has dtype {dtype}")
        count = int(np.prod(shape, dtype=np.int64))
        end = offset + count * dtype.itemsize
        if count < 0 or end > len(data):
            raise ValueError(f"array {name!r} runs past the end of the message")
        arrays[str(name)] = np.frombuffer(data, dtype, count, offset).reshape(shape).copy()
        offset = end
    if offset != len(data):
        raise ValueError("message has trailing bytes")
    return header, arrays


def result_to_message(result):
    header = {
        "kind": "case",
        "name": result.name,
        "status": result.status.value,
        "error": result.error,
        "invalid_outputs": result.invalid_outputs,
        "seconds": result.seconds,
    }
    arrays = {f"out/{k}": v for k, v in result.outputs.items()}
    arrays.update({f"in/{k}": v for k, v in result.inputs_after.items()})
    return encode_message(header, arrays)


def message_to_result(header, arrays):
    """Rebuilds a ProbeResult from a worker message; raises ValueError/KeyError when malformed."""
    return ProbeResult(
        name=str(header["name"]),
        status=CaseStatus(header["status"]),
        outputs={k[4:]: v for k, v in arrays.items() if k.startswith("out/")},
        inputs_after={k[3:]: v for k, v in arrays.items() if k.startswith("in/")},
        invalid_outputs={str(k): str(v) for k, v in dict(header.get("invalid_outputs", {})).items()},
        error=str(header.get("error", "")),
        seconds=float(header.get("seconds", 0.0)),
    )


def worker_main(spec, send):
    """
    Runs inside the sandboxed worker (see sandbox.Sandbox.run), in the submission folder.

    Inputs:
    - spec: {'assignment': name of a module in autograder.assignments}
    - send: sends one bytes message to the grader
    """
    assignment = importlib.import_module(f"autograder.assignments.{spec['assignment']}")
    code_root = Path.cwd()
    pickled = None
    pickle_path = code_root / assignment.PICKLE_FILE
    if pickle_path.is_file():
        try:
            with open(pickle_path, "rb") as f:  # unpickling runs code: only ever here, in the worker
                pickled = pickle.load(f)
            if not isinstance(pickled, dict):
                raise TypeError(f"it holds a {type(pickled).__name__}, not a dict")
        except BaseException as error:  # noqa: BLE001
            send(encode_message({"kind": "note", "text": f"{assignment.PICKLE_FILE} could not be loaded: "
                                 f"{_describe_exception(error)}; grading the source files instead."}))
            pickled = None
    targets = resolve_targets(assignment.TARGETS, "exercise_code", pickled)
    run_probes(
        assignment.CASES, targets, code_root=code_root, on_result=lambda result: send(result_to_message(result))
    )
    send(encode_message({"kind": "done"}))
