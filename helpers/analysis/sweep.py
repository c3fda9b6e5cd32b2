"""The hidden-size sweep: many seeds per hidden size, success rates with 95% intervals (notebook 03).

    run = run_sweep(bias=False)          # hidden 1..8 x seeds 0..99, lr 0.5, 10,000 steps
    table = summarize(run)               # per hidden size: solved k of n, Wilson interval, ...

A run "solves XOR" when after training all four points are on the right side of 0.5.
"""
import numpy as np

from helpers.batched import Batch, BatchRun, train_batched
from helpers.network import MAX_HIDDEN
from helpers.validate import check_bool, check_float, check_int

Z95 = 1.959963984540054   # the 97.5% point of the standard normal: a two-sided 95% interval
LOW_LOSS = 0.01           # the second, stricter criterion: final MSE below this
WINDOW = 10_000           # train_on looks at the nets every this many steps
PLATEAU = 0.24            # an MSE above this: every output still near 0.5, the plateau the nets start on
LOOK = 1_000              # status compares the loss with the loss this many steps earlier
STILL = 0.001             # a loss that fell by less than this fraction of itself in LOOK steps has stopped


def wilson(k, n, z: float = Z95) -> tuple:
    """Wilson score interval for a success rate: k successes in n trials. Returns (low, high).

    k, n: numbers or arrays of the same shape (0 <= k <= n, n >= 1). The interval is the set
    of rates p for which k/n is within z standard errors of p, i.e. the roots of
    (k/n - p)^2 = z^2 p (1 - p) / n:

        center = (k + z^2/2) / (n + z^2)
        half   = z / (n + z^2) * sqrt(k (n - k) / n + z^2 / 4)

    Unlike k/n +- z sqrt(p(1-p)/n) it never leaves [0, 1] and is not zero-width at k = 0 or k = n.
    """
    k = np.asarray(k, dtype=float)
    n = np.asarray(n, dtype=float)
    z = check_float("z", z, 0.0, 10.0, lo_open=True)
    if k.shape != n.shape:
        raise ValueError(f"k and n must have the same shape, got {k.shape} and {n.shape}")
    if not (np.all(np.isfinite(k)) and np.all(np.isfinite(n))) or np.any(n < 1) or np.any(k < 0) or np.any(k > n):
        raise ValueError("wilson needs counts with 0 <= k <= n and n >= 1")
    center = (k + z * z / 2) / (n + z * z)
    half = z / (n + z * z) * np.sqrt(k * (n - k) / n + z * z / 4)
    return np.clip(center - half, 0.0, 1.0), np.clip(center + half, 0.0, 1.0)


def run_sweep(hidden_sizes=range(1, 9), seeds=range(100), bias: bool = True, lr: float = 0.5,
              steps: int = 10_000, progress=None) -> BatchRun:
    """Train every (hidden size, seed) pair at once. Nets are ordered hidden-major:
    net b has hidden_sizes[b // S] units and seed seeds[b % S], S = len(seeds).

    progress: None or progress(done, steps), called as training goes (see train_batched).
    All nets are trained at once, as one more array axis, by helpers.batched.train_batched.
    """
    hidden_sizes = [check_int("hidden size", h, 1, MAX_HIDDEN) for h in hidden_sizes]
    seeds = [check_int("seed", s, 0, 2**32 - 1) for s in seeds]
    if not hidden_sizes or not seeds:
        raise ValueError("hidden_sizes and seeds must each have at least one entry")
    bias = check_bool("bias", bias)
    hidden = np.repeat(hidden_sizes, len(seeds))
    return train_batched(hidden, np.tile(seeds, len(hidden_sizes)), bias=bias, lr=lr, steps=steps,
                            progress=progress, chunk=500)


def summarize(run: BatchRun, success=None) -> dict:
    """Per hidden size (in the order they first appear): counts, rates and Wilson intervals.

    Returns arrays, one entry per hidden size: "hidden", "n" (nets), "solved" (all four
    right), "low_loss" (final MSE < LOW_LOSS), "rate" = solved / n, "low", "high" (95% Wilson
    interval of the rate), "median_steps" (median step at which the solved nets first got
    all four right; NaN if none did).
    """
    if not isinstance(run, BatchRun):
        raise TypeError(f"run must be a BatchRun (from run_sweep or train_batched), got {type(run).__name__}")
    sizes = list(dict.fromkeys(int(h) for h in run.hidden))
    table = {name: [] for name in ("hidden", "n", "solved", "low_loss", "median_steps")}
    for H in sizes:
        nets = run.hidden == H
        solved = (run.success if success is None else success)[nets]
        table["hidden"].append(H)
        table["n"].append(int(nets.sum()))
        table["solved"].append(int(solved.sum()))
        table["low_loss"].append(int((run.final_loss[nets] < LOW_LOSS).sum()))
        steps = run.solved_at[nets][solved]
        table["median_steps"].append(float(np.median(steps)) if len(steps) else np.nan)
    table = {name: np.array(values) for name, values in table.items()}
    table["rate"] = table["solved"] / table["n"]
    table["low"], table["high"] = wilson(table["solved"], table["n"])
    return table


def sentence(table: dict, H: int, bias: bool) -> str:
    """'With 2 hidden units and no biases, 20 of 100 inits solve XOR (95% interval 13% to 29%).'"""
    i = list(table["hidden"]).index(H)
    units = "1 hidden unit" if H == 1 else f"{H} hidden units"
    return (f"With {units} and {'biases' if bias else 'no biases'}, {table['solved'][i]} of {table['n'][i]} "
            f"inits solve XOR (95% interval {100 * table['low'][i]:.0f}% to {100 * table['high'][i]:.0f}%).")


def train_on(run: BatchRun, budget: int = 50_000, hidden_sizes=None) -> dict:
    """Train on, to `budget` steps, the nets of `run` that had not solved XOR at its last step (run.steps,
    a multiple of WINDOW), and look at every net each WINDOW steps from run.steps to budget. hidden_sizes:
    the sizes to train on (default all); the nets of other sizes are left out (right False, losses NaN).

    Each net's steps do not depend on the others, so training only the unsolved ones gives their numbers
    exactly; a net solved at run.steps is counted as solved later too (tests/test_sweep_budget.py checks it).
    Returns {"steps": (K,) run.steps, run.steps + WINDOW, ..., budget; "right": (B, K) all four right then;
    "loss": (B, K) the MSE then (NaN for the nets solved at run.steps); "before": (B, K) the MSE LOOK
    steps earlier}, B the nets of run in its order.
    """
    if not isinstance(run, BatchRun):
        raise TypeError(f"run must be a BatchRun (from run_sweep), got {type(run).__name__}")
    if run.steps < WINDOW or run.steps % WINDOW:
        raise ValueError(f"run.steps must be a positive multiple of {WINDOW:,}, got {run.steps}")
    budget = check_int("budget", budget, run.steps, 1_000_000)
    steps = np.arange(run.steps, budget + 1, WINDOW)
    sizes = np.unique(run.hidden) if hidden_sizes is None else [check_int("hidden size", h, 1, MAX_HIDDEN)
                                                                   for h in hidden_sizes]
    out = np.flatnonzero(~run.success & np.isin(run.hidden, sizes))
    B, K = len(run.hidden), len(steps)
    right = np.repeat(run.success[:, None], K, axis=1)
    loss, before = np.full((B, K), np.nan), np.full((B, K), np.nan)
    if len(out):
        batch = Batch(run.hidden[out], run.seeds[out], bias=run.bias, lr=run.lr, steps=WINDOW)
        losses, all_right, _ = batch.advance(run.steps)
        before[out, 0], loss[out, 0], right[out, 0] = losses[:, -LOOK - 1], losses[:, -1], all_right[:, -1]
        for k in range(1, K):
            losses, all_right, _ = batch.advance(WINDOW)
            before[out, k], loss[out, k], right[out, k] = losses[:, -LOOK - 1], losses[:, -1], all_right[:, -1]
    return {"steps": steps, "right": right, "loss": loss, "before": before}


def status(later: dict, k: int = -1) -> np.ndarray:
    """(B,) what each net of train_on's result is doing at its k-th look: "solved" (all four right);
    "plateau" (MSE above PLATEAU: every output still near 0.5, it has not left the start's plateau yet);
    "falling" (off the plateau, its loss fell by at least STILL of itself in the last LOOK steps);
    "flat" (off the plateau and its loss has (nearly) stopped falling: stuck, at least for now);
    "left out" (a size train_on did not train on)."""
    loss, before = later["loss"][:, k], later["before"][:, k]
    falling = before - loss >= STILL * loss
    moving = np.where(loss > PLATEAU, "plateau", np.where(falling, "falling", "flat"))
    return np.where(later["right"][:, k], "solved", np.where(np.isnan(loss), "left out", moving))


class LiveSweep:
    """A sweep trained a chunk of steps at a time, all nets at once (the live panel of notebook 03).

    Nets as run_sweep orders them (hidden-major). After reach(n), steps 0..n are known: table(k)
    for any k <= n gives what summarize gives for a sweep stopped after k steps (the same numbers:
    tests/test_sweep_panel.py), so the panel can show the rates climbing as training goes on.
    """

    def __init__(self, hidden_sizes=range(1, 9), seeds=range(100), bias: bool = True, lr: float = 0.5,
                 steps: int = 10_000):
        hidden_sizes = [check_int("hidden size", h, 1, MAX_HIDDEN) for h in hidden_sizes]
        seeds = [check_int("seed", s, 0, 2**32 - 1) for s in seeds]
        self.hidden = np.repeat(hidden_sizes, len(seeds))
        self.batch = Batch(self.hidden, np.tile(seeds, len(hidden_sizes)), bias=check_bool("bias", bias), lr=lr,
                           steps=steps)
        self.bias, self.lr = self.batch.bias, self.batch.lr
        losses, right, _ = self.batch.advance(0)
        self.losses, self.right = losses, right  # (B, trained + 1): MSE and "all four right" after k steps
        self.trained = 0

    def reach(self, n: int) -> None:
        """Train every net on to step n (nothing to do if it is there already)."""
        if n > self.trained:
            losses, right, _ = self.batch.advance(n - self.trained)
            self.losses = np.concatenate([self.losses, losses[:, 1:]], axis=1)
            self.right = np.concatenate([self.right, right[:, 1:]], axis=1)
            self.trained = n

    def table(self, k: int) -> dict:
        """summarize's table for the sweep stopped after k steps (k <= trained)."""
        right = self.right[:, :k + 1]
        ever = right.any(axis=1)
        stopped = BatchRun(hidden=self.hidden, seeds=self.batch.seeds, bias=self.bias, lr=self.lr, steps=k,
                           X=self.batch.X, y=self.batch.y, losses=self.losses[:, :k + 1], params={}, mask=None,
                           y_hat=None, solved_at=np.where(ever, right.argmax(axis=1), -1))
        return summarize(stopped, success=right[:, k])
