"""The representation panel of notebook 04: watch the hidden layer's picture form.

    from helpers.representation import watch_it_form
    watch_it_form()

Sliders for hidden size, seed and learning rate retrain (on release) and record a snapshot
of the parameters every `every` steps. The step slider scrubs through those snapshots
without retraining: it redraws the output over the input plane, the four points in hidden
space with the output's boundary, and a marker on the loss curve, from the one kept figure.
Everything a step needs is computed the first time it is shown, then cached, and a scrub
repaints only what moves: the still parts (axes, ticks, loss curve) are rendered once per
run and copied back (blitting), which keeps a scrub redraw well under 150 ms.
"""
import io

import ipywidgets as widgets
import numpy as np
from PIL import Image

from helpers import data, gates, hidden, hidden_plots, plots
from helpers._checks import check_bool, check_float, check_int
from helpers.network import _forward
from helpers.panel import Panel, remember
from helpers.train import train

CACHE_SIZE = 64
MAX_SNAPSHOTS = 1001


class RepresentationPanel(Panel):
    """Attributes: hidden, seed, lr (retrain), step (scrubs); run (the run on show); trainings
    (how many nets trained so far); frames ({step: what that step draws}, the scrub cache)."""

    def __init__(self, hidden: int = 2, lr: float = 0.5, seed: int = 0, steps: int = 10_000, every: int = 50,
                 bias: bool = True):
        hidden = check_int("hidden", hidden, 1, 8)
        lr = check_float("lr", lr, 0.01, 10.0)
        seed = check_int("seed", seed, 0, 99)
        self.steps = check_int("steps", steps, 100, 50_000)
        self.every = check_int("every", every, 1, self.steps)
        if self.steps % self.every or self.steps // self.every + 1 > MAX_SNAPSHOTS:
            raise ValueError(f"every must divide steps into at most {MAX_SNAPSHOTS - 1} parts, "
                             f"got steps={self.steps}, every={self.every}")
        self.bias = check_bool("bias", bias)
        super().__init__(figsize=(11, 3.6))
        style = {"description_width": "95px"}  # room for "learning rate"
        self.hidden = widgets.IntSlider(value=hidden, min=1, max=8, description="hidden", continuous_update=False,
                                        style=style)
        self.seed = widgets.IntSlider(value=seed, min=0, max=99, description="seed", continuous_update=False,
                                      style=style)
        self.lr = widgets.FloatLogSlider(value=lr, base=10, min=-2, max=1, step=0.1, description="learning rate",
                                         readout_format=".3g", continuous_update=False, style=style)
        # scrubbing is cheap (no training), so it follows the mouse
        self.step = widgets.IntSlider(value=self.steps, min=0, max=self.steps, step=self.every, description="step",
                                      continuous_update=True, style=style, layout=widgets.Layout(width="60%"))
        self.layout(widgets.VBox([widgets.HBox([self.hidden, self.seed, self.lr]), self.step]))
        self.runs, self.run, self.frames, self.trainings = {}, None, {}, 0
        self._quiet = False  # True while a retrain moves the step slider itself
        self._build_figure()
        self.retrain = self.safely(self._retrain)
        self.scrub = self.safely(self._scrub)
        for control in (self.hidden, self.seed, self.lr):
            control.observe(self.retrain, names="value")
        self.step.observe(self.scrub, names="value")
        self.retrain()

    def train(self, config: tuple):
        """The run for (hidden, lr, seed), with snapshots every `every` steps; trained once, then cached."""
        if config not in self.runs:
            hidden_size, lr, seed = config
            run = train(hidden=hidden_size, lr=lr, steps=self.steps, seed=seed, bias=self.bias,
                        snapshot_steps=range(0, self.steps + 1, self.every))
            remember(self.runs, config, run, CACHE_SIZE)
            self.trainings += 1
        return self.runs[config]

    def _build_figure(self):
        ax_plane, ax_hidden, ax_loss = self.fig.subplots(1, 3, gridspec_kw={"width_ratios": [1, 1, 1.3]})
        blank = {"W1": np.zeros((2, 2)), "W2": np.zeros((2, 1))}
        self.plane_image, _ = plots.decision_boundary(ax_plane, blank)
        self.hidden_artists = hidden_plots.hidden_space(ax_hidden, blank, box=(-0.05, 1.05, -0.05, 1.05))
        self.loss_line = plots.loss_curve(ax_loss, [0.25, 0.25])
        self.marker = ax_loss.axvline(0, color=plots.ORANGE, lw=1.5)
        self.ax_plane, self.ax_hidden, self.ax_loss = ax_plane, ax_hidden, ax_loss
        for ax in (ax_plane, ax_hidden, ax_loss):
            ax.set_title(" ")  # placeholders, so the layout leaves room for titles
        self.fig.tight_layout()
        self.fig.set_layout_engine("none")  # laid out once; a layout engine would draw twice per save
        # what a scrub changes, in drawing order; the rest is the background, rendered once per run
        art = self.hidden_artists
        self.moving = [self.plane_image, ax_plane.collections[0], art["image"], art["line"], art["points"],
                       *art["texts"], self.marker, ax_plane.title, ax_hidden.title, ax_loss.title]
        # the frames (spines) sit above images and lines, so they are painted with what moves, in order
        spines = {ax: list(ax.spines.values()) for ax in (ax_plane, ax_hidden, ax_loss)}
        self.paint_order = [self.plane_image, *spines[ax_plane], ax_plane.collections[0],
                            art["image"], art["line"], *spines[ax_hidden], art["points"], *art["texts"],
                            self.marker, *spines[ax_loss], ax_plane.title, ax_hidden.title, ax_loss.title]
        self.moving += [spine for ax in spines for spine in spines[ax]]
        for artist in self.moving:
            artist.set_animated(True)
        self.background = None

    def _retrain(self, change=None):
        run = self.train((self.hidden.value, float(self.lr.value), self.seed.value))
        if run is not self.run:
            self.run, self.frames, self.background = run, {}, None
            # one plane for every step (the final step's), so the points move in a view that holds still
            self.proj = hidden.projection(run.params)
            Q = np.vstack([self.proj(_forward(p, data.X)[1]["a1"]) for p in run.snapshots.values()])
            self.box = hidden_plots.box_for(self.proj, Q)
            self.ax_hidden.set_xlim(self.box[0], self.box[1])
            self.ax_hidden.set_ylim(self.box[2], self.box[3])
            self.hidden_artists["image"].set_extent(self.box)
            self.ax_hidden.set_xlabel(self.proj.labels[0])
            self.ax_hidden.set_ylabel(self.proj.labels[1])
            self.loss_line.set_data(np.arange(len(run.losses)), run.losses)
            self.ax_loss.set_xlim(0, run.steps)
            self.ax_loss.set_ylim(max(run.losses.min(), 1e-8) / 1.5, run.losses.max() * 1.5)
        self._quiet = True
        try:
            self.step.value = self.steps  # a new net opens at its last step
        finally:
            self._quiet = False
        self._draw(self.steps)

    def _scrub(self, change=None):
        if not self._quiet:
            self._draw(self.step.value)

    def frame(self, step: int) -> dict:
        """Everything drawn for one snapshot, computed on first use and then kept."""
        if step not in self.frames:
            params = self.run.snapshots[step]
            y_hat, cache = _forward(params, data.X)
            w, c = hidden.boundary_in_plane(params, self.proj)
            self.frames[step] = {
                "plane": plots.output_grid(params),
                "shade": hidden.output_in_plane(w, c, self.box),
                "line": hidden.line_in_box(w, c, self.box),
                "Q": self.proj(cache["a1"]),
                "correct": int(np.sum((y_hat > 0.5) == (data.y > 0.5))),
                "agree": int(hidden.sides_agree(params, self.proj).sum()),
                "reading": gates.read_network(params)["formula"],
            }
        return self.frames[step]

    def _draw(self, value: int):
        step = min(max(0, int(value)) // self.every * self.every, self.steps)  # the snapshot at or before
        f = self.frame(step)
        run = self.run
        self.plane_image.set_data(f["plane"])
        self.ax_plane.set_title(f"input plane, step {step}: {f['correct']} of 4 correct", fontsize=10)
        art = self.hidden_artists
        art["image"].set_data(f["shade"])
        art["line"].set_data(*f["line"])
        art["points"].set_offsets(f["Q"])
        for text, q in zip(art["texts"], f["Q"]):
            text.xy = q
        where = "hidden space" if self.proj.explained is None else "hidden space, PCA plane"
        self.ax_hidden.set_title(where, fontsize=10)
        self.marker.set_xdata([step, step])
        self.ax_loss.set_title(f"loss at step {step}: {run.losses[step]:.4f}", fontsize=10)
        self.blit()
        plane = ""
        if self.proj.explained is not None:
            plane = (f"; PCA plane of the last step ({100 * self.proj.explained.sum():.1f}% of variance), "
                     f"{f['agree']} of 4 points on their true side")
        self.status.value = (f"<code>hidden={run.hidden} lr={run.lr:.3g} seed={run.seed} "
                             f"bias={'on' if run.bias else 'off'}</code> <b>step {step}</b> of {run.steps}: "
                             f"loss {run.losses[step]:.4f}, <b>{f['correct']} of 4</b> correct; "
                             f"{f['reading']}{plane}")


    def blit(self) -> None:
        """Paint the moving artists over the kept background and send the picture (like Panel.show)."""
        canvas = self.fig.canvas
        if self.background is None:  # a new run moved the axes: render the still parts afresh
            # hidden, not only animated: matplotlib 3.10 (Colab's) still draws an animated image
            for artist in self.moving:
                artist.set_visible(False)
            try:
                canvas.draw()
            finally:
                for artist in self.moving:
                    artist.set_visible(True)
            self.background = canvas.copy_from_bbox(self.fig.bbox)
        else:
            canvas.restore_region(self.background)
        for artist in self.paint_order:
            self.fig.draw_artist(artist)
        buffer = io.BytesIO()
        # RGB and light compression: the PNG is 3x smaller and 3x faster to make than the default
        Image.fromarray(np.asarray(canvas.buffer_rgba())[..., :3]).save(buffer, format="png", compress_level=1)
        self.image.value = buffer.getvalue()
        self.redraws += 1


def watch_it_form(hidden: int = 2, lr: float = 0.5, seed: int = 0, steps: int = 10_000, every: int = 50,
                  bias: bool = True) -> RepresentationPanel:
    """Show the representation panel; returns it (its sliders are attributes)."""
    return RepresentationPanel(hidden=hidden, lr=lr, seed=seed, steps=steps, every=every, bias=bias)
