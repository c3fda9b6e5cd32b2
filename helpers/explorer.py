"""The training explorer panel of notebook 01: retrain with sliders, see what changed.

    from helpers.explorer import explore_training
    explore_training()

Sliders: learning rate (log scale), hidden size, seed, steps; a bias toggle. A slider
retrains on release (continuous_update=False) and redraws the loss curve, the output over
the input plane and the predictions. Runs already seen come from a cache.
"""
import ipywidgets as widgets
import numpy as np

from helpers import plots
from helpers._checks import check_bool, check_float, check_int
from helpers.panel import Panel
from helpers.train import train

CACHE_SIZE = 256


class TrainingExplorer(Panel):
    """Sliders -> train -> three plots. Attributes: lr, hidden, seed, steps, bias (the controls),
    status (HTML), image (PNG), run (the run on show)."""

    def __init__(self, hidden: int = 4, lr: float = 0.5, steps: int = 10_000, seed: int = 0, bias: bool = True):
        hidden = check_int("hidden", hidden, 1, 8)
        lr = check_float("lr", lr, 0.01, 10.0)
        steps = check_int("steps", steps, 500, 50_000)
        seed = check_int("seed", seed, 0, 99)
        bias = check_bool("bias", bias)
        super().__init__(figsize=(11, 3.4))
        style = {"description_width": "80px"}
        self.lr = widgets.FloatLogSlider(value=lr, base=10, min=-2, max=1, step=0.1, description="learning rate",
                                         readout_format=".3g", continuous_update=False, style=style)
        self.hidden = widgets.IntSlider(value=hidden, min=1, max=8, description="hidden", continuous_update=False,
                                        style=style)
        self.seed = widgets.IntSlider(value=seed, min=0, max=99, description="seed", continuous_update=False,
                                      style=style)
        self.steps = widgets.IntSlider(value=steps, min=500, max=50_000, step=500, description="steps",
                                       continuous_update=False, style=style)
        self.bias = widgets.Checkbox(value=bias, description="biases", indent=False)
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

    def train(self, config: tuple):
        """The run for (hidden, lr, steps, seed, bias), trained once and then cached."""
        if config not in self.runs:
            if len(self.runs) >= CACHE_SIZE:
                self.runs.pop(next(iter(self.runs)))  # forget the oldest
            hidden, lr, steps, seed, bias = config
            self.runs[config] = train(hidden=hidden, lr=lr, steps=steps, seed=seed, bias=bias)
        return self.runs[config]

    def _build_figure(self):
        ax_loss, ax_plane, ax_pred = self.fig.subplots(1, 3, gridspec_kw={"width_ratios": [1.4, 1, 1]})
        self.loss_line = plots.loss_curve(ax_loss, [0.25, 0.25])
        self.plane_image, _ = plots.decision_boundary(ax_plane, {"W1": np.zeros((2, 1)), "W2": np.zeros((1, 1))})
        ax_plane.set_title("output over the input plane")
        self.bars = plots.predictions(ax_pred, np.full((4, 1), 0.5))
        self.ax_loss, self.ax_pred = ax_loss, ax_pred
        ax_loss.set_title("final loss")  # placeholders, so the layout leaves room for titles
        ax_pred.set_title("correct")
        self.fig.tight_layout()

    def _update(self, change=None):
        config = (self.hidden.value, float(self.lr.value), self.steps.value, self.seed.value, self.bias.value)
        run = self.train(config)
        self.run = run
        self.loss_line.set_data(np.arange(len(run.losses)), run.losses)
        self.ax_loss.set_xlim(0, run.steps)
        low, high = max(run.losses.min(), 1e-8), run.losses.max()
        self.ax_loss.set_ylim(low / 1.5, high * 1.5)
        self.ax_loss.set_title(f"final loss {run.final_loss:.4f}")
        self.plane_image.set_data(plots.output_grid(run.params))
        for bar, value in zip(self.bars, run.y_hat.ravel()):
            bar.set_height(value)
        self.ax_pred.set_title(f"{run.correct} of {len(run.y)} correct")
        self.show()
        self.status.value = (f"<code>{run.label()}</code> &rarr; final loss <b>{run.final_loss:.4f}</b>, "
                             f"<b>{run.correct} of {len(run.y)}</b> correct")


def explore_training(hidden: int = 4, lr: float = 0.5, steps: int = 10_000, seed: int = 0,
                     bias: bool = True) -> TrainingExplorer:
    """Show the training explorer; returns the panel (its sliders are attributes)."""
    return TrainingExplorer(hidden=hidden, lr=lr, steps=steps, seed=seed, bias=bias)
