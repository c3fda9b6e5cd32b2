"""A single sigmoid unit with no hidden layer, and why it cannot learn XOR (notebook 02).

The unit, for a batch X (N, 2), with w (2, 1) and a scalar bias b:
    z = X w + b      y_hat = sigmoid(z)      (N, 1)

It is trained exactly like the two-layer net of helpers/train.py: full-batch gradient descent
on L = 1/2 * sum((y_hat - y)^2), with the MSE = mean((y - y_hat)^2) recorded after every step.
Its prediction is 1 where z > 0, so its decision boundary is the line w1 x1 + w2 x2 + b = 0.
"""
from dataclasses import dataclass

import numpy as np

from helpers import data, plots
from helpers._checks import check_array, check_float, check_int, check_Xy
from helpers.network import sigmoid
from helpers.train import MAX_LR, MAX_STEPS

MAX_WEIGHT = 1e6  # a line's coefficients; only their ratios matter, so this is no real limit
NO_LINE = 1e-9    # |w1|, |w2| below this: the output is flat, there is no boundary to draw


def check_target(target: str) -> np.ndarray:
    """Return the targets y (4, 1) for "XOR", "AND" or "OR", else raise naming the choices."""
    if not isinstance(target, str) or target not in data.TARGETS:
        raise ValueError(f"target must be one of {', '.join(data.TARGETS)}, got {target!r}")
    return data.TARGETS[target]


@dataclass
class UnitRun:
    """What one training run of the single unit did.

    losses: (steps + 1,) the MSE after k updates, k = 0..steps (losses[0] = before training).
    w: (2, 1) and b: the final weights and bias.  y_hat: (N, 1) the final predictions.
    """

    lr: float
    steps: int
    seed: int
    target: str
    X: np.ndarray
    y: np.ndarray
    losses: np.ndarray
    w: np.ndarray
    b: float
    y_hat: np.ndarray

    @property
    def final_loss(self) -> float:
        """The MSE after the last update."""
        return float(self.losses[-1])

    @property
    def correct(self) -> int:
        """How many points end on the right side of 0.5."""
        return int(np.sum((self.y_hat > 0.5) == (self.y > 0.5)))

    def label(self) -> str:
        """The run's configuration in one line, e.g. 'single unit on XOR lr=0.5 steps=10000 seed=0'."""
        return f"single unit on {self.target} lr={self.lr:g} steps={self.steps} seed={self.seed}"


def init_unit(seed: int = 0, scale: float = 0.5) -> tuple:
    """Random initial weights w (2, 1) from N(0, scale^2) with np.random.default_rng(seed); b = 0.

    Returns (w, b), the same numbers on every call with the same arguments.
    """
    seed = check_int("seed", seed, 0, 2**32 - 1)
    scale = check_float("scale", scale, 0.0, 100.0)
    return np.random.default_rng(seed).normal(0.0, scale, (2, 1)), 0.0


def train_unit(lr: float = 0.5, steps: int = 10_000, seed: int = 0, target: str = "XOR",
               scale: float = 0.5) -> UnitRun:
    """Train a single sigmoid unit on the four corners with targets XOR, AND or OR.

    Full-batch gradient descent on L = 1/2 * sum((y_hat - y)^2), `steps` updates from
    `init_unit(seed, scale)`. Same arguments -> a bitwise identical run.
    """
    lr = check_float("lr", lr, 0.0, MAX_LR, lo_open=True)
    steps = check_int("steps", steps, 0, MAX_STEPS)
    y = check_target(target)
    X, y = check_Xy(data.X, y)
    w, b = init_unit(seed, scale)
    sq_errors = np.empty(steps + 1)
    for k in range(steps + 1):
        y_hat = sigmoid(X @ w + b)
        e = (y_hat - y).ravel()
        sq_errors[k] = e @ e
        if k == steps:
            break
        d = (y_hat - y) * y_hat * (1 - y_hat)  # dL/dz (N, 1), as d_out in helpers/network.py
        w = w - lr * (X.T @ d)
        b = b - lr * float(d.sum())            # the bias touches every example: sum over the batch
    return UnitRun(lr=lr, steps=steps, seed=seed, target=target, X=X, y=y, losses=sq_errors / len(y),
                   w=w, b=float(b), y_hat=y_hat)


def line_sides(w1: float, w2: float, b: float, X=None) -> np.ndarray:
    """Which side of the line w1 x1 + w2 x2 + b = 0 each point is on: (N,) of 1 where z > 0, else 0.

    A point exactly on the line counts as 0, as a sigmoid output of exactly 0.5 does.
    """
    w1, w2, b = (check_float(name, v, -MAX_WEIGHT, MAX_WEIGHT) for name, v in (("w1", w1), ("w2", w2), ("b", b)))
    X = data.X if X is None else check_array("X", X, (None, 2))
    return (w1 * X[:, 0] + w2 * X[:, 1] + b > 0).astype(int)


def line_points(w1: float, w2: float, b: float, lo: float = -0.5, hi: float = 1.5) -> tuple:
    """Two points (xs (2,), ys (2,)) of the line w1 x1 + w2 x2 + b = 0 that span the view [lo, hi]^2.

    Both arrays are empty when there is no line to draw: w1 = w2 = 0 (up to 1e-9, where the
    output is the same everywhere) or a line that misses the view.
    """
    w1, w2, b = (float(v) for v in (w1, w2, b))
    if max(abs(w1), abs(w2)) < NO_LINE:
        return np.array([]), np.array([])
    ends = np.array([lo, hi])
    # solve for the coordinate with the larger weight, so the slope is at most 1 and values stay small
    if abs(w2) >= abs(w1):
        xs, ys = ends, -(w1 * ends + b) / w2
    else:
        xs, ys = -(w2 * ends + b) / w1, ends
    other = ys if abs(w2) >= abs(w1) else xs
    if np.all(other < lo) or np.all(other > hi):
        return np.array([]), np.array([])
    return xs, ys


def line_correct(w1: float, w2: float, b: float, target: str = "XOR") -> int:
    """How many of the four corners the line (w1, w2, b) puts on their target's side (0..4)."""
    y = check_target(target)
    return int(np.sum(line_sides(w1, w2, b) == y.ravel()))


def grid_search(n: int = 201, limit: float = 10.0, target: str = "XOR") -> dict:
    """Try every (w1, w2, b) on an n x n x n grid over [-limit, limit]^3 as a single unit.

    Returns {"settings": n^3, "best_correct": most corners right by any setting,
    "at_best": how many settings reach it, "lowest_loss": the smallest MSE of sigmoid(X w + b),
    "argmin": (w1, w2, b) where it was found, "values": the (n,) grid values}.
    """
    n = check_int("n", n, 2, 401)
    limit = check_float("limit", limit, 0.0, 1000.0, lo_open=True)
    y = check_target(target).ravel()
    values = np.linspace(-limit, limit, n)
    W1, W2 = np.meshgrid(values, values, indexing="ij")
    best, at_best, lowest, argmin = -1, 0, np.inf, None
    for b in values:  # one (n, n) slice per bias keeps memory small
        Z = W1[..., None] * data.X[:, 0] + W2[..., None] * data.X[:, 1] + b  # (n, n, 4)
        correct = np.sum((Z > 0) == (y > 0.5), axis=-1)
        top = int(correct.max())
        if top > best:
            best, at_best = top, 0
        if top == best:
            at_best += int(np.sum(correct == top))
        mse = np.mean((sigmoid(Z) - y) ** 2, axis=-1)
        i = np.unravel_index(np.argmin(mse), mse.shape)
        if mse[i] < lowest:
            lowest, argmin = float(mse[i]), (float(W1[i]), float(W2[i]), float(b))
    return {"settings": n**3, "best_correct": best, "at_best": at_best, "lowest_loss": lowest,
            "argmin": argmin, "values": values}


def loss_surface(b: float = 0.0, n: int = 101, limit: float = 6.0, target: str = "XOR") -> tuple:
    """The unit's MSE over (w1, w2) in [-limit, limit]^2 for a fixed bias b.

    Returns (M, w1s, w2s): M is (n, n) with rows along w2 (M[j, i] is at w1s[i], w2s[j]).
    """
    b = check_float("b", b, -MAX_WEIGHT, MAX_WEIGHT)
    n = check_int("n", n, 2, 1000)
    limit = check_float("limit", limit, 0.0, 1000.0, lo_open=True)
    y = check_target(target).ravel()
    w1s = np.linspace(-limit, limit, n)
    w2s = np.linspace(-limit, limit, n)
    G1, G2 = np.meshgrid(w1s, w2s)
    Z = G1[..., None] * data.X[:, 0] + G2[..., None] * data.X[:, 1] + b  # (n, n, 4)
    return np.mean((sigmoid(Z) - y) ** 2, axis=-1), w1s, w2s


def draw_unit(ax, w, b: float, y=None, n: int = plots.GRID_N):
    """Shade the plane [-0.5, 1.5]^2 by the unit's output (blue 0 -> orange 1), draw its line, mark the points.

    w: (2, 1) or (2,); y: (4, 1) targets for the point colours (default XOR). Returns the AxesImage.
    """
    w = np.asarray(w, dtype=float).ravel()
    y = data.y if y is None else np.asarray(y)
    G, _, _ = data.grid(n)
    out = sigmoid(G @ w + b).reshape(n, n)
    image = ax.imshow(out, origin="lower", extent=(-0.5, 1.5, -0.5, 1.5), cmap=plots.CMAP,
                      vmin=0.0, vmax=1.0, interpolation="bilinear", alpha=0.55)
    ax.plot(*line_points(w[0], w[1], b), color="black", lw=1.5)
    ax.scatter(data.X[:, 0], data.X[:, 1], c=[plots.ORANGE if t > 0.5 else plots.BLUE for t in y.ravel()],
               s=110, edgecolors="black", linewidths=1.5, zorder=3)
    ax.set_xlim(-0.5, 1.5)  # the line's end points must not widen the view
    ax.set_ylim(-0.5, 1.5)
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    ax.set_xticks([0, 1])
    ax.set_yticks([0, 1])
    return image
