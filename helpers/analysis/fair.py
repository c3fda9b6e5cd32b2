"""Fair comparisons for notebook 05: one setting at several learning rates, the same seeds at each.

    grid = train_grid([0.5, 1, 2, 4, 8], loss="cross_entropy")   # lrs x seeds nets, ONE batched call
    grid.solved          # (L, S) True where the net of lr i and seed j ends with all four points right
    i = grid.best()      # the lr that solves most starts (ties: fewer median steps)

Every lr trains the same S starts (init_params(hidden, seed, bias, scale)), so two grids are compared
seed by seed (helpers.analysis.paired). All L * S nets ride in one helpers.batched.Batch; the only
thing added to the fast path is a learning rate per net (and, optionally, a first hidden bias b1
other than 0), set on the batch before it trains. tests/test_fair.py checks every net against
helpers.variants.descend.
"""
from dataclasses import dataclass

import numpy as np

from helpers import data
from helpers.analysis.sweep import wilson
from helpers.batched import Batch
from helpers.network import MAX_HIDDEN
from helpers.train import MAX_LR, MAX_STEPS
from helpers.validate import check_float, check_int


@dataclass
class Grid:
    """What L learning rates x S seeds of one setting did. Arrays are (L, S) unless said otherwise.

    solved: all four points right at the end; solved_at: the first step after which all four were right
    (-1: never); losses: (L, S, steps + 1) the MSE; W1_start, b1_start, W1_end, b1_end: (L, S, 2 or 1, H).
    """

    lrs: np.ndarray
    seeds: np.ndarray
    hidden: int
    steps: int
    setting: dict
    solved: np.ndarray
    solved_at: np.ndarray
    losses: np.ndarray
    W1_start: np.ndarray
    b1_start: np.ndarray
    W1_end: np.ndarray
    b1_end: np.ndarray

    def median_steps(self) -> np.ndarray:
        """(L,) median steps-to-solved of the solved nets at each lr (NaN where none solved)."""
        return np.array([np.median(at[ok]) if ok.any() else np.nan for at, ok in zip(self.solved_at, self.solved)])

    def best(self) -> int:
        """Index of the lr that solves the most starts; among those, the fewest median steps."""
        medians = np.nan_to_num(self.median_steps(), nan=np.inf)
        return int(min(range(len(self.lrs)), key=lambda i: (-self.solved[i].sum(), medians[i])))

    def at(self, lr: float) -> int:
        """Index of learning rate `lr` in the grid."""
        where = np.flatnonzero(np.isclose(self.lrs, lr))
        if not len(where):
            raise ValueError(f"lr must be one of the grid's {', '.join(f'{v:g}' for v in self.lrs)}; got {lr!r}")
        return int(where[0])


def train_grid(lrs, seeds=range(100), hidden: int = 2, steps: int = 5_000, activation: str = "sigmoid",
               loss: str = "squared", momentum: float = 0.0, scale: float = 0.5, b1: float = 0.0) -> Grid:
    """Train every (lr, seed) net of one setting with biases, lr-major, in one batched call.

    lrs: L learning rates in (0, MAX_LR]; seeds: S seeds; b1: the first hidden bias of every unit at the
    start (0 is init_params' own); activation, loss, momentum, scale: as helpers.variants.train.
    """
    lrs = np.array([check_float("lr", v, 0.0, MAX_LR, lo_open=True) for v in lrs])
    seeds = np.array([check_int("seed", s, 0, 2**32 - 1) for s in seeds])
    if not len(lrs) or not len(seeds):
        raise ValueError("lrs and seeds must each have at least one entry")
    hidden, steps = check_int("hidden", hidden, 1, MAX_HIDDEN), check_int("steps", steps, 0, MAX_STEPS)
    b1 = check_float("b1", b1, -10.0, 10.0)
    L, S = len(lrs), len(seeds)
    batch = Batch(hidden, np.tile(seeds, L), True, 1.0, activation=activation, loss=loss, scale=scale,
                  momentum=momentum, steps=steps)
    nets = batch.nets
    lr = np.repeat(lrs, S)                  # (B,) one lr per net, lr-major
    nets.lr, nets.lr_mask = lr, lr * batch.mask
    nets.W1[2] += b1                        # the bias row of W1 (3, H, B): b1 of every unit
    start = batch.params()
    losses, all_right, y_hat = batch.advance(steps)
    end = batch.params()
    ever = all_right.any(axis=1)

    def grid(a):
        return a.reshape(L, S, *a.shape[1:])
    return Grid(lrs=lrs, seeds=seeds, hidden=hidden, steps=steps,
                setting={"activation": activation, "loss": loss, "momentum": momentum, "scale": scale, "b1": b1},
                solved=grid(all_right[:, -1]), solved_at=grid(np.where(ever, all_right.argmax(axis=1), -1)),
                losses=grid(losses), W1_start=grid(start["W1"]), b1_start=grid(start["b1"]),
                W1_end=grid(end["W1"]), b1_end=grid(end["b1"]))


def table(grid: Grid) -> dict:
    """helpers.analysis.fixes.summarize's table with one row per lr: "lr", "n", "solved", "rate", "low",
    "high" (95% Wilson interval), "median_steps", "q25_steps", "q75_steps" (NaN where none solved)."""
    n = np.full(len(grid.lrs), len(grid.seeds))
    solved = grid.solved.sum(axis=1)
    low, high = wilson(solved, n)
    quantiles = {f"{name}_steps": np.array([np.percentile(at[ok], q) if ok.any() else np.nan
                                            for at, ok in zip(grid.solved_at, grid.solved)])
                 for name, q in (("q25", 25), ("median", 50), ("q75", 75))}
    return {"lr": grid.lrs, "n": n, "solved": solved, "rate": solved / n, "low": low, "high": high, **quantiles}


def sweep_lines(grids: dict) -> list:
    """One line per (setting, lr): solved k of S with its 95% interval, median steps (25%-75%); '<- best'
    marks each setting's best lr (Grid.best)."""
    lines = [f"{'setting':>16} {'lr':>6} | solved  95% interval | steps to solved: median (25%-75%)"]
    for name, grid in grids.items():
        t, best = table(grid), grid.best()
        for i, lr in enumerate(grid.lrs):
            steps = f"{t['median_steps'][i]:5.0f} ({t['q25_steps'][i]:.0f}-{t['q75_steps'][i]:.0f})" \
                if t["solved"][i] else "    -"
            mark = "  <- best" if i == best else ""
            lines.append(f"{name:>16} {lr:6g} | {t['solved'][i]:3d}/{t['n'][i]}  {100 * t['low'][i]:3.0f}%-"
                         f"{100 * t['high'][i]:3.0f}%  | {steps}{mark}")
    return lines


def train_starts(starts: list, lr=0.5, steps: int = 5_000, loss: str = "squared", momentum: float = 0.0) -> tuple:
    """Train nets from the given starting parameters (sigmoid hidden units), all in one batch.

    starts: a list of parameter dicts of one shape (helpers/network.py), all with biases or all without.
    lr: one learning rate for every start, or one per start.
    Returns (losses (B, steps + 1) the MSE, solved_at (B,) the first step after which all four points were
    right, -1 if never).
    """
    if not starts or not all(isinstance(p, dict) and "W1" in p and "W2" in p for p in starts):
        raise ValueError("starts must be a non-empty list of parameter dicts with W1 and W2")
    H, bias = starts[0]["W1"].shape[1], "b1" in starts[0]
    if any(p["W1"].shape != (2, H) or ("b1" in p) != bias for p in starts):
        raise ValueError("every start in starts must have the same hidden size and the same biases")
    if np.ndim(lr) > 1 or np.size(lr) not in (1, len(starts)):
        raise ValueError(f"lr must be one number or one per start ({len(starts)}), got {lr!r}")
    lrs = np.array([check_float("lr", float(v), 0.0, MAX_LR, lo_open=True)
                    for v in np.broadcast_to(np.ravel(lr), (len(starts),))])
    batch = Batch(H, list(range(len(starts))), bias, 1.0, loss=loss, momentum=momentum, steps=steps)
    nets = batch.nets
    nets.lr, nets.lr_mask = lrs, lrs * batch.mask   # one lr per net
    for b, p in enumerate(starts):           # overwrite the seeds' weights with the given ones
        nets.W1[:2, :, b], nets.W2[:, b] = p["W1"], p["W2"][:, 0]
        if bias:
            nets.W1[2, :, b], nets.b2[b] = p["b1"][0], p["b2"][0, 0]
    losses, all_right, _ = batch.advance(check_int("steps", steps, 0, MAX_STEPS))
    return losses, np.where(all_right.any(axis=1), all_right.argmax(axis=1), -1)


def dead_split(grid: Grid, i: int) -> tuple:
    """(dead_at_start, died, dead_at_end), each (S, H): a grid's relu units at lr index i, dead before the first
    step, dead at the end but not at the start, and dead at the end."""
    at_start = dead(grid.W1_start[i], grid.b1_start[i], data.X)
    at_end = dead(grid.W1_end[i], grid.b1_end[i], data.X)
    return at_start, at_end & ~at_start, at_end


def dead(W1: np.ndarray, b1: np.ndarray, X: np.ndarray) -> np.ndarray:
    """(..., H) True where a relu unit's input z1 = x W1 + b1 is <= 0 at every row x of X (N, 2):
    output 0 and gradient 0 on all the data, so its weights never move again.
    W1: (..., 2, H), b1: (..., 1, H)."""
    z1 = np.einsum("nk,...kh->...nh", X, W1) + b1   # (..., N, H)
    return np.all(z1 <= 0, axis=-2)
