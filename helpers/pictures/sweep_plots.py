"""Pictures of the hidden-size sweep (notebook 03): success rates with intervals, when nets solved, loss curves.

Each function draws on an Axes you pass in, like helpers/pictures/plots.py.
"""
import numpy as np

from helpers.pictures import messages, plots, words

CURVES = 4  # loss curves drawn per group (failed / solved)
MARKERS = ("o", "s", "^", "D")  # one per curve of a group: runs that end on the same loss share a line


def draw_rates(ax, table: dict, color: str = "black", label: str = None, fmt: str = "o-"):
    """Success rate per hidden size with its 95% Wilson interval as an error bar."""
    rate = table["rate"]
    ax.errorbar(table["hidden"], rate, yerr=[rate - table["low"], table["high"] - rate], fmt=fmt,
                color=color, capsize=3, label=label)
    ax.set_ylim(-0.03, 1.03)
    ax.set_title("success rate, 95% intervals", fontsize=9)
    ax.set_xticks(table["hidden"])
    ax.set_xlabel("hidden units")
    ax.set_ylabel("fraction of inits that solve XOR")
    ax.grid(True, alpha=0.3)


def draw_solved_steps(ax, run, max_hidden: int = 4):
    """Step at which the solved nets first got all four right: one histogram per hidden size 1..max_hidden,
    each as shares of that size's solved nets (the sizes solve different numbers of nets)."""
    bins = np.linspace(0, run.steps, 21)
    for H in range(1, max_hidden + 1):
        when = run.solved_at[(run.hidden == H) & run.success]
        if len(when):
            ax.hist(when, bins=bins, weights=np.full(len(when), 1 / len(when)), histtype="step", lw=1.5,
                    color=plots.SIZES[(H - 1) % 4], ls=plots.LINE_STYLES[(H - 1) % 4],
                    label=f"H={H} ({len(when)} solved)")
    ax.set_title("when the solved nets got there", fontsize=9)
    ax.set_xlabel("step when first all four right")
    ax.set_ylabel("share of the solved nets")
    if ax.get_legend_handles_labels()[0]:
        ax.legend(fontsize=9)


def draw_curves(ax, run, hidden: int = 2, count: int = CURVES):
    """Loss curves of the first `count` nets not solved and `count` solved ones with `hidden` units.

    Each curve of a group has its own marker, placed at steps of its own, so curves that lie on top of
    each other (runs not solved often end on the same loss) still show one marker each."""
    nets = np.flatnonzero(run.hidden == hidden)
    failed, solved = nets[~run.success[nets]][:count], nets[run.success[nets]][:count]
    every = max(1, run.steps // 1000)  # ~1,000 points a curve look the same as 10,000 and draw faster
    steps = np.arange(0, run.steps + 1, every)
    for group, color, ls, name in ((failed, plots.BLUE, "--", "not solved"), (solved, plots.ORANGE, "-", "solved")):
        for k, b in enumerate(group):
            line = plots.loss_curve(ax, run.losses[b, ::every], color=color, steps=steps, ls=ls,
                                    label=f"{name} {k + 1}")
            line.set_marker(MARKERS[k % len(MARKERS)])
            line.set_markersize(5)
            line.set_markevery((k * len(steps) // (4 * len(MARKERS)) + 10, len(steps) // 4))
    ax.set_title(f"H={hidden}: {len(failed)} not solved (blue, dashed), {len(solved)} solved (orange)", fontsize=9)
    words.say(ax, messages.curve_groups(hidden, [run.losses[b] for b in failed], [run.losses[b] for b in solved]))
