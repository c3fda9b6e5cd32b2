"""Argument checks shared by every public function.

Each check raises TypeError or ValueError naming the argument and the allowed range,
so a student sees "hidden must be an integer in 1..64, got 2.5" rather than a
traceback from deep inside NumPy.
"""
import math
import numbers

import numpy as np


def check_int(name: str, value, lo: int, hi: int) -> int:
    """Return value as int if it is an integer in lo..hi, else raise naming `name`."""
    # bool is an int subclass in Python; True as a hidden size is always a mistake
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be an integer in {lo}..{hi}, got {value!r}")
    if not lo <= value <= hi:
        raise ValueError(f"{name} must be an integer in {lo}..{hi}, got {value}")
    return int(value)


def check_float(name: str, value, lo: float, hi: float, lo_open: bool = False) -> float:
    """Return value as float if it is a finite number in [lo, hi] (or (lo, hi]), else raise."""
    interval = f"{'(' if lo_open else '['}{lo:g}, {hi:g}]"
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a number in {interval}, got {value!r}")
    value = float(value)
    too_low = value <= lo if lo_open else value < lo
    if math.isnan(value) or too_low or value > hi:
        raise ValueError(f"{name} must be a number in {interval}, got {value}")
    return value


def check_bool(name: str, value) -> bool:
    """Return value if it is a bool (or numpy bool), else raise."""
    if not isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{name} must be True or False, got {value!r}")
    return bool(value)


def check_array(name: str, value, shape: tuple) -> np.ndarray:
    """Return value as a finite float64 array of the given shape (None = any length)."""
    if value is None or isinstance(value, (str, bytes)):
        raise TypeError(f"{name} must be an array of numbers with shape {_show(shape)}, got {value!r}")
    try:
        arr = np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError):
        kind = type(value).__name__
        raise TypeError(f"{name} must be an array of numbers with shape {_show(shape)}, got {kind}") from None
    ok = arr.ndim == len(shape) and all(s is None or s == n for s, n in zip(shape, arr.shape))
    if not ok or arr.size == 0:
        raise ValueError(f"{name} must have shape {_show(shape)}, got {arr.shape}")
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{name} must contain only finite numbers (no NaN or inf)")
    return arr


def check_Xy(X, y) -> tuple:
    """Check a data set: X (N, 2) and y (N, 1) with the same N, finite; return float arrays."""
    X = check_array("X", X, (None, 2))
    y = check_array("y", y, (None, 1))
    if X.shape[0] != y.shape[0]:
        raise ValueError(f"X and y must have the same number of rows, got {X.shape[0]} and {y.shape[0]}")
    return X, y


def _show(shape: tuple) -> str:
    return "(" + ", ".join("N" if s is None else str(s) for s in shape) + ")"
