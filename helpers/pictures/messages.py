"""The point of each of the lab's own figures, in a sentence with the numbers that matter (issue 39).

The drawing functions in helpers/pictures call these at their end and state the result with `words.say`, so the
alt text of the figure says what a teacher would say about it; every number here is computed from what the
function drew. A figure drawn otherwise gets a message read off its data (helpers/pictures/kinds.py).
"""
import numpy as np

from helpers import data
from helpers.analysis import gates
from helpers.network import forward
from helpers.pictures.shapes import curve, is_flat, number

INPUTS = [f"({a:g},{b:g})" for a, b in data.X]


def _outputs(y_hat) -> str:
    return ", ".join(f"{v:.2f}" for v in np.asarray(y_hat, dtype=float).ravel())


def run(losses, y_hat, correct: int) -> str:
    """A run's overview (helpers.pictures.plots.overview): the loss curve's shape and how many points it gets right.
    losses: (K,) at steps 0..K-1; y_hat: (4, 1)."""
    losses = np.asarray(losses, dtype=float)
    right = "all 4" if correct == 4 else f"{correct} of 4"
    return (f"The loss {curve(np.arange(len(losses)), losses, log=True)}; the trained net gets {right} XOR points "
            f"right (outputs {_outputs(y_hat)}).")


def unit(j: int, values) -> str:
    """A hidden unit's map (helpers.pictures.hidden_plots.unit_maps): where it is on, and the gate that makes.
    values: (4,), its activation on the four inputs."""
    values = np.asarray(values, dtype=float)
    on = [name for name, v in zip(INPUTS, values) if v > 0.5]
    where = ", ".join(on) if on else "none of the inputs"
    return (f"h{j + 1} is above 0.5 at {where}: it computes {gates.gate_name(values)} "
            f"(values {', '.join(f'{v:.2f}' for v in values)}).")


def table(A) -> str:
    """The activation table (hidden_plots.activation_table): the gate each hidden unit computes. A: (4, H)."""
    A = np.asarray(A, dtype=float)
    named = "; ".join(f"h{j + 1} {gates.gate_name(A[:, j])}" for j in range(A.shape[1]))
    return f"Each hidden unit, thresholded at 0.5, computes a logic gate of the inputs: {named}."


def hidden_space(params: dict) -> str:
    """The four inputs in hidden space (hidden_plots.hidden_space): does the output's line separate the classes?"""
    outputs = forward(params, data.X)[0].ravel()
    right = int(np.sum((outputs > 0.5) == (data.y.ravel() > 0.5)))
    said = "separates the two classes: all 4 points" if right == 4 else f"leaves the classes mixed: {right} of 4 points"
    return f"In hidden space the output's 0.5 line {said} are on their target's side (outputs {_outputs(outputs)})."


def curve_groups(hidden: int, failed: list, solved: list, log: bool = True) -> str:
    """Loss curves of failed and solved nets (sweep_plots.draw_curves). failed, solved: lists of (K,) losses."""
    parts = []
    for name, group in (("solved", solved), ("unsolved", failed)):
        if not group:
            parts.append(f"no {name} net")
            continue
        ends = [float(np.asarray(g, dtype=float)[-1]) for g in group]
        flat = sum(is_flat(np.asarray(g, dtype=float), log) for g in group)
        parts.append(f"the {len(group)} {name} nets end between {number(min(ends))} and {number(max(ends))}"
                     + (f", {flat} of them flat all along" if flat else ""))
    return f"With {hidden} hidden units, " + "; ".join(parts) + "."


def network(H: int, bias: bool, edges: dict, edge_name: str, x=None, y_hat: float = None) -> str:
    """The network diagram (diagram.draw_network): its shape, its output for the input shown, its largest line.
    edges: {"W1": (2, H), ...} the numbers on the lines."""
    sizes = [(abs(float(v)), group) for group, m in edges.items() for v in np.ravel(m)]
    big, group = max(sizes) if sizes else (0.0, "")
    words = f"The 2-{H}-1 network{' with biases' if bias else ', no biases'}"
    if x is not None and y_hat is not None:
        words += f": for input ({x[0]:g}, {x[1]:g}) its output y-hat is {y_hat:.2f}"
    return words + (f"; the largest of its {edge_name}, in size, is {big:.2g} (in {group})." if sizes else ".")


def graph(L, nodes: list) -> str:
    """The computation graph (graph_plot.graph_figure): the loss and where the gradient is largest.
    L: the loss Value after backward(); nodes: every Value drawn."""
    named = [v for v in nodes if v.label and v is not L]
    top = max(named, key=lambda v: abs(v.grad)) if named else None
    words = (f"The computation graph of one example's loss L = {L.data:.4f}: the forward pass runs from the inputs "
             f"down to L, the backward pass gives every box its gradient dL/d(value)")
    return words + (f"; the largest in size is {top.label}'s, {top.grad:.4f}." if top is not None else ".")
