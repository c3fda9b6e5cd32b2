"""Numerical gradient check by central differences (notebook 01).

For each parameter entry w, the slope of L = 1/2 * sum((y_hat - y)^2) is estimated as
    (L(w + eps) - L(w - eps)) / (2 eps),
whose error is O(eps^2) plus rounding of order 1e-16 * L / eps. With eps = 1e-5 both are
far below 1e-7 relative to the gradient, so a correct backward pass gives relative errors
around 1e-9 to 1e-11; an error above 1e-5 means a bug (a missing factor, a transpose).
"""
import numpy as np

from helpers._checks import check_float, check_Xy
from helpers.network import _backward, _forward, check_params, loss


def numerical_gradients(params: dict, X, y, eps: float = 1e-5) -> dict:
    """Central-difference estimates of dL/dparam for every parameter: {"dW1": ..., ...}."""
    params = check_params(params)
    X, y = check_Xy(X, y)
    eps = check_float("eps", eps, 0.0, 1.0, lo_open=True)
    estimates = {}
    for name, value in params.items():
        g = np.zeros_like(value)
        for i in np.ndindex(value.shape):
            old = value[i]
            value[i] = old + eps
            up = loss(y, _forward(params, X)[0])
            value[i] = old - eps
            down = loss(y, _forward(params, X)[0])
            value[i] = old
            g[i] = (up - down) / (2 * eps)
        estimates["d" + name] = g
    return estimates


def relative_error(a: np.ndarray, b: np.ndarray) -> float:
    """|a - b| / (|a| + |b|) over all entries (norms), 0 when both are 0."""
    scale = np.linalg.norm(a) + np.linalg.norm(b)
    return 0.0 if scale == 0 else float(np.linalg.norm(a - b) / scale)


def grad_check(params: dict, X, y, eps: float = 1e-5, backward=None) -> dict:
    """Relative error between backprop's gradients and central differences, per parameter.

    backward: the function to check, called as backward(params, cache, y) (default: ours).
    Returns {"dW1": 3e-11, ...}; below 1e-7 means the two agree.
    """
    params = check_params(params)
    X, y = check_Xy(X, y)
    y_hat, cache = _forward(params, X)
    analytic = (backward or _backward)(params, cache, y)
    numeric = numerical_gradients(params, X, y, eps)
    return {name: relative_error(np.asarray(analytic[name], dtype=float), numeric[name]) for name in numeric}
