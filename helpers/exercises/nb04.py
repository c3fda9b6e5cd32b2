"""The judges of notebook 04's exercises (declared in declarations/nb04.py): gate_names, xor_by_hand.
Every judge returns a Verdict and never raises."""
import numpy as np

from helpers import data, network
from helpers.exercises.engine import mistake
from helpers.exercises.nb02 import AND, NAND, NOR, OR
from helpers.exercises.verdicts import Verdict
from helpers.exercises.words import short

# a hand-made net whose hidden units compute OR, NAND and AND (notebook 04's gate-naming exercise)
GATE_NET = {"W1": np.array([[20.0, -20.0, 20.0], [20.0, -20.0, 20.0]]), "b1": np.array([[-10.0, 30.0, -30.0]]),
            "W2": np.array([[1.0], [1.0], [1.0]]), "b2": np.array([[0.0]])}


def gate_tables(params: dict) -> list:
    """Each hidden unit's truth table (o00, o01, o10, o11): its activation > 0.5 on the four inputs."""
    from helpers import data, network
    a1 = network.forward(params, data.X)[1]["a1"]
    return [tuple(int(v) for v in a1[:, j] > 0.5) for j in range(a1.shape[1])]


def gates_table():
    """helpers.analysis.gates.GATE_NAMES {truth table: name}, or None before notebook 04's module is merged."""
    try:
        from helpers.analysis.gates import GATE_NAMES  # arrives with notebook 04; imported late on purpose
    except ImportError:
        return None
    return GATE_NAMES


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
        return Verdict("gate_names", "not yet", f"{short(unknown[0])} is not a gate name; the names are: "
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


def _output_on_codes(params: dict, codes: np.ndarray) -> tuple:
    """The output unit's class (0/1) for hidden values exactly 0/1: codes (4, 2) -> four ints."""
    z2 = codes @ params["W2"] + params.get("b2", 0.0)
    return tuple(int(v) for v in (network.sigmoid(z2) > 0.5).ravel())


def judge_xor_by_hand(params) -> Verdict:
    if params is None or params is Ellipsis:
        return Verdict("xor_by_hand", "not attempted", "Set xor_params to a dict W1, b1, W2, b2.")
    if isinstance(params, dict) and set(params) != {"W1", "b1", "W2", "b2"} and \
            {str(k).lower() for k in params} == {"w1", "b1", "w2", "b2"}:
        return Verdict("xor_by_hand", "not yet", f"Your dict's keys are {', '.join(map(str, params))}; the network "
                       "reads them by name, and the names are W1, b1, W2, b2 (capital W, small b).")
    if isinstance(params, dict) and "W1" in params and "b1" not in params:
        return mistake("x_no_bias")
    try:
        params = network.check_params(params)
    except (TypeError, ValueError) as e:
        return Verdict("xor_by_hand", "not yet", str(e))
    if params["W1"].shape[1] != 2:
        return Verdict("xor_by_hand", "not yet", "Use exactly two hidden units: W1 (2, 2), b1 (1, 2), W2 (2, 1).")
    hidden = gate_tables(params)
    y_hat, cache = network.forward(params, data.X)
    y_hat, a1 = y_hat.ravel(), cache["a1"]
    xor = data.y.ravel() > 0.5
    outputs = ", ".join(f"{v:.3f}" for v in y_hat)
    if np.all((y_hat > 0.5) == xor):
        margin = float(np.min(np.abs(y_hat - 0.5)))
        how = ("Hidden units OR and NAND, output AND: XOR = OR AND NAND" if sorted(hidden) == sorted([OR, NAND]) else
               f"Not the OR/NAND/AND of the exercise but another decomposition, just as right: {_reading(params)}")
        return Verdict("xor_by_hand", "correct", f"{how}, right on all four inputs (outputs {outputs}; closest to "
                       f"0.5 by {margin:.3f}).")
    if sorted(hidden) != sorted([OR, NAND]):
        if sorted(gate_tables({**params, "W1": params["W1"].T})) == sorted([OR, NAND]):
            return mistake("x_W1_rows")
        if sorted(hidden) in (sorted([NOR, NAND]), sorted([OR, AND]), sorted([NOR, AND])):
            return mistake("x_hidden_flipped")
        j = 0 if hidden[0] not in (OR, NAND) else 1
        return Verdict("xor_by_hand", "not yet", f"Hidden unit {j} computes {hidden[j]} on (0,0), (0,1), (1,0), "
                       f"(1,1); OR is {OR} and NAND is {NAND}. A unit is 1 where W1[0, j] x1 + W1[1, j] x2 + b1[0, j] "
                       "> 0: write the four inequalities and pick numbers that satisfy them.")
    # the hidden truth tables are right; is it the output unit, or hidden values too close to 0.5?
    ideal = np.array(_output_on_codes(params, (a1 > 0.5).astype(float))) == 1
    nearest = float(np.max(np.minimum(a1, 1 - a1)))  # the hidden value farthest from both 0 and 1
    if np.array_equal(ideal, xor) and nearest > 0.05:
        return mistake("x_small_weights", f" (Your hidden activations get as far from 0 and 1 as {nearest:.2f}; "
                       f"the outputs are {outputs}.)")
    if np.array_equal(ideal, xor):
        return Verdict("xor_by_hand", "not yet", f"The hidden units compute OR and NAND, near 0 and 1, and the output "
                       f"would AND them if they were exactly 0 and 1, but it gives {outputs}: make W2 and b2 larger "
                       "(the same ratios), so that small departures from 0 and 1 do not cross 0.5.")
    if np.all(y_hat > 0.5):
        return mistake("x_output_or")
    return Verdict("xor_by_hand", "not yet", f"The hidden units compute OR and NAND, but the output gives {outputs}, "
                   "and even with the hidden units exactly 0 or 1 it would not AND them. It must be 1 only when both "
                   "are 1: b2 < 0, W2[0] + b2 < 0, W2[1] + b2 < 0 and W2[0] + W2[1] + b2 > 0.")


def _reading(params: dict) -> str:
    from helpers.analysis.gates import read_network  # notebook 04's module; imported late like gates_table
    return read_network(params)["formula"]

