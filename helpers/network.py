"""The 2-H-1 sigmoid network of notebook 01: initial weights, forward pass, loss, backward pass.

Parameters live in a dict with names from the math:
    W1 (2, H), W2 (H, 1), and when the net has biases, b1 (1, H) and b2 (1, 1).

For a batch X (N, 2), one example per row:
    z1 = X W1 + b1      a1 = sigmoid(z1)      (N, H)
    z2 = a1 W2 + b2     y_hat = sigmoid(z2)   (N, 1)

THE LOSS THE GRADIENTS DIFFERENTIATE is L = 1/2 * sum((y_hat - y)^2), the one the reference
program's update uses. The reference program *prints* a different number, the mean squared
error mean((y - y_hat)^2) = 2L/N. With N = 4 the gradient of L is 2x the gradient of the
printed MSE, so check gradients against `loss`, never against `mse`.

Nothing here checks its arguments: train.train and the panels do, where a student calls in.
"""
import numpy as np

from helpers.validate import check_array, check_bool, check_float, check_int

MAX_HIDDEN = 64
PARAM_NAMES = ("W1", "b1", "W2", "b2")


def sigmoid(z: np.ndarray) -> np.ndarray:
    """sigma(z) = 1 / (1 + exp(-z)), elementwise, exact in both tails.

    Written as exp(-log(1 + exp(-z))), with np.logaddexp(0, -z) = log(exp(0) + exp(-z)) computed
    without ever forming exp(-z): no overflow for z = -800, and sigma(-40) is 4.2e-18, not 0.
    """
    return np.exp(-np.logaddexp(0.0, -z))


def init_params(hidden: int = 4, seed: int = 0, bias: bool = True, scale: float = 0.5) -> dict:
    """Random initial parameters from np.random.default_rng(seed).

    W1 (2, H) and W2 (H, 1) are drawn from N(0, scale^2), W1 first; biases start at 0.
    Same (hidden, seed, bias, scale) -> the same numbers, on every call.
    """
    hidden = check_int("hidden", hidden, 1, MAX_HIDDEN)
    seed = check_int("seed", seed, 0, 2**32 - 1)
    bias = check_bool("bias", bias)
    scale = check_float("scale", scale, 0.0, 100.0)
    rng = np.random.default_rng(seed)
    W1 = rng.normal(0.0, scale, (2, hidden))
    W2 = rng.normal(0.0, scale, (hidden, 1))
    return _with_biases(W1, W2, bias)


def init_reference(hidden: int = 4, bias: bool = False, seed: int = 42) -> dict:
    """The reference program's initial weights, without touching NumPy's global state.

    It ran np.random.seed(42); W1 = np.random.randn(2, 4) * 0.5; W2 = np.random.randn(4, 1) * 0.5.
    RandomState(42) is the same legacy stream, so W1 and W2 come out bit for bit identical.
    The reference program has no biases; with bias=True they start at 0.
    """
    hidden = check_int("hidden", hidden, 1, MAX_HIDDEN)
    bias = check_bool("bias", bias)
    seed = check_int("seed", seed, 0, 2**32 - 1)
    legacy = np.random.RandomState(seed)
    W1 = legacy.randn(2, hidden) * 0.5
    W2 = legacy.randn(hidden, 1) * 0.5
    return _with_biases(W1, W2, bias)


def _with_biases(W1: np.ndarray, W2: np.ndarray, bias: bool) -> dict:
    params = {"W1": W1, "W2": W2}
    if bias:
        params["b1"] = np.zeros((1, W1.shape[1]))
        params["b2"] = np.zeros((1, 1))
    return params


def forward(params: dict, X: np.ndarray) -> tuple:
    """The forward pass. X: (N, 2).

    Returns (y_hat, cache): y_hat (N, 1), and cache = {X, z1, a1, z2, y_hat}, what `backward` needs.
    """
    b1, b2 = params.get("b1", 0.0), params.get("b2", 0.0)  # a net without biases adds 0
    z1 = X @ params["W1"] + b1   # (N, H)
    a1 = sigmoid(z1)             # (N, H)
    z2 = a1 @ params["W2"] + b2  # (N, 1)
    y_hat = sigmoid(z2)          # (N, 1)
    return y_hat, {"X": X, "z1": z1, "a1": a1, "z2": z2, "y_hat": y_hat}


def loss(y: np.ndarray, y_hat: np.ndarray) -> float:
    """L = 1/2 * sum((y_hat - y)^2): the loss `backward` differentiates. y, y_hat: (N, 1)."""
    return float(0.5 * np.sum((y_hat - y) ** 2))


def mse(y: np.ndarray, y_hat: np.ndarray) -> float:
    """mean((y - y_hat)^2) = 2L/N: the number the reference program prints. y, y_hat: (N, 1)."""
    return float(np.mean((y - y_hat) ** 2))


def backward(params: dict, cache: dict, y: np.ndarray) -> dict:
    """Gradients of L = 1/2 * sum((y_hat - y)^2) with respect to every parameter, by the chain rule.

    cache comes from `forward`; y: (N, 1). Returns {"dW1", "dW2"} (and "db1", "db2" when the
    net has biases), each the shape of its parameter.
    """
    X, a1, y_hat = cache["X"], cache["a1"], cache["y_hat"]
    d_out = (y_hat - y) * y_hat * (1 - y_hat)           # dL/dz2 = (y_hat - y) * sigma'(z2)   (N, 1)
    d_hid = (d_out @ params["W2"].T) * a1 * (1 - a1)   # dL/dz1 = (d_out W2^T) * sigma'(z1) (N, H)
    grads = {"dW1": X.T @ d_hid, "dW2": a1.T @ d_out}
    if "b1" in params:
        # a bias touches every example, so its gradient sums over the examples
        grads["db1"] = d_hid.sum(axis=0, keepdims=True)
        grads["db2"] = d_out.sum(axis=0, keepdims=True)
    return grads


def predict(params: dict, X: np.ndarray) -> np.ndarray:
    """The network's outputs y_hat (N, 1) for inputs X (N, 2)."""
    return forward(params, X)[0]


def check_params(params) -> dict:
    """A parameter dict checked (names, shapes that agree, finite numbers); returns a float64 copy.

    For the places a student calls in (train, the panels, the checks); raises naming what is wrong.
    """
    if not isinstance(params, dict) or "W1" not in params or "W2" not in params:
        raise TypeError("params must be a dict with W1 (2, H) and W2 (H, 1), and optionally b1 (1, H) and b2 (1, 1)")
    if ("b1" in params) != ("b2" in params):
        raise ValueError("params must have both biases b1 and b2, or neither")
    unknown = set(params) - set(PARAM_NAMES)
    if unknown:
        raise ValueError(f"params has unknown keys {sorted(unknown)}; allowed: {', '.join(PARAM_NAMES)}")
    W1 = check_array("W1", params["W1"], (2, None))
    H = W1.shape[1]
    if H > MAX_HIDDEN:
        raise ValueError(f"W1 must have 1..{MAX_HIDDEN} columns (hidden units), got {H}")
    checked = {"W1": W1.copy(), "W2": check_array("W2", params["W2"], (H, 1)).copy()}
    if "b1" in params:
        checked["b1"] = check_array("b1", params["b1"], (1, H)).copy()
        checked["b2"] = check_array("b2", params["b2"], (1, 1)).copy()
    return checked
