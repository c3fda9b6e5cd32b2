"""Pictures of notebook 05: success rates and steps-to-solved of several settings side by side.

Each function draws on an Axes you pass in and takes tables from helpers.analysis.fixes.summarize,
keyed by the setting's label: {"squared error": table, "cross-entropy": table, ...}.
"""
import numpy as np

from helpers.pictures.plots import BLUE, GREEN, PINK, PURPLE

# a colour per setting, apart under colour-vision deficiency and 3:1 on white (tests/test_colours.py)
PALETTE = ("#000000", PURPLE, GREEN, PINK, BLUE)
COLORS = {"sigmoid + squared error": "#000000", "squared error": "#000000", "sigmoid": "#000000",
          "plain": "#000000", "cross-entropy": PURPLE, "tanh": GREEN, "relu": PINK, "momentum 0.9": BLUE}
FONT = 10  # titles and labels; nothing below 9 pt


MARKERS = "osD^v"  # one per setting too: colour never tells them apart alone


def _color(label: str, i: int) -> str:
    return COLORS.get(label, PALETTE[i % 5])


def draw_rates(ax, tables: dict, by: str = "hidden") -> None:  # by: "hidden", "scale" or "lr"
    """Success rate per group with its 95% Wilson interval, one line per setting (slightly offset in x
    on a linear axis so the error bars do not hide each other)."""
    for i, (label, t) in enumerate(tables.items()):
        x = np.asarray(t[by], dtype=float)
        x = x * 1.06 ** (i - (len(tables) - 1) / 2) if by in ("scale", "lr") else x + 0.1 * (i - (len(tables) - 1) / 2)
        ax.errorbar(x, t["rate"], yerr=[t["rate"] - t["low"], t["high"] - t["rate"]], fmt=MARKERS[i % 5] + "-", ms=4,
                    capsize=3, color=_color(label, i), label=label)
    ax.set_ylim(-0.03, 1.03)
    ax.set_ylabel("fraction that solve XOR")
    ax.set_title("success rate, 95% intervals", fontsize=FONT)
    _x_axis(ax, tables, by)


def draw_steps(ax, tables: dict, by: str = "hidden") -> None:
    """Median steps-to-solved of the solved nets, the bar from the 25th to the 75th percentile."""
    for i, (label, t) in enumerate(tables.items()):
        x = np.asarray(t[by], dtype=float)
        x = x * 1.06 ** (i - (len(tables) - 1) / 2) if by in ("scale", "lr") else x + 0.1 * (i - (len(tables) - 1) / 2)
        m = t["median_steps"]
        ax.errorbar(x, m, yerr=[m - t["q25_steps"], t["q75_steps"] - m], fmt=MARKERS[i % 5] + "-", ms=4, capsize=3,
                    color=_color(label, i), label=label)
    ax.set_yscale("log")
    ax.set_ylabel("steps until solved")
    ax.set_title("steps-to-solved: median, 25%-75%", fontsize=FONT)
    _x_axis(ax, tables, by)


def _x_axis(ax, tables: dict, by: str) -> None:
    values = next(iter(tables.values()))[by]
    if by in ("scale", "lr"):
        # every setting's values, once each (0.2 / (1 - 0.9) is 2.0000000000000004: rounded first)
        values = sorted(set().union(*(np.round(np.asarray(t[by], dtype=float), 9).tolist() for t in tables.values())))
        ax.set_xscale("log")
        ax.set_xticks(values)
        ax.set_xticklabels([f"{v:g}" for v in values])
        ax.minorticks_off()
        ax.set_xlabel("initial scale (std of the weights)" if by == "scale" else "learning rate")
    else:
        ax.set_xticks(values)
        ax.set_xlabel("hidden units")
    ax.grid(True, alpha=0.3)
