"""The reference Solver trains a ClassificationNet on synthetic CIFAR-10 and prints the homework's lines."""

import re

import numpy as np
import pytest

from autograder.reference import load_reference

solver_module = load_reference("solver")
net_module = load_reference("networks.classification_net")
optimizer = load_reference("networks.optimizer")
data = load_reference("data")


@pytest.fixture
def loaders(synthetic_data_root):
    transform = data.ComposeTransform([data.RescaleTransform(range_=(-1, 1)), data.FlattenTransform()])
    root = synthetic_data_root / "cifar10"
    train = data.ImageFolderDataset(root, "train", transform=transform, limit=64)
    val = data.ImageFolderDataset(root, "val", transform=transform, limit=32)
    return data.DataLoader(train, batch_size=16, shuffle=True, seed=0), data.DataLoader(val, batch_size=16)


@pytest.mark.parametrize("optimizer_name", ["SGD", "SGDMomentum", "Adam"])
def test_training_lowers_the_loss_and_prints_each_epoch(loaders, optimizer_name, capsys):
    np.random.seed(0)
    model = net_module.ClassificationNet(hidden_size=32, std=1e-2)
    lr = {"SGD": 1e-1, "SGDMomentum": 1e-2, "Adam": 1e-3}[optimizer_name]
    solver = solver_module.Solver(model, *loaders, learning_rate=lr, optimizer=getattr(optimizer, optimizer_name))
    solver.train(epochs=5)

    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 5
    assert re.fullmatch(r"\(Epoch 1 / 5\) train loss: \d+\.\d{6}; val loss: \d+\.\d{6}", lines[0])
    assert len(solver.train_loss_history) == len(solver.val_loss_history) == 5
    assert solver.train_loss_history[-1] < 0.8 * solver.train_loss_history[0]


def test_best_parameters_are_restored(loaders):
    np.random.seed(0)
    model = net_module.ClassificationNet(hidden_size=8)
    solver = solver_module.Solver(model, *loaders, learning_rate=1e-3, verbose=False)
    solver.train(epochs=3)
    best_epoch = int(np.argmin(solver.val_loss_history))
    assert solver.best_val_loss == solver.val_loss_history[best_epoch]
    assert model.params is solver.best_params
