"""What fixed slow learning, measured over many seeds (notebook 05).

    run = run_setting(loss="cross_entropy")      # hidden 1..8 x seeds 0..99, one batched call
    table = summarize(run)                       # per hidden size: solved k of n, Wilson interval, steps
    dead = dead_units(run)                       # (B, Hmax) relu units that ended dead

Success is notebook 03's: all four points on the right side of 0.5 after training; steps-to-solved
is the first step after which all four were right (BatchRun.solved_at). Rates come with 95%
Wilson intervals (helpers.analysis.sweep.wilson).

Two counts need a definition:
- A relu hidden unit is DEAD when its input z1 = x W1 + b1 is <= 0 at all four inputs: its
  output and its gradient are then 0 everywhere on the data, so gradient descent never moves
  its incoming weights again.
- A net OVERSHOOTS when at some step its MSE rises by more than OVERSHOOT_RISE (0.001) above
  the step before: the update stepped over the valley floor instead of down into it. Plain
  gradient descent with a small lr only goes down; momentum carries the weights on past the floor.
"""
import numpy as np

from helpers.analysis.sweep import wilson
from helpers.batched import BatchRun, train_batched
from helpers.network import MAX_HIDDEN
from helpers.validate import check_bool, check_float, check_int

OVERSHOOT_RISE = 1e-3  # an MSE rise in one step above this counts as an overshoot


def run_setting(hidden_sizes=range(1, 9), seeds=range(100), bias: bool = True, lr: float = 0.5,
                steps: int = 10_000, activation: str = "sigmoid", loss: str = "squared", scale: float = 0.5,
                momentum: float = 0.0) -> BatchRun:
    """All (hidden size, seed) nets of one setting in ONE batched call, hidden-major like
    helpers.analysis.sweep.run_sweep: net b has hidden_sizes[b // S] units and seed seeds[b % S], S = len(seeds).
    activation, loss, scale (one number), momentum: as helpers.variants.train.
    """
    hidden_sizes = [check_int("hidden size", h, 1, MAX_HIDDEN) for h in hidden_sizes]
    seeds = [check_int("seed", s, 0, 2**32 - 1) for s in seeds]
    if not hidden_sizes or not seeds:
        raise ValueError("hidden_sizes and seeds must each have at least one entry")
    bias = check_bool("bias", bias)
    return train_batched(np.repeat(hidden_sizes, len(seeds)), np.tile(seeds, len(hidden_sizes)), bias=bias,
                         lr=lr, steps=steps, activation=activation, loss=loss, scale=scale, momentum=momentum)


def scale_curve(scales, hidden: int = 4, seeds=range(100), bias: bool = True, lr: float = 0.5,
                steps: int = 10_000, activation: str = "sigmoid", loss: str = "squared") -> BatchRun:
    """Every (scale, seed) net with `hidden` units in one batched call, scale-major: net b has
    initial scale scales[b // S] and seed seeds[b % S]."""
    scales = [check_float("scale", s, 0.0, 100.0) for s in scales]
    seeds = [check_int("seed", s, 0, 2**32 - 1) for s in seeds]
    if not scales or not seeds:
        raise ValueError("scales and seeds must each have at least one entry")
    return train_batched(hidden, np.tile(seeds, len(scales)), bias=check_bool("bias", bias), lr=lr, steps=steps,
                         activation=activation, loss=loss, scale=np.repeat(scales, len(seeds)))


def summarize(run: BatchRun, by: str = "hidden") -> dict:
    """Per group of nets (by "hidden" size or by initial "scale", in order of first appearance):
    "n", "solved", "rate", "low", "high" (95% Wilson interval), and the steps-to-solved of the
    solved nets: "median_steps", "q25_steps", "q75_steps" (NaN where none solved).
    The counts and medians by hidden size are those of helpers.analysis.sweep.summarize.
    """
    if not isinstance(run, BatchRun):
        raise TypeError(f"run must be a BatchRun (from run_setting or train_batched), got {type(run).__name__}")
    if by not in ("hidden", "scale"):
        raise ValueError(f"by must be 'hidden' or 'scale', got {by!r}")
    keys = run.hidden if by == "hidden" else run.scale
    table = {name: [] for name in (by, "n", "solved", "median_steps", "q25_steps", "q75_steps")}
    for key in dict.fromkeys(keys.tolist()):
        nets = keys == key
        solved = run.success[nets]
        when = run.solved_at[nets][solved]
        table[by].append(key)
        table["n"].append(int(nets.sum()))
        table["solved"].append(int(solved.sum()))
        for name, q in (("median_steps", 50), ("q25_steps", 25), ("q75_steps", 75)):
            table[name].append(float(np.percentile(when, q)) if len(when) else np.nan)
    table = {name: np.array(values) for name, values in table.items()}
    table["rate"] = table["solved"] / table["n"]
    table["low"], table["high"] = wilson(table["solved"], table["n"])
    return table


def dead_units(run: BatchRun) -> np.ndarray:
    """(B, Hmax) True where a real hidden unit's input z1 = x W1 + b1 is <= 0 at every training input
    at the end of training (for relu: output 0 and gradient 0 on all the data). Padding is never dead."""
    if not isinstance(run, BatchRun):
        raise TypeError(f"run must be a BatchRun, got {type(run).__name__}")
    z1 = run.X @ run.params["W1"]                          # (B, N, Hmax)
    if run.bias:
        z1 = z1 + run.params["b1"]
    return np.all(z1 <= 0, axis=1) & (run.mask == 1.0)


def dead_table(run: BatchRun) -> dict:
    """Per hidden size: "nets", "units" (real units in all nets), "dead" (how many ended dead),
    "nets_with_dead" (nets with at least one dead unit), "all_dead" (nets whose every unit is dead)."""
    dead = dead_units(run)
    table = {name: [] for name in ("hidden", "nets", "units", "dead", "nets_with_dead", "all_dead")}
    for H in dict.fromkeys(run.hidden.tolist()):
        nets = run.hidden == H
        count = dead[nets].sum(axis=1)
        table["hidden"].append(H)
        table["nets"].append(int(nets.sum()))
        table["units"].append(int(H * nets.sum()))
        table["dead"].append(int(count.sum()))
        table["nets_with_dead"].append(int((count > 0).sum()))
        table["all_dead"].append(int((count == H).sum()))
    return {name: np.array(values) for name, values in table.items()}


def overshoots(run: BatchRun, rise: float = OVERSHOOT_RISE) -> np.ndarray:
    """(B,) True where the net's MSE rose by more than `rise` in one step, at least once (see the module
    docstring)."""
    if not isinstance(run, BatchRun):
        raise TypeError(f"run must be a BatchRun, got {type(run).__name__}")
    rise = check_float("rise", rise, 0.0, 1.0)
    return np.any(np.diff(run.losses, axis=1) > rise, axis=1)


def lost_again(run: BatchRun) -> np.ndarray:
    """(B,) True where a net had all four points right at some step but not at the end."""
    return (run.solved_at >= 0) & ~run.success


def rate_line(table: dict, i: int, what: str) -> str:
    """'tanh, H=2: 97 of 100 solve XOR (95% interval 92% to 99%), median 420 steps'."""
    median = table["median_steps"][i]
    steps = f", median {median:,.0f} steps to solved" if not np.isnan(median) else ""
    return (f"{what}: {table['solved'][i]} of {table['n'][i]} solve XOR (95% interval {100 * table['low'][i]:.0f}% "
            f"to {100 * table['high'][i]:.0f}%){steps}")
