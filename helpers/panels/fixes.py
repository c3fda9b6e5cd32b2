"""The panel of notebook 05: two nets from the same start, trained live side by side.

    from helpers.panels.fixes import compare_fixes
    compare_fixes()

Left: the setting you choose (loss, hidden activation, initial scale, momentum, learning rate,
hidden size, seed). Right: sigmoid + squared error + plain gradient descent at the same
learning rate, from the same initial weights. The pair plays as every live panel does
(helpers/panels/live.py): each frame trains both runs the next chunk of steps
(helpers.variants.descend) and redraws; Play, Pause, Step and Reset drive it. A new setting
draws its first frame at once and plays; a setting played to the end before opens at its end.
"""
import ipywidgets as widgets
import numpy as np

from helpers import data, variants
from helpers.network import init_params
from helpers.panels.base import LABEL_WIDTH, slider
from helpers.panels.frames import remember
from helpers.panels.live import LivePanel
from helpers.pictures import plots
from helpers.validate import check_int

BASELINE = {"activation": "sigmoid", "loss": "squared", "momentum": 0.0}
LOSS_NAMES = {"squared": "squared error", "cross_entropy": "cross-entropy"}
CACHE_SIZE = 16
GRID, _, _ = data.grid(41)  # the input plane, coarse enough to redraw every frame


class LiveRun:
    """One run trained a chunk at a time: its setting, weights, velocity and MSE so far."""

    def __init__(self, start: dict, lr: float, activation: str, loss: str, momentum: float):
        self.lr, self.activation, self.loss, self.momentum = lr, activation, loss, momentum
        self.params = {name: value.copy() for name, value in start.items()}
        self.velocity = {name: np.zeros_like(value) for name, value in start.items()}
        self.losses = [float(np.mean((data.y - variants.forward(self.params, data.X, activation)[0]) ** 2))]
        self.diverged = False

    def advance(self, steps: int) -> None:
        """Train `steps` more updates. Also after the weights have overflowed: the losses then depend only on
        the step, not on the chunks the run was played in, so a setting line recreates the picture."""
        if steps <= 0:
            return
        with np.errstate(all="ignore"):  # relu with a large lr can overflow; that is reported, not raised
            losses, self.params, self.velocity = variants.descend(
                self.params, self.velocity, data.X, data.y, self.lr, steps, self.activation, self.loss, self.momentum)
        self.losses.extend(losses[1:].tolist())
        self.diverged = not all(np.all(np.isfinite(v)) for v in self.params.values())

    def name(self) -> str:
        momentum = f"momentum {self.momentum:g}" if self.momentum else "plain"
        return f"{self.activation} + {LOSS_NAMES[self.loss]}, {momentum}"


class FixesPanel(LivePanel):
    """Controls -> two live runs -> loss curves and both nets' outputs over the input plane.
    Attributes: the controls (loss, activation, scale, momentum, lr, hidden, seed), play, step_button,
    reset_button, speed (see LivePanel), status, image, runs (the [chosen, baseline] pair on show)."""

    def __init__(self, loss: str = "cross_entropy", activation: str = "sigmoid", scale: float = 0.5,
                 momentum: float = 0.0, lr: float = 0.5, hidden: int = 4, seed: int = 0, steps: int = 5000,
                 speed: int = 100, step: int = None):
        activation, loss, _, _ = variants.check_settings(activation, loss, scale, momentum)
        self.scale = slider("scale", scale, "initial scale", limits=(0.01, 8.0, 0.1))
        self.momentum = slider("momentum", momentum, limits=(0.0, 0.99, 0.01))
        self.lr = slider("lr", lr, "learning rate", limits=(0.05, 5.0, 0.1))
        self.hidden, self.seed = slider("hidden", hidden), slider("seed", seed)
        self.steps = check_int("steps", steps, 100, 20_000)
        super().__init__(figsize=(9.6, 3.4), speed=speed, step=step)
        style = {"description_width": LABEL_WIDTH}
        self.loss = widgets.Dropdown(options=[(v, k) for k, v in LOSS_NAMES.items()], value=loss,
                                     description="loss", style=style)
        self.activation = widgets.Dropdown(options=list(variants.ACTIVATIONS), value=activation,
                                           description="activation", style=style)
        self.settings = (self.loss, self.activation, self.scale, self.momentum, self.lr, self.hidden, self.seed)
        self.layout(widgets.VBox([widgets.HBox([self.loss, self.activation, self.scale]),
                                  widgets.HBox([self.momentum, self.lr, self.hidden]), self.seed, self.player]))
        self.pairs, self.key = {}, None  # setting -> [chosen, baseline]; the setting on show
        self._build_figure()
        self.update = self.safely(self._update)
        for control in self.settings:
            control.observe(self.update, names="value")
        self.update()

    @property
    def total(self) -> int:
        return self.steps

    def call(self) -> tuple:
        loss, activation, scale, momentum, lr, hidden, seed = self.key
        return "compare_fixes", {"loss": loss, "activation": activation, "scale": float(scale),
                                 "momentum": float(momentum), "lr": float(lr), "hidden": hidden, "seed": seed,
                                 **self.live_arguments()}

    def _update(self, change=None) -> None:
        self.start(tuple(control.value for control in self.settings))

    def restart(self, key) -> bool:
        if key not in self.pairs:
            remember(self.pairs, key, self._new_runs(key), CACHE_SIZE)
        self.key, self.runs = key, self.pairs[key]
        return len(self.runs[0].losses) - 1 >= self.total

    def _new_runs(self, key: tuple) -> list:
        loss, activation, scale, momentum, lr, hidden, seed = key
        start = init_params(hidden, seed, bias=True, scale=scale)  # one start for both runs
        return [LiveRun(start, lr, activation, loss, momentum), LiveRun(start, lr, **BASELINE)]

    def reach(self, n: int) -> None:
        """Both runs trained exactly n steps: on from where they are, or from the start again for an earlier n."""
        if n < len(self.runs[0].losses) - 1:
            self.runs = self.pairs[self.key] = self._new_runs(self.key)
        for run in self.runs:
            run.advance(n - (len(run.losses) - 1))

    def _build_figure(self) -> None:
        self.ax_loss, *planes = self.fig.subplots(1, 3, gridspec_kw={"width_ratios": [1.5, 1, 1]})
        self.fig.subplots_adjust(left=0.08, right=0.98, bottom=0.16, top=0.84, wspace=0.35)
        self.fig.set_layout_engine("none")
        self.lines = [self.ax_loss.plot([], [], color=c, lw=1.5, ls=ls, label=n)[0]
                      for c, ls, n in ((plots.ORANGE, "-", "left: chosen"),
                                        ("black", "--", "right: sigmoid + squared"))]
        self.ax_loss.set(yscale="log", xlim=(0, self.steps), ylim=(1e-5, 0.5), xlabel="step", ylabel="loss (MSE)")
        self.ax_loss.grid(True, alpha=0.3)
        self.ax_loss.legend(fontsize=9, loc="lower left")
        # titles that change, as plain texts at fixed places (an Axes title is placed only when its Axes is drawn);
        # a plane's is two, the run's name over its MSE: the name stays all run long, so a frame paints it from
        # kept pixels (frames.py) and renders only the MSE's few letters
        line = 9 * 1.2 / 72 * self.fig.dpi / planes[0].bbox.height  # one line of 9-pt text, in axes fractions
        def title(ax, y):
            return ax.text(0.5, y, " ", transform=ax.transAxes, ha="center", va="bottom", fontsize=9)
        self.setting_title = title(self.ax_loss, 1.02)
        self.names, self.scores = [title(ax, 1.02 + line) for ax in planes], [title(ax, 1.02) for ax in planes]
        self.images, moving = [], [*self.lines, self.ax_loss.get_legend(), self.setting_title]  # legend over lines
        for ax, name, score in zip(planes, self.names, self.scores):
            self.images.append(plots.shade_plane(ax, np.zeros((41, 41)), alpha=1.0))
            points = ax.scatter(data.X[:, 0], data.X[:, 1], s=60, edgecolors="black")
            plots.class_style(points, data.y)
            ax.set(xticks=[0, 1], yticks=[0, 1], xlabel="x1", ylabel="x2")
            moving += [self.images[-1], *ax.spines.values(), points, name, score]  # in painting order
        self.keep_background(moving)

    def draw(self, n: int) -> None:
        for run, line, image, name, score in zip(self.runs, self.lines, self.images, self.names, self.scores):
            line.set_data(np.arange(len(run.losses)), run.losses)
            with np.errstate(all="ignore"):
                image.set_data(variants.forward(run.params, GRID, run.activation)[0].reshape(41, 41))
            name.set_text(run.name())
            score.set_text(f"MSE {run.losses[-1]:.4f}")
        # the setting in the picture too: at step 0 a new lr gives the same curves and planes
        _, _, scale, _, lr, hidden, seed = self.key
        self.setting_title.set_text(f"lr {lr:.3g}, hidden {hidden}, initial scale {scale:.3g}, seed {seed}")
        self.blit()
        left, right = self.runs
        doing = "done" if n >= self.steps else "training"
        broke = "".join(f"; the {side} run diverged (its weights overflowed)"
                        for side, run in (("left", left), ("right", right)) if run.diverged)
        self.status.value = (f"{doing}: step {n:,} of {self.steps:,} &middot; left: <b>{left.name()}</b>, "
                 f"right: {right.name()} &middot; both: lr {lr:.3g}, hidden {hidden}, "
                 f"initial scale {scale:.3g}, seed {seed} &middot; MSE "
                 f"{left.losses[-1]:.4f} vs {right.losses[-1]:.4f}{broke}")


def compare_fixes(loss: str = "cross_entropy", activation: str = "sigmoid", scale: float = 0.5,
                  momentum: float = 0.0, lr: float = 0.5, hidden: int = 4, seed: int = 0,
                  speed: int = 100, step: int = None) -> FixesPanel:
    """Show the panel; returns it (its controls are attributes). speed: steps trained per frame; step: open
    at this step, paused (as the setting line under the panel says it), else at step 0 waiting for Play."""
    return FixesPanel(loss=loss, activation=activation, scale=scale, momentum=momentum, lr=lr, hidden=hidden,
                      seed=seed, speed=speed, step=step)
