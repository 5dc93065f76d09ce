"""Checks of ``CrossEntropyFromLogits`` in ``exercise_code/networks/loss.py``."""

from ..networks import loss
from .base_tests import ClassTest, test_results_to_score
from .expected_value_test import ExpectedValueTest

__all__ = ["CrossEntropyForwardTest", "CrossEntropyBackwardTest", "CrossEntropyTestWrapper"]


class CrossEntropyForwardTest(ExpectedValueTest):
    check = "cross_entropy"
    must_not_change = ("logits", "labels")

    def run(self):
        return {"loss": loss.CrossEntropyFromLogits().forward(self.values["logits"], self.values["labels"])}


class CrossEntropyBackwardTest(ExpectedValueTest):
    check = "cross_entropy"
    must_not_change = ("logits", "labels")

    def run(self):
        return {"grad": loss.CrossEntropyFromLogits().backward(self.values["logits"], self.values["labels"])}


def CrossEntropyTestWrapper():
    """Runs the CrossEntropyFromLogits checks and returns the score."""
    tests = ClassTest("CrossEntropyFromLogits", [CrossEntropyForwardTest(), CrossEntropyBackwardTest()])
    return test_results_to_score(tests())
