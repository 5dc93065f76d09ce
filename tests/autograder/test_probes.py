"""Probes: the message format between worker and grader, and how cases report what went wrong."""

import json

import numpy as np
import pytest

from autograder.probes import (
    CaseStatus,
    ProbeCase,
    TargetUnavailable,
    decode_message,
    encode_message,
    resolve_targets,
    run_probes,
)


def test_arrays_survive_the_round_trip():
    arrays = {
        "scalar": np.float64(2.5),
        "matrix": np.arange(12.0).reshape(3, 4),
        "transposed": np.arange(6).reshape(2, 3).T,  # not C-contiguous
        "empty": np.zeros((0, 3), np.float32),
        "labels": np.array([1, 2, 3], np.int64),
    }
    header, decoded = decode_message(encode_message({"kind": "case", "name": "x"}, arrays))
    assert header == {"kind": "case", "name": "x"}
    for name, array in arrays.items():
        assert decoded[name].dtype == np.asarray(array).dtype and decoded[name].shape == np.shape(array)
        assert np.array_equal(decoded[name], array)


def _forged(header, payload=b""):
    head = json.dumps(header).encode()
    return len(head).to_bytes(4, "big") + head + payload


@pytest.mark.parametrize(
    "message, problem",
    [
        (_forged({"arrays": [["x", "|O", [1]]]}, bytes(8)), "dtype"),  # an object array would need pickle
        (_forged({"arrays": [["x", "<f8", [10]]]}, bytes(8)), "past the end"),
        (_forged({"arrays": [["x", "<f8", [-1]]]}, bytes(8)), "past the end"),
        (_forged({"kind": "done"}, b"junk"), "trailing"),
        (b"\x00\x00\x00\x05[1,2]", "not an object"),
        (b"\x00\x00", "too short"),
    ],
    ids=["object-dtype", "truncated", "negative-shape", "trailing-bytes", "not-an-object", "too-short"],
)
def test_malformed_messages_are_refused(message, problem):
    """Is every malformed or malicious message a ValueError, never an unpickle or a crash?"""
    with pytest.raises(ValueError, match=problem):
        decode_message(message)


def _case(name, probe, make_inputs=lambda rng: {"x": rng.normal(size=(2, 3))}, time_limit_s=5.0):
    return ProbeCase(name, "f", make_inputs, probe, seed=1, description=name, time_limit_s=time_limit_s)


def _loop_forever(f, x):
    while True:
        pass


def test_case_outcomes_are_told_apart():
    cases = [
        _case("ok", lambda f, x: {"out": f(x)}),
        _case("not_implemented", lambda f, x: {"out": (_ for _ in ()).throw(NotImplementedError())}),
        _case("error", lambda f, x: {"out": x @ x}),
        _case("timeout", _loop_forever, time_limit_s=0.2),
        _case("invalid", lambda f, x: {"out": None, "names": ["a", "b"]}),
        _case("exit", lambda f, x: {"out": (_ for _ in ()).throw(SystemExit(0))}),
    ]
    results = {r.name: r for r in run_probes(cases, {"f": np.tanh})}
    assert results["ok"].status is CaseStatus.OK and results["ok"].outputs["out"].shape == (2, 3)
    assert results["not_implemented"].status is CaseStatus.NOT_IMPLEMENTED
    assert results["error"].status is CaseStatus.ERROR and "ValueError: matmul" in results["error"].error
    assert results["timeout"].status is CaseStatus.TIMED_OUT and "0.2 s" in results["timeout"].error
    assert results["invalid"].invalid_outputs == {"out": "is None", "names": "is a list holding <U1, not numbers"}
    assert results["exit"].status is CaseStatus.ERROR and "SystemExit" in results["exit"].error


def test_inputs_after_the_call_are_reported():
    def scale_in_place(f, x):
        x *= 2
        return {"out": x}

    (result,) = run_probes([_case("mutates", scale_in_place)], {"f": None})
    original = np.random.default_rng(1).normal(size=(2, 3))
    assert np.array_equal(result.inputs_after["x"], 2 * original)


def test_unavailable_target_fails_its_cases_with_the_reason():
    (result,) = run_probes([_case("c", lambda f, x: {})], {"f": TargetUnavailable("could not load f: boom")})
    assert result.status is CaseStatus.ERROR and result.error == "could not load f: boom"


def test_pickled_objects_win_and_failures_name_the_module(tmp_path, monkeypatch):
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "good.py").write_text("def f():\n    return 1\n")
    (package / "bad.py").write_text("raise RuntimeError('broken at import')\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    targets = resolve_targets(
        {"F": "good.f", "G": "good.missing", "H": "bad.h", "P": "good.f"}, "pkg", pickled={"P": "from pickle"}
    )
    assert targets["F"]() == 1 and targets["P"] == "from pickle"
    assert isinstance(targets["G"], TargetUnavailable) and "AttributeError" in str(targets["G"])
    assert "RuntimeError: broken at import" in str(targets["H"])
