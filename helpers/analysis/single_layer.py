"""A single sigmoid unit with no hidden layer, and why it cannot learn XOR (notebook 02).

The unit, for a batch X (N, 2), with w (2, 1) and a scalar bias b:
    z = X w + b      y_hat = sigmoid(z)      (N, 1)

It is trained exactly like the two-layer net of helpers/train.py: full-batch gradient descent
on L = 1/2 * sum((y_hat - y)^2), with the MSE = mean((y - y_hat)^2) recorded after every step.
Its prediction is 1 where z > 0, so its decision boundary is the line w1 x1 + w2 x2 + b = 0.
"""
import numpy as np

from helpers import data
from helpers.network import sigmoid
from helpers.train import MAX_LR, MAX_STEPS, Run
from helpers.validate import check_array, check_float, check_int, check_Xy

MAX_WEIGHT = 1e6  # a line's coefficients; only their ratios matter, so this is no real limit
NO_LINE = 1e-9    # |w1|, |w2| below this: the output is flat, there is no boundary to draw
VIEW = (-0.5, 1.5, -0.5, 1.5)  # the part of the input plane the pictures show: x1 range, x2 range


def check_target(target: str) -> np.ndarray:
    """Return the targets y (4, 1) for "XOR", "AND" or "OR", else raise naming the choices."""
    if not isinstance(target, str) or target not in data.TARGETS:
        raise ValueError(f"target must be one of {', '.join(data.TARGETS)}, got {target!r}")
    return data.TARGETS[target]


def init_unit(seed: int = 0, scale: float = 0.5) -> tuple:
    """Random initial weights w (2, 1) from N(0, scale^2) with np.random.default_rng(seed); b = 0.

    Returns (w, b), the same numbers on every call with the same arguments.
    """
    seed = check_int("seed", seed, 0, 2**32 - 1)
    scale = check_float("scale", scale, 0.0, 100.0)
    return np.random.default_rng(seed).normal(0.0, scale, (2, 1)), 0.0


def train_unit(lr: float = 0.5, steps: int = 10_000, seed: int = 0, target: str = "XOR",
               scale: float = 0.5) -> Run:
    """Train a single sigmoid unit on the four corners with targets XOR, AND or OR.

    Full-batch gradient descent on L = 1/2 * sum((y_hat - y)^2), `steps` updates from
    `init_unit(seed, scale)`. Same arguments -> a bitwise identical run.
    Returns a train.Run with hidden = 0 and params {"w": (2, 1), "b": float}.
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
    return Run(hidden=0, lr=lr, steps=steps, seed=seed, bias=True, init="random", X=X, y=y,
               losses=sq_errors / len(y), params={"w": w, "b": float(b)}, y_hat=y_hat, target=target)


def train_units(seeds, scale: float = 0.5, lr: float = 0.5, steps: int = 10_000, target: str = "XOR") -> dict:
    """train_unit for many seeds at once, the seeds one more array axis (S of them).

    Net s starts from init_unit(seeds[s], scale) and takes the same updates as train_unit (to rounding).
    Returns {"w": (S, 2) final weights, "b": (S,) final biases, "mse": (S,) final MSE,
    "at_origin": (S,) True where w and b all ended within 1e-3 of 0 (the flat point of notebook 02),
    "correct": (S,) corners right by the lab's rule (helpers.data.predicted_class)}.
    """
    seeds = [check_int("seeds entry", int(s), 0, 2**32 - 1) for s in seeds]
    if not 1 <= len(seeds) <= 100_000:
        raise ValueError(f"seeds must hold 1 to 100,000 seeds, got {len(seeds)}")
    lr = check_float("lr", lr, 0.0, MAX_LR, lo_open=True)
    steps = check_int("steps", steps, 0, MAX_STEPS)
    y = check_target(target)                                            # (4, 1)
    w = np.hstack([init_unit(s, scale)[0] for s in seeds])              # (2, S)
    b = np.zeros(len(seeds))                                            # (S,)
    for _ in range(steps):
        y_hat = sigmoid(data.X @ w + b)                                 # (4, S)
        d = (y_hat - y) * y_hat * (1 - y_hat)
        w = w - lr * (data.X.T @ d)
        b = b - lr * d.sum(axis=0)
    y_hat = sigmoid(data.X @ w + b)
    return {"w": w.T, "b": b, "mse": np.mean((y_hat - y) ** 2, axis=0),
            "at_origin": np.all(np.abs(w) < 1e-3, axis=0) & (np.abs(b) < 1e-3),
            "correct": np.sum(data.predicted_class(y_hat) == y, axis=0)}


def line_sides(w1: float, w2: float, b: float, X=None) -> np.ndarray:
    """Which side of the line w1 x1 + w2 x2 + b = 0 each point is on: (N,) of 1 where z > 0, else 0.

    A point exactly on the line counts as 0, as a sigmoid output of exactly 0.5 does.
    """
    w1, w2, b = (check_float(name, v, -MAX_WEIGHT, MAX_WEIGHT) for name, v in (("w1", w1), ("w2", w2), ("b", b)))
    X = data.X if X is None else check_array("X", X, (None, 2))
    return (w1 * X[:, 0] + w2 * X[:, 1] + b > 0).astype(int)


def line_in_box(w, c: float, box: tuple) -> tuple:
    """Endpoints of the line c + w . q = 0 inside box = (x_lo, x_hi, y_lo, y_hi), w = (w1, w2).

    The unit's line w1 x1 + w2 x2 + b = 0 in the view of the input plane is line_in_box((w1, w2), b, VIEW).
    Returns (xs (2,), ys (2,)); NaNs when there is no line to draw (|w1|, |w2| < NO_LINE: the output
    is the same everywhere) or it misses the box, so a Line2D given them simply draws nothing.
    """
    w = np.asarray(w, dtype=float)
    x_lo, x_hi, y_lo, y_hi = box
    points = []
    if abs(w[1]) > NO_LINE:  # crossings of the left and right edges
        for x in (x_lo, x_hi):
            yv = -(c + w[0] * x) / w[1]
            if y_lo <= yv <= y_hi:
                points.append((x, yv))
    if abs(w[0]) > NO_LINE:  # crossings of the bottom and top edges
        for yv in (y_lo, y_hi):
            x = -(c + w[1] * yv) / w[0]
            if x_lo <= x <= x_hi:
                points.append((x, yv))
    if len(points) < 2:
        return np.full(2, np.nan), np.full(2, np.nan)
    # the two crossings farthest apart (a corner can be counted twice)
    far = max(((p, r) for p in points for r in points), key=lambda pr: np.hypot(pr[0][0] - pr[1][0],
                                                                                pr[0][1] - pr[1][1]))
    return np.array([far[0][0], far[1][0]]), np.array([far[0][1], far[1][1]])


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
