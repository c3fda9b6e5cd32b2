"""A long narrow valley, where momentum earns its keep (notebook 05).

    f(w) = 1/2 (c1 w1^2 + c2 w2^2),  gradient (c1 w1, c2 w2),  curvatures c = (1, 100)

Gradient descent with step lr shrinks coordinate i by |1 - lr c_i| per step: it diverges once
lr > 2 / c_max, so the steep direction caps the step, and then the flat direction creeps (by
1 - lr c_min per step). Momentum (v <- mu v - lr grad; w <- w + v) moves along the flat
direction with the effective step lr / (1 - mu), while in the steep direction its velocity
swings and decays instead of blowing up: it can take a far larger effective step.
"""
import numpy as np

from helpers.validate import check_float, check_int

CURVATURES = (1.0, 100.0)
START = (1.0, 1.0)
TOL = 1e-6  # "reached the bottom": f(w) below this


def descend(lr: float, momentum: float = 0.0, steps: int = 2_000, curvatures=CURVATURES, start=START) -> np.ndarray:
    """f(w) before each of `steps` updates and after the last: (steps + 1,). Stops early (the rest inf)
    if w blows past 1e6."""
    lr = check_float("lr", lr, 0.0, 10.0, lo_open=True)
    momentum = check_float("momentum", momentum, 0.0, 0.999)
    steps = check_int("steps", steps, 0, 1_000_000)
    c, w = np.asarray(curvatures, float), np.array(start, float)
    v = np.zeros_like(w)
    f = np.full(steps + 1, np.inf)
    for k in range(steps + 1):
        f[k] = 0.5 * np.sum(c * w * w)
        if k == steps or not np.all(np.abs(w) < 1e6):
            break
        v = momentum * v - lr * c * w        # v <- mu v - lr grad f
        w = w + v                            # w <- w + v
    return f


def steps_to(f: np.ndarray, tol: float = TOL) -> int:
    """The first step k with f[k] < tol, or -1 if never."""
    below = np.flatnonzero(f < tol)
    return int(below[0]) if len(below) else -1


def steps_grid(lrs, momenta=(0.0,), steps: int = 2_000, tol: float = TOL, curvatures=CURVATURES,
               start=START) -> np.ndarray:
    """(len(momenta), len(lrs)) the first step at which f < tol for each (momentum, lr), -1 if never
    within `steps`: every pair descends at once, as `descend` would one at a time."""
    lrs = np.array([check_float("lr", v, 0.0, 10.0, lo_open=True) for v in lrs])
    mus = np.array([check_float("momentum", m, 0.0, 0.999) for m in momenta])
    steps = check_int("steps", steps, 0, 1_000_000)
    c = np.asarray(curvatures, float)
    lr, mu = lrs[None, :, None], mus[:, None, None]               # (M, L, 1)
    w = np.broadcast_to(np.array(start, float), (len(mus), len(lrs), len(c))).copy()
    v = np.zeros_like(w)
    reached = np.full((len(mus), len(lrs)), -1)
    with np.errstate(over="ignore", invalid="ignore"):
        for k in range(steps + 1):
            f = 0.5 * np.sum(c * w * w, axis=-1)
            reached[(reached < 0) & (f < tol)] = k
            if k == steps or ((reached >= 0) | ~(f < 1e12)).all():  # every pair at the bottom or diverged
                break
            v = mu * v - lr * c * w
            w = w + v
    return reached


def best(lrs, momenta=(0.0,), steps: int = 2_000, tol: float = TOL) -> dict:
    """The (lr, momentum) pair of the grid that reaches f < tol in the fewest steps:
    {"lr", "momentum", "steps"} (steps -1 and lr NaN if none does)."""
    reached = steps_grid(lrs, momenta, steps, tol)
    if (reached < 0).all():
        return {"lr": float("nan"), "momentum": float("nan"), "steps": -1}
    i, j = np.unravel_index(np.argmin(np.where(reached < 0, np.iinfo(int).max, reached)), reached.shape)
    return {"lr": float(np.asarray(lrs)[j]), "momentum": float(np.asarray(momenta)[i]), "steps": int(reached[i, j])}
