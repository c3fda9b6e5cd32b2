"""The exercise checks of notebook 04: gate_names, xor_by_hand. Every judge returns a Verdict and never raises."""
import numpy as np

from helpers import data, network
from helpers.exercises.mistakes import gate_tables, gates_table, mistake
from helpers.exercises.nb02 import AND, NAND, NOR, OR
from helpers.exercises.verdicts import Verdict


def _norm(name) -> str:
    """'x1 NAND x2', 'A nand B' and 'NAND' all read as NAND; other names keep their letters."""
    words = "".join(c if c.isalnum() else " " for c in str(name).upper()).split()
    core = [w for w in words if w not in ("A", "B", "X", "Y", "X1", "X2")]
    if len(core) == 1 and core[0] in ("AND", "OR", "NAND", "NOR", "XOR", "XNOR"):
        return core[0]
    return "".join(words)


def judge_gate_names(names, params=None) -> Verdict:
    if names is None or names is Ellipsis:
        return Verdict("gate_names", "not attempted", "Set gate_names to a list of names, one per hidden unit.")
    table = gates_table()
    if table is None:
        return Verdict("gate_names", "not yet", "helpers/gates.py is missing (it comes with notebook 04).")
    try:
        tables = gate_tables(params)
    except (TypeError, ValueError) as e:
        return Verdict("gate_names", "not yet", f"The second argument must be the network's params: {e}")
    if not isinstance(names, (list, tuple)) or len(names) != len(tables):
        return Verdict("gate_names", "not yet", f"Give a list of {len(tables)} names, one per hidden unit.")
    by_name = {_norm(v): k for k, v in table.items()}
    unknown = [n for n in names if _norm(n) not in by_name]
    if unknown:
        return Verdict("gate_names", "not yet", f"{unknown[0]!r} is not a gate name; the names are: "
                       f"{', '.join(sorted(table.values()))}.")
    said = [by_name[_norm(n)] for n in names]
    if said == tables:
        return Verdict("gate_names", "correct", "Each hidden unit is a soft logic gate: "
                       + ", ".join(f"unit {j} = {table[t]} {t}" for j, t in enumerate(tables)) + ".")
    if sorted(said) == sorted(tables):
        return mistake("n_order")
    if any(s == tuple(1 - v for v in t) for s, t in zip(said, tables)):
        return mistake("n_complement")
    j = next(j for j in range(len(tables)) if said[j] != tables[j])
    return Verdict("gate_names", "not yet", f"Unit {j} gives {tables[j]} on (0,0), (0,1), (1,0), (1,1); "
                   f"{names[j]} would give {said[j]}.")


def judge_xor_by_hand(params) -> Verdict:
    if params is None or params is Ellipsis:
        return Verdict("xor_by_hand", "not attempted", "Set xor_params to a dict W1, b1, W2, b2.")
    if isinstance(params, dict) and "W1" in params and "b1" not in params:
        return mistake("x_no_bias")
    try:
        params = network.check_params(params)
    except (TypeError, ValueError) as e:
        return Verdict("xor_by_hand", "not yet", str(e))
    if params["W1"].shape[1] != 2:
        return Verdict("xor_by_hand", "not yet", "Use exactly two hidden units: W1 (2, 2), b1 (1, 2), W2 (2, 1).")
    hidden = gate_tables(params)
    y_hat = network.forward(params, data.X)[0].ravel()
    xor_ok = bool(np.all((y_hat > 0.5) == (data.y.ravel() > 0.5)))
    if sorted(hidden) == sorted([OR, NAND]) and xor_ok:
        margin = float(np.min(np.abs(y_hat - 0.5)))
        return Verdict("xor_by_hand", "correct", "Hidden units OR and NAND, output AND: XOR = OR AND NAND, right on "
                       f"all four inputs (outputs {', '.join(f'{v:.3f}' for v in y_hat)}; closest to 0.5 by "
                       f"{margin:.3f}).")
    if sorted(hidden) != sorted([OR, NAND]):
        if sorted(gate_tables({**params, "W1": params["W1"].T})) == sorted([OR, NAND]):
            return mistake("x_W1_rows")
        if sorted(hidden) in (sorted([NOR, NAND]), sorted([OR, AND]), sorted([NOR, AND])):
            return mistake("x_hidden_flipped")
        j = 0 if hidden[0] not in (OR, NAND) else 1
        return Verdict("xor_by_hand", "not yet", f"Hidden unit {j} computes {hidden[j]} on (0,0), (0,1), (1,0), "
                       f"(1,1); OR is {OR} and NAND is {NAND}. A unit is 1 where W1[0, j] x1 + W1[1, j] x2 + b1[0, j] "
                       "> 0: write the four inequalities and pick numbers that satisfy them.")
    if np.all(y_hat > 0.5):
        return mistake("x_output_or")
    return Verdict("xor_by_hand", "not yet", f"The hidden units are right; the output gives "
                   f"{', '.join(f'{v:.3f}' for v in y_hat)}. It must be 1 only when both hidden units are near 1: "
                   "b2 < 0, W2[0] + b2 < 0, W2[1] + b2 < 0, W2[0] + W2[1] + b2 > 0, and large weights keep the "
                   "hidden units near 0 and 1.")


CHECKS = {"gate_names": judge_gate_names, "xor_by_hand": judge_xor_by_hand}
HINTS = {
    "gate_names": ["Threshold each hidden activation at 0.5 on the four inputs: that is the unit's truth table.",
                   "Write the table as (o00, o01, o10, o11) and look it up: helpers.analysis.gates.GATE_NAMES.",
                   "a1 = network.forward(params, data.X)[1]['a1'] > 0.5; column j is unit j's table."],
    "xor_by_hand": ["XOR(x1, x2) = AND(OR(x1, x2), NAND(x1, x2)).",
                    "Column j of W1 and b1[0, j] make hidden unit j; large weights (about 20) keep units near 0/1.",
                    "OR: weights 20, 20, bias -10. NAND: weights -20, -20, bias 30. AND of two: 20, 20, bias -30."],
}
