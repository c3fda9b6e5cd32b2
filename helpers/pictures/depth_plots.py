"""Pictures of notebook 07: gradient norms layer by layer, the variance argument's factors beside the measured
ones, and the first-to-last ratio as training goes on. Each function draws on an Axes you pass in.

Settings are told apart by colour AND marker AND line style (colour never alone), with a legend.
"""
import numpy as np

from helpers.pictures.fixes_plots import PALETTE
from helpers.pictures.plots import LINE_STYLES

FONT = 10
MARKERS = "osD^v"


def style(i: int, label: str = "") -> dict:
    """The i-th setting's look: colour, marker and line style."""
    return {"color": PALETTE[i % 5], "marker": MARKERS[i % 5],
            "ls": LINE_STYLES[i % 5]}


def layer_norms(ax, norms: dict) -> None:
    """Per-layer weight-gradient norm: the median over seeds, the bar from the 25th to the 75th percentile.
    norms: {label: (S, L + 1) array}; layers 1 .. L + 1 on x (L + 1 is the output layer), log y."""
    for i, (label, n) in enumerate(norms.items()):
        n = np.asarray(n, dtype=float)
        with np.errstate(all="ignore"):
            q25, median, q75 = np.nanpercentile(np.where(n > 0, n, np.nan), [25, 50, 75], axis=0)
        x = np.arange(1, n.shape[1] + 1) + 0.08 * (i - (len(norms) - 1) / 2)
        look = style(i, label)
        ax.errorbar(x, median, yerr=[median - q25, q75 - median], ms=4, capsize=2, lw=1.2, label=label,
                    color=look["color"], marker=look["marker"], ls=look["ls"])
    L1 = next(iter(norms.values())).shape[1]
    ax.set_yscale("log")
    ax.set_xticks(range(1, L1 + 1))
    ax.set_xticklabels([str(l) if l < L1 else "out" for l in range(1, L1 + 1)])
    ax.set_xlabel("layer (1 = first, out = output layer)")
    ax.set_ylabel("gradient norm ||dW||")
    ax.set_title("weight-gradient norm per layer at the start (median, 25%-75%)", fontsize=FONT)
    ax.grid(True, which="major", alpha=0.3)


def gains(ax, table: dict) -> None:
    """The variance argument's factor per layer (line) beside the measured one (markers only), per setting.
    table: {label: layer_gains(...) result}."""
    for i, (label, g) in enumerate(table.items()):
        look = style(i, label)
        ax.plot(g["layer"], g["predicted"], color=look["color"], ls=look["ls"], lw=1.2,
                label=f"{label}: predicted")
        ax.plot(g["layer"], g["measured"], color=look["color"], marker=look["marker"], ls="none", ms=6,
                label=f"{label}: measured")
    ax.set_yscale("log")
    ax.set_ylim(0.1, 3.0)
    ax.set_xlabel("layer l (the signal goes from layer l down to l - 1)")
    ax.set_ylabel("factor per layer")
    ax.set_title("rms(delta_(l-1)) / rms(delta_l): predicted and measured (medians)", fontsize=FONT)
    ax.grid(True, which="major", alpha=0.3)


def norms_in_training(ax, norms: dict, steps, layers: tuple = (1, 10)) -> None:
    """The median weight-gradient norm over seeds of the first and the last hidden layer against the training
    step, per setting: colour and marker for the setting, line style for the layer (solid: the first).
    norms: {label: (S, K, L + 1) array}; steps: (K,)."""
    every = max(len(steps) // 8, 1)
    for i, (label, n) in enumerate(norms.items()):
        look = style(i, label)
        for layer, ls in zip(layers, ("-", "--")):
            with np.errstate(all="ignore"):
                median = np.nanmedian(np.asarray(n, dtype=float)[:, :, layer - 1], axis=0)
            ax.plot(steps, median, color=look["color"], ls=ls, lw=1.5, marker=look["marker"], ms=5,
                    markevery=every, label=f"{label}, layer {layer}")
    ax.set_yscale("log")
    ax.set_xlabel("step")
    ax.set_ylabel("gradient norm ||dW|| (median)")
    ax.set_title("first and last hidden layer, while training", fontsize=FONT)
    ax.grid(True, which="major", alpha=0.3)
