"""Numeric gradients by centred differences, and the relative error used by every check."""

import numpy as np

__all__ = ["rel_error", "eval_numerical_gradient", "eval_numerical_gradient_array"]


def rel_error(x, y, eps=1e-10):
    """
    Relative error max|x - y| / max(|x| + |y|), the denominator floored at eps.

    Inputs:
    - x, y: arrays (or numbers) of the same shape

    Returns:
    - error: float; 0 for identical inputs, about 1 for unrelated ones
    """
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    if x.size == 0:
        return 0.0
    return float(np.max(np.abs(x - y)) / max(np.max(np.abs(x) + np.abs(y)), eps))


def eval_numerical_gradient(f, x, h=1e-5):
    """
    Numeric gradient of a scalar function f at x: (f(x + h) - f(x - h)) / 2h per element.

    Inputs:
    - f: callable taking x and returning a float
    - x: float array of any shape; modified during the call and restored after

    Returns:
    - grad: array of the shape of x
    """
    grad = np.zeros_like(x)
    it = np.nditer(x, flags=["multi_index"])
    for _ in it:
        i = it.multi_index
        old = x[i]
        x[i] = old + h
        f_plus = f(x)
        x[i] = old - h
        f_minus = f(x)
        x[i] = old
        grad[i] = (f_plus - f_minus) / (2 * h)
    return grad


def eval_numerical_gradient_array(f, x, df, h=1e-5):
    """
    Numeric gradient of sum(f(x) * df) at x, for an array-valued f.

    Inputs:
    - f: callable taking x and returning an array of the shape of df
    - x: float array of any shape; modified during the call and restored after
    - df: upstream gradient, of the shape of f(x)

    Returns:
    - grad: array of the shape of x
    """
    return eval_numerical_gradient(lambda z: float(np.sum(f(z) * df)), x, h)
