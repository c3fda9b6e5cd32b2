"""The representation panel of notebook 04: watch the hidden layer's picture form, live.

    from helpers.panels.representation import watch_it_form
    watch_it_form()

Sliders for hidden size, seed and learning rate start that net's training from step 0 and play it
(helpers/panels/live.py): every frame trains the next chunk of steps and redraws, together, the
output over the input plane, the four inputs as points in hidden space with the output's boundary,
and the loss so far with a marker at the step on screen. Play, Pause, Step and Reset drive it; the
step slider goes to any step (training up to it if it is not computed yet) and back, and a press on it
pauses the run wherever it is dropped.

Hidden space is drawn as it is for 1 or 2 hidden units. With more, through a plane: the PCA plane
of the step on screen while the run is still training, and once it is trained to the end, the
last step's plane for every step, so a replay moves the points in a view that holds still.
"""
import ipywidgets as widgets
import numpy as np

from helpers import data
from helpers.analysis import gates, hidden_layer, single_layer
from helpers.analysis.trajectory import Trajectory
from helpers.network import forward
from helpers.panels.base import LABEL_WIDTH, slider
from helpers.panels.frames import remember
from helpers.panels.live import LivePanel
from helpers.pictures import hidden_plots, plots
from helpers.validate import check_bool, check_int

RUNS_KEPT = 32
PCA_BOX = (-1.5, 1.5, -1.5, 1.5)  # holds every projection: centred activations are within 0.5 sqrt(8) < 1.5
LOSS_FLOOR = 1e-4


class StepSlider(widgets.IntSlider):
    """An IntSlider that calls `dropped(value)` for every value the browser sends, also the value it holds.

    The frames move this slider, so a student's drag may end on the frame on screen: traitlets would not
    call that a change, and the run would play on. The browser's messages reach a widget through
    `set_state` (ipywidgets 7.7.1 and 8); the kernel's own moves of the slider do not.
    """
    dropped = None

    def set_state(self, sync_data):
        super().set_state(sync_data)
        if "value" in sync_data and self.dropped is not None:
            self.dropped(self.value)


class RepresentationPanel(LivePanel):
    """Attributes: hidden, seed, lr (start a run), step (goes to a step), play, step_button, reset_button,
    speed (see LivePanel); path (the Trajectory on show), shown (its step on screen)."""

    def __init__(self, hidden: int = 2, lr: float = 0.5, seed: int = 0, steps: int = 10_000, every: int = 50,
                 bias: bool = True, speed: int = 250, step: int = None, trained: int = None):
        self.hidden, self.seed = slider("hidden", hidden), slider("seed", seed)
        self.lr = slider("lr", lr, "learning rate")
        self.steps = check_int("steps", steps, 100, 50_000)
        self.every = check_int("every", every, 1, self.steps)
        self.bias = check_bool("bias", bias)
        super().__init__(figsize=(9.6, 3.5), speed=speed, step=step)
        self.step = StepSlider(value=0, min=0, max=self.steps, step=self.every, description="step",
                               continuous_update=True, style={"description_width": LABEL_WIDTH},
                               layout=widgets.Layout(width="60%"))
        self.layout(widgets.VBox([widgets.HBox([self.hidden, self.seed, self.lr]), self.player, self.step]))
        self.paths, self.path, self.mode = {}, None, None
        self._build_figure()
        if trained is not None:  # the run trained this far before the step on screen (the loss curve shows it)
            key = (self.hidden.value, float(self.lr.value), self.seed.value, self.bias)
            self.paths[key] = Trajectory(*key)
            self.paths[key].reach(check_int("trained", trained, self.opening or 0, self.steps))
        self.retrain = self.safely(self._retrain)
        for control in (self.hidden, self.seed, self.lr):
            control.observe(self.retrain, names="value")
        self.step.dropped = self.safely(self._go)
        self.retrain()

    @property
    def total(self) -> int:
        return self.steps

    optional = ("speed", "every")  # every: the step slider's step, not the picture

    def call(self) -> tuple:
        # trained: how far the run is computed, when past the step shown (played on, then the step slider
        # moved back): the loss curve is drawn that far, and a run computed to its end shows its last PCA plane
        path = self.path
        trained = {"trained": path.trained} if path.trained > self.shown else {}
        return "watch_it_form", {"hidden": path.hidden, "lr": path.lr, "seed": path.seed, "steps": self.steps,
                                 "every": self.every, "bias": path.bias, **self.live_arguments(), **trained}

    def _retrain(self, change=None) -> None:
        self.start((self.hidden.value, float(self.lr.value), self.seed.value, self.bias))

    def _go(self, n: int) -> None:
        """The student pressed the step slider: pause there, wherever it is dropped."""
        self.pause()
        self.show_position(n)
        self.step.send_state("value")  # a frame that reached the browser after the drop may have moved the handle

    def restart(self, key) -> bool:
        if key not in self.paths:
            remember(self.paths, key, Trajectory(*key), RUNS_KEPT)
        self.path = self.paths[key]
        self._set_view("pca" if self.path.hidden > 2 else self.path.hidden)
        return self.path.trained >= self.total

    def reach(self, n: int) -> None:
        self.path.reach(n)

    def _build_figure(self) -> None:
        ax_plane, self.ax_hidden, self.ax_loss = self.fig.subplots(1, 3, gridspec_kw={"width_ratios": [1, 1, 1.3]})
        blank = {"W1": np.zeros((2, 2)), "W2": np.zeros((2, 1))}
        self.plane_image, points = plots.decision_boundary(ax_plane, blank)
        self.art = hidden_plots.hidden_space(self.ax_hidden, blank, box=(-0.05, 1.05, -0.05, 1.05))
        self.loss_line = plots.loss_curve(self.ax_loss, [0.25, 0.25])
        self.ax_loss.set_xlim(0, self.steps)
        self.ax_loss.set_ylim(LOSS_FLOOR, 1.0)
        self.marker = self.ax_loss.axvline(0, color=plots.ORANGE, lw=1.5)
        # titles that change, as plain texts at fixed places (an Axes title is placed only when its Axes is drawn)
        self.titles = [ax.text(0.5, 1.02, " ", transform=ax.transAxes, ha="center", va="bottom", fontsize=10)
                       for ax in (ax_plane, self.ax_hidden, self.ax_loss)]
        self.fig.tight_layout()
        self.fig.set_layout_engine("none")
        spines = {ax: list(ax.spines.values()) for ax in (ax_plane, self.ax_hidden, self.ax_loss)}
        # what a frame changes, in painting order (the frames sit above images and lines)
        self.paint_order = [self.plane_image, *spines[ax_plane], points, self.art["image"], self.art["line"],
                            *spines[self.ax_hidden], self.art["points"], *self.art["texts"], self.loss_line,
                            self.marker, *spines[self.ax_loss], *self.titles]

    def _set_view(self, mode) -> None:
        """Axis limits and labels of hidden space for 1 unit, 2 units or a PCA plane; renders the still parts
        again when they change."""
        if mode == self.mode:
            return
        self.mode = mode
        self.box = PCA_BOX if mode == "pca" else hidden_plots.box_for(hidden_layer.projection(
            {"W1": np.zeros((2, mode)), "W2": np.zeros((mode, 1))}))
        self.ax_hidden.set_xlim(self.box[0], self.box[1])
        self.ax_hidden.set_ylim(self.box[2], self.box[3])
        self.art["image"].set_extent(self.box)
        labels = ("PC1", "PC2") if mode == "pca" else ("$h_1$", "$h_2$" if mode == 2 else "")
        self.ax_hidden.set_xlabel(labels[0])
        self.ax_hidden.set_ylabel(labels[1])
        self.keep_background(self.paint_order, key=(mode, self.ax_loss.get_ylim()))

    def projection(self, n: int) -> hidden_layer.Projection:
        """The plane for step n: the last step's once the run is trained to the end, else step n's own."""
        last = self.path.trained >= self.total
        return hidden_layer.projection(self.path.params_at(self.total if last else n))

    def draw(self, n: int) -> None:
        params, losses = self.path.params_at(n), self.path.losses
        proj = self.projection(n)
        y_hat, cache = forward(params, data.X)
        w, c = hidden_layer.boundary_in_plane(params, proj)
        Q = proj(cache["a1"])
        correct = int(np.sum((y_hat > 0.5) == (data.y > 0.5)))
        self.plane_image.set_data(plots.output_grid(params))
        self.art["image"].set_data(hidden_layer.output_in_plane(w, c, self.box))
        self.art["line"].set_data(*single_layer.line_in_box(w, c, self.box))
        self.art["points"].set_offsets(Q)
        for text, q in zip(self.art["texts"], Q):
            text.xy = q
        trained = np.arange(self.path.trained + 1)
        shown = np.unique(np.linspace(0, self.path.trained, min(len(trained), 1000)).astype(int))
        self.loss_line.set_data(shown, losses[shown])
        floor = min(LOSS_FLOOR, 10 ** np.floor(np.log10(max(losses.min(), 1e-12))))
        if floor != self.ax_loss.get_ylim()[0]:
            self.ax_loss.set_ylim(floor, 1.0)
            self.keep_background(self.paint_order, key=(self.mode, self.ax_loss.get_ylim()))
        self.marker.set_xdata([n, n])
        where = "hidden space" if proj.explained is None else "hidden space, PCA plane"
        for text, title in zip(self.titles, (f"input plane: {correct} of 4 correct", where,
                                             f"lr {self.path.lr:.3g}, step {n}: loss {losses[n]:.4f}")):
            text.set_text(title)
        self.blit()
        self.step.value = n
        self.status.value = self.describe(n, losses[n], correct, params, proj)

    def describe(self, n: int, loss: float, correct: int, params: dict, proj) -> str:
        """The status line: the setting, the step, what the net computes, the plane."""
        path = self.path
        plane = ""
        if proj.explained is not None:
            which = "the last step" if path.trained >= self.total else f"step {n}"
            plane = (f"; PCA plane of {which} ({100 * proj.explained.sum():.1f}% of variance), "
                     f"{int(hidden_layer.sides_agree(params, proj).sum())} of 4 points on their true side")
        doing = "training: " if n == path.trained < self.total else ""  # at the edge of what is trained
        return (f"<code>hidden={path.hidden} lr={path.lr:.3g} seed={path.seed} bias={'on' if path.bias else 'off'}"
                f"</code> {doing}<b>step {n}</b> of {self.total}: loss {loss:.4f}, <b>{correct} of 4</b> "
                f"correct; {gates.read_network(params)['formula']}{plane}")


def watch_it_form(hidden: int = 2, lr: float = 0.5, seed: int = 0, steps: int = 10_000, every: int = 50,
                  bias: bool = True, speed: int = 250, step: int = None, trained: int = None) -> RepresentationPanel:
    """Show the representation panel; returns it (its sliders and player are attributes).

    every: the step slider's step; speed: steps trained per frame while playing; step: open at this step,
    paused; trained: the run computed this far (step..steps) first (the setting line under the panel says
    both).
    """
    return RepresentationPanel(hidden=hidden, lr=lr, seed=seed, steps=steps, every=every, bias=bias, speed=speed,
                               step=step, trained=trained)
