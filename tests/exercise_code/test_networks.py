"""The reference solutions of assignment 2 against torch autograd and numeric gradients.

Each computation is written twice, suffixes mark the side: ``*_ref`` the
reference numpy code, ``*_pt`` plain torch.
"""

import numpy as np
import pytest
import torch

from autograder.reference import load_reference

layer = load_reference("networks.layer")
loss = load_reference("networks.loss")
optimizer = load_reference("networks.optimizer")
gradient_check = load_reference("gradient_check")
classification_net = load_reference("networks.classification_net")
network_size = load_reference("networks.compute_network_size")

tol = 1e-10


@pytest.fixture
def rng():
    return np.random.default_rng(0)


def _torch(array):
    return torch.tensor(array, dtype=torch.float64, requires_grad=True)


@pytest.mark.parametrize("shape", [(1, 1), (4, 7), (2, 3, 4)])
@pytest.mark.parametrize("activation, torch_fn", [("Sigmoid", torch.sigmoid), ("Relu", torch.relu)])
def test_activations_match_torch(rng, shape, activation, torch_fn):
    x = rng.normal(scale=4.0, size=shape)
    dout = rng.normal(size=shape)
    act = getattr(layer, activation)()
    out_ref, cache = act.forward(x)
    dx_ref = act.backward(dout, cache)

    x_pt = _torch(x)
    out_pt = torch_fn(x_pt)
    out_pt.backward(torch.from_numpy(dout))
    assert np.abs(out_ref - out_pt.detach().numpy()).max() < tol  # forward pass went well
    assert np.abs(dx_ref - x_pt.grad.numpy()).max() < tol  # backward pass went well


def test_sigmoid_is_safe_at_extremes():
    """No overflow warning, no nan, exact limits at +-1000."""
    x = np.array([-1000.0, -100.0, 0.0, 100.0, 1000.0])
    with np.errstate(over="raise", divide="raise", invalid="raise"):
        out, cache = layer.Sigmoid().forward(x)
        dx = layer.Sigmoid().backward(np.ones_like(x), cache)
    assert out[0] == 0.0 and out[2] == 0.5 and out[-1] == 1.0
    assert np.all(np.isfinite(dx))


@pytest.mark.parametrize("x_shape, M", [((1, 5), 3), ((4, 2, 3), 6), ((3, 2, 2, 2), 1)])
def test_affine_matches_torch_with_batch_averaged_parameter_gradients(rng, x_shape, M):
    N, D = x_shape[0], int(np.prod(x_shape[1:]))
    x, w, b = rng.normal(size=x_shape), rng.normal(size=(D, M)), rng.normal(size=M)
    dout = rng.normal(size=(N, M))
    out_ref, cache = layer.affine_forward(x, w, b)
    dx_ref, dw_ref, db_ref = layer.affine_backward(dout, cache)

    x_pt, w_pt, b_pt = _torch(x), _torch(w), _torch(b)
    out_pt = x_pt.reshape(N, -1) @ w_pt + b_pt
    out_pt.backward(torch.from_numpy(dout))
    assert np.abs(out_ref - out_pt.detach().numpy()).max() < tol  # forward pass went well
    assert np.abs(dx_ref - x_pt.grad.numpy()).max() < tol
    assert np.abs(dw_ref - w_pt.grad.numpy() / N).max() < tol  # dw and db are averaged over N
    assert np.abs(db_ref - b_pt.grad.numpy() / N).max() < tol  # backward pass went well


@pytest.mark.parametrize("scale", [1.0, 1e4])
def test_cross_entropy_matches_torch_even_for_huge_logits(rng, scale):
    logits = rng.normal(scale=scale, size=(6, 10))
    labels = rng.integers(0, 10, size=6)
    ce = loss.CrossEntropyFromLogits()
    with np.errstate(over="raise", divide="raise", invalid="raise"):
        loss_ref, grad_ref = ce(logits, labels)

    logits_pt = _torch(logits)
    loss_pt = torch.nn.functional.cross_entropy(logits_pt, torch.from_numpy(labels))
    loss_pt.backward()
    assert abs(loss_ref - loss_pt.item()) <= tol * max(1.0, abs(loss_pt.item()))
    # the loss hands back per-sample gradients; torch's are of the mean
    assert np.abs(grad_ref / len(labels) - logits_pt.grad.numpy()).max() < tol


def test_cross_entropy_of_uniform_scores_is_ln_10():
    loss_ref = loss.CrossEntropyFromLogits().forward(np.zeros((3, 10)), np.array([0, 4, 9]))
    assert abs(loss_ref - np.log(10)) < tol


def test_sgd_momentum_matches_torch_over_several_steps(rng):
    """Three momentum steps with the velocity carried in config equal torch.optim.SGD's."""
    w = rng.normal(size=(4, 3))
    grads = [rng.normal(size=(4, 3)) for _ in range(3)]
    w_pt = torch.tensor(w, requires_grad=True)
    sgd_pt = torch.optim.SGD([w_pt], lr=0.1, momentum=0.9)
    config = {}
    for dw in grads:
        w, config = optimizer.SGDMomentum._update(None, w, dw, config, lr=0.1)
        w_pt.grad = torch.from_numpy(dw)
        sgd_pt.step()
    assert config["momentum"] == 0.9  # the default
    assert np.abs(w - w_pt.detach().numpy()).max() < tol


def test_adam_matches_torch_over_several_steps(rng):
    w = rng.normal(size=(5,))
    w_pt = torch.tensor(w, requires_grad=True)
    adam_pt = torch.optim.Adam([w_pt], lr=0.01, eps=1e-8)
    config = {}
    for _ in range(4):
        dw = rng.normal(size=(5,))
        w, config = optimizer.Adam._update(None, w, dw, config, lr=0.01)
        w_pt.grad = torch.from_numpy(dw)
        adam_pt.step()
    assert np.abs(w - w_pt.detach().numpy()).max() < tol


@pytest.mark.parametrize("activation", ["Sigmoid", "Relu"])
@pytest.mark.parametrize("num_layer", [1, 2, 3])
def test_classification_net_gradients_match_numeric(rng, activation, num_layer):
    """The batch-averaged gradients of ClassificationNet + cross-entropy (+ L2) match centred differences."""
    np.random.seed(0)
    model = classification_net.ClassificationNet(
        input_size=6, hidden_size=5, activation=getattr(layer, activation)(), num_layer=num_layer,
        num_classes=4, std=0.5, reg=0.1,
    )
    for name in model.params:  # non-zero biases keep every ReLU input away from its kink at 0
        model.params[name] = rng.normal(scale=0.5, size=model.params[name].shape)
    X, y = rng.normal(size=(3, 2, 3)), np.array([0, 3, 1])
    ce = loss.CrossEntropyFromLogits()

    def total_loss(_):
        scores = model.forward(X)
        return ce.forward(scores, y) + sum(model.reg.values())

    scores = model.forward(X)
    grads = model.backward(ce.backward(scores, y))
    for name, param in model.params.items():
        numeric = gradient_check.eval_numerical_gradient(total_loss, param)
        assert gradient_check.rel_error(grads[name], numeric) < 1e-7, name


def test_untrained_net_loss_is_about_ln_10(rng):
    np.random.seed(0)
    model = classification_net.ClassificationNet(input_size=3 * 32 * 32, hidden_size=128)
    X, y = rng.uniform(size=(1, 32, 32, 3)), np.array([3])
    assert abs(loss.CrossEntropyFromLogits().forward(model.forward(X), y) - np.log(10)) < 1e-3


def test_network_size_counts_cache_and_gradient_bytes(rng):
    model = classification_net.ClassificationNet(input_size=4, hidden_size=3, num_layer=2, num_classes=2)
    X = rng.normal(size=(5, 4))
    scores = model.forward(X)
    model.backward(np.ones_like(scores))
    expected = (5 * 4 + 4 * 3 + 3) * 8 + 5 * 3 * 8 + (5 * 3 + 3 * 2 + 2) * 8  # affine1, relu1, affine2
    expected += (4 * 3 + 3 + 3 * 2 + 2) * 8  # gradients
    assert network_size.compute_network_size(model) == expected


@pytest.mark.parametrize(
    "num_bytes, text", [(0, "0.00B"), (1023, "1023.00B"), (1024, "1.00KB"), (39521813217, "36.81GB")]
)
def test_human_readable_sizes(num_bytes, text):
    assert network_size.GetHumanReadable(num_bytes) == text


def test_rel_error_is_zero_for_equal_and_one_for_opposite():
    assert gradient_check.rel_error(np.ones(3), np.ones(3)) == 0.0
    assert gradient_check.rel_error(np.ones(3), -np.ones(3)) == 1.0
