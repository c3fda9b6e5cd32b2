"""Numerical gradient check by central differences (notebook 01).

For each parameter entry w, the slope of L = 1/2 * sum((y_hat - y)^2) is estimated as
    (L(w + eps) - L(w - eps)) / (2 eps),
whose error is O(eps^2) (about 1e-10 here) plus rounding of order 1e-16 * L / eps (the floor).
Where the gradients are well above that floor, a correct backward pass gives relative errors of
about 1e-7 or less (cs231n's rule of thumb), and a missing factor or a transpose gives 1e-2 and
more: above BUG is a bug. Where a gradient is so small that the floor alone could make its
relative error reach BUG (a saturated net, gradients of 1e-9), the relative error says nothing:
`verdicts` calls it "too small to tell" rather than a bug; check such code at an unsaturated point.
"""
import numpy as np

from helpers.network import backward, check_params, forward, loss
from helpers.validate import check_float, check_Xy

AGREE = 1e-7  # relative errors below this: backprop and central differences agree
BUG = 1e-5    # above this: a bug in the backward pass (where the gradient is well above the rounding floor)
ROUNDING = 1e-16  # relative rounding of one loss evaluation (float64), as the floor's formula uses it


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


def rounding_floor(params: dict, X, y, eps: float = 1e-5) -> float:
    """About how far rounding alone moves one central-difference estimate: ROUNDING * L / eps."""
    params = check_params(params)
    X, y = check_Xy(X, y)
    eps = check_float("eps", eps, 0.0, 1.0, lo_open=True)
    return ROUNDING * loss(y, forward(params, X)[0]) / eps


def verdicts(params: dict, X, y, eps: float = 1e-5, backward_pass=None) -> dict:
    """{name: (relative error, verdict)} for every parameter, verdict one of "right" (below AGREE), "bug" (above
    BUG), "unclear" (between), or "too small to tell": the gradient is so small that rounding alone (the floor,
    times sqrt of the entries) could make its relative error reach BUG, so the error cannot tell right from wrong.
    """
    params = check_params(params)
    X, y = check_Xy(X, y)
    _, cache = forward(params, X)
    analytic = (backward_pass or backward)(params, cache, y)
    numeric = numerical_gradients(params, X, y, eps)
    floor, out = rounding_floor(params, X, y, eps), {}
    for name, estimate in numeric.items():
        g = np.asarray(analytic[name], dtype=float)
        error, size = relative_error(g, estimate), np.linalg.norm(g) + np.linalg.norm(estimate)
        word = "right" if error < AGREE else "bug" if error > BUG else "unclear"
        out[name] = (error, "too small to tell" if size <= floor * np.sqrt(estimate.size) / BUG else word)
    return out
