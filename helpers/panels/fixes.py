"""The panel of notebook 05: two nets from the same start, trained live side by side.

    from helpers.panels.fixes import compare_fixes
    compare_fixes()

Left: the setting you choose (loss, hidden activation, initial scale, momentum, learning rate,
hidden size, seed). Right: sigmoid + squared error + plain gradient descent at the same
learning rate, from the same initial weights. An ipywidgets.Play widget (a timer in the
browser) ticks a frame counter; each tick trains the next `chunk` steps of both runs
(helpers.variants.descend) and redraws, so between ticks the kernel is free and a control
moved during play is seen at the next frame (DESIGN.md, "Live panels"). A new setting draws
its first frame at once and starts playing (ipywidgets 8; on 7.x press play); a setting seen
before shows where it stopped. The panel opens at frame 0, paused.
"""
import ipywidgets as widgets
import numpy as np

from helpers import data, variants
from helpers.network import init_params
from helpers.panels.base import Panel, remember
from helpers.panels.live import PLAYING, named_play
from helpers.pictures import plots
from helpers.validate import check_float, check_int

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
        """Train `steps` more updates (none once the weights have overflowed)."""
        if steps <= 0 or self.diverged:
            return
        with np.errstate(all="ignore"):  # relu with a large lr can overflow; that is reported, not raised
            losses, self.params, self.velocity = variants.descend(
                self.params, self.velocity, data.X, data.y, self.lr, steps, self.activation, self.loss, self.momentum)
        self.losses.extend(losses[1:].tolist())
        self.diverged = not all(np.all(np.isfinite(v)) for v in self.params.values())

    def name(self) -> str:
        momentum = f"momentum {self.momentum:g}" if self.momentum else "plain"
        return f"{self.activation} + {LOSS_NAMES[self.loss]}, {momentum}"


class FixesPanel(Panel):
    """Controls -> two live runs -> loss curves and both nets' outputs over the input plane.
    Attributes: the controls (loss, activation, scale, momentum, lr, hidden, seed, play), status,
    image, runs (the [chosen, baseline] pair on show)."""

    def __init__(self, loss: str = "cross_entropy", activation: str = "sigmoid", scale: float = 0.5,
                 momentum: float = 0.0, lr: float = 0.5, hidden: int = 4, seed: int = 0, steps: int = 5000,
                 chunk: int = 100):
        activation, loss, scale, momentum = variants.check_settings(activation, loss, scale, momentum)
        scale = check_float("scale", scale, 0.01, 8.0)
        momentum = check_float("momentum", momentum, 0.0, 0.99)
        lr = check_float("lr", lr, 0.05, 5.0)
        self.steps = check_int("steps", steps, 100, 20_000)
        self.chunk = check_int("chunk", chunk, 1, self.steps)
        super().__init__(figsize=(9.6, 3.4))
        style = {"description_width": "95px"}  # room for "learning rate"
        self.loss = widgets.Dropdown(options=[(v, k) for k, v in LOSS_NAMES.items()], value=loss,
                                     description="loss", style=style)
        self.activation = widgets.Dropdown(options=list(variants.ACTIVATIONS), value=activation,
                                           description="activation", style=style)
        self.scale = widgets.FloatLogSlider(value=scale, base=10, min=-2, max=np.log10(8), step=0.1,
                                            description="initial scale", readout_format=".3g", style=style,
                                            continuous_update=False)
        self.momentum = widgets.FloatSlider(value=momentum, min=0.0, max=0.99, step=0.01, description="momentum",
                                            style=style, continuous_update=False)
        self.lr = widgets.FloatLogSlider(value=lr, base=10, min=np.log10(0.05), max=np.log10(5.0), step=0.1,
                                         description="learning rate", readout_format=".3g", style=style,
                                         continuous_update=False)
        self.hidden = widgets.IntSlider(value=check_int("hidden", hidden, 1, 8), min=1, max=8, description="hidden",
                                        style=style, continuous_update=False)
        self.seed = widgets.IntSlider(value=check_int("seed", seed, 0, 99), min=0, max=99, description="seed",
                                      style=style, continuous_update=False)
        self.play = widgets.Play(value=0, min=0, max=self.steps // self.chunk, step=1, interval=150,
                                 description="play")
        self.settings = (self.loss, self.activation, self.scale, self.momentum, self.lr, self.hidden, self.seed)
        self.layout(widgets.VBox([widgets.HBox([self.loss, self.activation, self.scale]),
                                  widgets.HBox([self.momentum, self.lr, self.hidden]),
                                  widgets.HBox([self.seed, named_play(self.play)[1]])]))
        # the status line is read out except while the runs play (their end is read: Play stops at its max)
        self.status.quiet = lambda: getattr(self.play, PLAYING) and self.play.value < self.play.max
        self._build_figure()
        self.pairs = {}  # setting -> (runs, frame): runs seen before come back where they stopped
        self.on_setting = self.safely(self._on_setting)
        self.on_frame = self.safely(self._on_frame)
        for control in self.settings:
            control.observe(self.on_setting, names="value")
        self.play.observe(self.on_frame, names="value")
        self.on_setting()

    def key(self) -> tuple:
        return tuple(control.value for control in self.settings)

    def _on_setting(self, change=None):
        """A control moved: show that setting's runs (new ones start at frame 0 and play). Callbacks run one
        at a time (Panel.safely), so a frame never draws runs that a control move has just replaced."""
        self._show_setting(change)

    def _show_setting(self, change):
        key = self.key()
        if key not in self.pairs:
            remember(self.pairs, key, [self._new_runs(key), 0], CACHE_SIZE)
        # frames and pictures follow the setting shown, not the controls: a control may already hold a
        # new value whose callback waits for its turn
        self.shown = key
        self.runs, frame = self.pairs[key]
        if self.play.value != frame:
            self.play.value = frame  # the frame observer trains (nothing here) and draws
        else:
            self._to_frame(frame)
        if frame == 0 and change is not None:  # a control moved (not the first drawing): play the new runs
            self._play_from_start()

    def _new_runs(self, key: tuple) -> list:
        loss, activation, scale, momentum, lr, hidden, seed = key
        start = init_params(hidden, seed, bias=True, scale=scale)  # one start for both runs
        return [LiveRun(start, lr, activation, loss, momentum), LiveRun(start, lr, **BASELINE)]

    def _on_frame(self, change):
        self._to_frame(int(change["new"]))

    def _to_frame(self, frame: int) -> None:
        """Train both runs up to frame * chunk steps (from the start again for an earlier frame: the stop
        button), then draw."""
        key = self.shown
        if frame * self.chunk < len(self.runs[0].losses) - 1:
            self.runs = self.pairs[key][0] = self._new_runs(key)
        for run in self.runs:
            run.advance(frame * self.chunk - (len(run.losses) - 1))
        self.pairs[key][1] = frame
        self._draw(frame * self.chunk)

    def _play_from_start(self) -> None:
        # ipywidgets 8's browser timer starts when `playing` turns True, so turn it off and on. In 7.x the
        # kernel cannot start it (its `_playing` only draws the button): there the student presses play, and
        # a timer already running simply goes on from frame 0
        if self.play.has_trait("playing"):
            self.play.playing = False
            self.play.playing = True

    def _build_figure(self):
        self.ax_loss, self.ax_left, self.ax_right = self.fig.subplots(1, 3, gridspec_kw={"width_ratios": [1.5, 1, 1]})
        self.fig.subplots_adjust(left=0.08, right=0.98, bottom=0.16, top=0.84, wspace=0.35)
        self.lines = [self.ax_loss.plot([], [], color=c, lw=1.5, ls=ls, label=n)[0]
                      for c, ls, n in ((plots.ORANGE, "-", "left: chosen"),
                                        ("black", "--", "right: sigmoid + squared"))]
        self.ax_loss.set(yscale="log", xlim=(0, self.steps), ylim=(1e-5, 0.5), xlabel="step", ylabel="loss (MSE)")
        self.ax_loss.grid(True, alpha=0.3)
        self.ax_loss.legend(fontsize=9, loc="lower left")
        self.images = []
        for ax in (self.ax_left, self.ax_right):
            self.images.append(plots.shade_plane(ax, np.zeros((41, 41)), alpha=1.0))
            plots.class_style(ax.scatter(data.X[:, 0], data.X[:, 1], s=60, edgecolors="black"), data.y)
            ax.set(xticks=[0, 1], yticks=[0, 1], xlabel="x1", ylabel="x2")

    def _draw(self, step: int) -> None:
        for run, line, image, ax in zip(self.runs, self.lines, self.images, (self.ax_left, self.ax_right)):
            line.set_data(np.arange(len(run.losses)), run.losses)
            with np.errstate(all="ignore"):
                image.set_data(variants.forward(run.params, GRID, run.activation)[0].reshape(41, 41))
            ax.set_title(f"{run.name()}\nMSE {run.losses[-1]:.4f}", fontsize=9)
        # the setting in the picture too: at step 0 a new lr gives the same curves and planes
        _, _, scale, _, lr, hidden, seed = self.shown
        self.ax_loss.set_title(f"lr {lr:.3g}, hidden {hidden}, initial scale {scale:.3g}, seed {seed}", fontsize=9)
        self.show()
        left, right = self.runs
        doing = "done" if step >= self.steps else "training"
        broke = "".join(f"; the {side} run diverged (its weights overflowed)"
                        for side, run in (("left", left), ("right", right)) if run.diverged)
        self.status.value = (f"{doing}: step {step:,} of {self.steps:,} &middot; left: <b>{left.name()}</b>, "
                             f"right: {right.name()} &middot; both: lr {lr:.3g}, hidden {hidden}, "
                             f"initial scale {scale:.3g}, seed {seed} &middot; MSE "
                             f"{left.losses[-1]:.4f} vs {right.losses[-1]:.4f}{broke}")


def compare_fixes(loss: str = "cross_entropy", activation: str = "sigmoid", scale: float = 0.5,
                  momentum: float = 0.0, lr: float = 0.5, hidden: int = 4, seed: int = 0) -> FixesPanel:
    """Show the panel; returns it (its controls are attributes)."""
    return FixesPanel(loss=loss, activation=activation, scale=scale, momentum=momentum, lr=lr, hidden=hidden,
                      seed=seed)
