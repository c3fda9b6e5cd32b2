"""Notebook 07's live panel: a deep net trains in front of you, with a bar per layer for its gradient norm.

    from helpers.panels.depth import explore_depth
    explore_depth()

Controls: depth (hidden layers), hidden activation, initialisation, learning rate (log scale), seed, steps.
A move starts that setting's run from step 0 and plays it (helpers/panels/live.py): each frame trains the
next chunk of steps (helpers/deep.py, one net) and redraws three pictures that move together: a bar per
layer for the norm of its weight gradient at the step on screen (log scale), the loss curve so far, and
the output over the input plane. Play, Pause, Step (one update) and Reset drive it.
"""
import ipywidgets as widgets
import numpy as np
from matplotlib.ticker import LogLocator, NullLocator

from helpers import data, deep
from helpers.panels.base import slider
from helpers.panels.frames import remember
from helpers.panels.live import LivePanel
from helpers.pictures import plots
from helpers.validate import check_int

MAX_DEPTH = 10       # the depth slider's top: one bar per layer, L + 1 bars
WIDTH = 8            # hidden units per layer
KEEP_EVERY = 10      # parameters kept every this many steps
RUNS_KEPT = 16
NORM_FLOOR, NORM_TOP = 1e-12, 10.0  # the bars' log axis; a norm below the floor is drawn at the floor
LOSS_FLOOR = 1e-4
SPEEDS = (10, 25, 50, 100, 250)
GRID_N = 61


class DeepPath:
    """One deep net's training, computed as far as asked (deep.step, step by step). losses (trained + 1,) the
    MSE after k updates; norms (trained + 1, L + 1) each layer's weight-gradient norm at step k."""

    def __init__(self, depth: int, activation: str, init: str, lr: float, seed: int):
        self.depth, self.activation, self.init, self.lr, self.seed = depth, activation, init, lr, seed
        self.last = deep.init_params(depth, WIDTH, init, seed)  # the parameters after `trained` updates
        self.kept, self.trained, self.losses, self.norms = {0: self.last}, 0, [], []
        self.next = self._measure(self.last)

    def _measure(self, params: dict) -> dict:
        """Record the MSE and the gradient norms at `params` (the step just reached); return the next params."""
        mse, new, grads = deep.step(params, data.X, data.y, self.lr, self.activation)
        self.losses.append(mse)
        self.norms.append([np.linalg.norm(grads[f"dW{l}"]) for l in range(1, self.depth + 2)])
        return new

    def reach(self, n: int) -> None:
        """Train on to step n (nothing to do if it is there already)."""
        while self.trained < n:
            self.trained += 1
            self.last = self.next
            if self.trained % KEEP_EVERY == 0:
                self.kept[self.trained] = self.last
            self.next = self._measure(self.last)

    def params_at(self, n: int) -> dict:
        """The parameters after n updates (n <= trained)."""
        if n == self.trained:
            return self.last
        start = n - n % KEEP_EVERY
        params = self.kept[start]
        for _ in range(n - start):
            params = deep.step(params, data.X, data.y, self.lr, self.activation)[1]
        return params


class DepthExplorer(LivePanel):
    """Controls -> a deep net's run that plays. Attributes: depth, activation, init, lr, seed, steps (controls),
    path (the DeepPath on show), bars (one per layer), plus LivePanel's."""

    def __init__(self, depth: int = 10, activation: str = "sigmoid", init: str = "naive", lr: float = 1.0,
                 seed: int = 0, steps: int = 1000, speed: int = 25, step: int = None):
        self.depth = slider("depth", depth, "depth (layers)", limits=(1, MAX_DEPTH, 1))
        self.activation = widgets.ToggleButtons(options=list(deep.ACTIVATIONS),
                                                value=deep.check_choice("activation", activation, deep.ACTIVATIONS),
                                                description="activation", style={"description_width": "95px"})
        self.init = widgets.ToggleButtons(options=list(deep.INITS), value=deep.check_choice("init", init, deep.INITS),
                                          description="start", style={"description_width": "95px"})
        self.lr, self.seed = slider("lr", lr, "learning rate"), slider("seed", seed)
        self.steps = slider("steps", steps, limits=(100, 5000, 100))
        for toggle in (self.activation, self.init):
            toggle.style.button_width = "80px"
        super().__init__(figsize=(9.6, 3.9), speed=speed, speeds=SPEEDS, step=step)
        self.layout(widgets.VBox([widgets.HBox([self.depth, self.lr]), self.activation, self.init,
                                  widgets.HBox([self.seed, self.steps]), self.player]))
        self.paths, self.path = {}, None
        self._build_figure()
        self.update = self.safely(self._update)
        for control in (self.depth, self.activation, self.init, self.lr, self.seed, self.steps):
            control.observe(self.update, names="value")
        self.update()

    @property
    def total(self) -> int:
        return self.steps.value

    def call(self) -> tuple:
        p = self.path
        return "explore_depth", {"depth": p.depth, "activation": p.activation, "init": p.init, "lr": p.lr,
                                 "seed": p.seed, "steps": self.total, **self.live_arguments()}

    def _update(self, change=None) -> None:
        self.start((self.depth.value, self.activation.value, self.init.value, float(self.lr.value), self.seed.value))

    def restart(self, key) -> bool:
        if key not in self.paths:
            remember(self.paths, key, DeepPath(*key), RUNS_KEPT)
        self.path = self.paths[key]
        L = self.path.depth
        for j, bar in enumerate(self.bars):
            bar.set_visible(j <= L)
        self.ax_bars.set_xlim(0.4, L + 1.6)
        self.ax_bars.set_xticks(range(1, L + 2))
        self.ax_bars.set_xticklabels([str(j) for j in range(1, L + 1)] + ["out"])
        self.ax_loss.set_xlim(0, self.total)
        self.keep_background(self.moving, key=(L, self.total, self.ax_loss.get_ylim()))
        return self.path.trained >= self.total

    def reach(self, n: int) -> None:
        self.path.reach(n)

    def _build_figure(self) -> None:
        grid = self.fig.add_gridspec(1, 3, width_ratios=[1.4, 1.2, 1], wspace=0.38)
        self.ax_bars, self.ax_loss, ax_plane = (self.fig.add_subplot(grid[0, i]) for i in range(3))
        ax = self.ax_bars
        self.bars = list(ax.bar(np.arange(1, MAX_DEPTH + 2), np.full(MAX_DEPTH + 1, 1e-3), bottom=NORM_FLOOR,
                                color="#0072B2", edgecolor="black", width=0.7))
        ax.set_yscale("log")
        ax.set_ylim(NORM_FLOOR, NORM_TOP)
        ax.yaxis.set_major_locator(LogLocator(base=10, numticks=8))
        ax.yaxis.set_minor_locator(NullLocator())
        ax.set_xlabel("layer (out = output layer)")
        ax.set_ylabel("gradient norm ||dW||")
        self.loss_line = plots.loss_curve(self.ax_loss, [0.25, 0.25])
        self.ax_loss.yaxis.set_minor_locator(NullLocator())
        self.ax_loss.set_ylim(LOSS_FLOOR, 1.0)
        self.plane_image, points = plots.decision_boundary(ax_plane, {"W1": np.zeros((2, 1)), "W2": np.zeros((1, 1))},
                                                           n=GRID_N)
        ax_plane.set_title("output over the input plane", fontsize=10)
        self.bar_title, self.loss_title = (a.text(0.5, 1.03, " ", transform=a.transAxes, ha="center", va="bottom",
                                                  fontsize=10) for a in (self.ax_bars, self.ax_loss))
        self.fig.subplots_adjust(left=0.08, right=0.99, top=0.88, bottom=0.14)
        self.fig.set_layout_engine("none")
        self.keep_background([*self.bars, self.bar_title, self.loss_line, self.loss_title, self.plane_image, points,
                              *ax_plane.spines.values()])
        self.grid_points = data.grid(GRID_N)[0]

    def draw(self, n: int) -> None:
        path = self.path
        params = path.params_at(n)
        norms = np.asarray(path.norms[n])
        for bar, value in zip(self.bars, norms):
            bar.set_height(max(value, NORM_FLOOR) - NORM_FLOOR)
        losses = np.asarray(path.losses[:n + 1])
        shown = np.unique(np.linspace(0, n, min(n + 1, 1000)).astype(int))
        self.loss_line.set_data(shown, losses[shown])
        floor = min(LOSS_FLOOR, 10 ** np.floor(np.log10(max(losses.min(), 1e-12))))
        if floor != self.ax_loss.get_ylim()[0]:  # whole decades down to the run's lowest loss
            self.ax_loss.set_ylim(floor, 1.0)
            self.keep_background(self.moving, key=(path.depth, self.total, self.ax_loss.get_ylim()))
        ratio = norms[0] / norms[-2] if norms[-2] > 0 else float("nan")
        self.bar_title.set_text(f"step {n:,}: layer 1 / layer {path.depth} = {ratio:.1e}")
        self.loss_title.set_text(f"lr {path.lr:.3g}: loss {losses[-1]:.4f}")
        self.plane_image.set_data(deep.forward(params, self.grid_points, path.activation)[0].reshape(GRID_N, GRID_N))
        self.blit()
        y_hat = deep.forward(params, data.X, path.activation)[0]
        correct = int(np.sum(data.predicted_class(y_hat) == data.y))
        self.status.value = self.describe(n, losses[-1], correct, ratio)

    def describe(self, n: int, loss: float, correct: int, ratio: float) -> str:
        p = self.path
        label = (f"depth={p.depth} activation={p.activation} start={p.init} lr={p.lr:.3g} seed={p.seed} "
                 f"steps={self.total}")
        where = "training: step" if n < self.total else "&rarr; at step"
        return (f"<code>{label}</code> {where} {n:,} of {self.total:,} &middot; loss {loss:.4f} &middot; "
                f"{correct} of 4 correct &middot; first layer's gradient / last hidden layer's: {ratio:.1e}")


def explore_depth(depth: int = 10, activation: str = "sigmoid", init: str = "naive", lr: float = 1.0, seed: int = 0,
                  steps: int = 1000, speed: int = 25, step: int = None) -> DepthExplorer:
    """Show the depth explorer; returns the panel. speed: steps per frame (one of SPEEDS); step: open there,
    paused (as the setting line under the panel says it), else at step 0 waiting for Play."""
    check_int("depth", depth, 1, MAX_DEPTH)
    return DepthExplorer(depth=depth, activation=activation, init=init, lr=lr, seed=seed, steps=steps, speed=speed,
                         step=step)
