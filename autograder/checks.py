"""Checks: compares what a submission's probe produced with the reference's, case by case.

Runs in the grader's own process on plain arrays. A case passes only when every
output has the reference's shape and kind of dtype, is finite where the
reference is, lies within the case's relative-error tolerance, and the probe's
inputs came back unmodified. Reasons name shapes and error sizes, never the
expected values themselves.
"""

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from .probes import CaseStatus
from .reference import load_reference

__all__ = ["CheckResult", "check_case", "not_run"]


@dataclass(frozen=True)
class CheckResult:
    """The verdict on one case."""

    name: str
    description: str
    score: float
    max_score: float
    reason: str  # empty when passed
    visibility: str

    @property
    def passed(self):
        return self.score == self.max_score


def _verdict(case, reason):
    return CheckResult(case.name, case.description, 0.0 if reason else case.points, case.points, reason,
                       case.visibility)


def not_run(case, why):
    """A case the worker never reported on (it timed out, died, or the submission was refused)."""
    return _verdict(case, f"not run: {why}")


@lru_cache(maxsize=None)
def _original_inputs(case):
    """The case's inputs as generated (cached: the same for every submission; never modified)."""
    return case.inputs()


def _mutated_input(case, inputs_after):
    for name, original in _original_inputs(case).items():
        if not isinstance(original, np.ndarray):
            continue
        after = inputs_after.get(name)
        if after is None or after.shape != original.shape or not np.array_equal(after, original, equal_nan=True):
            return name
    return None


def check_case(case, expected, got):
    """
    Inputs:
    - case: the ProbeCase
    - expected: ProbeResult of the reference (status OK)
    - got: ProbeResult of the submission

    Returns:
    - CheckResult with full points or zero and the reason
    """
    if got.status is CaseStatus.NOT_IMPLEMENTED:
        return _verdict(case, "not implemented")
    if got.status is CaseStatus.TIMED_OUT:
        return _verdict(case, got.error)
    if got.status is not CaseStatus.OK:
        return _verdict(case, f"raised {got.error}")
    check_array = load_reference("tests.array_checks").check_array
    for name, reference in expected.outputs.items():
        if name in got.invalid_outputs:
            return _verdict(case, f"{name} {got.invalid_outputs[name]}.")
        if name not in got.outputs:
            return _verdict(case, f"{name} is missing from the result.")
        failure = check_array(name, got.outputs[name], reference, case.tol)
        if failure:
            return _verdict(case, failure)
    mutated = _mutated_input(case, got.inputs_after)
    if mutated:
        return _verdict(case, f"modified its input {mutated} in place; compute a new array instead.")
    return _verdict(case, "")
