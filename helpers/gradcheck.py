"""Numerical gradient check by central differences (notebook 01).

For each parameter entry w, the slope of L = 1/2 * sum((y_hat - y)^2) is estimated as
    (L(w + eps) - L(w - eps)) / (2 eps),
whose error is O(eps^2) (about 1e-10 here) plus rounding of order 1e-16 * L / eps. A correct
backward pass therefore gives relative errors of about 1e-7 or less (cs231n's rule of thumb);
a missing factor or a transpose gives errors of 1e-2 and more. Anything above 1e-5 is a bug.
"""
import numpy as np

from helpers.network import backward, check_params, forward, loss
from helpers.validate import check_float, check_Xy

AGREE = 1e-7  # relative errors below this: backprop and central differences agree
BUG = 1e-5    # above this: a bug in the backward pass


def numerical_gradients(params: dict, X, y, eps: float = 1e-5) -> dict:
    """Central-difference estimates of dL/dparam for every parameter: {"dW1": ..., ...}, shapes as params."""
    params = check_params(params)
    X, y = check_Xy(X, y)
    eps = check_float("eps", eps, 0.0, 1.0, lo_open=True)
    estimates = {}
    for name, value in params.items():
        g = np.zeros_like(value)
        for i in np.ndindex(value.shape):
            old = value[i]
            value[i] = old + eps
            up = loss(y, forward(params, X)[0])
            value[i] = old - eps
            down = loss(y, forward(params, X)[0])
            value[i] = old
            g[i] = (up - down) / (2 * eps)
        estimates["d" + name] = g
    return estimates


def relative_error(a: np.ndarray, b: np.ndarray) -> float:
    """|a - b| / (|a| + |b|) over all entries (norms), 0 when both are 0."""
    scale = np.linalg.norm(a) + np.linalg.norm(b)
    return 0.0 if scale == 0 else float(np.linalg.norm(a - b) / scale)


def grad_check(params: dict, X, y, eps: float = 1e-5, backward_pass=None) -> dict:
    """Relative error between backprop's gradients and central differences, per parameter.

    backward_pass: the function to check, called as backward_pass(params, cache, y) (default:
    network.backward). Returns {"dW1": 3e-11, ...}; below AGREE (1e-7) means the two agree.
    """
    params = check_params(params)
    X, y = check_Xy(X, y)
    _, cache = forward(params, X)
    analytic = (backward_pass or backward)(params, cache, y)
    numeric = numerical_gradients(params, X, y, eps)
    return {name: relative_error(np.asarray(analytic[name], dtype=float), numeric[name]) for name in numeric}
