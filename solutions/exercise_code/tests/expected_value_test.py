"""A unit test whose inputs and expected outputs come from the stored public check values."""

import numpy as np

from .array_checks import check_array
from .base_tests import UnitTest
from .expected_values import load_expected

__all__ = ["ExpectedValueTest"]


class ExpectedValueTest(UnitTest):
    """
    Subclasses set ``assignment``, ``check`` and ``tol`` and implement ``run``,
    which calls the student's code on ``self.values`` (fresh copies of the
    stored inputs) and returns ``{name: result}`` for the names to compare.
    Inputs listed in ``must_not_change`` are checked for in-place modification.
    """

    assignment = "exercise05"
    check = None
    tol = 1e-7
    must_not_change = ()

    def __init__(self):
        self.values = load_expected(self.assignment, self.check)

    def run(self):
        raise NotImplementedError

    def test(self):
        originals = {name: self.values[name].copy() for name in self.must_not_change}
        results = self.run()
        for name, original in originals.items():
            if not np.array_equal(self.values[name], original):
                return f"your code modified its input {name} in place; compute a new array instead."
        for name, got in results.items():
            failure = check_array(name, got, self.values[name], self.tol)
            if failure is not None:
                return failure
        return None
