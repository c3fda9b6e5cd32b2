"""Paired tests for two settings trained from the same seeds (notebook 05), numpy and math only.

    mcnemar(solved_a, solved_b)          # exact McNemar: do they solve XOR equally often?
    sign_test(steps_a, steps_b, both)    # paired differences in steps-to-solved, with an exact sign test

Both look only at the seeds where the two settings DIFFER: a seed solved by both (or by neither) says
nothing about which is better. Under "no difference" each discordant seed is a fair coin, so the
two-sided p-value is the exact binomial tail: p = min(1, 2 * P(X <= min(k, n - k))), X ~ Bin(n, 1/2).
"""
import math

import numpy as np


def binomial_p(k: int, n: int) -> float:
    """Two-sided exact p-value of k heads in n tosses of a fair coin (1.0 when n = 0)."""
    if n == 0:
        return 1.0
    low = min(k, n - k)
    return min(1.0, 2 * sum(math.comb(n, i) for i in range(low + 1)) / 2 ** n)


def mcnemar(solved_a, solved_b) -> dict:
    """Exact McNemar test on (S,) booleans, seed j of a paired with seed j of b.
    Returns {"only_a", "only_b", "both", "neither", "p"}."""
    a, b = np.asarray(solved_a, dtype=bool), np.asarray(solved_b, dtype=bool)
    if a.shape != b.shape or a.ndim != 1:
        raise ValueError(f"solved_a and solved_b must be two (S,) arrays of the same length, got {a.shape} and "
                         f"{b.shape}")
    only_a, only_b = int(np.sum(a & ~b)), int(np.sum(b & ~a))
    return {"only_a": only_a, "only_b": only_b, "both": int(np.sum(a & b)), "neither": int(np.sum(~a & ~b)),
            "p": binomial_p(only_a, only_a + only_b)}


def sign_test(steps_a, steps_b, both) -> dict:
    """Paired differences of steps-to-solved over the seeds in `both` (S,) bool (solved by both).
    Returns {"n", "median_ratio" (median of a / b), "median_diff" (median of a - b), "a_faster", "b_faster",
    "p"} with p the exact sign test on the seeds where they differ (NaN ratio when n = 0)."""
    a, b, both = np.asarray(steps_a, float), np.asarray(steps_b, float), np.asarray(both, dtype=bool)
    if not a.shape == b.shape == both.shape:
        raise ValueError(f"steps_a, steps_b and both must have the same shape, got {a.shape}, {b.shape}, "
                         f"{both.shape}")
    a, b = a[both], b[both]
    a_faster, b_faster = int(np.sum(a < b)), int(np.sum(b < a))
    ratio = float(np.median(a / np.maximum(b, 1))) if len(a) else float("nan")
    diff = float(np.median(a - b)) if len(a) else float("nan")
    return {"n": int(len(a)), "median_ratio": ratio, "median_diff": diff, "a_faster": a_faster,
            "b_faster": b_faster, "p": binomial_p(a_faster, a_faster + b_faster)}


def direction(a_wins: int, b_wins: int, p: float, alpha: float = 0.05) -> str:
    """Which side a paired test supports: "a" or "b" (more wins AND p < alpha), else "same"
    (no detectable difference at this many seeds, which is not proof of none)."""
    if p >= alpha or a_wins == b_wins:
        return "same"
    return "a" if a_wins > b_wins else "b"


def _p(p: float) -> str:
    return "p < 0.001" if p < 0.001 else f"p = {p:.3f}"


def report(name_a: str, solved_a, at_a, name_b: str, solved_b, at_b, alpha: float = 0.05) -> str:
    """Two settings over the same seeds, in words: solved (exact McNemar) and steps (sign test on the seeds
    both solved). solved_*: (S,) bool; at_*: (S,) steps-to-solved. The words follow the p-values."""
    m = mcnemar(solved_a, solved_b)
    s = sign_test(at_a, at_b, np.asarray(solved_a, bool) & np.asarray(solved_b, bool))
    rate = {"a": f"{name_a} solves more starts", "b": f"{name_b} solves more starts",
            "same": "no detectable difference in how many starts solve"}[
        direction(m["only_a"], m["only_b"], m["p"], alpha)]
    speed = {"a": f"{name_a} is faster", "b": f"{name_b} is faster",
             "same": "no detectable difference in speed"}[direction(s["a_faster"], s["b_faster"], s["p"], alpha)]
    return (f"{name_a} vs {name_b}:\n"
            f"  solved {m['only_a'] + m['both']} vs {m['only_b'] + m['both']} of {len(np.asarray(solved_a))}; "
            f"{m['only_a']} seeds solved only by the first, {m['only_b']} only by the second: exact McNemar "
            f"{_p(m['p'])}: {rate}\n"
            f"  steps, over the {s['n']} seeds both solve: the first faster on {s['a_faster']}, the second on "
            f"{s['b_faster']}, median ratio first/second {s['median_ratio']:.2f}, sign test {_p(s['p'])}: {speed}")
