"""Checks of ``SGDMomentum._update`` in ``exercise_code/networks/optimizer.py``."""

from ..networks import optimizer
from .base_tests import MethodTest, test_results_to_score
from .expected_value_test import ExpectedValueTest

__all__ = ["SGDM_Weight_Test", "SGDM_Velocity_Test", "SGDMTestWrapper"]


class _SGDMTest(ExpectedValueTest):
    """One momentum step from a stored velocity; subclasses compare the weights or the velocity."""

    check = "sgdm"
    tol = 1e-6
    must_not_change = ("w", "dw", "velocity_in")

    def _step(self):
        config = {"momentum": float(self.values["momentum"]), "velocity": self.values["velocity_in"]}
        # _update never uses self, so it is called as the plain function a submission pickles.
        next_w, config = optimizer.SGDMomentum._update(
            None, self.values["w"], self.values["dw"], config, lr=float(self.values["lr"])
        )
        return next_w, (config or {}).get("velocity")


class SGDM_Weight_Test(_SGDMTest):
    def run(self):
        next_w, _ = self._step()
        return {"next_w": next_w}


class SGDM_Velocity_Test(_SGDMTest):
    def run(self):
        _, velocity = self._step()
        return {"velocity": velocity}


def SGDMTestWrapper():
    """Runs the SGDMomentum._update checks and returns the score."""
    tests = MethodTest("SGDMomentum._update", [SGDM_Weight_Test(), SGDM_Velocity_Test()])
    return test_results_to_score(tests())
