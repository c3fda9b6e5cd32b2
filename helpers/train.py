"""Full-batch gradient descent and the record of a run (notebook 01).

One step: forward pass, backward pass, then every parameter moves against its gradient,
    W <- W - lr * dL/dW,   with L = 1/2 * sum((y_hat - y)^2)  (see helpers/network.py).
The record keeps the printed loss (MSE) after every step, so `losses[k]` is the loss
the reference program prints at "Step k" (it prints before that step's update).
"""
from dataclasses import dataclass, field

import numpy as np

from helpers import data
from helpers._checks import check_bool, check_float, check_int, check_Xy
from helpers.network import _backward, _forward, check_params, init_params, init_reference

MAX_STEPS = 200_000
MAX_LR = 100.0

# the reference program's configuration: 10,001 updates (it prints "Step 0" ... "Step 10000")
REFERENCE = {"hidden": 4, "lr": 0.5, "steps": 10_001, "seed": 42, "bias": False, "init": "reference"}


@dataclass
class Run:
    """What one training run did.

    losses: (steps + 1,) the MSE after k updates, k = 0..steps (losses[0] = before training).
    params: the final parameters (dict, see helpers/network.py).
    y_hat: (N, 1) the final predictions on the training inputs.
    snapshots: {step: params} copies taken after `step` updates, for the steps asked for.
    """

    hidden: int
    lr: float
    steps: int
    seed: int
    bias: bool
    init: str
    X: np.ndarray
    y: np.ndarray
    losses: np.ndarray
    params: dict
    y_hat: np.ndarray
    snapshots: dict = field(default_factory=dict)

    @property
    def final_loss(self) -> float:
        """The MSE after the last update."""
        return float(self.losses[-1])

    @property
    def correct(self) -> int:
        """How many points end on the right side of 0.5."""
        return int(np.sum((self.y_hat > 0.5) == (self.y > 0.5)))

    @property
    def accuracy(self) -> float:
        """The fraction of points on the right side of 0.5."""
        return self.correct / len(self.y)

    def label(self) -> str:
        """The run's configuration in one line, e.g. 'hidden=4 lr=0.5 steps=10000 seed=0 bias=on'."""
        seed = "reference" if self.init == "reference" else self.seed
        bias = "on" if self.bias else "off"
        # lr to 3 digits, as the slider shows it
        return f"hidden={self.hidden} lr={self.lr:.3g} steps={self.steps} seed={seed} bias={bias}"


CHUNK = 500  # outputs kept before their losses are computed in one go (fewer NumPy calls per step)


def gradient_descent(params: dict, X: np.ndarray, y: np.ndarray, lr, steps: int,
                     snapshot_steps=()) -> tuple:
    """Run `steps` updates from `params` (not modified). Unchecked: `train` checks for you.

    Returns (losses (steps + 1,), final params, snapshots {step: params}).
    Works on a stack of B nets too (every parameter with a leading axis B, lr a number or
    (B, 1, 1)); then losses is (steps + 1, B), and each net's numbers are bitwise those of
    training it alone.
    """
    params = {name: value.copy() for name, value in params.items()}
    wanted = set(snapshot_steps)
    snapshots = {}
    y_hat = _forward(params, X)[0]
    losses = np.empty((steps + 1,) + y_hat.shape[:-2])
    outputs = np.empty((CHUNK,) + y_hat.shape)  # y_hat of the last steps, until their losses are computed
    for k in range(steps + 1):
        y_hat, cache = _forward(params, X)
        outputs[k % CHUNK] = y_hat
        if k % CHUNK == CHUNK - 1 or k == steps:
            first = k - k % CHUNK  # the printed loss: MSE = mean((y - y_hat)^2) over the N examples
            losses[first:k + 1] = np.mean((y - outputs[:k - first + 1]) ** 2, axis=(-2, -1))
        if k in wanted:
            snapshots[k] = {name: value.copy() for name, value in params.items()}
        if k == steps:
            break
        grads = _backward(params, cache, y)
        for name in params:
            params[name] -= lr * grads["d" + name]  # W <- W - lr * dL/dW
    return losses, params, snapshots


def train(hidden: int = 4, lr: float = 0.5, steps: int = 10_000, seed: int = 0, bias: bool = True,
          init: str = "random", X=None, y=None, snapshot_steps=()) -> Run:
    """Train a 2-H-1 sigmoid net on (X, y) (default: XOR) by full-batch gradient descent.

    init="random" draws weights with np.random.default_rng(seed) (see `init_params`);
    init="reference" uses the reference program's np.random.seed(seed) stream (seed=42 there).
    snapshot_steps: steps (0..steps) after which to keep a copy of the parameters.
    Same arguments -> a bitwise identical run.
    """
    hidden = check_int("hidden", hidden, 1, 64)
    lr = check_float("lr", lr, 0.0, MAX_LR, lo_open=True)
    steps = check_int("steps", steps, 0, MAX_STEPS)
    seed = check_int("seed", seed, 0, 2**32 - 1)
    bias = check_bool("bias", bias)
    if init not in ("random", "reference"):
        raise ValueError(f"init must be 'random' or 'reference', got {init!r}")
    X, y = check_Xy(data.X if X is None else X, data.y if y is None else y)
    snapshot_steps = sorted({check_int("snapshot_steps entry", int(s) if isinstance(s, np.integer) else s, 0, steps)
                             for s in snapshot_steps})
    if init == "random":
        params = init_params(hidden, seed, bias)
    else:
        params = init_reference(hidden, bias, seed)
    return run_from(params, X, y, lr, steps, snapshot_steps, seed=seed, init=init)


def run_from(params: dict, X, y, lr: float, steps: int, snapshot_steps=(), seed: int = 0,
             init: str = "given") -> Run:
    """Train from given initial parameters (any dict `check_params` accepts); returns a Run."""
    params = check_params(params)
    X, y = check_Xy(X, y)
    lr = check_float("lr", lr, 0.0, MAX_LR, lo_open=True)
    steps = check_int("steps", steps, 0, MAX_STEPS)
    losses, final, snapshots = gradient_descent(params, X, y, lr, steps, snapshot_steps)
    y_hat = _forward(final, X)[0]
    return Run(hidden=final["W1"].shape[1], lr=lr, steps=steps, seed=seed, bias="b1" in final, init=init,
               X=X, y=y, losses=losses, params=final, y_hat=y_hat, snapshots=snapshots)
