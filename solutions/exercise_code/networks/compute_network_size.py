"""How much memory a network's forward caches and gradients take."""

import numpy as np

__all__ = ["compute_network_size", "GetHumanReadable"]


def _nbytes(value):
    """Bytes held by the arrays in ``value``, looking inside tuples, lists and dicts."""
    if isinstance(value, np.ndarray):
        return value.nbytes
    if isinstance(value, dict):
        return sum(_nbytes(v) for v in value.values())
    if isinstance(value, (tuple, list)):
        return sum(_nbytes(v) for v in value)
    return 0


def compute_network_size(model):
    """
    Returns the number of bytes held by ``model.cache`` and ``model.grads``
    (run one forward and backward pass first, so that both are filled).
    """
    return _nbytes(model.cache) + _nbytes(model.grads)


def GetHumanReadable(num_bytes, precision=2):
    """Formats a byte count with a binary unit, e.g. 39521813217 -> '36.81GB'."""
    suffixes = ["B", "KB", "MB", "GB", "TB"]
    size = float(num_bytes)
    index = 0
    while size >= 1024 and index < len(suffixes) - 1:
        size /= 1024.0
        index += 1
    return f"{size:.{precision}f}{suffixes[index]}"
