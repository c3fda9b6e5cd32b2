"""Pictures of the hidden layer (notebook 04): activation table, hidden space, per-unit maps.

Like helpers/pictures/plots.py, each function draws on Axes you pass in and returns its artists,
so the representation panel can keep one figure and only move what changes.
"""
import numpy as np
from matplotlib.text import Annotation
from matplotlib.transforms import IdentityTransform

from helpers import data
from helpers.analysis import gates, hidden_layer, single_layer
from helpers.pictures import messages, plots, words
from helpers.pictures.plots import ORANGE

INPUT_NAMES = [f"({a:g},{b:g})" for a, b in data.X]
LABEL_GAP = 11.0  # points from a point's centre to its label: past the marker's edge
NEAR = 0.09       # points closer than this (a fraction of the axes) share one label


def activation_table(ax, params: dict):
    """A heatmap of the hidden activations (4 inputs x H units), each cell labelled. Returns the image."""
    A = hidden_layer.activations(params)
    image = ax.imshow(A, cmap="Greys", vmin=0.0, vmax=1.0, aspect="auto")
    for (n, j), value in np.ndenumerate(A):
        ax.text(j, n, f"{value:.2f}", ha="center", va="center", color=plots.text_colour(image.cmap(value)))
    ax.set_xticks(range(A.shape[1]))
    ax.set_xticklabels([f"$h_{j + 1}$\n{gates.gate_name(A[:, j])}" for j in range(A.shape[1])], fontsize=9)
    ax.set_yticks(range(4))
    ax.set_yticklabels([f"{name} y={int(t)}" for name, t in zip(INPUT_NAMES, data.y.ravel())])
    words.say(ax, messages.table(A))
    return image


def box_for(proj: hidden_layer.Projection, Q=None, margin: float = 0.15) -> tuple:
    """Axis limits (x_lo, x_hi, y_lo, y_hi) for the hidden-space plot.

    H <= 2: the unit square (activations live in [0, 1]); a PCA plane: the range of the
    projected points Q (M, 2) (all snapshots, so the view holds still while they move).
    """
    if proj.explained is None:
        return (-0.05, 1.05, -0.05, 1.05) if proj.labels[1] else (-0.05, 1.05, -0.5, 0.5)
    lo, hi = Q.min(axis=0), Q.max(axis=0)
    half = max(float(np.max(hi - lo)) / 2 * (1 + margin), 0.05)
    middle = (lo + hi) / 2
    return (middle[0] - half, middle[0] + half, middle[1] - half, middle[1] + half)


def hidden_space(ax, params: dict, proj: hidden_layer.Projection = None, box: tuple = None) -> dict:
    """The four inputs as points in hidden space (coloured by target) and the output's boundary.

    The shading is the output over the plane (blue 0, orange 1), the black line its 0.5 level.
    Returns the artists {"image", "line", "points", "texts"} for a panel to update: set each
    label's `xy` to its point's new place, and the four are placed again when drawn.
    """
    proj = hidden_layer.projection(params) if proj is None else proj
    Q = proj(hidden_layer.activations(params))
    box = box_for(proj, Q) if box is None else box
    w, c = hidden_layer.boundary_in_plane(params, proj)
    image = plots.shade_plane(ax, hidden_layer.output_in_plane(w, c, box), extent=box, alpha=0.45, aspect="auto")
    (line,) = ax.plot(*single_layer.line_in_box(w, c, box), color="black", lw=2)
    points = ax.scatter(Q[:, 0], Q[:, 1], s=110, edgecolors="black", linewidths=1.5, zorder=3)
    plots.class_style(points, data.y)
    texts = [ax.add_artist(_Label("", q, xytext=(0, 0), textcoords="offset points", fontsize=9, clip_on=False))
             for q in Q]
    for text in texts:
        text.set_transform(IdentityTransform())  # as ax.annotate does
        text.group = texts
    place_labels(texts, Q, box)
    ax.set_xlim(box[0], box[1])
    ax.set_ylim(box[2], box[3])
    ax.set_xlabel(proj.labels[0])
    ax.set_ylabel(proj.labels[1])
    words.say(ax, messages.hidden_space(params))
    return {"image": image, "line": line, "points": points, "texts": texts}


class _Label(Annotation):
    """An input's label that, when a panel has moved the points (set `xy`), places all four
    labels again before it draws (place_labels), so blitting one frame keeps them right."""

    def draw(self, renderer):
        if any(t.xy is not getattr(t, "placed", None) for t in self.group):
            points = [t.xy if t.xy is not getattr(t, "placed", None) else t.point for t in self.group]
            box = (*self.axes.get_xlim(), *self.axes.get_ylim())  # the view now: a panel may have moved it
            place_labels(self.group, np.array(points, dtype=float), box)
        return super().draw(renderer)


def place_labels(texts: list, Q: np.ndarray, box: tuple) -> None:
    """Put the four inputs' labels (Annotations, one per row of Q (4, 2)) each beside its own point.

    Each label sits on the side of its point away from the centre of the four, so it points at
    no other point; points closer than NEAR share one label ("(0,0) (1,1)"); near the box's edge
    a label moves along the edge instead, so it stays inside the axes.
    """
    Q = np.asarray(Q, dtype=float)
    size = np.array([box[1] - box[0], box[3] - box[2]])
    u = (Q - [box[0], box[2]]) / size  # axes fractions: distances mean the same on both axes
    groups = []
    for i in range(len(u)):
        home = next((g for g in groups if np.linalg.norm(u[i] - u[g[0]]) < NEAR), None)
        if home is None:
            groups.append([i])
        else:
            home.append(i)
    centre = u.mean(axis=0)
    for text, q in zip(texts, Q):
        text.set_text("")
        text.point = text.xy = text.placed = tuple(q)  # `placed`: the xy this function set
    for g in groups:
        at = u[g].mean(axis=0)
        away = at - centre
        others = [i for i in range(len(u)) if i not in g]
        if np.linalg.norm(away) < 0.05 and others:  # at the centre: away from the other points instead
            away = at - u[others].mean(axis=0)
        if np.linalg.norm(away) < 0.05:  # all four together: below them
            away = np.array([0.0, -1.0])
        away = away / np.linalg.norm(away)
        for k in (0, 1):  # never out across a near edge: along the other axis instead
            if (at[k] > 0.72 and away[k] > 0) or (at[k] < 0.28 and away[k] < 0):
                away[k] = 0.0
        if not away.any():
            away = np.array([0.0, 1.0 if at[1] < 0.5 else -1.0])
        text = texts[g[0]]
        text.set_text(" ".join(INPUT_NAMES[i] for i in g))
        text.xy = text.placed = tuple(Q[g].mean(axis=0))
        text.set_position(tuple(LABEL_GAP * away / np.max(np.abs(away))))
        text.set_horizontalalignment("left" if away[0] > 0.38 else "right" if away[0] < -0.38 else "center")
        text.set_verticalalignment("bottom" if away[1] > 0.38 else "top" if away[1] < -0.38 else "center")


def unit_maps(fig, params: dict, n: int = 61) -> list:
    """One small map per hidden unit: its activation over the input plane, titled with its gate.

    The dashed contour is the unit's 0.5 level, the line its thresholded value flips on.
    Returns the list of Axes (one per unit, side by side).
    """
    grids = hidden_layer.unit_grids(params, n)
    A = hidden_layer.activations(params)
    axes = np.atleast_1d(fig.subplots(1, len(grids), sharey=True))
    extent = (-0.5, 1.5, -0.5, 1.5)
    for j, (ax, grid) in enumerate(zip(axes, grids)):
        ax.imshow(grid, origin="lower", extent=extent, cmap="Greys", vmin=0.0, vmax=1.0)
        ax.contour(np.linspace(-0.5, 1.5, n), np.linspace(-0.5, 1.5, n), grid, levels=[0.5],
                   colors=ORANGE, linestyles="dashed")
        plots.class_style(ax.scatter(data.X[:, 0], data.X[:, 1], s=60, edgecolors="black", zorder=3), data.y)
        ax.set_title(f"$h_{j + 1}$: {gates.gate_name(A[:, j])}", fontsize=10)
        ax.set_xticks([0, 1])
        ax.set_yticks([0, 1])
        ax.set_xlabel("$x_1$")
        words.say(ax, messages.unit(j, A[:, j]))
    axes[0].set_ylabel("$x_2$")
    return list(axes)
