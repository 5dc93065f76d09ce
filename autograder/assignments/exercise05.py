"""Assignment 2 (homework 5): neural networks on CIFAR-10, TODOs in ``exercise_code/networks``."""

import numpy as np

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
