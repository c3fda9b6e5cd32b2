"""Full-batch gradient descent and the record of a run (notebook 01).

One step: forward pass, backward pass, then every parameter moves against its gradient,
    W <- W - lr * dL/dW,   with L = 1/2 * sum((y_hat - y)^2)  (see helpers/network.py).
The record keeps the printed loss (MSE) after every step, so `losses[k]` is the loss
the reference program prints at "Step k" (it prints before that step's update).
"""
from dataclasses import dataclass, field

import numpy as np

from helpers import data
from helpers.network import backward, check_params, forward, init_params, init_reference, mse
from helpers.validate import check_bool, check_float, check_int, check_Xy

MAX_STEPS = 200_000
MAX_LR = 100.0

# the reference program's configuration: 10,001 updates (it prints "Step 0" ... "Step 10000")
REFERENCE = {"hidden": 4, "lr": 0.5, "steps": 10_001, "seed": 42, "bias": False, "init": "reference"}


@dataclass
class Run:
    """What one training run did, for every model in the lab (hidden = 0: the single unit of notebook 02).

    losses: (steps + 1,) the MSE after k updates, k = 0..steps (losses[0] = before training).
    params: the final parameters (a dict, see helpers/network.py).
    y_hat: (N, 1) the final predictions on the training inputs X (N, 2), targets y (N, 1).
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
    target: str = "XOR"  # the name of y, when it is one of data.TARGETS

    @property
    def final_loss(self) -> float:
        """The MSE after the last update."""
        return float(self.losses[-1])

    @property
    def correct(self) -> int:
        """How many points end on the right side of 0.5 (an output of exactly 0.5 counts as class 0)."""
        return int(np.sum(data.predicted_class(self.y_hat) == data.predicted_class(self.y)))

    @property
    def accuracy(self) -> float:
        """The fraction of points on the right side of 0.5."""
        return self.correct / len(self.y)

    def label(self) -> str:
        """The run's configuration in one line, e.g. 'hidden=4 lr=0.5 steps=10000 seed=0 bias=on'."""
        seed = "reference" if self.init == "reference" else self.seed
        # lr to 3 digits, as the slider shows it
        if self.hidden == 0:
            return f"single unit on {self.target} lr={self.lr:g} steps={self.steps} seed={seed}"
        bias = "on" if self.bias else "off"
        return f"hidden={self.hidden} lr={self.lr:.3g} steps={self.steps} seed={seed} bias={bias}"


def gradient_descent(params: dict, X: np.ndarray, y: np.ndarray, lr: float, steps: int,
                     snapshot_steps=()) -> tuple:
    """Run `steps` updates from `params` (not modified). Unchecked: `train` checks for you.

    X: (N, 2), y: (N, 1). Returns (losses (steps + 1,), final params, snapshots {step: params}),
    losses[k] being the MSE after k updates.
    """
    losses = np.empty(steps + 1)
    snapshots = {}
    for k in range(steps + 1):
        y_hat, cache = forward(params, X)
        losses[k] = mse(y, y_hat)
        if k in snapshot_steps:
            snapshots[k] = params
        if k == steps:
            break
        grads = backward(params, cache, y)
        # W <- W - lr * dL/dW, into new arrays: the caller's params and the snapshots stay as they were
        params = {name: value - lr * grads["d" + name] for name, value in params.items()}
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
    seed = check_int("seed", seed, 0, 2**32 - 1)
    bias = check_bool("bias", bias)
    if init not in ("random", "reference"):
        raise ValueError(f"init must be 'random' or 'reference', got {init!r}")
    params = init_params(hidden, seed, bias) if init == "random" else init_reference(hidden, bias, seed)
    return run_from(params, data.X if X is None else X, data.y if y is None else y, lr, steps, snapshot_steps,
                    seed=seed, init=init)


def run_from(params: dict, X, y, lr: float, steps: int, snapshot_steps=(), seed: int = 0,
             init: str = "given") -> Run:
    """Train from given initial parameters (any dict `check_params` accepts); returns a Run."""
    params = check_params(params)
    X, y = check_Xy(X, y)
    lr = check_float("lr", lr, 0.0, MAX_LR, lo_open=True)
    steps = check_int("steps", steps, 0, MAX_STEPS)
    snapshot_steps = {check_int("snapshot_steps entry", int(s) if isinstance(s, np.integer) else s, 0, steps)
                      for s in snapshot_steps}
    losses, final, snapshots = gradient_descent(params, X, y, lr, steps, snapshot_steps)
    return Run(hidden=final["W1"].shape[1], lr=lr, steps=steps, seed=seed, bias="b1" in final, init=init, X=X, y=y,
               losses=losses, params=final, y_hat=forward(final, X)[0], snapshots=dict(sorted(snapshots.items())))
