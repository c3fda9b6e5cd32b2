"""The 2-H-1 net with the changes that made training fast (notebook 05): the hidden activation,
the loss, the initial scale and momentum. The output unit stays a sigmoid.

    z1 = X W1 + b1      a1 = f(z1)            f = sigmoid, tanh or relu      (N, H)
    z2 = a1 W2 + b2     y_hat = sigmoid(z2)                                  (N, 1)

The two losses (sums over the N examples) and their output deltas d_out = dL/dz2:
    "squared":        L = 1/2 sum((y_hat - y)^2)                     d_out = (y_hat - y) * sigma'(z2)
    "cross_entropy":  L = -sum(y log y_hat + (1 - y) log(1 - y_hat))  d_out = y_hat - y
("squared" is the loss of helpers/network.py.) Momentum mu keeps a velocity v per parameter,
starting at 0:
    v <- mu v - lr dL/dW;   W <- W + v          (mu = 0 is plain gradient descent)
Weights start from network.init_params(hidden, seed, bias, scale): N(0, scale^2), biases 0.

With sigmoid, squared, scale 0.5 and momentum 0, `train` gives bitwise the numbers of
helpers.train.train (tests/test_variants.py). Run.losses is always the MSE, whatever loss is
trained, so curves of different losses share one axis.
"""
from dataclasses import dataclass, field

import numpy as np

from helpers import data
from helpers.gradcheck import relative_error
from helpers.network import MAX_HIDDEN, check_params, init_params, sigmoid
from helpers.train import MAX_LR, MAX_STEPS, Run
from helpers.validate import check_bool, check_float, check_int, check_Xy

ACTIVATIONS = ("sigmoid", "tanh", "relu")
LOSSES = ("squared", "cross_entropy")
MAX_SCALE = 100.0


def check_choice(name: str, value, allowed: tuple) -> str:
    """Return value if it is one of `allowed`, else raise naming the argument and the choices."""
    if not isinstance(value, str) or value not in allowed:
        raise ValueError(f"{name} must be one of {', '.join(repr(a) for a in allowed)}; got {value!r}")
    return value


def check_momentum(momentum) -> float:
    """momentum mu in [0, 1): at 1 or above the velocity never decays."""
    momentum = check_float("momentum", momentum, 0.0, 1.0)
    if momentum == 1.0:
        raise ValueError("momentum must be a number in [0, 1), got 1.0")
    return momentum


def activate(z1: np.ndarray, activation: str) -> np.ndarray:
    """The hidden activation f(z1), elementwise."""
    if activation == "sigmoid":
        return sigmoid(z1)
    if activation == "tanh":
        return np.tanh(z1)
    return np.maximum(z1, 0.0)  # relu


def forward(params: dict, X: np.ndarray, activation: str = "sigmoid") -> tuple:
    """Forward pass. X: (N, 2). Returns (y_hat (N, 1), cache) with cache = {X, z1, a1, z2, y_hat}."""
    z1 = X @ params["W1"]
    if "b1" in params:
        z1 = z1 + params["b1"]
    a1 = activate(z1, activation)
    z2 = a1 @ params["W2"]
    if "b2" in params:
        z2 = z2 + params["b2"]
    y_hat = sigmoid(z2)
    return y_hat, {"X": X, "z1": z1, "a1": a1, "z2": z2, "y_hat": y_hat}


def loss(cache: dict, y: np.ndarray, loss: str = "squared") -> float:
    """The loss the gradients differentiate, from a forward cache. y: (N, 1).

    Cross-entropy is computed from z2: -log sigma(z) = log(1 + e^-z) and -log(1 - sigma(z)) =
    log(1 + e^z) (np.logaddexp(0, .)), which stays finite when y_hat rounds to exactly 0 or 1.
    """
    if loss == "squared":
        e = cache["y_hat"] - y
        return float(0.5 * np.sum(e * e))
    z2 = cache["z2"]
    return float(np.sum(y * np.logaddexp(0.0, -z2) + (1 - y) * np.logaddexp(0.0, z2)))


def backward(params: dict, cache: dict, y: np.ndarray, activation: str = "sigmoid", loss: str = "squared") -> dict:
    """Gradients of the chosen loss for every parameter: {"dW1", "dW2"} (+ "db1", "db2" with biases)."""
    X, z1, a1, y_hat = cache["X"], cache["z1"], cache["a1"], cache["y_hat"]
    if loss == "squared":
        d_out = (y_hat - y) * y_hat * (1 - y_hat)  # dL/dz2 = (y_hat - y) * sigma'(z2)        (N, 1)
    else:
        d_out = y_hat - y                          # cross-entropy: sigma'(z2) cancels        (N, 1)
    if activation == "sigmoid":
        d_hid = (d_out @ params["W2"].T) * a1 * (1 - a1)  # dL/dz1 = (d_out W2^T) * sigma'(z1)  (N, H)
    elif activation == "tanh":
        d_hid = (d_out @ params["W2"].T) * (1 - a1 * a1)  # tanh'(z1) = 1 - tanh(z1)^2
    else:
        d_hid = (d_out @ params["W2"].T) * (z1 > 0)       # relu'(z1) = 1 where z1 > 0, else 0
    grads = {"dW1": X.T @ d_hid, "dW2": a1.T @ d_out}
    if "b1" in params:
        grads["db1"] = d_hid.sum(axis=0, keepdims=True)
        grads["db2"] = d_out.sum(axis=0, keepdims=True)
    return grads


def descend(params: dict, velocity: dict, X: np.ndarray, y: np.ndarray, lr: float, steps: int,
            activation: str = "sigmoid", loss: str = "squared", momentum: float = 0.0) -> tuple:
    """`steps` updates from params and velocity (neither modified). Unchecked: `train` checks for you.

    velocity: {name: array like params[name]}, zeros at the start of a run.
    Returns (losses (steps + 1,) the MSE before each update and after the last, params, velocity);
    a panel continues a run by passing back what it got.
    """
    params = {name: value.copy() for name, value in params.items()}
    velocity = {name: value.copy() for name, value in velocity.items()}
    losses = np.empty(steps + 1)
    for k in range(steps + 1):
        y_hat, cache = forward(params, X, activation)
        losses[k] = np.mean((y - y_hat) ** 2)  # the printed loss, as helpers.train records it
        if k == steps:
            break
        grads = backward(params, cache, y, activation, loss)
        for name in params:
            velocity[name] = momentum * velocity[name] - lr * grads["d" + name]  # v <- mu v - lr dL/dW
            params[name] += velocity[name]                                       # W <- W + v
    return losses, params, velocity


@dataclass
class VariantRun(Run):
    """A helpers.train.Run with the variant's settings and the final velocity."""

    activation: str = "sigmoid"
    loss: str = "squared"
    scale: float = 0.5
    momentum: float = 0.0
    velocity: dict = field(default_factory=dict)

    def label(self) -> str:
        """e.g. 'tanh + cross_entropy, scale 0.5, momentum 0.9, lr 0.5, H=4'."""
        return (f"{self.activation} + {self.loss}, scale {self.scale:g}, momentum {self.momentum:g}, "
                f"lr {self.lr:.3g}, H={self.hidden}")


def check_settings(activation, loss, scale, momentum) -> tuple:
    """The four variant choices checked (errors name the argument and the allowed values)."""
    return (check_choice("activation", activation, ACTIVATIONS), check_choice("loss", loss, LOSSES),
            check_float("scale", scale, 0.0, MAX_SCALE), check_momentum(momentum))


def train(hidden: int = 4, lr: float = 0.5, steps: int = 10_000, seed: int = 0, bias: bool = True,
          activation: str = "sigmoid", loss: str = "squared", scale: float = 0.5, momentum: float = 0.0,
          X=None, y=None) -> VariantRun:
    """Train one 2-H-1 net (hidden activation, loss, initial scale, momentum as chosen) on XOR (or X, y)."""
    hidden = check_int("hidden", hidden, 1, MAX_HIDDEN)
    lr = check_float("lr", lr, 0.0, MAX_LR, lo_open=True)
    steps = check_int("steps", steps, 0, MAX_STEPS)
    seed = check_int("seed", seed, 0, 2**32 - 1)
    bias = check_bool("bias", bias)
    activation, loss, scale, momentum = check_settings(activation, loss, scale, momentum)
    X, y = check_Xy(data.X if X is None else X, data.y if y is None else y)
    start = init_params(hidden, seed, bias, scale)
    zero = {name: np.zeros_like(value) for name, value in start.items()}
    losses, params, velocity = descend(start, zero, X, y, lr, steps, activation, loss, momentum)
    return VariantRun(hidden=hidden, lr=lr, steps=steps, seed=seed, bias=bias, init="random", X=X, y=y,
                      losses=losses, params=params, y_hat=forward(params, X, activation)[0],
                      activation=activation, loss=loss, scale=scale, momentum=momentum, velocity=velocity)


def grad_check(params: dict, X, y, activation: str = "sigmoid", loss_name: str = "squared",
               eps: float = 1e-5) -> dict:
    """Relative error between `backward` and central differences of `loss`, per parameter ({"dW1": 3e-11, ...})."""
    params = check_params(params)
    X, y = check_Xy(X, y)
    activation, loss_name = check_choice("activation", activation, ACTIVATIONS), check_choice("loss", loss_name, LOSSES)
    analytic = backward(params, forward(params, X, activation)[1], y, activation, loss_name)
    errors = {}
    for name, value in params.items():
        numeric = np.zeros_like(value)
        for i in np.ndindex(value.shape):
            old = value[i]
            value[i] = old + eps
            up = loss(forward(params, X, activation)[1], y, loss_name)
            value[i] = old - eps
            down = loss(forward(params, X, activation)[1], y, loss_name)
            value[i] = old
            numeric[i] = (up - down) / (2 * eps)
        errors["d" + name] = relative_error(analytic["d" + name], numeric)
    return errors
