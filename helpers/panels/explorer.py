"""The training explorer of notebook 01: watch the network learn, frame by frame, and retrain with sliders.

    from helpers.panels.explorer import explore_training
    explore_training()

Sliders: learning rate (log scale), hidden size, seed, steps; a bias toggle. A move starts that
setting's run from step 0 and plays it (helpers/panels/live.py): every frame trains the next chunk
of steps and redraws the loss curve so far, the output over the input plane, the predictions and
each hidden unit's output over the plane (small pictures, one per unit). Play, Pause, Step (one
update) and Reset drive it; the speed control sets the steps per frame. A run seen before opens at
its last frame, and Play replays it. At the end the status line says in words what happened
(helpers/analysis/explain.py).
"""
import ipywidgets as widgets
import numpy as np
from matplotlib.ticker import LogFormatterSciNotation, NullLocator

from helpers import data
from helpers.analysis.explain import explain
from helpers.analysis.trajectory import Trajectory
from helpers.network import forward
from helpers.panels.base import slider
from helpers.panels.frames import remember
from helpers.panels.live import LivePanel
from helpers.pictures import plots
from helpers.validate import check_bool

MAX_UNITS = 8        # the hidden slider's top: one small picture per unit
THUMB_N = 41         # grid points per side of a unit's picture
LOSS_POINTS = 1000   # points drawn on the loss curve: more than the axes' width in pixels
RUNS_KEPT = 32
LOSS_FLOOR = 1e-4    # the loss axis starts at this, or at the decade below the run's lowest loss


class TrainingExplorer(LivePanel):
    """Sliders -> a run that plays. Attributes: lr, hidden, seed, steps, bias (the settings), play,
    step_button, reset_button, speed (see LivePanel), status (HTML), image (PNG), path (the
    Trajectory on show), shown (its step on screen), run (a train.Run of the steps shown)."""

    def __init__(self, hidden: int = 4, lr: float = 0.5, steps: int = 10_000, seed: int = 0, bias: bool = True,
                 speed: int = 250, step: int = None):
        self.lr, self.hidden = slider("lr", lr, "learning rate"), slider("hidden", hidden)
        self.seed, self.steps = slider("seed", seed), slider("steps", steps)
        self.bias = widgets.Checkbox(value=check_bool("bias", bias), description="biases", indent=False)
        super().__init__(figsize=(9.6, 4.6), speed=speed, step=step)
        self.layout(widgets.VBox([widgets.HBox([self.lr, self.hidden, self.bias]),
                                  widgets.HBox([self.seed, self.steps]), self.player]))
        self.paths, self.path = {}, None
        self._build_figure()
        self.update = self.safely(self._update)
        for control in (self.lr, self.hidden, self.seed, self.steps, self.bias):
            control.observe(self.update, names="value")
        self.update()

    @property
    def total(self) -> int:
        return self.steps.value

    @property
    def run(self):
        """The steps on screen as a train.Run."""
        return self.path.run(self.shown)

    def call(self) -> tuple:
        return "explore_training", {"hidden": self.path.hidden, "lr": self.path.lr, "steps": self.total,
                                    "seed": self.path.seed, "bias": self.path.bias, **self.live_arguments()}

    def _update(self, change=None) -> None:
        self.start((self.hidden.value, float(self.lr.value), self.seed.value, self.bias.value))

    def restart(self, key) -> bool:
        """The trajectory for key = (hidden, lr, seed, bias); True if it has been played to `steps` before."""
        if key not in self.paths:
            remember(self.paths, key, Trajectory(*key), RUNS_KEPT)
        self.path = self.paths[key]
        for j, (parts, label) in enumerate(zip(self.thumb_parts, self.thumb_labels)):
            for artist in (*parts, label):
                artist.set_visible(j < self.path.hidden)
        self.ax_loss.set_xlim(0, self.total)
        self.keep_background(self.moving, key=self.limits())  # the still parts for this step axis and hidden size
        return self.path.trained >= self.total

    def reach(self, n: int) -> None:
        self.path.reach(n)

    def limits(self) -> tuple:
        """What the still parts depend on: the loss axes' range, and how many units' pictures are labelled."""
        return self.ax_loss.get_xlim() + self.ax_loss.get_ylim() + (self.path.hidden,)

    def _build_figure(self) -> None:
        rows = self.fig.add_gridspec(2, 1, height_ratios=[3, 1], hspace=0.5)
        top = rows[0].subgridspec(1, 3, width_ratios=[1.5, 1, 1], wspace=0.35)
        self.ax_loss, ax_plane, self.ax_pred = (self.fig.add_subplot(top[0, i]) for i in range(3))
        self.loss_line = plots.loss_curve(self.ax_loss, [0.25, 0.25])
        self.ax_loss.yaxis.set_minor_locator(NullLocator())  # dozens of minor log ticks cost more than all else
        self.ax_loss.yaxis.set_major_formatter(LogFormatterSciNotation())
        self.plane_image, points = plots.decision_boundary(ax_plane, {"W1": np.zeros((2, 1)), "W2": np.zeros((1, 1))})
        ax_plane.set_title("output over the input plane", fontsize=10)
        self.bars = plots.predictions(self.ax_pred, np.full((4, 1), 0.5))
        self.thumb_images, self.thumb_parts, self.thumb_labels = [], [], []  # per unit: picture, frame, label
        for j in range(MAX_UNITS):
            ax = self.fig.add_subplot(rows[1].subgridspec(1, MAX_UNITS, wspace=0.25)[0, j])
            image = plots.shade_plane(ax, np.full((THUMB_N, THUMB_N), 0.5), alpha=1.0)
            ax.set_xticks([])
            ax.set_yticks([])
            label = ax.text(0.5, 1.06, f"unit {j + 1}", transform=ax.transAxes, ha="center", va="bottom", fontsize=9)
            self.thumb_images.append(image)
            self.thumb_parts.append([image, *ax.spines.values()])  # what a frame paints (a label is still)
            self.thumb_labels.append(label)
        # titles that change, as plain texts at fixed places (an Axes title is placed only when its Axes is drawn)
        self.loss_title, self.pred_title = (ax.text(0.5, 1.02, " ", transform=ax.transAxes, ha="center",
                                                    va="bottom", fontsize=10) for ax in (self.ax_loss, self.ax_pred))
        self.ax_loss.set_ylim(LOSS_FLOOR, 1.0)  # MSE on 0/1 targets is at most 1
        self.fig.subplots_adjust(left=0.07, right=0.99, top=0.93, bottom=0.03)
        self.fig.set_layout_engine("none")
        # what a frame changes, painted in this order over a kept picture of everything else (the loss
        # axes with their ticks are kept too, and rendered again only when their range changes)
        self.keep_background([self.loss_line, self.loss_title, self.plane_image, points, *ax_plane.spines.values(),
                              *self.bars, *self.ax_pred.lines, *self.ax_pred.collections,
                              *self.ax_pred.spines.values(), self.pred_title,
                              *[artist for parts in self.thumb_parts for artist in parts]])
        self.thumb_grid = data.grid(THUMB_N)[0]

    def draw(self, n: int) -> None:
        path, params = self.path, self.path.params_at(n)
        losses = path.losses[:n + 1]
        shown = np.unique(np.linspace(0, n, min(n + 1, LOSS_POINTS)).astype(int))
        self.loss_line.set_data(shown, losses[shown])
        # the loss axis spans whole decades, LOSS_FLOOR or lower, up to 1: labelled ticks whatever the run
        floor = min(LOSS_FLOOR, 10 ** np.floor(np.log10(max(losses.min(), 1e-12))))
        if floor != self.ax_loss.get_ylim()[0]:
            self.ax_loss.set_ylim(floor, 1.0)
            self.keep_background(self.moving, key=self.limits())
        self.loss_title.set_text(f"lr {path.lr:.3g}, step {n:,}: loss {losses[-1]:.4f}")  # the setting, in the picture
        self.plane_image.set_data(plots.output_grid(params))
        y_hat = forward(params, data.X)[0]
        for bar, value in zip(self.bars, y_hat.ravel()):
            bar.set_height(value)
        correct = int(np.sum((y_hat > 0.5) == (data.y > 0.5)))
        self.pred_title.set_text(f"{correct} of 4 correct")
        a1 = forward(params, self.thumb_grid)[1]["a1"]  # (THUMB_N^2, H): each unit over the plane
        for j in range(path.hidden):
            self.thumb_images[j].set_data(a1[:, j].reshape(THUMB_N, THUMB_N))
        self.blit()
        self.status.value = self.describe(n, losses[-1], correct)

    def describe(self, n: int, loss: float, correct: int) -> str:
        """The status line: the setting, where the run is, and at the end what happened."""
        label = (f"hidden={self.path.hidden} lr={self.path.lr:.3g} steps={self.total} seed={self.path.seed} "
                 f"bias={'on' if self.path.bias else 'off'}")
        if n < self.total:
            return (f"<code>{label}</code> training: step {n:,} of {self.total:,} &middot; loss {loss:.4f} "
                    f"&middot; {correct} of 4 correct")
        return (f"<code>{label}</code> &rarr; final loss <b>{loss:.4f}</b>, <b>{correct} of 4</b> correct. "
                f"{explain(self.path.run(n))}")


def explore_training(hidden: int = 4, lr: float = 0.5, steps: int = 10_000, seed: int = 0,
                     bias: bool = True, speed: int = 250, step: int = None) -> TrainingExplorer:
    """Show the training explorer; returns the panel (its sliders and player are attributes).

    speed: steps trained per frame (one of helpers.panels.live.SPEEDS); step: open at this step, paused
    (as the setting line under the panel says it), else at step 0 waiting for Play.
    """
    return TrainingExplorer(hidden=hidden, lr=lr, steps=steps, seed=seed, bias=bias, speed=speed, step=step)
