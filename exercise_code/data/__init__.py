"""Data sets, transforms and the dataloader used by the assignments."""

from .cifar10 import CIFAR10_CLASSES, default_data_root, load_cifar10
from .dataloader import DataLoader
from .image_folder_dataset import ImageFolderDataset
from .transforms import ComposeTransform, FlattenTransform, NormalizeTransform, RescaleTransform

__all__ = [
    "CIFAR10_CLASSES",
    "ComposeTransform",
    "DataLoader",
    "FlattenTransform",
    "ImageFolderDataset",
    "NormalizeTransform",
    "RescaleTransform",
    "default_data_root",
    "load_cifar10",
]
