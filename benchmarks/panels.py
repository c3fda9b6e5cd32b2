"""The live panels: release-to-first-frame latency, frames per second while playing, time to the last
frame, beside a baseline measured in the same run.

    .venv/bin/python benchmarks/panels.py                 # every panel, 2 sessions per setting
    .venv/bin/python benchmarks/panels.py --repeat 3 --panel "01 explorer"

What the browser does is done here in the kernel's place: a slider released sets its `.value`
(the panel starts the new run and draws its first frame), and Play's timer sets `play.value` to
1, 2, 3, ... (each tick trains the next chunk and draws it). Times are taken around those calls,
until `panel.image` holds the new PNG: training + drawing + PNG encoding, all in this process.

For each setting (the defaults, and each slider at an extreme) a fresh panel is opened there (not
timed), then a scripted session of moves is timed, drags of several positions as a student makes
them (not only to a neighbour): after each move the run is played for FRAMES_PER_MOVE frames, and
after the last move played to its end. Reported per panel and setting: the release-to-first-frame
median and p95 over the session's moves, frames per second while playing (1 / median frame time),
and the time from release to the last frame of a whole run, against the baseline: the same setting
trained all at once by a straightforward loop like the reference program's and drawn as a new
pyplot figure saved with bbox_inches="tight", which is what a panel without live frames would cost
before its first picture.
"""
import argparse
import functools
import io
import os
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # the baseline's pyplot figures: render off screen
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from helpers import data, network  # noqa: E402
from helpers.panels.depth import explore_depth  # noqa: E402
from helpers.panels.explorer import explore_training  # noqa: E402
from helpers.panels.fixes import compare_fixes  # noqa: E402
from helpers.panels.representation import watch_it_form  # noqa: E402
from helpers.panels.sweep import explore_sweep  # noqa: E402
from helpers.pictures import plots  # noqa: E402
from helpers.train import Run  # noqa: E402

FRAMES_PER_MOVE = 4  # frames played after each move before the next one (a student watches a little)


@dataclass
class Entry:
    """One panel: settings to measure at, how to open it, the moves of a session, the baseline."""

    name: str
    settings: dict  # label -> keyword arguments of `open`
    open: callable  # (**setting) -> panel
    session: callable  # (setting, repeat) -> [(control name, value), ...]
    baseline: callable  # (**setting) -> PNG bytes, computed the straightforward way


def drags(setting: dict, repeat: int) -> list:
    """A student's moves from `setting`: seeds several apart, lr several positions up and down, hidden
    by 2 and 3, biases toggled, and back to a setting seen (each `repeat` shifts the seeds)."""
    seed = (setting.get("seed", 0) + 13 * (repeat + 1)) % 100
    lr = setting["lr"]
    far = [lr * 10 ** 0.4 if lr * 10 ** 0.4 <= 10 else lr / 10 ** 0.4, lr / 10 ** 0.7 if lr / 10 ** 0.7 >= 0.01
           else lr * 10 ** 0.7]
    hidden = setting["hidden"]
    sizes = [h for h in (hidden + 2, hidden - 3, hidden + 3, hidden - 2) if 1 <= h <= 8][:2]
    moves = [("seed", seed), ("seed", (seed + 5) % 100), ("lr", round(far[0], 12)), ("lr", round(far[1], 12))]
    moves += [("hidden", h) for h in sizes]
    if "bias" in setting:
        moves.append(("bias", not setting["bias"]))
    moves.append(("seed", setting.get("seed", 0)))  # back to the start's seed: a run seen before if nothing else moved
    return moves


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


def overview_baseline(hidden, lr, steps, seed, bias=True, **_) -> bytes:
    """Train the straightforward way; draw a new pyplot figure; save it with bbox_inches="tight"."""
    run = reference_style_train(hidden, lr, steps, seed, bias)
    fig = plots.overview(run)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=80, bbox_inches="tight")
    plt.close(fig)
    return buffer.getvalue()


def sweep_moves(setting: dict, repeat: int) -> list:
    """A student's moves on the sweep panel: lr several positions up, then down, biases, steps, and back."""
    lr = setting["lr"]
    up, down = min(5.0, lr * 10 ** (0.3 + 0.1 * repeat)), max(0.05, lr / 10 ** (0.4 + 0.1 * repeat))
    steps = 5000 if setting["steps"] != 5000 else 8000
    return [("lr", round(up, 12)), ("lr", round(down, 12)), ("bias", not setting["bias"]), ("steps", steps),
            ("bias", setting["bias"]), ("lr", lr)]


def sweep_baseline(lr, steps, bias, **_) -> bytes:
    """The sweep trained all at once, then its three plots drawn as a new pyplot figure (the panel before)."""
    from helpers.analysis import sweep
    from helpers.pictures.sweep_plots import draw_curves, draw_rates, draw_solved_steps
    run = sweep.run_sweep(bias=bias, lr=lr, steps=steps)
    fig, axes = plt.subplots(1, 3, figsize=(9.6, 3.5))
    draw_rates(axes[0], sweep.summarize(run))
    draw_solved_steps(axes[1], run)
    draw_curves(axes[2], run)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=100, bbox_inches="tight")
    plt.close(fig)
    return buffer.getvalue()


def fixes_moves(setting: dict, repeat: int) -> list:
    """A student's moves on notebook 05's panel: seeds several apart, lr up and down, hidden, the loss, and back."""
    seed = (setting["seed"] + 13 * (repeat + 1)) % 100
    lr = setting["lr"]
    return [("seed", seed), ("seed", (seed + 5) % 100), ("lr", round(min(5.0, lr * 10 ** 0.4), 12)),
            ("lr", round(max(0.05, lr / 10 ** 0.7), 12)), ("hidden", 2 + (setting["hidden"] + 3) % 7),
            ("loss", "squared" if setting["loss"] != "squared" else "cross_entropy"), ("seed", setting["seed"])]


def fixes_baseline(loss, activation, scale, lr, hidden, seed, **_) -> bytes:
    """The two runs trained all at once (helpers.variants.train), their loss curves drawn as a new pyplot figure."""
    from helpers import variants
    runs = [variants.train(hidden, lr, 5000, seed, activation=activation, loss=loss, scale=scale),
            variants.train(hidden, lr, 5000, seed, scale=scale)]
    fig, ax = plt.subplots(figsize=(9.6, 3.4))
    for run in runs:
        ax.semilogy(run.losses, label=f"{run.activation} + {run.loss}")
    ax.legend()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=100, bbox_inches="tight")
    plt.close(fig)
    return buffer.getvalue()


def depth_moves(setting: dict, repeat: int) -> list:
    """A student's moves on notebook 07's panel: seeds apart, depth down and up, each activation and start, lr."""
    seed = (setting["seed"] + 13 * (repeat + 1)) % 100
    return [("seed", seed), ("depth", max(1, setting["depth"] - 7)), ("depth", setting["depth"]),
            ("activation", "tanh"), ("init", "xavier"), ("activation", "relu"), ("init", "he"),
            ("lr", round(max(0.01, setting["lr"] / 10 ** 0.7), 12)), ("seed", setting["seed"])]


def depth_baseline(depth, activation, init, lr, seed, steps, **_) -> bytes:
    """The whole run trained at once (helpers.deep.step in a loop), its loss curve drawn as a new pyplot figure."""
    from helpers import deep
    params, losses = deep.init_params(depth, 8, init, seed), []
    for _ in range(steps + 1):
        mse, params, _ = deep.step(params, data.X, data.y, lr, activation)
        losses.append(mse)
    fig, ax = plt.subplots(figsize=(9.6, 3.9))
    ax.semilogy(losses)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=100, bbox_inches="tight")
    plt.close(fig)
    return buffer.getvalue()


EXPLORER = {"hidden": 4, "lr": 0.5, "steps": 10_000, "seed": 0, "bias": True}
FIXES = {"loss": "cross_entropy", "activation": "sigmoid", "scale": 0.5, "lr": 0.5, "hidden": 4, "seed": 0}
REPRESENTATION = {"hidden": 2, "lr": 0.5, "steps": 10_000, "seed": 0}
DEPTH = {"depth": 10, "activation": "sigmoid", "init": "naive", "lr": 1.0, "seed": 0, "steps": 1000}


def at(base: dict, **change) -> dict:
    return {**base, **change}


ENTRIES = [
    Entry("01 explorer",
          {"default": at(EXPLORER), "lr 0.01": at(EXPLORER, lr=0.01), "lr 10": at(EXPLORER, lr=10.0),
           "H 1": at(EXPLORER, hidden=1), "H 8": at(EXPLORER, hidden=8), "steps 500": at(EXPLORER, steps=500),
           "steps 50000": at(EXPLORER, steps=50_000), "bias off": at(EXPLORER, bias=False)},
          explore_training, drags, overview_baseline),
    Entry("04 representation",
          {"default": at(REPRESENTATION), "lr 0.01": at(REPRESENTATION, lr=0.01),
           "lr 10": at(REPRESENTATION, lr=10.0), "H 1": at(REPRESENTATION, hidden=1),
           "H 8": at(REPRESENTATION, hidden=8)},
          watch_it_form, drags, overview_baseline),
    Entry("03 sweep",
          {"default": {"lr": 0.5, "steps": 10_000, "bias": False}, "lr 5": {"lr": 5.0, "steps": 10_000, "bias": False},
           "lr 0.05": {"lr": 0.05, "steps": 10_000, "bias": False}, "steps 1000": {"lr": 0.5, "steps": 1000,
                                                                                   "bias": False}},
          explore_sweep, sweep_moves, sweep_baseline),
    Entry("05 two runs", {"default": at(FIXES), "relu": at(FIXES, activation="relu"), "lr 5": at(FIXES, lr=5.0)},
          compare_fixes, fixes_moves, fixes_baseline),
    Entry("07 depth", {"default": at(DEPTH), "depth 1": at(DEPTH, depth=1), "relu he": at(DEPTH, activation="relu",
                                                                                         init="he", lr=0.1)},
          explore_depth, depth_moves, depth_baseline),
]


# ---- measuring -----------------------------------------------------------------------------------

def timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def tick(panel) -> None:
    panel.play.value = panel.play.value + 1


def measure(entry: Entry, setting: dict, repeat: int) -> dict:
    """One session: the release-to-first-frame times, the frame times, and release-to-last-frame."""
    panel = entry.open(**setting)
    first, frames = [], []
    for name, value in entry.session(setting, repeat):
        if getattr(panel, name).value == value:
            continue  # at a slider's end a move can be no move
        before = panel.image.value
        first.append(timed(functools.partial(setattr, getattr(panel, name), "value", value)))
        assert panel.image.value != before or panel.shown == panel.total, f"no new picture after {name}={value}"
        assert panel.error is None, panel.status.value
        for _ in range(FRAMES_PER_MOVE):
            if panel.shown < panel.total:
                frames.append(timed(functools.partial(tick, panel)))
    # a whole run, from release to its last frame: a setting not seen yet
    start = time.perf_counter()
    if hasattr(panel, "seed"):
        panel.seed.value = (setting.get("seed", 0) + 50 + repeat) % 100
    else:
        panel.lr.value = min(5.0, setting["lr"] * 10 ** (0.2 + 0.1 * repeat))
    while panel.shown < panel.total:
        frames.append(timed(functools.partial(tick, panel)))
    whole = time.perf_counter() - start
    return {"first": first, "frames": frames, "whole": whole}


def p95(values) -> float:
    return float(np.percentile(values, 95))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=2, help="sessions per setting")
    parser.add_argument("--panel", default=None, help="only this panel, e.g. '01 explorer'")
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; {FRAMES_PER_MOVE} frames played "
          "after each move; times in ms")
    print(f"{'panel':18s} {'setting':12s} {'moves':>5s} {'first median':>12s} {'first p95':>9s} {'fps':>5s} "
          f"{'run to end':>10s} {'baseline':>9s} {'baseline/first':>14s}")
    for entry in ENTRIES:
        if args.panel and entry.name != args.panel:
            continue
        all_first, all_frames = [], []
        for label, setting in entry.settings.items():
            first, frames, wholes, baseline = [], [], [], []
            for repeat in range(args.repeat):
                result = measure(entry, setting, repeat)
                first += result["first"]
                frames += result["frames"]
                wholes.append(result["whole"])
                baseline.append(timed(functools.partial(entry.baseline, **setting)))  # same load, same run
            all_first += first
            all_frames += frames
            base = statistics.median(baseline)
            print(f"{entry.name:18s} {label:12s} {len(first):5d} {1000 * statistics.median(first):12.0f} "
                  f"{1000 * p95(first):9.0f} {1 / statistics.median(frames):5.1f} "
                  f"{1000 * statistics.median(wholes):10.0f} {1000 * base:9.0f} "
                  f"{base / statistics.median(first):13.1f}x")
        print(f"{entry.name:18s} {'all':12s} {len(all_first):5d} {1000 * statistics.median(all_first):12.0f} "
              f"{1000 * p95(all_first):9.0f} {1 / statistics.median(all_frames):5.1f}")


if __name__ == "__main__":
    main()
