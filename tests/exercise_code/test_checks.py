"""Tests of the student checks in ``exercise_code/tests``: the homework's lines, helpful failures.

The checks run against the released student package with its TODO functions
swapped for the reference (must pass) or for typical mistakes (must fail,
saying what is wrong).
"""

import numpy as np
import pytest
import torch

import exercise_code.networks.layer as student_layer
import exercise_code.networks.loss as student_loss
import exercise_code.networks.optimizer as student_optimizer
from autograder.reference import load_reference
from exercise_code.tests import (
    AffineTestWrapper,
    CrossEntropyTestWrapper,
    ReluTestWrapper,
    SGDMTestWrapper,
    SigmoidTestWrapper,
)
from exercise_code.tests import base_tests
from exercise_code.tests.base_tests import CompositeTest, MethodTest, UnitTest
from exercise_code.tests.expected_values import DATA_DIR

WRAPPERS = [SigmoidTestWrapper, ReluTestWrapper, AffineTestWrapper, SGDMTestWrapper, CrossEntropyTestWrapper]


@pytest.fixture
def reference(monkeypatch):
    """The student package with every TODO filled in by the reference solution."""
    ref_layer = load_reference("networks.layer")
    for name in ("Sigmoid", "Relu", "affine_forward", "affine_backward"):
        monkeypatch.setattr(student_layer, name, getattr(ref_layer, name))
    monkeypatch.setattr(student_loss, "CrossEntropyFromLogits", load_reference("networks.loss").CrossEntropyFromLogits)
    monkeypatch.setattr(student_optimizer, "SGDMomentum", load_reference("networks.optimizer").SGDMomentum)
    return ref_layer


def test_sigmoid_wrapper_prints_the_homework_lines(reference, capsys):
    """Does a correct Sigmoid print exactly the homework's five lines?"""
    print(SigmoidTestWrapper())
    assert capsys.readouterr().out == (
        "SigmoidForwardTest passed.\n"
        "SigmoidBackwardTest passed.\n"
        "Congratulations! You have passed all the unit tests!!! Tests passed: 2/2\n"
        "Score: 100/100\n"
        "You secured a score of: 100\n"
    )


@pytest.mark.parametrize("wrapper", WRAPPERS, ids=lambda w: w.__name__)
def test_reference_scores_100(reference, wrapper, capsys):
    """Does the reference solution pass every test of every wrapper?"""
    assert wrapper() == 100
    out = capsys.readouterr().out
    assert "failed" not in out and "Score: 100/100" in out


def test_affine_wrapper_names_its_four_tests(reference, capsys):
    AffineTestWrapper()
    out = capsys.readouterr().out
    for name in ("AffineForwardTest", "AffineBackwardTestDx", "AffineBackwardTestDw", "AffineBackwardTestDb"):
        assert f"{name} passed." in out
    assert "Tests passed: 4/4" in out


@pytest.mark.parametrize("wrapper", WRAPPERS, ids=lambda w: w.__name__)
def test_released_stubs_say_not_implemented(wrapper, capsys):
    """Does an unimplemented TODO print 'not implemented yet' and score 0, without a traceback?"""
    assert wrapper() == 0
    out = capsys.readouterr().out
    assert "failed: not implemented yet." in out
    assert "Score: 0/100" in out and "Traceback" not in out


def _affine_forward_transposed(x, w, b):
    out = x.reshape(x.shape[0], -1) @ w + b
    return out.T, (x, w, b)


def _affine_backward_not_averaged(dout, cache):
    x, w, b = cache
    return (dout @ w.T).reshape(x.shape), x.reshape(len(x), -1).T @ dout, dout.sum(axis=0)


def _relu_backward_in_place(self, dout, cache):
    dout[cache <= 0] = 0  # the classic fill that modifies dout
    return dout


def test_wrong_shape_is_named(reference, monkeypatch, capsys):
    """Does a transposed output fail with got and expected shapes?"""
    monkeypatch.setattr(student_layer, "affine_forward", _affine_forward_transposed)
    assert AffineTestWrapper() < 100
    assert "AffineForwardTest failed: out has shape (6, 3), expected (3, 6)." in capsys.readouterr().out


def test_wrong_values_give_the_relative_error(reference, monkeypatch, capsys):
    """Does forgetting to average dw and db fail with the max relative error and the tolerance?"""
    monkeypatch.setattr(student_layer, "affine_backward", _affine_backward_not_averaged)
    assert AffineTestWrapper() == 50
    out = capsys.readouterr().out
    assert "AffineBackwardTestDx passed." in out
    assert "AffineBackwardTestDw failed: dw is wrong: max relative error 5.0e-01 (tolerance 1e-07)." in out
    assert "AffineBackwardTestDb failed: db is wrong" in out
    assert "Some tests failed for your code. Tests passed: 2/4" in out


def test_in_place_modification_is_caught(reference, monkeypatch, capsys):
    """Does a backward pass that writes into dout fail, even though its values are right?"""
    monkeypatch.setattr(student_layer.Relu, "backward", _relu_backward_in_place)
    assert ReluTestWrapper() == 50
    out = capsys.readouterr().out
    assert "ReluBackwardTest failed: your code modified its input dout in place" in out
    assert "Some tests failed for class Relu. Tests passed: 1/2" in out


def test_unassigned_result_is_named(reference, monkeypatch, capsys):
    """Does a forward that leaves `out = None` say so?"""
    monkeypatch.setattr(student_layer, "affine_forward", lambda x, w, b: (None, (x, w, b)))
    AffineTestWrapper()
    assert "AffineForwardTest failed: out is None: assign your result to out." in capsys.readouterr().out


def test_exceptions_are_reported_in_one_line(reference, monkeypatch, capsys):
    """Does an exception in student code become one line with its type and message?"""

    def broken(x, w, b):
        return x @ w + b, None  # forgets to reshape x

    monkeypatch.setattr(student_layer, "affine_forward", broken)
    AffineTestWrapper()
    out = capsys.readouterr().out
    assert "AffineForwardTest failed: your code raised ValueError: matmul" in out
    assert "Traceback" not in out


def test_nan_is_reported(reference, monkeypatch, capsys):
    """Does an output with nan fail as 'nan or inf', not as a relative error?"""

    class NaiveSigmoid:
        def forward(self, x):
            out = np.full_like(x, np.nan)
            return out, out

    monkeypatch.setattr(student_layer, "Sigmoid", NaiveSigmoid)
    SigmoidTestWrapper()
    assert "SigmoidForwardTest failed: out contains nan or inf." in capsys.readouterr().out


def test_sgdm_without_stored_velocity_fails_only_the_velocity_test(reference, monkeypatch, capsys):
    """Does a momentum step that forgets the velocity fail SGDM_Velocity_Test only?"""

    def update(self, w, dw, config, lr):
        v = config.get("velocity", np.zeros_like(w))
        new_v = config.get("momentum", 0.9) * v - lr * dw
        return w + new_v, config  # velocity never stored

    monkeypatch.setattr(student_optimizer.SGDMomentum, "_update", update)
    assert SGDMTestWrapper() == 50
    out = capsys.readouterr().out
    assert "SGDM_Weight_Test passed." in out
    assert "SGDM_Velocity_Test failed: velocity is wrong" in out
    assert "Some tests failed for method SGDMomentum._update(). Tests passed: 1/2" in out


def test_torch_implementations_are_accepted(reference, monkeypatch, capsys):
    """Does a correct sigmoid written with torch tensors pass?"""

    class TorchSigmoid:
        def forward(self, x):
            out = torch.sigmoid(torch.from_numpy(x))
            return out, out

        def backward(self, dout, cache):
            return torch.from_numpy(dout) * cache * (1 - cache)

    monkeypatch.setattr(student_layer, "Sigmoid", TorchSigmoid)
    assert SigmoidTestWrapper() == 100


class _Passes(UnitTest):
    def test(self):
        return None


class _Fails(UnitTest):
    def test(self):
        return "wrong."


def test_score_is_rounded_down_and_prints(capsys):
    """Is 1 of 3 tests 33 points, printed as `Score: 33/100`?"""
    score = base_tests.test_results_to_score(CompositeTest([_Passes(), _Fails(), _Fails()])())
    assert score == 33 and str(score) == "You secured a score of: 33"
    out = capsys.readouterr().out
    assert "_Fails failed: wrong." in out and out.endswith("Score: 33/100\n")


def test_method_test_names_the_method(capsys):
    assert MethodTest("Adam._update", [_Fails()])() == (0, 1)
    assert "Some tests failed for method Adam._update(). Tests passed: 0/1" in capsys.readouterr().out


def test_expected_values_are_plain_arrays():
    """Are the stored expected values numeric arrays that load without pickle (no code inside)?"""
    files = sorted(DATA_DIR.glob("*.npz"))
    assert files
    for path in files:
        with np.load(path, allow_pickle=False) as data:
            assert data.files
            for key in data.files:
                assert data[key].dtype.kind in "fiu", (path, key)


def test_lost_precision_is_named(reference, monkeypatch, capsys):
    """Does a float32 result for float64 inputs fail with both dtypes named?"""

    class Float32Sigmoid:
        def forward(self, x):
            out = (1 / (1 + np.exp(-x))).astype(np.float32)
            return out, out

    monkeypatch.setattr(student_layer, "Sigmoid", Float32Sigmoid)
    SigmoidTestWrapper()
    assert "out has dtype float32, expected float64: keep the input's precision." in capsys.readouterr().out
