"""The sweep panel of notebook 03: the whole hidden-size sweep, trained in front of you.

    from helpers.panels.sweep import explore_sweep
    explore_sweep()

Sliders: learning rate (log scale), steps, and a bias checkbox. A move starts the sweep for that
setting (hidden 1..8 x 100 seeds, all nets at once: helpers.analysis.sweep.LiveSweep) and plays it
(helpers/panels/live.py): every frame trains all nets the next chunk of steps and redraws the
success rate per hidden size at that step with its 95% interval (the other bias setting in gray,
once it has been trained that far), when the nets solved so far got there, and loss curves of
2-unit nets, failed (blue, dashed) and solved (orange) at that step. A setting seen before opens at its
last frame; Play replays it.
"""
import ipywidgets as widgets
import numpy as np
from matplotlib.collections import LineCollection

from helpers.analysis import sweep
from helpers.panels.base import slider
from helpers.panels.frames import remember
from helpers.panels.live import LivePanel
from helpers.pictures import plots
from helpers.validate import check_bool, check_int

SWEEPS_KEPT = 8      # each holds 800 nets' losses: ~64 MB at 10,000 steps
CURVES = 4           # loss curves drawn per group (failed / solved)
HIST_SIZES = 4       # "when solved" for hidden sizes 1..4 (larger ones solve early and alike)
LOSS_FLOOR = 1e-4


class SweepPanel(LivePanel):
    """Sliders -> a sweep that plays. Attributes: lr, steps, bias (the settings), play, step_button,
    reset_button, speed (see LivePanel), status, image, live (the LiveSweep on show), table (its
    summary at the step shown)."""

    def __init__(self, lr: float = 0.5, steps: int = 10_000, bias: bool = False, seeds: int = 100,
                 speed: int = 50, step: int = None, compare: bool = False):
        self.seeds = range(check_int("seeds", seeds, 1, 1000))
        self.lr = slider("lr", lr, "learning rate", limits=(0.05, 5.0, 0.1))
        self.steps = slider("steps", steps, limits=(1000, 10_000, 1000))
        self.bias = widgets.Checkbox(value=check_bool("bias", bias), description="biases", indent=False)
        super().__init__(figsize=(9.6, 3.5), speed=speed, step=step)
        self.layout(widgets.VBox([widgets.HBox([self.lr, self.steps, self.bias]), self.player]))
        self.sweeps, self.live, self.trainings = {}, None, 0  # trainings: sweeps started (not from the cache)
        self._build_figure()
        if check_bool("compare", compare):  # the other bias setting's sweep, trained as far as the step shown
            self.restart((float(self.lr.value), not self.bias.value))
            self.live.reach(self.opening or 0)
        self.update = self.safely(self._update)
        for control in (self.lr, self.steps, self.bias):
            control.observe(self.update, names="value")
        self.update()

    @property
    def total(self) -> int:
        return self.steps.value

    def call(self) -> tuple:
        # compare: the other bias setting's rates are on screen (in gray), since that sweep was played this far
        other = {"compare": True} if self.other is not None and self.other.trained >= self.shown else {}
        return "explore_sweep", {"lr": self.live.lr, "steps": self.total, "bias": self.live.bias,
                                 "seeds": len(self.seeds), **self.live_arguments(), **other}

    def _update(self, change=None) -> None:
        self.start((float(self.lr.value), bool(self.bias.value)))

    def restart(self, key) -> bool:
        """The sweep for key = (lr, bias); the steps slider only says how far it plays. True if seen that far."""
        if key not in self.sweeps:
            lr, bias = key
            remember(self.sweeps, key, sweep.LiveSweep(seeds=self.seeds, bias=bias, lr=lr, steps=10_000),
                     SWEEPS_KEPT)
            self.trainings += 1
        self.live = self.sweeps[key]
        self.other = self.sweeps.get((key[0], not key[1]))  # the other bias setting, if started
        self._limits(self.ax_loss.get_ylim()[0])
        return self.live.trained >= self.total

    def reach(self, n: int) -> None:
        self.live.reach(n)

    def _build_figure(self) -> None:
        self.ax_rate, self.ax_when, self.ax_loss = self.fig.subplots(1, 3, gridspec_kw={"width_ratios": [1.1, 1, 1.1]})
        self.fig.subplots_adjust(left=0.07, right=0.965, bottom=0.16, top=0.88, wspace=0.34)
        ax = self.ax_rate
        self.rate_lines = {True: ax.plot([], [], "o-", color="black", ms=4)[0],
                           False: ax.plot([], [], "o-", color="gray", ms=4, alpha=0.6)[0]}  # shown, other
        self.bars = {True: ax.add_collection(LineCollection([], colors="black", lw=1.5)),
                     False: ax.add_collection(LineCollection([], colors="gray", lw=1.5, alpha=0.6))}
        ax.set(xlim=(0.5, 8.5), ylim=(-0.03, 1.03), xticks=range(1, 9), xlabel="hidden units",
               ylabel="fraction that solve XOR")
        ax.grid(True, alpha=0.3)
        self.when_lines = [self.ax_when.plot([], [], drawstyle="steps-post", lw=1.5, color=plots.SIZES[h],
                                             ls=plots.LINE_STYLES[h], label=f"H={h + 1}")[0] for h in range(HIST_SIZES)]
        self.ax_when.set(xscale="log", xlabel="step when first all four right", ylabel="nets")
        self.ax_when.legend(fontsize=9, loc="upper left")
        self.curves = [plots.loss_curve(self.ax_loss, [np.nan], color=plots.BLUE if i < CURVES else plots.ORANGE,
                                        ls="--" if i < CURVES else "-", label="failing" if i < CURVES else "solved")
                       for i in range(2 * CURVES)]
        self.titles = [a.text(0.5, 1.02, " ", transform=a.transAxes, ha="center", va="bottom", fontsize=10)
                       for a in (self.ax_rate, self.ax_when, self.ax_loss)]
        self.fig.set_layout_engine("none")
        self.titles[1].set_text("when the solved nets got there")  # still: drawn with the background
        self.moving = [*self.rate_lines.values(), *self.bars.values(), *self.when_lines, *self.curves,
                       self.titles[0], self.titles[2]]

    def _limits(self, floor: float) -> None:
        """Axis ranges for the steps slider's setting and the loss floor; the still parts drawn once per range."""
        self.ax_when.set(xlim=(1, self.total), ylim=(0, len(self.seeds) * 1.05))
        self.ax_loss.set(xlim=(0, self.total), ylim=(floor, 1.0))
        self.keep_background(self.moving, key=(self.total, floor))

    def draw(self, n: int) -> None:
        live, S = self.live, len(self.seeds)
        self.table = table = live.table(n)
        for shown, source in ((True, live), (False, self.other)):
            known = source is not None and source.trained >= n
            t = source.table(n) if known else None
            self.rate_lines[shown].set_data(*(((t["hidden"], t["rate"]) if known else ([], []))))
            self.bars[shown].set_segments([[(h, lo), (h, hi)] for h, lo, hi in zip(t["hidden"], t["low"], t["high"])]
                                          if known else [])
        bins = np.geomspace(1, max(self.total, 2), 25)
        for h, line in enumerate(self.when_lines):
            nets = live.hidden == h + 1
            when = live.right[nets, :n + 1].argmax(axis=1)[live.right[nets, n]]
            counts, _ = np.histogram(np.maximum(when, 1), bins=bins)
            line.set_data(bins, np.append(counts, counts[-1:]))
        self._draw_curves(n)
        floor = min(LOSS_FLOOR, 10 ** np.floor(np.log10(max(live.losses[:, :n + 1].min(), 1e-12))))
        if floor != self.ax_loss.get_ylim()[0]:
            self._limits(floor)
        rates = ", ".join(f"{H}: {k}" for H, k in zip(table["hidden"], table["solved"]))
        self.titles[0].set_text(f"lr {live.lr:.3g}, {'biases' if live.bias else 'no biases'}: solved at step {n}")
        self.blit()
        doing = f"training: step {n} of {self.total} &rarr; " if n < self.total else "&rarr; "
        self.status.value = (f"<code>lr={live.lr:.3g} steps={self.total} bias={'on' if live.bias else 'off'}</code> "
                 f"{doing}inits (of {S}) that solve XOR, by hidden size: <b>{rates}</b>")

    def _draw_curves(self, n: int) -> None:
        live = self.live
        nets = np.flatnonzero(live.hidden == 2)
        solved = live.right[nets, n]
        groups = (nets[~solved][:CURVES], nets[solved][:CURVES])
        shown = np.unique(np.linspace(0, n, min(n + 1, 500)).astype(int))
        for i, line in enumerate(self.curves):
            group = groups[i // CURVES]
            if i % CURVES < len(group):
                line.set_data(shown, live.losses[group[i % CURVES], shown])
            else:
                line.set_data([], [])
        self.titles[2].set_text(f"H=2: {len(groups[0])} failing (dashed), {len(groups[1])} solved")


def explore_sweep(lr: float = 0.5, steps: int = 10_000, bias: bool = False, seeds: int = 100,
                  speed: int = 50, step: int = None, compare: bool = False) -> SweepPanel:
    """Show the sweep panel; returns it (its sliders and player are attributes). seeds: starts per hidden
    size (fewer make each frame faster on a slow machine); speed: steps trained per frame; step: open at
    this step, paused; compare: also train the other bias setting to `step`, so its rates show in gray
    (what the setting line under the panel says when they are on screen)."""
    return SweepPanel(lr=lr, steps=steps, bias=bias, seeds=seeds, speed=speed, step=step, compare=compare)
