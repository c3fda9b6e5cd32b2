"""The computation graph of one example's forward pass, drawn with matplotlib only (notebook 06).

    fig = graph_plot.graph_figure(network.init_reference(hidden=2), x=data.X[3], y=data.y[3, 0])

Every Value is a box with its name, its value (the forward pass) and its gradient dL/d(value)
(the backward pass); a small circle on the way into a box names the operation that made it.
The forward pass reads from top to bottom, the backward pass from bottom to top. A Value used
twice (an input, read by every hidden unit) has two lines going out, and its gradient is the
sum of what comes back along them. No graphviz: it is missing on Colab and on many machines.
"""
import matplotlib.pyplot as plt
from matplotlib.patches import Circle, FancyBboxPatch

from helpers.analysis.autograd_net import example_loss, to_values
from helpers.autograd import Value, topological_order
from helpers.pictures import messages, words
from helpers.pictures.plots import BLUE, ORANGE

BOX_W, BOX_H = 1.12, 0.56   # inches: three lines of 9 pt text with a margin
COL, ROW = 1.27, 0.92       # inches from one box's centre to the next
MARGIN = 0.3                # inches around the drawing
FONT = 9
SYMBOL = {"+": "+", "*": "×", "-": "−", "neg": "−", "sigmoid": "σ", "exp": "exp", "**2": "x²"}
MAX_HIDDEN = 2              # wider nets do not fit a page at a readable size


def layers(root: Value) -> dict:
    """{Value: row}: an operation one row below its lowest input, an input one row above its
    first user, so each line goes down by one row or more."""
    order = topological_order(root)
    row = {}
    for v in order:
        if v._prev:
            row[v] = 1 + max(row.get(c, 0) for c in v._prev)
    users = {}
    for v in order:
        for c in v._prev:
            users.setdefault(c, []).append(v)
    for v in order:
        if not v._prev:
            row[v] = min(row[u] for u in users[v]) - 1 if v in users else 0
    top = min(row.values())
    return {v: r - top for v, r in row.items()}


def _kind(v: Value, params: set) -> tuple:
    """(fill colour, edge colour) by what a node is: a parameter, a given number, or computed."""
    if v in params:
        return "#fde9d3", ORANGE
    if not v._prev:
        return "#eeeeee", "#777777"
    return "white", BLUE


def graph_figure(params: dict, x, y: float) -> plt.Figure:
    """Draw the graph of L = 1/2 (y_hat - y)^2 for one example x (2,) with target y, after
    L.backward(), for a net with at most 2 hidden units. Returns the figure (size set here)."""
    P = to_values(params)
    if len(P["W2"]) > MAX_HIDDEN:
        raise ValueError(f"graph_figure draws nets with 1..{MAX_HIDDEN} hidden units, got {len(P['W2'])}")
    L, _ = example_loss(P, x, float(y), names=True)
    L.backward()
    row = layers(L)
    rows = {}
    for v in _left_to_right(L):
        rows.setdefault(row[v], []).append(v)
    width = max(len(vs) for vs in rows.values()) * COL + 2 * MARGIN
    height = len(rows) * ROW + 2 * MARGIN + 0.3  # 0.3: the title
    fig = plt.figure(figsize=(width, height))
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set(xlim=(0, width), ylim=(0, height))  # data units are inches
    ax.axis("off")
    where = {}
    for r, vs in rows.items():
        for i, v in enumerate(vs):
            where[v] = (width / 2 + (i - (len(vs) - 1) / 2) * COL, height - MARGIN - 0.3 - ROW / 2 - r * ROW)
    owned = set(sum(P["W1"], []) + P["W2"] + P.get("b1", []) + ([P["b2"]] if "b2" in P else []))
    for v in where:
        _node(ax, v, where, *_kind(v, owned))
    ax.text(width / 2, height - MARGIN, "one example's L: value (forward, top to bottom) and grad = dL/d(value) "
            "(backward, bottom to top)", ha="center", va="center", fontsize=FONT + 1)
    words.say(fig, messages.graph(L, list(where)))
    return fig


def _left_to_right(root: Value) -> list:
    """The Values in the order a walk from root meets them, first input first (a node's inputs
    then sit side by side in their row, in the order of the operation)."""
    order, seen = [], set()

    def visit(v):
        if v not in seen:
            seen.add(v)
            order.append(v)
            for child in v._prev:
                visit(child)
    visit(root)
    return order


def _node(ax, v: Value, where: dict, fill: str, edge: str) -> None:
    cx, cy = where[v]
    ax.add_patch(FancyBboxPatch((cx - BOX_W / 2, cy - BOX_H / 2), BOX_W, BOX_H,
                                boxstyle="round,pad=0,rounding_size=0.06", facecolor=fill, edgecolor=edge,
                                linewidth=1.2 if v._prev else 0.8, zorder=2))
    ax.text(cx, cy, f"{v.label}\nvalue {v.data:.4f}\ngrad {v.grad:.4f}", ha="center", va="center",
            fontsize=FONT, linespacing=1.15, zorder=3)
    if not v._prev:
        return
    # the operation: a circle just above the box, fed by one line from each input
    ox, oy = cx, cy + BOX_H / 2 + (ROW - BOX_H) / 2
    ax.add_patch(Circle((ox, oy), 0.11, facecolor="white", edgecolor="#555555", linewidth=0.8, zorder=2))
    ax.text(ox, oy, SYMBOL.get(v._op, v._op), ha="center", va="center", fontsize=FONT, zorder=3)
    ax.plot([ox, cx], [oy - 0.11, cy + BOX_H / 2], color="#555555", linewidth=0.8, zorder=1)
    for child in v._prev:
        tx, ty = where[child]
        ax.plot([tx, ox], [ty - BOX_H / 2, oy + 0.11], color="#999999", linewidth=0.8, zorder=1)
