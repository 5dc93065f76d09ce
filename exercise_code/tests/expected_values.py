"""Loads the expected values of the public checks, stored beside this module.

The release step computes them from the reference solution and writes one
``data/<assignment>.npz`` per assignment: inputs and outputs of each check,
keyed ``<check>/<name>``. No solution code is needed to read them.
"""

from functools import lru_cache
from pathlib import Path

import numpy as np

__all__ = ["DATA_DIR", "load_expected"]

DATA_DIR = Path(__file__).parent / "data"


@lru_cache(maxsize=None)
def _load_file(assignment):
    path = DATA_DIR / f"{assignment}.npz"
    if not path.is_file():
        raise FileNotFoundError(
            f"The expected values {path} are missing; restore the file from the kit "
            f"(git checkout -- {path.name})."
        )
    with np.load(path) as data:
        return {key: data[key] for key in data.files}


def load_expected(assignment, check):
    """
    Inputs:
    - assignment: e.g. 'exercise05'
    - check: e.g. 'affine'

    Returns:
    - values: dict name -> array, for the keys stored under ``<check>/``; each
      call gets fresh copies, so a check cannot spoil the next one
    """
    prefix = f"{check}/"
    return {
        key[len(prefix) :]: value.copy()
        for key, value in _load_file(assignment).items()
        if key.startswith(prefix)
    }
