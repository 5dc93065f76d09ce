"""Data sets, transforms and the dataloader used by the assignments.

Downloading is in ``download.py`` (``python -m exercise_code.data.download NAME``),
which this file does not import so that running it with ``-m`` stays clean.
"""

from .cat_dog import CAT_DOG_CLASSES, load_data
from .cifar10 import CIFAR10_CLASSES, load_cifar10
from .dataloader import DataLoader
from .errors import DataFormatError, DownloadError, MissingDataError
from .image_folder_dataset import ImageFolderDataset
from .locations import default_data_root
from .mnist import load_mnist
from .transforms import ComposeTransform, FlattenTransform, NormalizeTransform, RescaleTransform

__all__ = [
    "CAT_DOG_CLASSES",
    "CIFAR10_CLASSES",
    "ComposeTransform",
    "DataFormatError",
    "DataLoader",
    "DownloadError",
    "FlattenTransform",
    "ImageFolderDataset",
    "MissingDataError",
    "NormalizeTransform",
    "RescaleTransform",
    "default_data_root",
    "load_cifar10",
    "load_data",
    "load_mnist",
]
