"""Plots: loss curve, decision boundary over the input plane, predictions vs targets.

Each function draws on an Axes you pass in (so panels can keep one figure and redraw
it) and returns the artists it made. The two class colours are a colour-blind-safe
pair (Okabe-Ito blue and vermillion), used the same way in every notebook, and the classes have
two shapes too (circle 0, square 1): colour never tells them apart alone (tests/test_colours.py).
"""
import numpy as np
from matplotlib.colors import LinearSegmentedColormap, to_rgb
from matplotlib.markers import MarkerStyle

from helpers import data
from helpers.analysis import single_layer
from helpers.analysis.single_layer import VIEW
from helpers.network import check_params, forward, sigmoid
from helpers.pictures import messages, words

BLUE = "#0072B2"    # target 0, negative weights
ORANGE = "#D55E00"  # target 1, positive weights
CMAP = LinearSegmentedColormap.from_list("blue_orange", [BLUE, "#f7f7f7", ORANGE])
GREEN, PINK, PURPLE = "#009E73", "#CC79A7", "#740074"
# Palettes whose colours are told apart in one picture (tests/test_colours.py: apart under simulated colour-vision
# deficiency, and 3:1 against white); each colour comes with a line style or marker of its own as well.
CLASSES = (BLUE, ORANGE)
LINES = ("#000000", ORANGE, BLUE, GREEN, PINK)  # lines named by a legend, in this order, with LINE_STYLES
LINE_STYLES = ("-", "--", ":", "-.", (0, (6, 2, 1, 2, 1, 2)))
SIZES = (PURPLE, "#000000", GREEN, PINK)  # hidden sizes 1..4 (notebook 03), where blue and orange mean failed/solved
# the classes' shapes too, so colour never tells them apart alone: target 0 a circle, target 1 a square
SHAPES = {False: "o", True: "s"}


def text_colour(fill) -> str:
    """Black or white, whichever reads better on `fill` (at least 4.58:1, WCAG's relative luminance)."""
    rgb = np.asarray(to_rgb(fill))
    linear = np.where(rgb <= 0.03928, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)
    return "black" if linear @ [0.2126, 0.7152, 0.0722] > 0.179 else "white"


def loss_curve(ax, losses, label: str = None, color: str = "black", steps=None, ls: str = "-"):
    """Plot losses against the step on a log scale: the one loss curve of the lab. Returns the Line2D.

    losses: (K,), at steps (K,) (default 0..K-1, i.e. losses[k] after k updates).
    """
    losses = np.asarray(losses, dtype=float)
    steps = np.arange(len(losses)) if steps is None else steps
    (line,) = ax.plot(steps, losses, color=color, lw=1.5, label=label, ls=ls)
    ax.set_yscale("log")
    ax.set_xlabel("step")
    ax.set_ylabel("loss (MSE)")
    ax.grid(True, which="major", alpha=0.3)
    return line


def output_grid(params: dict, n: int = data.GRID_N) -> np.ndarray:
    """The network's output over the input plane [-0.5, 1.5]^2, as an (n, n) image (rows along x2)."""
    G, _, _ = data.grid(n)
    return forward(check_params(params), G)[0].reshape(n, n)


def shade_plane(ax, values: np.ndarray, extent: tuple = VIEW, alpha: float = 0.55, **imshow_options):
    """Shade a plane by values (n, n) in [0, 1], rows along the second coordinate: blue 0 -> white 0.5
    -> orange 1, so where an output crosses 0.5 the colour passes through white. Returns the AxesImage.

    The one shading of the lab: the input plane of a net or a unit, and the hidden space (notebook 04).
    """
    options = {"interpolation": "bilinear", **imshow_options}
    return ax.imshow(values, origin="lower", extent=extent, cmap=CMAP, vmin=0.0, vmax=1.0, alpha=alpha, **options)


def class_style(points, y) -> None:
    """Give scatter `points`, one per row of y (N, 1), their class's colour and shape: blue circles for
    target 0, orange squares for target 1 (a reader who does not tell the colours apart sees the shapes)."""
    ones = np.asarray(y).ravel() > 0.5
    points.set_facecolors([ORANGE if t else BLUE for t in ones])
    markers = [MarkerStyle(SHAPES[bool(t)]) for t in ones]
    points.set_paths([m.get_path().transformed(m.get_transform()) for m in markers])


def mark_points(ax, X=None, y=None, size: float = 110):
    """The inputs X (N, 2) as points in their target's colour and shape (class_style). Returns the collection."""
    X = data.X if X is None else np.asarray(X)
    y = data.y if y is None else np.asarray(y)
    points = ax.scatter(X[:, 0], X[:, 1], s=size, edgecolors="black", linewidths=1.5, zorder=3)
    class_style(points, y)
    return points


def _input_axes(ax) -> None:
    ax.set_xlim(VIEW[0], VIEW[1])
    ax.set_ylim(VIEW[2], VIEW[3])
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    ax.set_xticks([0, 1])
    ax.set_yticks([0, 1])


def decision_boundary(ax, params: dict, X=None, y=None, n: int = data.GRID_N):
    """Shade the input plane by the network's output (blue 0 -> orange 1) and mark the points.

    The 0.5 level, where the prediction flips, is where the colour passes through white.
    Returns (image, points): the AxesImage and the PathCollection of the four points.
    """
    image = shade_plane(ax, output_grid(params, n))
    points = mark_points(ax, X, y)
    _input_axes(ax)
    return image, points


def draw_unit(ax, w, b: float, y=None, n: int = data.GRID_N):
    """The single unit of notebook 02: its output sigmoid(w1 x1 + w2 x2 + b) over the input plane, its
    line w1 x1 + w2 x2 + b = 0, the points coloured by y (4, 1) (default XOR). w: (2, 1) or (2,).
    Returns the AxesImage."""
    w = np.asarray(w, dtype=float).ravel()
    G, _, _ = data.grid(n)
    image = shade_plane(ax, sigmoid(G @ w + b).reshape(n, n))
    ax.plot(*single_layer.line_in_box(w, b, VIEW), color="black", lw=1.5)
    mark_points(ax, y=y)
    _input_axes(ax)
    return image


def predictions(ax, y_hat, y=None):
    """Bars of the predictions y_hat (N, 1) beside the targets (dots), one per input. Returns the bars."""
    y = data.y if y is None else np.asarray(y)
    y_hat = np.asarray(y_hat, dtype=float).ravel()
    names = [f"({a:g},{b:g})" for a, b in data.X] if len(y_hat) == 4 else [str(i) for i in range(len(y_hat))]
    bars = ax.bar(names, y_hat, color=[ORANGE if t > 0.5 else BLUE for t in y.ravel()], alpha=0.85)
    ax.scatter(names, y.ravel(), marker="_", s=400, color="black", zorder=3, label="target")
    ax.axhline(0.5, color="gray", lw=0.8, ls="--")
    ax.set_ylim(0, 1)
    ax.set_ylabel("$\\hat{y}$")
    return bars


def overview(run, fig=None):
    """The three views of a run side by side: loss curve, boundary, predictions. Returns the figure.

    fig: a matplotlib Figure to draw into (default: a new pyplot figure, shown inline).
    """
    if fig is None:
        import matplotlib.pyplot as plt
        fig = plt.figure(figsize=(11, 3.4))
    ax_loss, ax_plane, ax_pred = fig.subplots(1, 3, gridspec_kw={"width_ratios": [1.4, 1, 1]})
    loss_curve(ax_loss, run.losses)
    ax_loss.set_title(f"final loss {run.final_loss:.4f}")
    decision_boundary(ax_plane, run.params, run.X, run.y)
    ax_plane.set_title("output over the input plane")
    predictions(ax_pred, run.y_hat, run.y)
    ax_pred.set_title(f"{run.correct} of {len(run.y)} correct")
    fig.tight_layout()
    words.say(fig, messages.run(run.losses, run.y_hat, run.correct))
    return fig
