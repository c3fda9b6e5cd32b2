"""Notebook 07's measurements: gradients through many layers, layer by layer, over many seeds.

    norms = init_norms(depth=10, width=8, activation="sigmoid", init="naive", seeds=range(100))  # (S, L + 1)
    ratios = first_to_last(norms)                    # ||dW_1|| / ||dW_L|| per seed (nan: a dead net)
    summary(ratios)                                  # median, its 95% interval, fraction below 1/100 ...
    layer_gains(depth, width, activation, init, seeds)   # the variance argument's factor per layer, beside
                                                         # the factor measured
    sweep = depth_sweep("tanh", "xavier", depths=(1, 2, 4, 10), seeds=range(20), lrs=(0.3, 1, 3), steps=300)

Layers are numbered as in helpers/deep.py: 1 .. L hidden, L + 1 the output. "First to last" compares the
first layer's weight gradient with the LAST HIDDEN layer's (l = L), not the output layer's.
"""
import math

import numpy as np

from helpers import data, deep
from helpers.analysis.sweep import wilson
from helpers.deep_batched import train_deep
from helpers.validate import check_int

TINY = 1 / 100  # "vanished": the first layer's gradient below 1/100 of the last hidden layer's


def init_norms(depth: int, width: int, activation: str, init: str, seeds) -> np.ndarray:
    """(S, L + 1) each seed's weight-gradient norm ||dW_l|| per layer l = 1 .. L + 1, at the start."""
    return train_deep(depth, width, activation, init, list(seeds), 1.0, 0, keep_norms=True).norms[:, 0, :]


def first_to_last(norms: np.ndarray) -> np.ndarray:
    """(S,) ||dW_1|| / ||dW_L|| for norms (S, L + 1); nan where the last hidden layer's gradient is exactly 0
    (a dead net: nothing below the output learns; `why_no_gradient` tells the two ways relu nets get there)."""
    norms = np.asarray(norms, dtype=float)
    last = norms[:, -2]
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(last > 0, norms[:, 0] / np.where(last > 0, last, 1.0), np.nan)


def why_no_gradient(norms: np.ndarray, width: int, activation: str, init: str, seeds) -> dict:
    """Why the dead nets of `init_norms(depth, width, activation, init, seeds)` (norms (S, L + 1), the seeds in
    the same order) get no gradient: a DEAD LAYER (a hidden layer 0 at all four inputs; with zero biases that does
    not depend on the weights' scale) or a SATURATED OUTPUT (no dead layer, but the output's slope
    y_hat (1 - y_hat) below 1e-12 at every input that carries a signal: |z| above about 28, sigma(z) is 0 or 1
    to within rounding and the gradients underflow). {"dead": nets, "dead layer": k, "saturated output": k}."""
    norms = np.asarray(norms, dtype=float)
    depth = norms.shape[1] - 1
    counts = {"dead": 0, "dead layer": 0, "saturated output": 0}
    for seed, last in zip(seeds, norms[:, -2]):
        if last > 0:
            continue
        counts["dead"] += 1
        y_hat, cache = deep.forward(deep.init_params(depth, width, init, int(seed)), data.X, activation)
        if any(np.all(cache["a"][l] <= 0) for l in range(1, depth + 1)):
            counts["dead layer"] += 1
        else:
            signal = np.any(cache["a"][depth] != 0, axis=1)  # inputs whose last hidden layer is not all 0
            if np.all((y_hat * (1 - y_hat))[signal] < 1e-12):
                counts["saturated output"] += 1
    return counts


def median_interval(values, level: float = 0.95) -> tuple:
    """(median, low, high): the median of the finite values and a distribution-free interval for it, from the
    order statistics (the binomial with p = 1/2: it holds whatever the values' distribution)."""
    v = np.sort(np.asarray(values, dtype=float)[np.isfinite(values)])
    n = len(v)
    if n == 0:
        return (math.nan,) * 3
    cdf = np.cumsum([math.comb(n, k) for k in range(n + 1)]) / 2.0 ** n
    # [v[j], v[n - 1 - j]] holds the median with probability 1 - 2 P(B <= j), B ~ Binomial(n, 1/2): the largest
    # j with P(B <= j) <= (1 - level) / 2 (none: the whole range)
    j = max(int(np.searchsorted(cdf, (1 - level) / 2, side="right")) - 1, 0)
    lo, hi = v[min(j, n - 1)], v[max(n - 1 - j, 0)]
    return float(np.median(v)), float(lo), float(hi)


def summary(ratios) -> dict:
    """What a set of first-to-last ratios says: median with its 95% interval, the fraction below TINY with its
    Wilson interval (of the nets that are not dead), how many were dead, n."""
    r = np.asarray(ratios, dtype=float)
    alive = np.isfinite(r)
    median, low, high = median_interval(r)
    k, n = int(np.sum(r[alive] < TINY)), int(alive.sum())
    below = wilson(k, n) if n else (math.nan, math.nan)
    return {"median": median, "low": low, "high": high, "tiny": k, "alive": n, "dead": int((~alive).sum()),
            "tiny_low": float(below[0]), "tiny_high": float(below[1]), "n": len(r)}


def layer_gains(depth: int, width: int, activation: str, init: str, seeds) -> dict:
    """The variance argument per layer, beside the measurement. Going down from layer l to layer l - 1,
    delta_{l-1} = (delta_l W_l^T) * f'(z_{l-1}), so each number of delta is multiplied, on average, by

        gain_l = sqrt(fan_out_l * Var(w_l) * E[f'(z_{l-1})^2])

    (fan_out_l: the width delta_l has; Var(w_l) = the init's s^2; E[f'^2] read from the forward pass, the mean
    over the units with each example weighted by its share of delta_l's squares: an example that carries no
    signal, such as relu's input (0, 0) whose every z is 0 with zero biases, does not count).
    Returns {"layer": l = L .. 2, "predicted": median gain_l over seeds, "measured": median of
    rms(delta_{l-1}) / rms(delta_l), "bound": the same with f' at its largest (1/4, 1, 1)}; arrays (L - 1,)."""
    depth = check_int("depth", depth, 2, deep.MAX_DEPTH)
    predicted, measured = [], []
    for seed in seeds:
        params = deep.init_params(depth, width, init, int(seed))
        _, cache = deep.forward(params, data.X, activation)
        d = deep.deltas(params, data.X, data.y, activation)
        p, m = [], []
        for l in range(depth, 1, -1):
            # E[f'^2] over the units, each example weighted by the share of the signal delta_l it carries
            share = np.sum(d[l] ** 2, axis=1) / max(np.sum(d[l] ** 2), 1e-300)  # (N,)
            f2 = share @ np.mean(deep.slope(activation, cache["z"][l - 1], cache["a"][l - 1]) ** 2, axis=1)
            s = deep.init_std(init, width, width)
            p.append(np.sqrt(width * s * s * f2))
            rms = [np.sqrt(np.mean(d[i] ** 2)) for i in (l - 1, l)]
            m.append(rms[0] / rms[1] if rms[1] > 0 else np.nan)
        predicted.append(p)
        measured.append(m)
    top = {"sigmoid": 0.25, "tanh": 1.0, "relu": 1.0}[activation]
    s = deep.init_std(init, width, width)
    with np.errstate(all="ignore"):
        return {"layer": np.arange(depth, 1, -1), "predicted": np.nanmedian(predicted, axis=0),
                "measured": np.nanmedian(measured, axis=0),
                "bound": np.full(depth - 1, np.sqrt(width * s * s) * top)}


def _table(run, depths: list, steps: int) -> dict:
    """Per depth, at its tuned lr: solved k of n, rate with Wilson interval, steps-to-solved quartiles."""
    t = {key: [] for key in ("depth", "lr", "solved", "n", "rate", "low", "high", "median_steps", "q25_steps",
                             "q75_steps")}
    for L in depths:
        r, lr = run["runs"][L], run["best_lr"][L]
        pick = r.lrs == lr
        solved, at = r.solved[pick], r.solved_at[pick][r.solved[pick]]
        k, n = int(solved.sum()), int(pick.sum())
        lo, hi = wilson(k, n)
        lo, hi = min(lo, k / n), max(hi, k / n)  # (the interval holds k / n; no rounding may put it outside)
        q = np.percentile(at, [50, 25, 75]) if k else [np.nan] * 3
        for key, value in zip(t, (L, lr, k, n, k / n, float(lo), float(hi), *map(float, q))):
            t[key].append(value)
    return {key: np.array(value) for key, value in t.items()}


def depth_sweep(activation: str, init: str, depths=(1, 2, 4, 10), seeds=range(20), lrs=(0.3, 1.0, 3.0),
                steps: int = 300, width: int = 8) -> dict:
    """Train every (depth, lr, seed), the same seeds for every lr and depth; at each depth the lr that solves
    most (ties: fewer median steps) is that depth's tuned lr. Returns {"runs": {L: DeepRun}, "best_lr": {L: lr},
    "rates": {L: (lrs,) fraction solved at each lr}, "lrs", "seeds", "steps", "table": per depth at its lr}."""
    seeds, lrs, depths = list(seeds), [float(lr) for lr in lrs], list(depths)
    runs, best, rates = {}, {}, {}
    for L in depths:
        r = train_deep(L, width, activation, init, np.repeat(seeds, len(lrs)), np.tile(lrs, len(seeds)), steps)
        runs[L] = r
        scores = []
        for lr in lrs:
            pick = r.lrs == lr
            at = r.solved_at[pick][r.solved[pick]]
            scores.append((r.solved[pick].mean(), -(np.median(at) if len(at) else np.inf)))
        rates[L] = np.array([s[0] for s in scores])
        best[L] = lrs[max(range(len(lrs)), key=lambda i: scores[i])]
    out = {"runs": runs, "best_lr": best, "rates": rates, "lrs": lrs, "seeds": seeds, "steps": steps,
           "activation": activation, "init": init, "width": width}
    out["table"] = _table(out, depths, steps)
    return out


def at_best(sweep: dict, depth: int):
    """(solved (S,), solved_at (S,)) of the sweep's nets at `depth` and its tuned lr, in seed order."""
    r = sweep["runs"][depth]
    pick = r.lrs == sweep["best_lr"][depth]
    return r.solved[pick], r.solved_at[pick]


def mcnemar(a, b) -> tuple:
    """Exact McNemar test on paired solved/not (a, b: (S,) bools, the same seeds): (only a, only b, two-sided p)."""
    a, b = np.asarray(a, bool), np.asarray(b, bool)
    only_a, only_b = int(np.sum(a & ~b)), int(np.sum(~a & b))
    n = only_a + only_b
    if n == 0:
        return only_a, only_b, 1.0
    tail = sum(math.comb(n, k) for k in range(min(only_a, only_b) + 1)) / 2.0 ** n
    return only_a, only_b, min(1.0, 2 * tail)


def fails_most_depth(sweep: dict) -> int:
    """The smallest depth of the sweep at which most nets (more than half) fail, at that depth's tuned lr;
    None if there is none."""
    t = sweep["table"]
    for L, k, n in zip(t["depth"], t["solved"], t["n"]):
        if k < n / 2:
            return int(L)
    return None
