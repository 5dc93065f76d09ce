"""Checks of ``exercise_code/networks/layer.py`` against stored reference values."""

from ..networks import layer
from .base_tests import ClassTest, CompositeTest, test_results_to_score
from .expected_value_test import ExpectedValueTest

__all__ = [
    "SigmoidForwardTest",
    "SigmoidBackwardTest",
    "ReluForwardTest",
    "ReluBackwardTest",
    "AffineForwardTest",
    "AffineBackwardTestDx",
    "AffineBackwardTestDw",
    "AffineBackwardTestDb",
    "SigmoidTestWrapper",
    "ReluTestWrapper",
    "AffineTestWrapper",
]


class SigmoidForwardTest(ExpectedValueTest):
    check = "sigmoid"
    must_not_change = ("x",)

    def run(self):
        out, _ = layer.Sigmoid().forward(self.values["x"])
        return {"out": out}


class SigmoidBackwardTest(ExpectedValueTest):
    check = "sigmoid"
    must_not_change = ("x", "dout")

    def run(self):
        sigmoid = layer.Sigmoid()
        _, cache = sigmoid.forward(self.values["x"])
        return {"dx": sigmoid.backward(self.values["dout"], cache)}


class ReluForwardTest(ExpectedValueTest):
    check = "relu"
    must_not_change = ("x",)

    def run(self):
        out, _ = layer.Relu().forward(self.values["x"])
        return {"out": out}


class ReluBackwardTest(ExpectedValueTest):
    check = "relu"
    must_not_change = ("x", "dout")

    def run(self):
        relu = layer.Relu()
        _, cache = relu.forward(self.values["x"])
        return {"dx": relu.backward(self.values["dout"], cache)}


class AffineForwardTest(ExpectedValueTest):
    check = "affine"
    must_not_change = ("x", "w", "b")

    def run(self):
        out, _ = layer.affine_forward(self.values["x"], self.values["w"], self.values["b"])
        return {"out": out}


class _AffineBackwardTest(ExpectedValueTest):
    """Runs affine_backward once; subclasses compare one of its three results."""

    check = "affine"
    must_not_change = ("x", "w", "b", "dout")
    compared = None

    def run(self):
        cache = (self.values["x"], self.values["w"], self.values["b"])
        dx, dw, db = layer.affine_backward(self.values["dout"], cache)
        return {self.compared: {"dx": dx, "dw": dw, "db": db}[self.compared]}


class AffineBackwardTestDx(_AffineBackwardTest):
    compared = "dx"


class AffineBackwardTestDw(_AffineBackwardTest):
    compared = "dw"


class AffineBackwardTestDb(_AffineBackwardTest):
    compared = "db"


def SigmoidTestWrapper():
    """Runs the Sigmoid checks, prints their lines and the score, and returns the score."""
    tests = ClassTest("Sigmoid", [SigmoidForwardTest(), SigmoidBackwardTest()])
    return test_results_to_score(tests())


def ReluTestWrapper():
    """Runs the Relu checks, prints their lines and the score, and returns the score."""
    tests = ClassTest("Relu", [ReluForwardTest(), ReluBackwardTest()])
    return test_results_to_score(tests())


def AffineTestWrapper():
    """Runs the affine_forward / affine_backward checks and returns the score."""
    tests = CompositeTest(
        [AffineForwardTest(), AffineBackwardTestDx(), AffineBackwardTestDw(), AffineBackwardTestDb()]
    )
    return test_results_to_score(tests())
