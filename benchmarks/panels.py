"""Slider-to-picture latency of the panels, beside a baseline measured in the same run.

    .venv/bin/python benchmarks/panels.py               # every panel, 3 sessions per setting
    .venv/bin/python benchmarks/panels.py --repeat 5 --panel "01 explorer"
    .venv/bin/python benchmarks/panels.py --pause 1.5   # a student's pause before each move

A move is what the browser does on release: set a slider's `.value` in the kernel; the panel's
observer retrains and redraws, and the move is timed until `panel.image` holds the new PNG
(training + redraw + PNG encode, all in this process, as in the kernel).

For each setting (the defaults and each slider at an extreme) a fresh panel is opened there
(not timed) and a scripted session of moves is timed (see `explorer_session`). Each move is one
of: cold (a setting never computed: trains from scratch, with its neighbours), warm (computed
earlier as a neighbour, or a prefix of a longer run, or seen before). The table gives the median
and p95 over all moves of the session, the cold and warm medians apart, and the baseline: the
same setting trained by a straightforward loop like the reference program's and drawn as a new
pyplot figure saved with bbox_inches="tight" (no cache: every baseline move costs the same).

Moves follow each other at once by default, so the explorer's prefetch (training the settings
one move away while the student looks at the picture) has no time to help; --pause SECONDS waits
that long before each move, as a student does, and shows what the prefetch buys.

To add a panel (notebooks 02-04): write open/session/baseline functions like the explorer's and
add an Entry to ENTRIES.
"""
import argparse
import io
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # the baseline's pyplot figures: render off screen
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from helpers import data, network
from helpers.panels.explorer import explore_training  # noqa: E402
from helpers.pictures import plots  # noqa: E402
from helpers.train import Run  # noqa: E402

LR_GRID = tuple(10.0 ** (k / 10) for k in range(-20, 11))  # the lr slider: 10^-2 .. 10^1 in steps of 10^0.1


@dataclass
class Entry:
    """One panel: settings to measure at, how to open it, the moves of a session, the baseline."""

    name: str
    settings: dict  # label -> keyword arguments of `open`
    open: callable  # (**setting) -> panel
    session: callable  # (panel, setting, repeat) -> [(control name, value), ...]
    baseline: callable  # (**setting) -> PNG bytes, computed the straightforward way


# ---- notebook 01: the training explorer ----------------------------------------------------------

EXPLORER_DEFAULT = {"hidden": 4, "lr": 0.5, "steps": 10_000, "seed": 0, "bias": True}


def explorer_session(panel, setting: dict, repeat: int) -> list:
    """Moves from `setting`: a seed in a new block (cold), the next seed (warm), lr one position
    up or down (cold: a new lr stack) and one more (warm), lr back (warm: seen), steps 500 fewer
    or more (warm prefix, or cold continuation), hidden +-1 (cold), biases toggled (cold)."""
    seed = 8 * (repeat + 1) + setting["seed"] % 8
    k = int(np.argmin(np.abs(np.log10(LR_GRID) - np.log10(setting["lr"]))))
    step = 1 if k + 2 < len(LR_GRID) else -1
    steps = setting["steps"] - 500 if setting["steps"] > 500 else setting["steps"] + 500
    hidden = setting["hidden"] + 1 if setting["hidden"] < 8 else setting["hidden"] - 1
    return [("seed", seed), ("seed", seed + 1), ("lr", LR_GRID[k + step]), ("lr", LR_GRID[k + 2 * step]),
            ("lr", LR_GRID[k + step]), ("steps", steps), ("hidden", hidden), ("bias", not setting["bias"])]


def reference_style_train(hidden, lr, steps, seed, bias):
    """The straightforward loop, as the reference program writes it (plus biases)."""
    X, y = data.X, data.y
    p = network.init_params(hidden, seed, bias)
    W1, W2 = p["W1"], p["W2"]
    b1, b2 = np.zeros((1, hidden)), np.zeros((1, 1))
    losses = np.empty(steps + 1)
    with np.errstate(over="ignore"):  # 1 / (1 + exp(-z)) overflows for large z; the result is still right
        for k in range(steps + 1):
            a1 = 1 / (1 + np.exp(-(X @ W1 + b1)))
            y_hat = 1 / (1 + np.exp(-(a1 @ W2 + b2)))
            losses[k] = np.mean((y - y_hat) ** 2)
            if k == steps:
                break
            d_out = -(y - y_hat) * y_hat * (1 - y_hat)
            d_hid = d_out @ W2.T * a1 * (1 - a1)
            W2 = W2 - lr * a1.T @ d_out
            W1 = W1 - lr * X.T @ d_hid
            if bias:
                b2 = b2 - lr * d_out.sum(axis=0, keepdims=True)
                b1 = b1 - lr * d_hid.sum(axis=0, keepdims=True)
    params = {"W1": W1, "W2": W2, **({"b1": b1, "b2": b2} if bias else {})}
    return Run(hidden=hidden, lr=lr, steps=steps, seed=seed, bias=bias, init="random", X=X, y=y,
               losses=losses, params=params, y_hat=y_hat)


def explorer_baseline(hidden, lr, steps, seed, bias) -> bytes:
    """Train the straightforward way; draw a new pyplot figure; save it with bbox_inches="tight"."""
    run = reference_style_train(hidden, lr, steps, seed, bias)
    fig = plots.overview(run)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=80, bbox_inches="tight")
    plt.close(fig)
    return buffer.getvalue()


def _explorer_at(**change):
    return {**EXPLORER_DEFAULT, **change}


ENTRIES = [
    Entry("01 explorer",
          {"default": _explorer_at(), "lr 0.01": _explorer_at(lr=0.01), "lr 10": _explorer_at(lr=10.0),
           "H 1": _explorer_at(hidden=1), "H 8": _explorer_at(hidden=8), "steps 500": _explorer_at(steps=500),
           "steps 50000": _explorer_at(steps=50_000), "bias off": _explorer_at(bias=False)},
          explore_training, explorer_session, explorer_baseline),
]


# ---- measuring -----------------------------------------------------------------------------------

CLOCKS = {"wall": time.perf_counter, "cpu": time.process_time}  # cpu: this process only (the machine may be shared)


def time_move(panel, name: str, value, clock, pause: float = 0.0) -> tuple:
    """Seconds from setting the control to a new picture, and "cold" or "warm" (how the run was found).

    pause: seconds to wait first (not timed), as a student looks at the last picture."""
    time.sleep(pause)
    before = panel.redraws
    start = clock()
    getattr(panel, name).value = value
    seconds = clock() - start
    if panel.error is not None or panel.redraws != before + 1:
        raise RuntimeError(f"{name}={value!r}: no new picture ({panel.status.value})")
    return seconds, ("warm" if getattr(getattr(panel, "cache", None), "last", "trained") != "trained" else "cold")


def _stats(ms) -> tuple:
    return (np.median(ms), np.percentile(ms, 95)) if len(ms) else (np.nan, np.nan)


def measure(entry: Entry, label: str, setting: dict, repeat: int, clock, pause: float = 0.0) -> dict:
    moves = []  # (seconds, "cold" | "warm")
    for r in range(repeat):
        panel = entry.open(**setting)
        moves += [time_move(panel, name, value, clock, pause) for name, value in entry.session(panel, setting, r)]
    base = []
    for r in range(max(3, repeat)):
        start = clock()
        entry.baseline(**{**setting, "seed": setting["seed"] + 8 * (r + 1)})
        base.append(clock() - start)
    ms = np.array([s for s, _ in moves]) * 1000
    kinds = np.array([k for _, k in moves])
    return {"panel": entry.name, "setting": label, "moves": len(ms), "cold": int(np.sum(kinds == "cold")),
            "all": _stats(ms), "warm": _stats(ms[kinds == "warm"]), "cold ms": _stats(ms[kinds == "cold"]),
            "baseline": _stats(np.array(base) * 1000)}


def table(rows: list) -> str:
    head = ("| panel | setting | moves (cold) | median | p95 | warm median | warm p95 | cold median | cold p95 "
            "| baseline median | baseline p95 | ratio warm | ratio cold |")
    lines = [head, "|" + "---|" * (head.count("|") - 1)]
    for r in rows:
        base = r["baseline"][0]
        numbers = [*r["all"], *r["warm"], *r["cold ms"], *r["baseline"]]
        lines.append(f"| {r['panel']} | {r['setting']} | {r['moves']} ({r['cold']}) | "
                     + " | ".join(f"{x:.0f}" for x in numbers)
                     + f" | {base / r['warm'][0]:.1f}x | {base / r['cold ms'][0]:.1f}x |")
    return "\n".join(lines)


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="sessions per setting (default 3)")
    parser.add_argument("--panel", help="only this panel, e.g. '01 explorer'")
    parser.add_argument("--setting", help="only this setting, e.g. 'default'")
    parser.add_argument("--clock", choices=sorted(CLOCKS), default="wall",
                        help="wall (default): what the student waits; cpu: this process's CPU time only")
    parser.add_argument("--pause", type=float, default=0.0,
                        help="seconds to wait before each move, not timed (default 0: moves back to back)")
    args = parser.parse_args(argv)
    load = os.getloadavg()[0]
    rows = []
    for entry in ENTRIES:
        if args.panel and entry.name != args.panel:
            continue
        for label, setting in entry.settings.items():
            if args.setting and label != args.setting:
                continue
            rows.append(measure(entry, label, setting, args.repeat, CLOCKS[args.clock], args.pause))
            print(f"measured {entry.name} / {label}", file=sys.stderr)
    print(f"{args.clock} clock, ms; {args.repeat} sessions per setting; pause before each move {args.pause:g} s; "
          f"load average {load:.1f} -> "
          f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; ratio = baseline median / panel median")
    print(table(rows))


if __name__ == "__main__":
    main()
