"""The training explorer panel of notebook 01: retrain with sliders, see what changed.

    from helpers.panels.explorer import explore_training
    explore_training()

Sliders: learning rate (log scale), hidden size, seed, steps; a bias toggle. A slider
retrains on release (continuous_update=False) and redraws the loss curve, the output over
the input plane and the predictions; the status line says in words what happened
(helpers/analysis/explain.py). Runs already shown are kept, so going back is a look-up.
The figure is kept, and a redraw
draws only what changed over a kept picture of the rest (blitting), then encodes the PNG.
"""
import ipywidgets as widgets
import numpy as np
from matplotlib.ticker import LogFormatter, NullLocator

from helpers.analysis.explain import explain
from helpers.panels.base import Panel, remember, slider
from helpers.pictures import plots
from helpers.train import train
from helpers.validate import check_bool

LOSS_POINTS = 1000  # points drawn on the loss curve: more than the axes' width in pixels, so it looks the same


class TrainingExplorer(Panel):
    """Sliders -> train -> three plots. Attributes: lr, hidden, seed, steps, bias (the controls),
    status (HTML), image (PNG), run (the run on show)."""

    def __init__(self, hidden: int = 4, lr: float = 0.5, steps: int = 10_000, seed: int = 0, bias: bool = True):
        super().__init__(figsize=(11, 3.4))
        self.lr, self.hidden, self.seed, self.steps = (slider("lr", lr, "learning rate"), slider("hidden", hidden),
                                                       slider("seed", seed), slider("steps", steps))
        self.bias = widgets.Checkbox(value=check_bool("bias", bias), description="biases", indent=False)
        controls = widgets.VBox([widgets.HBox([self.lr, self.hidden, self.bias]),
                                 widgets.HBox([self.seed, self.steps])])
        self.layout(controls)
        self.runs = {}
        self.run = None
        self._build_figure()
        self.update = self.safely(self._update)
        for control in (self.lr, self.hidden, self.seed, self.steps, self.bias):
            control.observe(self.update, names="value")
        self.update()

    def run_for(self, config: tuple):
        """The run for (hidden, lr, steps, seed, bias): trained the first time, then looked up."""
        if config in self.runs:
            return self.runs[config]
        hidden, lr, steps, seed, bias = config
        return remember(self.runs, config, train(hidden=hidden, lr=lr, steps=steps, seed=seed, bias=bias), 64)

    def _build_figure(self):
        ax_loss, ax_plane, ax_pred = self.fig.subplots(1, 3, gridspec_kw={"width_ratios": [1.4, 1, 1]})
        self.loss_line = plots.loss_curve(ax_loss, [0.25, 0.25])
        self.plane_image, points = plots.decision_boundary(ax_plane, {"W1": np.zeros((2, 1)), "W2": np.zeros((1, 1))})
        ax_plane.set_title("output over the input plane")
        self.bars = plots.predictions(ax_pred, np.full((4, 1), 0.5))
        self.ax_loss, self.ax_pred = ax_loss, ax_pred
        ax_loss.set_title("final loss")  # placeholders, so the layout leaves room for titles
        ax_pred.set_title("correct")
        ax_loss.yaxis.set_minor_locator(NullLocator())  # dozens of minor log ticks cost more to lay out than all else
        ax_loss.yaxis.set_major_formatter(LogFormatter())  # "0.001", not math text: cheaper to lay out
        self.fix_layout()
        # blitting: what changes from run to run (the whole loss panel, whose limits change, the
        # plane's shading, the bars, a title) and what lies on top of it (points, target marks,
        # spines) is painted, in this order, over a kept picture of everything else
        self.keep_background([ax_loss, self.plane_image, points, *ax_plane.spines.values(), *self.bars,
                              *ax_pred.lines, *ax_pred.collections, *ax_pred.spines.values(), ax_pred.title])

    def _update(self, change=None):
        config = (self.hidden.value, float(self.lr.value), self.steps.value, self.seed.value, self.bias.value)
        run = self.run_for(config)
        self.run = run
        shown = np.unique(np.linspace(0, run.steps, LOSS_POINTS).astype(int))  # steps drawn, first and last in
        self.loss_line.set_data(shown, run.losses[shown])
        self.ax_loss.set_xlim(0, run.steps)
        low, high = max(run.losses.min(), 1e-8), run.losses.max()
        self.ax_loss.set_ylim(low / 1.5, high * 1.5)
        self.ax_loss.set_title(f"final loss {run.final_loss:.4f}")
        self.plane_image.set_data(plots.output_grid(run.params))
        for bar, value in zip(self.bars, run.y_hat.ravel()):
            bar.set_height(value)
        self.ax_pred.set_title(f"{run.correct} of {len(run.y)} correct")
        self.blit()
        self.status.value = (f"<code>{run.label()}</code> &rarr; final loss <b>{run.final_loss:.4f}</b>, "
                             f"<b>{run.correct} of {len(run.y)}</b> correct. {explain(run)}")


def explore_training(hidden: int = 4, lr: float = 0.5, steps: int = 10_000, seed: int = 0,
                     bias: bool = True) -> TrainingExplorer:
    """Show the training explorer; returns the panel (its sliders are attributes)."""
    return TrainingExplorer(hidden=hidden, lr=lr, steps=steps, seed=seed, bias=bias)
