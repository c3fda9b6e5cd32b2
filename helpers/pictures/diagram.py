"""The network drawn as a diagram: nodes, weights as lines, biases as "+1" nodes (notebook 01).

    fig, ax = plt.subplots(figsize=(5, 4))
    diagram.draw_network(ax, network.init_reference(), x=data.X[1])

Each weight is a line from the unit it reads to the unit it feeds: orange if positive, blue
and dashed if negative (the project's colour-blind-safe pair, helpers.pictures.plots), wider for larger |w|.
A bias is a weight from a constant "+1" node (a small square). With an input x, each node
is filled by its value for that input (blue 0, white 0.5, orange 1) and shows it as a number.
`highlight` names the parts one stage of backprop involves; the rest is faded (faded nodes stay
opaque, so no line runs over them). `edges` draws other numbers than the weights on the lines:
the gradients at a backward stage, the change made by an update.
"""
import numpy as np
from matplotlib.colors import to_rgb

from helpers.network import check_params, forward
from helpers.pictures import messages, words
from helpers.pictures.plots import BLUE, CMAP, ORANGE, text_colour
from helpers.validate import check_array

PARTS = ("input", "W1", "b1", "hidden", "W2", "b2", "output")
MAX_DRAWN_HIDDEN = 16  # beyond this the nodes are too small to read
X_INPUT, X_HIDDEN, X_OUTPUT = 0.0, 1.0, 2.0
FADED_LINE, FADED_NODE = 0.12, 0.3  # a faded line's alpha; how much of a faded node's colour is kept
MIN_FONT = 9.0  # points: the smallest text drawn


def _positions(H: int) -> dict:
    """Node centres {name: (x, y)}: inputs x1, x2; hidden h1..hH; output; bias nodes +1."""
    spread = max(H - 1, 1) / 2  # hidden units one unit apart, centred on 0
    pos = {"x1": (X_INPUT, 0.75), "x2": (X_INPUT, -0.75), "out": (X_OUTPUT, 0.0)}
    for j in range(H):
        pos[f"h{j + 1}"] = (X_HIDDEN, (H - 1) / 2 - j)
    top = max(spread, 0.75) + 1.0
    pos["b1"] = (X_INPUT, top)
    pos["b2"] = (X_HIDDEN, top)
    return pos


def draw_network(ax, params: dict, x=None, highlight=None, edges: dict = None, edge_name: str = "weights") -> dict:
    """Draw the 2-H-1 net `params` (W1 (2, H), W2 (H, 1), optional b1, b2) on `ax`, H in 1..16.

    x: None or one input (2,): fill the nodes with that input's activations.
    highlight: None (everything bright) or names from PARTS to emphasise; the rest is faded.
    edges: None (the lines show the weights) or {"W1": (2, H), ...}: numbers of the same shapes
    to show on the lines instead (colour their sign, width their size), named `edge_name` in the
    caption; a line whose group is not in `edges` is drawn thin and gray.
    Returns {"nodes": {name: PathCollection}, "edges": {(group, i, j): Line2D}, "texts": [...]}
    with group "W1", "b1", "W2" or "b2" and (i, j) the entry of that parameter.
    """
    params = check_params(params)
    H = params["W1"].shape[1]
    if H > MAX_DRAWN_HIDDEN:
        raise ValueError(f"draw_network draws 1..{MAX_DRAWN_HIDDEN} hidden units, got {H}")
    x = None if x is None else check_array("x", x, (2,))
    bright = _bright_parts(highlight)
    bias = "b1" in params
    pos = _positions(H)
    ax.set_xlim(-0.45, 2.45)
    ax.set_ylim(min(-0.75, -(H - 1) / 2) - 0.6, pos["b1"][1] + (0.6 if bias else -0.4))
    ax.set_axis_off()
    # node size from the axes' height in points, so H = 8 fits as well as H = 1
    height_pts = ax.get_position().height * ax.figure.get_size_inches()[1] * 72
    diameter = min(34.0, 0.75 * height_pts / (ax.get_ylim()[1] - ax.get_ylim()[0]))
    fontsize = max(MIN_FONT, min(10.0, 0.34 * diameter))
    width_pts = ax.get_position().width * ax.figure.get_size_inches()[0] * 72
    gap = (0.5 * diameter + 3) * (ax.get_xlim()[1] - ax.get_xlim()[0]) / width_pts  # a node's radius, in x units

    shown = params if edges is None else {k: np.asarray(v, dtype=float) for k, v in edges.items()}
    edges, w_max = _draw_edges(ax, shown, pos, bright, H, bias)
    values = {}
    if x is not None:
        _, cache = forward(params, x[None, :])
        values = {"x1": x[0], "x2": x[1], "out": cache["y_hat"][0, 0]}
        values.update({f"h{j + 1}": cache["a1"][0, j] for j in range(H)})
    nodes, texts = _draw_nodes(ax, pos, values, bright, bias, diameter, fontsize)
    # names beside the nodes that show numbers, so a reader knows which is which
    side = {"x1": (-gap, "right"), "x2": (-gap, "right"), "out": (gap, "left")}
    for name, (dx, ha) in side.items():
        if name in values:
            texts.append(ax.text(pos[name][0] + dx, pos[name][1], NAMES[name], ha=ha, va="center",
                                 fontsize=fontsize + 1))
    if bias:  # left of the "+1" nodes: their lines leave to the right
        for name in ("b1", "b2"):
            texts.append(ax.text(pos[name][0] - 0.7 * gap, pos[name][1], f"$b_{name[1]}$", ha="right", va="center",
                                 fontsize=fontsize + 1))
    caption = (f"{edge_name}: orange > 0, dashed blue < 0\nwidth ~ size (widest {w_max:.2g})"
               + ("" if bias else "; no biases"))
    texts.append(ax.text(0.5, 0.0, caption, transform=ax.transAxes, ha="center", va="top", fontsize=MIN_FONT,
                         color="dimgray", linespacing=1.1))
    words.say(ax, messages.network(H, bias, shown, edge_name, x, values.get("out")))
    return {"nodes": nodes, "edges": edges, "texts": texts}


NAMES = {"x1": "$x_1$", "x2": "$x_2$", "out": r"$\hat y$"}


def _bright_parts(highlight) -> set:
    """The parts drawn bright: all of PARTS for None, else the names given (checked)."""
    if highlight is None:
        return set(PARTS)
    if isinstance(highlight, str) or not all(isinstance(p, str) for p in highlight):
        raise TypeError(f"highlight must be None or a list of names from {PARTS}, got {highlight!r}")
    unknown = set(highlight) - set(PARTS)
    if unknown:
        raise ValueError(f"highlight names must come from {PARTS}, got {sorted(unknown)}")
    return set(highlight)


def _draw_edges(ax, shown: dict, pos: dict, bright: set, H: int, bias: bool) -> tuple:
    """One line per weight, coloured by the sign of its number in `shown` and as wide as its size
    (thin gray where `shown` has no number for it). Returns ({key: Line2D}, the largest size)."""
    w_max = max([float(np.max(np.abs(w))) for w in shown.values()] + [0.0])
    edges = {}

    def line(group: str, i: int, j: int, start: str, end: str) -> None:
        (x0, y0), (x1, y1) = pos[start], pos[end]
        if group in shown:
            w = shown[group][i, j]
            color, width = ORANGE if w >= 0 else BLUE, 0.5 + 5.5 * abs(w) / w_max if w_max > 0 else 0.5
        else:
            color, width = "gray", 0.5
        edges[(group, i, j)] = ax.plot([x0, x1], [y0, y1], color=color, lw=width, ls="--" if color == BLUE else "-",
                                       alpha=1.0 if group in bright else FADED_LINE, solid_capstyle="round",
                                       zorder=1)[0]

    for i in range(2):
        for j in range(H):
            line("W1", i, j, f"x{i + 1}", f"h{j + 1}")
    for j in range(H):
        line("W2", j, 0, f"h{j + 1}", "out")
    if bias:
        for j in range(H):
            line("b1", 0, j, "b1", f"h{j + 1}")
        line("b2", 0, 0, "b2", "out")
    return edges, w_max


def _faded(color) -> tuple:
    """The colour mixed with white, keeping FADED_NODE of it: opaque, so lines stay behind it."""
    return tuple(1 - FADED_NODE * (1 - c) for c in to_rgb(color))


def _draw_nodes(ax, pos: dict, values: dict, bright: set, bias: bool, diameter: float, fontsize: float) -> tuple:
    """The nodes, filled with their values when there are any, each with its label. Returns (nodes, texts)."""
    layer = {"x1": "input", "x2": "input", "out": "output", "b1": "b1", "b2": "b2"}
    nodes, texts = {}, []
    for name, (cx, cy) in pos.items():
        part = layer.get(name, "hidden")
        if part in ("b1", "b2") and not bias:
            continue
        on = part in bright
        value = values.get(name)
        fill = "#dddddd" if part in ("b1", "b2") else "white" if value is None else CMAP(float(np.clip(value, 0, 1)))
        size = (0.7 * diameter if part in ("b1", "b2") else diameter) ** 2
        nodes[name] = ax.scatter([cx], [cy], s=size, marker="s" if part in ("b1", "b2") else "o",
                                 c=[fill if on else _faded(fill)], edgecolors="black" if on else "darkgray",
                                 linewidths=2.2 if on else 0.8, zorder=3)
        if part in ("b1", "b2"):
            label = "+1"
        elif value is None:
            label = NAMES.get(name, name)
        else:
            label = f"{value:.2f}"
        texts.append(ax.text(cx, cy, label, ha="center", va="center", fontsize=fontsize, zorder=4,
                             color=text_colour(fill) if on else "dimgray"))
    return nodes, texts
