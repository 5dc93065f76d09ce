"""Compares what student code returned with a stored expected array, and says what differs."""

import numpy as np

from ..gradient_check import rel_error

__all__ = ["as_numpy", "check_array"]


def as_numpy(value):
    """Returns ``value`` as a numpy array; torch tensors are accepted and copied to the CPU."""
    if hasattr(value, "detach"):  # a torch tensor, without importing torch here
        value = value.detach().cpu().numpy()
    return np.asarray(value)


def check_array(name, got, expected, tol):
    """
    Inputs:
    - name: what the value is called in the student's code, e.g. 'dw'
    - got: what the student's code returned
    - expected: the reference array
    - tol: the largest relative error accepted

    Returns:
    - None when got matches expected, else a one-line reason that names the
      shape, the finiteness or the relative error that is wrong
    """
    if got is None:
        return f"{name} is None: assign your result to {name}."
    try:
        got = as_numpy(got)
    except Exception:  # noqa: BLE001 - any unconvertible object gets the same reason
        return f"{name} should be an array, but it is a {type(got).__name__}."
    if got.dtype == object or not np.issubdtype(got.dtype, np.number):
        return f"{name} should hold numbers, but its dtype is {got.dtype}."
    if expected.dtype.kind == "f" and got.dtype.kind not in "fc":
        return f"{name} has dtype {got.dtype}, expected floating-point numbers."
    if expected.dtype.kind == "f" and got.dtype.kind == "f" and got.dtype.itemsize < expected.dtype.itemsize:
        return f"{name} has dtype {got.dtype}, expected {expected.dtype}: keep the input's precision."
    if got.shape != expected.shape:
        return f"{name} has shape {got.shape}, expected {expected.shape}."
    if not np.all(np.isfinite(got)):
        return f"{name} contains nan or inf."
    error = rel_error(got, expected)
    if error > tol:
        return f"{name} is wrong: max relative error {error:.1e} (tolerance {tol:.0e})."
    return None
