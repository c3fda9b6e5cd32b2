"""The sweep panel of notebook 03: move a slider, the whole hidden-size sweep is re-run and redrawn.

    from helpers.sweep_panel import explore_sweep
    explore_sweep()

Sliders: learning rate (log scale), steps, and a bias checkbox. Each move trains every net of
the sweep (hidden 1..8 x 100 seeds) at once with helpers.batched, while a progress bar
advances, then redraws: success rate per hidden size with 95% intervals, when the solved
nets got there, and loss curves of failed and successful 2-unit nets.
"""
import ipywidgets as widgets
import numpy as np

from helpers import plots, sweep
from helpers._checks import check_bool, check_float, check_int
from helpers.panel import Panel, remember

CACHE_SIZE = 32
CURVES = 4  # loss curves drawn per group (failed / solved)


class SweepPanel(Panel):
    """Sliders -> sweep -> three plots. Attributes: lr, steps, bias (the controls), progress
    (IntProgress), status, image, run (the sweep on show), table (its summary)."""

    def __init__(self, lr: float = 0.5, steps: int = 10_000, bias: bool = False, seeds: int = 100):
        lr = check_float("lr", lr, 0.05, 5.0)
        steps = check_int("steps", steps, 1000, 10_000)
        bias = check_bool("bias", bias)
        self.seeds = range(check_int("seeds", seeds, 1, 1000))
        super().__init__(figsize=(11, 3.4))
        style = {"description_width": "95px"}  # room for "learning rate"
        self.lr = widgets.FloatLogSlider(value=lr, base=10, min=np.log10(0.05), max=np.log10(5.0), step=0.1,
                                         description="learning rate", readout_format=".3g",
                                         continuous_update=False, style=style)
        self.steps = widgets.IntSlider(value=steps, min=1000, max=10_000, step=1000, description="steps",
                                       continuous_update=False, style=style)
        self.bias = widgets.Checkbox(value=bias, description="biases", indent=False)
        self.progress = widgets.IntProgress(value=0, min=0, max=steps, description="training")
        self.layout(widgets.VBox([widgets.HBox([self.lr, self.steps, self.bias]), self.progress]))
        self.runs = {}
        self.trainings = 0  # sweeps actually trained (not from the cache)
        # three kept axes, cleared and redrawn on each move; a fixed layout (tight_layout costs ~0.1 s a redraw)
        self.axes = self.fig.subplots(1, 3, gridspec_kw={"width_ratios": [1.2, 1, 1.2]})
        self.fig.subplots_adjust(left=0.06, right=0.99, bottom=0.15, top=0.91, wspace=0.3)
        self.update = self.safely(self._update)
        for control in (self.lr, self.steps, self.bias):
            control.observe(self.update, names="value")
        self.update()

    def sweep(self, config: tuple):
        """The sweep for (lr, steps, bias), trained once (progress bar moving) and then cached."""
        if config not in self.runs:
            lr, steps, bias = config
            self.progress.max, self.progress.value = steps, 0
            run = sweep.run_sweep(seeds=self.seeds, bias=bias, lr=lr, steps=steps, progress=self._advance)
            remember(self.runs, config, (run, sweep.summarize(run)), CACHE_SIZE)
            self.trainings += 1
        return self.runs[config]

    def _advance(self, done: int, steps: int):
        self.progress.value = done

    def _update(self, change=None):
        config = (float(self.lr.value), int(self.steps.value), bool(self.bias.value))
        self.run, self.table = self.sweep(config)
        other = self.runs.get(config[:2] + (not config[2],))  # the other bias setting, if seen
        self.progress.value = self.progress.max
        self._draw(other)
        self.show()
        t, lr, steps, bias = self.table, *config
        rates = ", ".join(f"{H}: {k}" for H, k in zip(t["hidden"], t["solved"]))
        self.status.value = (f"<code>lr={lr:.3g} steps={steps} bias={'on' if bias else 'off'}</code> &rarr; "
                             f"inits (of {t['n'][0]}) that solve XOR, by hidden size: <b>{rates}</b>")

    def _draw(self, other):
        ax_rate, ax_when, ax_loss = self.axes
        for ax in self.axes:
            ax.clear()
        setting = "biases" if self.run.bias else "no biases"
        if other is not None:
            draw_rates(ax_rate, other[1], color="gray", label="biases" if other[0].bias else "no biases")
        draw_rates(ax_rate, self.table, color=plots.ORANGE if self.run.bias else plots.BLUE, label=setting)
        ax_rate.legend(loc="lower right", fontsize=8)
        draw_solved_steps(ax_when, self.run)
        draw_curves(ax_loss, self.run, hidden=2)


def draw_rates(ax, table: dict, color: str = "black", label: str = None):
    """Success rate per hidden size with its 95% Wilson interval as an error bar."""
    rate = table["rate"]
    ax.errorbar(table["hidden"], rate, yerr=[rate - table["low"], table["high"] - rate], fmt="o-",
                color=color, capsize=3, label=label)
    ax.set_ylim(-0.03, 1.03)
    ax.set_title("success rate, 95% intervals", fontsize=9)
    ax.set_xticks(table["hidden"])
    ax.set_xlabel("hidden units")
    ax.set_ylabel("fraction of inits that solve XOR")
    ax.grid(True, alpha=0.3)


def draw_solved_steps(ax, run, max_hidden: int = 4):
    """Step at which the solved nets first got all four right: one histogram per hidden size 1..max_hidden."""
    bins = np.linspace(0, run.steps, 21)
    colors = ["#000000", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"]  # not blue/orange: those mean failed/solved
    for H in range(1, max_hidden + 1):
        when = run.solved_at[(run.hidden == H) & run.success]
        if len(when):
            ax.hist(when, bins=bins, histtype="step", lw=1.5, color=colors[(H - 2) % len(colors)], label=f"H={H}")
    ax.set_title("when the solved nets got there", fontsize=9)
    ax.set_xlabel("step when first all four right")
    ax.set_ylabel("nets")
    if ax.get_legend_handles_labels()[0]:
        ax.legend(fontsize=8)


def draw_curves(ax, run, hidden: int = 2, count: int = CURVES):
    """Loss curves of the first `count` failed and `count` successful nets with `hidden` units."""
    nets = np.flatnonzero(run.hidden == hidden)
    failed, solved = nets[~run.success[nets]][:count], nets[run.success[nets]][:count]
    every = max(1, run.steps // 1000)  # ~1,000 points a curve look the same as 10,000 and draw faster
    steps = np.arange(0, run.steps + 1, every)
    for group, color in ((failed, plots.BLUE), (solved, plots.ORANGE)):
        for b in group:
            ax.plot(steps, run.losses[b, ::every], color=color, lw=1.5)
    ax.set_yscale("log")
    ax.set_xlabel("step")
    ax.set_ylabel("loss (MSE)")
    ax.grid(True, which="major", alpha=0.3)
    ax.set_title(f"H={hidden}: {len(failed)} failed (blue), {len(solved)} solved (orange)", fontsize=9)


def explore_sweep(lr: float = 0.5, steps: int = 10_000, bias: bool = False, seeds: int = 100) -> SweepPanel:
    """Show the sweep panel; returns it (its sliders are attributes). seeds: starts per hidden size
    (fewer make each move faster on a slow machine)."""
    return SweepPanel(lr=lr, steps=steps, bias=bias, seeds=seeds)
