"""Assignment 2 (homework 5): neural networks on CIFAR-10, TODOs in ``exercise_code/networks``."""

import numpy as np

from ..probes import HIDDEN, ProbeCase
from ..reference import load_reference

NAME = "exercise05"


def public_check_values():
    """
    Computes inputs and reference outputs of the student checks in
    ``exercise_code/tests`` (layer_tests, loss_tests, optimizer_tests).

    Returns:
    - values: dict '<check>/<name>' -> float64 or int64 array
    """
    layer = load_reference("networks.layer")
    loss = load_reference("networks.loss")
    optimizer = load_reference("networks.optimizer")
    rng = np.random.default_rng(2024)
    values = {}

    def add(check, **arrays):
        values.update({f"{check}/{name}": np.asarray(a) for name, a in arrays.items()})

    x = rng.normal(scale=3.0, size=(10, 6))
    dout = rng.normal(size=(10, 6))
    sigmoid = layer.Sigmoid()
    out, cache = sigmoid.forward(x)
    add("sigmoid", x=x, dout=dout, out=out, dx=sigmoid.backward(dout, cache))

    # No exact zeros: the derivative of the ReLU is undefined there.
    x = rng.normal(size=(7, 5, 3))
    dout = rng.normal(size=(7, 5, 3))
    relu = layer.Relu()
    out, cache = relu.forward(x)
    add("relu", x=x, dout=dout, out=out, dx=relu.backward(dout, cache))

    x = rng.normal(size=(3, 2, 4, 5))
    w = rng.normal(size=(40, 6))
    b = rng.normal(size=(6,))
    dout = rng.normal(size=(3, 6))
    out, cache = layer.affine_forward(x, w, b)
    dx, dw, db = layer.affine_backward(dout, cache)
    add("affine", x=x, w=w, b=b, dout=dout, out=out, dx=dx, dw=dw, db=db)

    logits = rng.normal(scale=4.0, size=(8, 10))
    labels = rng.integers(0, 10, size=8)
    cross_entropy = loss.CrossEntropyFromLogits()
    add(
        "cross_entropy",
        logits=logits,
        labels=labels,
        loss=cross_entropy.forward(logits, labels),
        grad=cross_entropy.backward(logits, labels),
    )

    w = np.linspace(-0.4, 0.6, num=20).reshape(4, 5)
    dw = np.linspace(-0.6, 0.4, num=20).reshape(4, 5)
    velocity_in = np.linspace(0.6, 0.9, num=20).reshape(4, 5)
    config = {"momentum": 0.9, "velocity": velocity_in.copy()}
    next_w, config = optimizer.SGDMomentum._update(None, w, dw, config, lr=1e-3)
    add(
        "sgdm",
        w=w,
        dw=dw,
        velocity_in=velocity_in,
        momentum=0.9,
        lr=1e-3,
        next_w=next_w,
        velocity=config["velocity"],
    )
    return values


# ----------------------------------------------------------------------------------------------
# Grading: what a submission holds, and the hidden cases.

# The homework's pickle; its entries are graded when present, else the source modules are.
PICKLE_FILE = "models/NN.p"

# What the notebook's save_pickle cell stores in PICKLE_FILE.
PICKLED_TARGETS = ("SGD_Momentum_update", "AffineForward", "AffineBackward", "Sigmoid", "Relu")

# Graded object -> where it lives inside exercise_code. Keys are the pickle's keys.
TARGETS = {
    "Sigmoid": "networks.layer.Sigmoid",
    "Relu": "networks.layer.Relu",
    "AffineForward": "networks.layer.affine_forward",
    "AffineBackward": "networks.layer.affine_backward",
    "CrossEntropyFromLogits": "networks.loss.CrossEntropyFromLogits",
    "SGD_Momentum_update": "networks.optimizer.SGDMomentum._update",
}


# Probes: each drives one graded object the way the homework uses it. Forward
# probes share their generators with the backward cases and ignore `dout`.


def probe_activation_forward(layer_class, x, **_):
    out, _ = layer_class().forward(x)
    return {"out": out}


def probe_activation_backward(layer_class, x, dout):
    layer = layer_class()
    _, cache = layer.forward(x)  # backward gets the cache of the student's own forward
    return {"dx": layer.backward(dout, cache)}


def probe_affine_forward(affine_forward, x, w, b, **_):
    out, _ = affine_forward(x, w, b)
    return {"out": out}


def probe_affine_backward(affine_backward, x, w, b, dout):
    dx, dw, db = affine_backward(dout, (x, w, b))  # the cache format is given: (x, w, b)
    return {"dx": dx, "dw": dw, "db": db}


def probe_cross_entropy_forward(loss_class, logits, labels):
    return {"loss": loss_class().forward(logits, labels)}


def probe_cross_entropy_backward(loss_class, logits, labels):
    return {"grad": loss_class().backward(logits, labels)}


def probe_momentum_steps(update, w, grads, lr, momentum, velocity):
    """len(grads) steps from the given velocity, the config carried from step to step."""
    config = {"momentum": float(momentum), "velocity": velocity}
    for dw in grads:
        w, config = update(None, w, dw, config, lr=float(lr))
    return {"w": w, "velocity": config["velocity"]}


def probe_momentum_defaults(update, w, dw, lr):
    """One step from an empty config: momentum 0.9 and zero velocity by default."""
    next_w, config = update(None, w, dw, {}, lr=float(lr))
    return {"w": next_w, "velocity": config["velocity"]}


# Input generators, each taking a numpy Generator.


def _activation_inputs(*shape, scale=3.0, dtype=np.float64):
    def make(rng):
        return {
            "x": rng.normal(scale=scale, size=shape).astype(dtype),
            "dout": rng.normal(size=shape).astype(dtype),
        }

    return make


def _extreme_inputs(rng):
    x = np.array([[-1000.0, -100.0, -30.0, 0.0, 30.0, 100.0, 1000.0]])
    return {"x": x, "dout": rng.normal(size=x.shape)}


def _affine_inputs(x_shape, M):
    def make(rng):
        D = int(np.prod(x_shape[1:]))
        return {
            "x": rng.normal(size=x_shape),
            "w": rng.normal(size=(D, M)),
            "b": rng.normal(size=M),
            "dout": rng.normal(size=(x_shape[0], M)),
        }

    return make


def _logit_inputs(N, C, scale=3.0):
    def make(rng):
        return {"logits": rng.normal(scale=scale, size=(N, C)), "labels": rng.integers(0, C, size=N)}

    return make


def _momentum_inputs(shape, steps, lr, momentum):
    def make(rng):
        return {
            "w": rng.normal(size=shape),
            "grads": rng.normal(size=(steps, *shape)),
            "lr": lr,
            "momentum": momentum,
            "velocity": rng.normal(scale=0.1, size=shape),
        }

    return make


def _case(name, target, probe, make_inputs, description, visible=False, **kwargs):
    seed = sum(ord(c) * (i + 1) for i, c in enumerate(name))  # stable, distinct per case
    return ProbeCase(name, target, make_inputs, probe, seed, description,
                     visibility="visible" if visible else HIDDEN, **kwargs)


CASES = [
    # Sigmoid.forward
    _case("sigmoid_forward/random", "Sigmoid", probe_activation_forward, _activation_inputs(4, 5),
          "Sigmoid.forward on a (4, 5) array", visible=True),
    _case("sigmoid_forward/batch_of_one", "Sigmoid", probe_activation_forward, _activation_inputs(1, 7),
          "Sigmoid.forward on a batch of one"),
    _case("sigmoid_forward/extremes", "Sigmoid", probe_activation_forward, _extreme_inputs,
          "Sigmoid.forward at -1000 ... 1000 (no nan, no overflow)"),
    _case("sigmoid_forward/3d", "Sigmoid", probe_activation_forward, _activation_inputs(2, 3, 4),
          "Sigmoid.forward on a (2, 3, 4) array"),
    _case("sigmoid_forward/negative_tail", "Sigmoid", probe_activation_forward,
          lambda rng: {"x": rng.uniform(-30, -20, size=(4, 6))},
          "Sigmoid.forward far in the negative tail (float64 precision)"),
    _case("sigmoid_forward/float32", "Sigmoid", probe_activation_forward,
          _activation_inputs(3, 6, dtype=np.float32), "Sigmoid.forward on float32 input", tol=1e-5),
    # Sigmoid.backward
    _case("sigmoid_backward/random", "Sigmoid", probe_activation_backward, _activation_inputs(4, 5),
          "Sigmoid.backward on a (4, 5) array", visible=True),
    _case("sigmoid_backward/batch_of_one", "Sigmoid", probe_activation_backward, _activation_inputs(1, 7),
          "Sigmoid.backward on a batch of one"),
    _case("sigmoid_backward/saturated", "Sigmoid", probe_activation_backward, _extreme_inputs,
          "Sigmoid.backward where the sigmoid saturates (-1000 ... 1000)"),
    _case("sigmoid_backward/3d", "Sigmoid", probe_activation_backward, _activation_inputs(2, 3, 4),
          "Sigmoid.backward on a (2, 3, 4) array"),
    _case("sigmoid_backward/small_inputs", "Sigmoid", probe_activation_backward,
          _activation_inputs(5, 5, scale=0.1), "Sigmoid.backward near 0"),
    # Relu.forward
    _case("relu_forward/random", "Relu", probe_activation_forward, _activation_inputs(4, 5),
          "Relu.forward on a (4, 5) array", visible=True),
    _case("relu_forward/batch_of_one", "Relu", probe_activation_forward, _activation_inputs(1, 7),
          "Relu.forward on a batch of one"),
    _case("relu_forward/all_negative", "Relu", probe_activation_forward,
          lambda rng: {"x": -np.abs(rng.normal(size=(3, 4))) - 0.1}, "Relu.forward on negative inputs"),
    _case("relu_forward/3d", "Relu", probe_activation_forward, _activation_inputs(2, 3, 4),
          "Relu.forward on a (2, 3, 4) array"),
    _case("relu_forward/large", "Relu", probe_activation_forward, _activation_inputs(3, 3, scale=1e6),
          "Relu.forward on large values"),
    # Relu.backward
    _case("relu_backward/random", "Relu", probe_activation_backward, _activation_inputs(4, 5),
          "Relu.backward on a (4, 5) array", visible=True),
    _case("relu_backward/batch_of_one", "Relu", probe_activation_backward, _activation_inputs(1, 7),
          "Relu.backward on a batch of one"),
    _case("relu_backward/3d", "Relu", probe_activation_backward, _activation_inputs(2, 3, 4),
          "Relu.backward on a (2, 3, 4) array"),
    _case("relu_backward/all_positive", "Relu", probe_activation_backward,
          lambda rng: {"x": np.abs(rng.normal(size=(3, 4))) + 0.1, "dout": rng.normal(size=(3, 4))},
          "Relu.backward on positive inputs"),
    _case("relu_backward/large", "Relu", probe_activation_backward, _activation_inputs(6, 2, scale=1e6),
          "Relu.backward on large values"),
    # affine_forward
    _case("affine_forward/2d", "AffineForward", probe_affine_forward, _affine_inputs((4, 6), 3),
          "affine_forward with x of shape (4, 6)", visible=True),
    _case("affine_forward/batch_of_one", "AffineForward", probe_affine_forward, _affine_inputs((1, 5), 2),
          "affine_forward on a batch of one"),
    _case("affine_forward/4d_input", "AffineForward", probe_affine_forward, _affine_inputs((3, 2, 4, 5), 6),
          "affine_forward with x of shape (N, d1, d2, d3)"),
    _case("affine_forward/wide_output", "AffineForward", probe_affine_forward, _affine_inputs((2, 3), 10),
          "affine_forward with more outputs than inputs (M > D)"),
    _case("affine_forward/square", "AffineForward", probe_affine_forward, _affine_inputs((5, 5), 5),
          "affine_forward with N = D = M (shape mistakes cannot hide)"),
    # affine_backward
    _case("affine_backward/2d", "AffineBackward", probe_affine_backward, _affine_inputs((4, 6), 3),
          "affine_backward with x of shape (4, 6)", visible=True),
    _case("affine_backward/batch_of_one", "AffineBackward", probe_affine_backward, _affine_inputs((1, 5), 2),
          "affine_backward on a batch of one"),
    _case("affine_backward/4d_input", "AffineBackward", probe_affine_backward, _affine_inputs((3, 2, 4, 5), 6),
          "affine_backward with x of shape (N, d1, d2, d3): dx keeps that shape"),
    _case("affine_backward/single_output", "AffineBackward", probe_affine_backward, _affine_inputs((4, 3), 1),
          "affine_backward with one output (M = 1)"),
    _case("affine_backward/square", "AffineBackward", probe_affine_backward, _affine_inputs((5, 5), 5),
          "affine_backward with N = D = M (transposes cannot hide)"),
    # CrossEntropyFromLogits.forward
    _case("cross_entropy_forward/random", "CrossEntropyFromLogits", probe_cross_entropy_forward,
          _logit_inputs(8, 10), "CrossEntropyFromLogits.forward on (8, 10) logits", visible=True),
    _case("cross_entropy_forward/huge_logits", "CrossEntropyFromLogits", probe_cross_entropy_forward,
          _logit_inputs(5, 10, scale=1e4), "CrossEntropyFromLogits.forward with huge logits (no nan)"),
    _case("cross_entropy_forward/batch_of_one", "CrossEntropyFromLogits", probe_cross_entropy_forward,
          _logit_inputs(1, 10), "CrossEntropyFromLogits.forward on a batch of one"),
    _case("cross_entropy_forward/two_classes", "CrossEntropyFromLogits", probe_cross_entropy_forward,
          _logit_inputs(6, 2), "CrossEntropyFromLogits.forward with two classes"),
    _case("cross_entropy_forward/many_classes", "CrossEntropyFromLogits", probe_cross_entropy_forward,
          _logit_inputs(3, 100), "CrossEntropyFromLogits.forward with 100 classes"),
    # CrossEntropyFromLogits.backward
    _case("cross_entropy_backward/random", "CrossEntropyFromLogits", probe_cross_entropy_backward,
          _logit_inputs(8, 10), "CrossEntropyFromLogits.backward on (8, 10) logits", visible=True),
    _case("cross_entropy_backward/huge_logits", "CrossEntropyFromLogits", probe_cross_entropy_backward,
          _logit_inputs(5, 10, scale=1e4), "CrossEntropyFromLogits.backward with huge logits (no nan)"),
    _case("cross_entropy_backward/batch_of_one", "CrossEntropyFromLogits", probe_cross_entropy_backward,
          _logit_inputs(1, 10), "CrossEntropyFromLogits.backward on a batch of one"),
    _case("cross_entropy_backward/two_classes", "CrossEntropyFromLogits", probe_cross_entropy_backward,
          _logit_inputs(6, 2), "CrossEntropyFromLogits.backward with two classes"),
    _case("cross_entropy_backward/many_classes", "CrossEntropyFromLogits", probe_cross_entropy_backward,
          _logit_inputs(3, 100), "CrossEntropyFromLogits.backward with 100 classes"),
    # SGDMomentum._update
    _case("sgd_momentum/one_step", "SGD_Momentum_update", probe_momentum_steps,
          _momentum_inputs((4, 5), 1, 1e-2, 0.9), "one momentum step from a given velocity", visible=True,
          tol=1e-6),
    _case("sgd_momentum/three_steps", "SGD_Momentum_update", probe_momentum_steps,
          _momentum_inputs((3, 4), 3, 1e-1, 0.9), "three steps, the velocity carried in config", tol=1e-6),
    _case("sgd_momentum/defaults", "SGD_Momentum_update", probe_momentum_defaults,
          lambda rng: {"w": rng.normal(size=(3, 3)), "dw": rng.normal(size=(3, 3)), "lr": 0.05},
          "a step from an empty config (momentum 0.9, zero velocity)", tol=1e-6),
    _case("sgd_momentum/other_momentum", "SGD_Momentum_update", probe_momentum_steps,
          _momentum_inputs((6,), 2, 1e-2, 0.5), "momentum 0.5 on a 1-d weight vector", tol=1e-6),
    _case("sgd_momentum/no_momentum", "SGD_Momentum_update", probe_momentum_steps,
          _momentum_inputs((2, 3), 2, 1e-1, 0.0), "momentum 0 (plain SGD)", tol=1e-6),
]
