"""Reading a unit as a logic gate (notebook 04).

Threshold a unit's activation on the four inputs at 0.5 and you get a truth table: four
bits, one per input in data.X order (0,0), (0,1), (1,0), (1,1). There are 2^4 = 16 such
tables, the 16 Boolean functions of two inputs; GATE_NAMES names every one of them.
`read_network` reads a trained net this way: the gate each hidden unit computes, and the
gate the output unit computes *of the hidden units*, e.g. "XOR = AND(OR, NAND)". It reads
nothing while every output is still within UNDECIDED of 0.5 (at the start of training a
threshold at 0.5 would name gates from noise), and it calls hidden units h1, h2, ... (never
x1, x2, which are the inputs).
"""
import re
from itertools import combinations

import numpy as np

from helpers import data
from helpers.network import check_params, forward, sigmoid
from helpers.validate import check_array

# outputs on (0,0), (0,1), (1,0), (1,1) -> name; x1 is the first input, x2 the second
GATE_NAMES = {
    (0, 0, 0, 0): "FALSE",
    (0, 0, 0, 1): "AND",
    (0, 0, 1, 0): "x1 AND NOT x2",
    (0, 0, 1, 1): "x1",
    (0, 1, 0, 0): "x2 AND NOT x1",
    (0, 1, 0, 1): "x2",
    (0, 1, 1, 0): "XOR",
    (0, 1, 1, 1): "OR",
    (1, 0, 0, 0): "NOR",
    (1, 0, 0, 1): "XNOR",
    (1, 0, 1, 0): "NOT x2",
    (1, 0, 1, 1): "x1 OR NOT x2",
    (1, 1, 0, 0): "NOT x1",
    (1, 1, 0, 1): "x2 OR NOT x1",
    (1, 1, 1, 0): "NAND",
    (1, 1, 1, 1): "TRUE",
}
# a function of one hidden unit (only when the output reads a single unit)
SYMMETRIC = ("AND", "OR", "NAND", "NOR", "XOR", "XNOR")  # gates that do not care which input is which
_ONE_INPUT = {(0, 1): "COPY", (1, 0): "NOT", (0, 0): "FALSE", (1, 1): "TRUE"}
UNDECIDED = 0.1  # every output within this of 0.5: the net has decided nothing yet, no gate is read


def truth_table(values) -> tuple:
    """Threshold four activations in [0, 1] at 0.5: (4,) or (4, 1) -> a tuple of four 0/1 ints.

    The order is data.X's: (0,0), (0,1), (1,0), (1,1). Exactly 0.5 counts as 0, as in
    Run.correct (a prediction is 1 when it is above 0.5).
    """
    try:
        shape = np.shape(values)
    except ValueError:  # a ragged list; check_array names the problem below
        shape = None
    if shape == (4, 1):
        values = np.reshape(values, 4)
    arr = check_array("values", values, (4,))
    if np.any(arr < 0) or np.any(arr > 1):
        raise ValueError(f"values must be activations in [0, 1] (one per input), got {np.round(arr, 4).tolist()}")
    return tuple(int(v > 0.5) for v in arr)


def gate_name(values) -> str:
    """The name of the Boolean function four activations compute, e.g. 'NAND' for (0.97, 0.95, 0.96, 0.04)."""
    return GATE_NAMES[truth_table(values)]


def read_network(params: dict) -> dict:
    """Read a trained 2-H-1 net as logic gates.

    Returns a dict with
      "hidden":  [gate name of each hidden unit on the four inputs] (length H);
      "output":  the gate the whole net computes (its output thresholded on the four inputs);
      "reads":   indices (0-based) of the fewest hidden units whose thresholded values decide the
                 output on the four inputs (h1 is index 0), preferring larger |W2| on ties; None
                 when even all of them do not (a unit too near 0.5);
      "output_gate": the output as a gate of those units, spelled in their names ("AND", "h2 AND NOT h1",
                 "NOT h3"), or None when it reads more than two;
      "output_table": that gate's truth table over the units' values (0,0), (0,1), (1,0), (1,1) (or (0,), (1,)
                 for one unit), or None;
      "formula": e.g. "XOR = AND(OR, NAND)" (H = 2) or "XOR = AND(h1: OR, h3: NAND)" (H > 2);
                 a one-sided gate is spelled in the units' names: "XOR = h2 OR NOT h1 (h1 = ..., h2 = ...)".
    Hidden-unit codes no input reaches (OR and NAND are never both 0) are read off the output
    unit itself, with the two units at 0/1 and every other unit at its mean activation.
    """
    params = check_params(params)
    y_hat, cache = forward(params, data.X)
    a1 = cache["a1"]
    H = a1.shape[1]
    if np.all(np.abs(y_hat - 0.5) < UNDECIDED):
        return {"hidden": [None] * H, "output": None, "reads": None, "output_gate": None, "output_table": None,
                "formula": f"no reading yet: every output is within {UNDECIDED:g} of 0.5 "
                           f"({float(y_hat.min()):.2f} to {float(y_hat.max()):.2f}), so the net has decided nothing"}
    hidden = [gate_name(a1[:, j]) for j in range(H)]
    codes = (a1 > 0.5).astype(int)  # (4, H) the thresholded hidden values
    output_table = truth_table(y_hat)
    weight = np.abs(params["W2"].ravel())
    reads = _fewest_units(codes, output_table, weight)
    if reads is None:  # two inputs share a code but not an output: a unit sits too near 0.5
        return {"hidden": hidden, "output": GATE_NAMES[output_table], "reads": None, "output_gate": None,
                "output_table": None,
                "formula": f"{GATE_NAMES[output_table]} is not decided by the thresholded hidden units"}
    table = _table_of(params, a1, codes, output_table, reads)
    gate = None if table is None else (_ONE_INPUT if len(reads) == 1 else GATE_NAMES)[table] if reads else \
        GATE_NAMES[output_table]
    formula = _formula(GATE_NAMES[output_table], gate, reads, hidden)
    return {"hidden": hidden, "output": GATE_NAMES[output_table], "reads": reads,
            "output_gate": _in_units(gate, reads), "output_table": table, "formula": formula}


def _in_units(gate, reads: tuple):
    """A gate of the units read, spelled in their names: 'x2 AND NOT x1' of units (0, 2) -> 'h3 AND NOT h1'."""
    if gate is None or not reads or gate in SYMMETRIC or gate in ("FALSE", "TRUE"):
        return gate
    labels = [f"h{j + 1}" for j in reads]
    if len(reads) == 1:
        return {"COPY": labels[0], "NOT": f"NOT {labels[0]}"}[gate]
    return re.sub(r"x([12])", lambda m: labels[int(m.group(1)) - 1], gate)


def _formula(output: str, gate, reads: tuple, hidden: list) -> str:
    """The reading in one line (see read_network)."""
    labels = [f"h{j + 1}" for j in reads]
    where = ", ".join(f"{label} = {hidden[j]}" for label, j in zip(labels, reads))
    if gate is None:
        return f"{output} = f({', '.join(labels)}): no two units decide it ({where})"
    if not reads:
        return f"{output}: a constant, it reads no hidden unit"
    if len(reads) == 2 and gate in SYMMETRIC:
        if len(hidden) == 2:
            return f"{output} = {gate}({hidden[reads[0]]}, {hidden[reads[1]]})"
        return f"{output} = {gate}({', '.join(f'{label}: {hidden[j]}' for label, j in zip(labels, reads))})"
    if len(reads) == 1:
        expr = {"COPY": labels[0], "NOT": f"NOT {labels[0]}"}[gate]
    else:  # spell "x2 OR NOT x1" in the units read: "h2 OR NOT h1"
        expr = re.sub(r"x([12])", lambda m: labels[int(m.group(1)) - 1], gate)
    return f"{output} = {expr}  ({where})"


def _fewest_units(codes: np.ndarray, output_table: tuple, weight: np.ndarray):
    """The smallest set of hidden units whose codes determine the output table (heaviest first), or None."""
    H = codes.shape[1]
    for k in range(0, H + 1):
        fits = [units for units in combinations(range(H), k) if _determines(codes[:, list(units)], output_table)]
        if fits:
            best = max(fits, key=lambda units: sum(weight[j] for j in units))
            return tuple(best)
    return None


def _determines(sub_codes: np.ndarray, output_table: tuple) -> bool:
    """True if inputs with the same code (rows of sub_codes) always have the same output."""
    seen = {}
    for code, out in zip(map(tuple, sub_codes), output_table):
        if seen.setdefault(code, out) != out:
            return False
    return True


def _table_of(params: dict, a1: np.ndarray, codes: np.ndarray, output_table: tuple, reads: tuple):
    """The output's truth table over the units read (<= 2 of them); None for more."""
    if len(reads) > 2:
        return None
    if len(reads) == 0:
        return output_table
    visited = {tuple(codes[n, list(reads)]): output_table[n] for n in range(4)}
    corners = [(0,), (1,)] if len(reads) == 1 else [(0, 0), (0, 1), (1, 0), (1, 1)]
    table = []
    for corner in corners:
        if corner in visited:  # what the net really does on an input with this code
            table.append(visited[corner])
        else:                  # no input has this code: ask the output unit
            h = a1.mean(axis=0)
            h[list(reads)] = corner
            z2 = h @ params["W2"] + (params["b2"] if "b2" in params else 0.0)
            table.append(int(sigmoid(z2).item() > 0.5))
    return tuple(table)
