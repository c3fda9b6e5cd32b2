"""Shape words: what a curve, a set of bars or a set of points does, computed from the numbers drawn (issue 39).

    shapes.curve(steps, losses, log=True)   # "stays near 0.256 until step 1,150, then falls to 0.000616 by step 10,000"
    shapes.swings(y)                         # (how many times it turns, the largest swing)
    shapes.crossings(x, y1, y2)              # the x where two curves cross
    shapes.extremes(names, values)           # "highest (0,1) 0.975; lowest (1,1) 0.0234"

A teacher describing a figure aloud says where a curve is flat and for how long, where it drops, whether it
oscillates and how much, where two curves cross, which is highest: these functions say it, from the data, in
the numbers' words (`number`), so a test can compute the same numbers again.
"""
import re

import numpy as np

FLAT = 0.1       # a curve is flat while it stays within this of where it started: in decades on a log axis
FLAT_LINEAR = 0.05  # ... and as a fraction of its whole range on a linear one
SWING = 0.1      # a turn counts as a swing when it moves this much (decades, or a fraction of the range)
MIN_SWINGS = 3   # from this many swings on, a curve oscillates


def number(v: float) -> str:
    """A value as the words give it: whole numbers with thousands commas, others to 3 significant digits."""
    v = float(v)
    if not np.isfinite(v):
        return "none"
    if (v.is_integer() or abs(v) >= 1000) and abs(v) < 1e15:
        return f"{round(v):,}"
    return f"{v:.3g}"


def plain(text: str) -> str:
    """A label as words, without TeX: "$\\hat{y}$" -> "y-hat", "$x_1$" -> "x1", "$h_{2}$" -> "h2"."""
    for tex, word in ((r"\hat{y}", "y-hat"), (r"\hat y", "y-hat"), (r"\sigma", "sigma"), (r"\,", " ")):
        text = text.replace(tex, word)
    return re.sub(r"[${}\\_]", "", text).strip()


def _scaled(y: np.ndarray, log: bool) -> tuple:
    """y on the scale it is drawn on (log10 on a log axis) and the tolerances for flat and for a swing there."""
    if log:
        v = np.log10(np.maximum(y, 1e-300))
        return v, FLAT, SWING
    span = float(np.max(y) - np.min(y))
    return y, FLAT_LINEAR * span, SWING * span


def flat_until(y, log: bool = False) -> int:
    """How many of the first values stay within FLAT of the first (len(y) if all do): the curve's first plateau."""
    v, tol, _ = _scaled(np.asarray(y, dtype=float), log)
    away = np.flatnonzero(np.abs(v - v[0]) > tol)
    return len(v) if len(away) == 0 else int(away[0])


def swings(y, log: bool = False) -> tuple:
    """(turns, largest): how many times the curve turns back by more than SWING, and the largest such move
    (in y's own units). A curve that only falls (or only rises) makes 0 turns."""
    v, _, tol = _scaled(np.asarray(y, dtype=float), log)
    y = np.asarray(y, dtype=float)
    # the turning points, after merging runs that go the same way
    d = np.sign(np.diff(v))
    keep = np.flatnonzero(d != 0)
    if len(keep) < 2:
        return 0, 0.0
    turns = keep[1:][d[keep[1:]] != d[keep[:-1]]]  # indices where the direction changes
    ends = np.concatenate([[0], turns, [len(v) - 1]])
    moves = np.abs(np.diff(v[ends]))
    big = moves > tol
    back = np.flatnonzero(big)[1:]  # the first big move is where it starts going, not a swing back
    largest = float(np.max(np.abs(np.diff(y[ends]))[back])) if len(back) else 0.0
    return len(back), largest


def crossings(x, y1, y2) -> list:
    """The x where curve y1 crosses y2 (both at the same x), each x the first point after the crossing."""
    x, d = np.asarray(x, dtype=float), np.asarray(y1, dtype=float) - np.asarray(y2, dtype=float)
    s = np.sign(d)
    ok = np.flatnonzero(s != 0)
    return [float(x[b]) for a, b in zip(ok[:-1], ok[1:]) if s[a] != s[b]]


def at(name: str, v: str) -> str:
    """A place on the x axis in words: "step 1,000", "2 hidden units", "1 hidden unit"."""
    if name.endswith("units"):
        return f"{v} {name[:-1] if v == '1' else name}"
    return f"{name} {v}" if name else v


def curve(x, y, log: bool = False, along: str = "step") -> str:
    """A curve in words: its plateau (where it is flat and until when), where it goes, and whether it oscillates.
    x, y: (K,) with K >= 2, finite; along: what x is ("step")."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)

    def where(v):
        return at(along, number(v))
    k = flat_until(y, log)
    turns, largest = swings(y, log)
    way = "falls" if y[-1] < y[0] else "rises"
    if k == len(y):
        words = f"stays near {number(y[0])} from {where(x[0])} to {where(x[-1])}, ending at {number(y[-1])}"
    elif k >= max(3, len(y) // 20):
        words = f"stays near {number(y[0])} until {where(x[k])}, then {way} to {number(y[-1])} by {where(x[-1])}"
    else:
        words = f"{way} from {number(y[0])} at {where(x[0])} to {number(y[-1])} at {where(x[-1])}"
    if turns >= MIN_SWINGS:
        words += f", oscillating ({turns} swings, the largest {number(largest)})"
    elif k < len(y):
        low = int(np.argmin(y))
        if 0 < low < len(y) - 1 and y[low] < 0.9 * min(y[0], y[-1]):
            words += f", lowest {number(y[low])} at {where(x[low])}"
    return words


def is_flat(y, log: bool = False) -> bool:
    return flat_until(y, log) == len(y)


def extremes(names, values) -> str:
    """Which is highest and which lowest: "highest (0,1) 0.975; lowest (1,1) 0.0234" (ties named together)."""
    values = np.asarray(values, dtype=float)
    ok = np.isfinite(values)
    if not ok.any():
        return "none has a value"
    hi, lo = np.nanmax(values), np.nanmin(values)
    top = list(dict.fromkeys(n for n, v in zip(names, values) if v == hi))  # each name once
    bottom = list(dict.fromkeys(n for n, v in zip(names, values) if v == lo))
    if hi == lo:
        return f"all {number(hi)}"
    return f"highest {_names(top)} {number(hi)}; lowest {_names(bottom)} {number(lo)}"


def _names(names: list) -> str:
    return " and ".join(names) if len(names) <= 2 else f"{len(names)} of them"
