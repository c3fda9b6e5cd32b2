"""The sweep panel of notebook 03: move a slider, the whole hidden-size sweep is re-run and redrawn.

    from helpers.panels.sweep import explore_sweep
    explore_sweep()

Sliders: learning rate (log scale), steps, and a bias checkbox. Each move trains every net of
the sweep (hidden 1..8 x 100 seeds) at once with helpers.batched, while a progress bar
advances, then redraws: success rate per hidden size with 95% intervals, when the solved
nets got there, and loss curves of failed and successful 2-unit nets.
"""
import ipywidgets as widgets

from helpers.analysis import sweep
from helpers.panels.base import Panel, remember, slider
from helpers.pictures import plots
from helpers.pictures.sweep_plots import draw_curves, draw_rates, draw_solved_steps
from helpers.validate import check_bool, check_int

CACHE_SIZE = 32


class SweepPanel(Panel):
    """Sliders -> sweep -> three plots. Attributes: lr, steps, bias (the controls), progress
    (IntProgress), status, image, run (the sweep on show), table (its summary)."""

    def __init__(self, lr: float = 0.5, steps: int = 10_000, bias: bool = False, seeds: int = 100):
        self.seeds = range(check_int("seeds", seeds, 1, 1000))
        super().__init__(figsize=(11, 3.4))
        self.lr = slider("lr", lr, "learning rate", limits=(0.05, 5.0, 0.1))
        self.steps = slider("steps", steps, limits=(1000, 10_000, 1000))
        self.bias = widgets.Checkbox(value=check_bool("bias", bias), description="biases", indent=False)
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

    def sweep_for(self, config: tuple):
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
        self.run, self.table = self.sweep_for(config)
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


def explore_sweep(lr: float = 0.5, steps: int = 10_000, bias: bool = False, seeds: int = 100) -> SweepPanel:
    """Show the sweep panel; returns it (its sliders are attributes). seeds: starts per hidden size
    (fewer make each move faster on a slow machine)."""
    return SweepPanel(lr=lr, steps=steps, bias=bias, seeds=seeds)
