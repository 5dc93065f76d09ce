"""Checks students run from the notebooks, and ``save_pickle`` for the submission."""

from ..submit import save_pickle
from .base_tests import ClassTest, CompositeTest, MethodTest, UnitTest, test_results_to_score
from .layer_tests import AffineTestWrapper, ReluTestWrapper, SigmoidTestWrapper
from .loss_tests import CrossEntropyTestWrapper
from .optimizer_tests import SGDMTestWrapper

__all__ = [
    "AffineTestWrapper",
    "ClassTest",
    "CompositeTest",
    "CrossEntropyTestWrapper",
    "MethodTest",
    "ReluTestWrapper",
    "SGDMTestWrapper",
    "SigmoidTestWrapper",
    "UnitTest",
    "save_pickle",
    "test_results_to_score",
]
