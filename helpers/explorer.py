"""The training explorer panel of notebook 01: retrain with sliders, see what changed.

    from helpers.explorer import explore_training
    explore_training()

Sliders: learning rate (log scale), hidden size, seed, steps; a bias toggle. A slider
retrains on release (continuous_update=False) and redraws the loss curve, the output over
the input plane and the predictions; the status line says in words what happened
(helpers/explain.py). A move to a new setting trains its neighbours along that slider too,
so the next move is a look-up (helpers/explorer_cache.py). The figure is kept, and a redraw
draws only what changed over a kept picture of the rest (blitting), then encodes the PNG.
"""
import io

import ipywidgets as widgets
import numpy as np
from matplotlib.image import imsave
from matplotlib.ticker import LogFormatter, NullLocator

from helpers import plots
from helpers._checks import check_bool, check_float, check_int
from helpers.explain import explain
from helpers.explorer_cache import RunCache
from helpers.panel import Panel

LOSS_POINTS = 1000  # points drawn on the loss curve: more than the axes' width in pixels, so it looks the same


class TrainingExplorer(Panel):
    """Sliders -> train -> three plots. Attributes: lr, hidden, seed, steps, bias (the controls),
    status (HTML), image (PNG), run (the run on show)."""

    def __init__(self, hidden: int = 4, lr: float = 0.5, steps: int = 10_000, seed: int = 0, bias: bool = True,
                 prefetch: bool = True):
        self.prefetch = check_bool("prefetch", prefetch)
        hidden = check_int("hidden", hidden, 1, 8)
        lr = check_float("lr", lr, 0.01, 10.0)
        steps = check_int("steps", steps, 500, 50_000)
        seed = check_int("seed", seed, 0, 99)
        bias = check_bool("bias", bias)
        super().__init__(figsize=(11, 3.4))
        style = {"description_width": "95px"}  # room for "learning rate"
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
        self.cache = RunCache()
        self.run = None
        self._build_figure()
        self.update = self.safely(self._update)
        for control in (self.lr, self.hidden, self.seed, self.steps, self.bias):
            control.observe(self.update, names="value")
        self.update()

    def train(self, config: tuple, moved: str = "lr"):
        """The run for (hidden, lr, steps, seed, bias), trained once and then cached.

        moved: the slider that changed; a new run is trained together with that slider's neighbours."""
        hidden, lr, steps, seed, bias = config
        return self.cache.get(hidden, lr, steps, seed, bias, moved)

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
        self.fig.tight_layout()
        self.fig.set_layout_engine(None)  # keep this layout; else every savefig draws the figure twice
        # blitting: what changes from run to run (the whole loss panel, whose limits change, the
        # plane's shading, the bars, a title) and what lies on top of it (points, target marks,
        # spines) is drawn, in this order, over a kept picture of everything else
        self.redrawn = [ax_loss, self.plane_image, points, *ax_plane.spines.values(),
                        *self.bars, *ax_pred.lines, *ax_pred.collections, *ax_pred.spines.values(), ax_pred.title]
        for artist in self.redrawn:
            artist.set_animated(True)  # left out of a full draw, so the kept picture is the rest
        self.fig.canvas.draw()
        self.background = self.fig.canvas.copy_from_bbox(self.fig.bbox)

    def show(self) -> None:
        """Put the changing artists on the kept background and encode the PNG (see Panel.show)."""
        canvas = self.fig.canvas
        canvas.restore_region(self.background)
        for artist in self.redrawn:
            self.fig.draw_artist(artist)
        buffer = io.BytesIO()
        # compress_level 1: a quarter of the encoding time of the default, ~20% more bytes
        imsave(buffer, np.asarray(canvas.buffer_rgba()), format="png", pil_kwargs={"compress_level": 1})
        self.image.value = buffer.getvalue()
        self.redraws += 1

    def _update(self, change=None):
        config = (self.hidden.value, float(self.lr.value), self.steps.value, self.seed.value, self.bias.value)
        moved = "seed" if change is not None and change["owner"] is self.seed else "lr"
        run = self.train(config, moved)
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
        self.show()
        self.status.value = (f"<code>{run.label()}</code> &rarr; final loss <b>{run.final_loss:.4f}</b>, "
                             f"<b>{run.correct} of {len(run.y)}</b> correct. {explain(run)}")
        if self.prefetch:  # use the student's pause to train the settings one move away
            self.cache.prefetch(*config)


def explore_training(hidden: int = 4, lr: float = 0.5, steps: int = 10_000, seed: int = 0,
                     bias: bool = True, prefetch: bool = True) -> TrainingExplorer:
    """Show the training explorer; returns the panel (its sliders are attributes).

    prefetch: between moves, train the settings one move away in a background thread.
    """
    return TrainingExplorer(hidden=hidden, lr=lr, steps=steps, seed=seed, bias=bias, prefetch=prefetch)
