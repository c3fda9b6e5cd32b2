"""The exercise checks of notebooks 02-04 (collected with 01's in helpers/exercises.py as `check`).

02: and_weights, or_weights (a single unit, 1 when w1 x1 + w2 x2 + b > 0), violated (which of the
four XOR inequalities a line breaks). 03: success_rate, h2_prediction. 04: gate_names,
xor_by_hand. Every judge returns a Verdict and never raises.
"""
import numbers

import numpy as np

from helpers import data, network
from helpers.mistakes import CATALOGUE, INEQUALITIES, gate_tables, gates_table, rate_variant, violated_variant
from helpers.verdicts import Answer, Verdict, as_array

AND, OR, NAND, NOR = (0, 0, 0, 1), (0, 1, 1, 1), (1, 1, 1, 0), (1, 0, 0, 0)
INPUTS = ("(0,0)", "(0,1)", "(1,0)", "(1,1)")


def _mistake(key: str, extra: str = "") -> Verdict:
    m = next(m for m in CATALOGUE if m.key == key)
    return Verdict(m.exercise, "not yet", m.message + extra, mistake=key)


def _weights(name: str, answer):
    """(w1, w2, b) as floats, or a Verdict saying what is wrong with the answer."""
    if answer is None or answer is Ellipsis:
        return Verdict(name, "not attempted", "Set the answer to three numbers (w1, w2, b).")
    if (not isinstance(answer, (tuple, list)) or len(answer) != 3
            or not all(isinstance(v, numbers.Real) and np.isfinite(v) for v in answer)):
        return Verdict(name, "not yet", f"Give three finite numbers (w1, w2, b); got {answer!r}.")
    return tuple(float(v) for v in answer)


def _unit_weights(name: str, target: tuple, answer) -> Verdict:
    w = _weights(name, answer)
    if isinstance(w, Verdict):
        return w
    w1, w2, b = w
    z = data.X @ np.array([w1, w2]) + b
    table = tuple(int(v) for v in z > 0)
    gate = "AND" if target == AND else "OR"
    if table == target and np.all(z != 0):
        line = f"{w1:g} x1 {'-' if w2 < 0 else '+'} {abs(w2):g} x2 {'-' if b < 0 else '+'} {abs(b):g}"
        return Verdict(name, "correct", f"z = {line} is above 0 exactly where {gate} is 1: "
                       f"the line z = 0 separates the four corners the way {gate} needs.")
    if np.any(z == 0):
        return _mistake("or_through_origin" if gate == "OR" and b == 0 else "on_the_line")
    known = {(AND, OR): "and_is_or", (AND, NAND): "and_is_nand", (OR, AND): "or_is_and", (OR, NOR): "or_is_nor"}
    if (target, table) in known:
        return _mistake(known[(target, table)])
    wrong = [f"{INPUTS[i]} gives z = {z[i]:.2f} but should be {'above' if target[i] else 'below'} 0"
             for i in range(4) if table[i] != target[i]]
    return Verdict(name, "not yet", "; ".join(wrong) + ".")


def judge_and_weights(answer) -> Verdict:
    return _unit_weights("and_weights", AND, answer)


def judge_or_weights(answer) -> Verdict:
    return _unit_weights("or_weights", OR, answer)


# 02: triples with sides exactly 0 (so strict and non-strict differ) and random ones
_rng = np.random.default_rng(12)
TRIPLES = [(1.0, 1.0, 0.0), (1.0, 1.0, -1.0), (2.0, -1.0, 1.0), (-1.0, 0.5, 0.5), (1.0, 1.0, -2.0)] + \
          [tuple(float(v) for v in _rng.normal(0, 2, 3)) for _ in range(40)]


def _as_numbers_list(result):
    if isinstance(result, np.ndarray):
        result = result.tolist()
    if isinstance(result, (list, tuple, set)) and all(isinstance(v, (numbers.Integral, np.bool_)) for v in result):
        return sorted(result) if isinstance(result, set) else list(result)
    return None


def judge_violated(f) -> Verdict:
    run = Answer("violated", f)
    results = []
    for t in TRIPLES:
        results.append(run(*t))
        if run.problem:
            return run.problem
    if run.too_slow():
        return run.too_slow()
    got = [_as_numbers_list(r) for r in results]
    right = [violated_variant(*t) for t in TRIPLES]
    if got == right:
        return Verdict("violated", "correct", f"For all {len(TRIPLES)} lines at least one inequality broke. Always: "
                       "adding 2 and 3 gives w1 + w2 + 2b > 0, and with 1 (b < 0) that forces w1 + w2 + b > 0, "
                       "which breaks 4. No line computes XOR.")
    for m in CATALOGUE:
        if m.exercise == "violated" and got == [m.example()[0](*t) for t in TRIPLES]:
            return _mistake(m.key)
    i = next(i for i in range(len(TRIPLES)) if got[i] != right[i])
    if got[i] is None:
        return Verdict("violated", "not yet", f"For (w1, w2, b) = {TRIPLES[i]} you returned {results[i]!r}; return "
                       "a list of inequality numbers, e.g. [1, 4].")
    w1, w2, b = TRIPLES[i]
    return Verdict("violated", "not yet", f"For (w1, w2, b) = ({w1:.2f}, {w2:.2f}, {b:.2f}) you returned {got[i]}; "
                   f"the broken ones are {right[i]}. Test each: " + ", ".join(f"{k}: {v}" for k, v in
                                                                             INEQUALITIES.items()) + ".")


# 03: eight nets' outputs on XOR's four inputs, with a pattern of right/wrong points that tells
# apart every catalogued mistake (see rate_variant)
_RIGHT = ["1111", "1111", "1111", "1110", "0110", "1000", "0000", "1101"]
_Y = data.y.ravel()
RATE_Y_HAT = np.array([[(0.8 if t else 0.2) if r == "1" else (0.3 if t else 0.7) for t, r in zip(_Y, row)]
                       for row in _RIGHT])


def judge_success_rate(f) -> Verdict:
    run = Answer("success_rate", f)
    result = run(RATE_Y_HAT.copy(), _Y.copy())
    if run.problem or run.too_slow():
        return run.problem or run.too_slow()
    arr, problem = as_array(result, (), "What your function returned")
    right = rate_variant(RATE_Y_HAT, _Y)
    if arr is not None and abs(float(arr) - right) < 1e-12:
        return Verdict("success_rate", "correct", f"{right:.3f} of these nets succeed: a net counts only when all "
                       "four points are on the right side of 0.5.")
    for m in CATALOGUE:
        if m.exercise == "success_rate" and arr is not None and abs(arr - m.example()[0](RATE_Y_HAT, _Y)) < 1e-12:
            return _mistake(m.key)
    return Verdict("success_rate", "not yet", problem or f"You returned {float(arr):.3f} for {len(_RIGHT)} nets of "
                   f"which {int(right * len(_RIGHT))} get all four points right.")


def judge_h2_prediction(prediction, measured=None) -> Verdict:
    if prediction is None or prediction is Ellipsis:
        return Verdict("h2_prediction", "not attempted", "Set h2_prediction to a number between 0 and 1.")
    ok = [isinstance(v, numbers.Real) and not isinstance(v, bool) and np.isfinite(v) for v in (prediction, measured)]
    if not ok[1] or not 0 <= measured <= 1:
        return Verdict("h2_prediction", "not yet", "The second argument must be the success rate (0..1) that the "
                       "sweep above measured.")
    if ok[0] and 1 < prediction <= 100:
        return _mistake("p_percent")
    if not ok[0] or not 0 <= prediction <= 1:
        return Verdict("h2_prediction", "not yet", f"Give a fraction between 0 and 1; got {prediction!r}.")
    said = f"You predicted {prediction:.2f}; the sweep measured {measured:.2f}."
    if abs(prediction - measured) <= 0.15:
        return Verdict("h2_prediction", "correct", f"{said} Close: two units can represent XOR, and without biases "
                       "only some random starts lead gradient descent there.")
    if prediction >= 0.9 and measured < 0.5:
        return _mistake("p_trusted_text", f" {said}")
    if prediction <= 0.05 and measured >= 0.1:
        return _mistake("p_never", f" {said}")
    how = "Too optimistic" if prediction > measured else "Too pessimistic"
    return Verdict("h2_prediction", "not yet", f"{said} {how}: look at where the failed runs end "
                   "(stuck on a plateau, 3 of 4 right).")


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
        return _mistake("n_order")
    if any(s == tuple(1 - v for v in t) for s, t in zip(said, tables)):
        return _mistake("n_complement")
    j = next(j for j in range(len(tables)) if said[j] != tables[j])
    return Verdict("gate_names", "not yet", f"Unit {j} gives {tables[j]} on (0,0), (0,1), (1,0), (1,1); "
                   f"{names[j]} would give {said[j]}.")


def judge_xor_by_hand(params) -> Verdict:
    if params is None or params is Ellipsis:
        return Verdict("xor_by_hand", "not attempted", "Set xor_params to a dict W1, b1, W2, b2.")
    if isinstance(params, dict) and "W1" in params and "b1" not in params:
        return _mistake("x_no_bias")
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
            return _mistake("x_W1_rows")
        if sorted(hidden) in (sorted([NOR, NAND]), sorted([OR, AND]), sorted([NOR, AND])):
            return _mistake("x_hidden_flipped")
        j = 0 if hidden[0] not in (OR, NAND) else 1
        return Verdict("xor_by_hand", "not yet", f"Hidden unit {j} computes {hidden[j]} on (0,0), (0,1), (1,0), "
                       f"(1,1); OR is {OR} and NAND is {NAND}. A unit is 1 where W1[0, j] x1 + W1[1, j] x2 + b1[0, j] "
                       "> 0: write the four inequalities and pick numbers that satisfy them.")
    if np.all(y_hat > 0.5):
        return _mistake("x_output_or")
    return Verdict("xor_by_hand", "not yet", f"The hidden units are right; the output gives "
                   f"{', '.join(f'{v:.3f}' for v in y_hat)}. It must be 1 only when both hidden units are near 1: "
                   "b2 < 0, W2[0] + b2 < 0, W2[1] + b2 < 0, W2[0] + W2[1] + b2 > 0, and large weights keep the "
                   "hidden units near 0 and 1.")


CHECKS = {"and_weights": judge_and_weights, "or_weights": judge_or_weights, "violated": judge_violated,
          "success_rate": judge_success_rate, "h2_prediction": judge_h2_prediction,
          "gate_names": judge_gate_names, "xor_by_hand": judge_xor_by_hand}
HINTS = {
    "and_weights": ["The unit says 1 when w1 x1 + w2 x2 + b > 0. Write that for each of the four inputs.",
                    "AND needs b < 0, w2 + b < 0, w1 + b < 0 and w1 + w2 + b > 0.",
                    "Try w1 = w2 = 1 and a b between -2 and -1."],
    "or_weights": ["The unit says 1 when w1 x1 + w2 x2 + b > 0. Write that for each of the four inputs.",
                   "OR needs b < 0, w2 + b > 0, w1 + b > 0 and w1 + w2 + b > 0.",
                   "Try w1 = w2 = 1 and a b between -1 and 0."],
    "violated": ["Compute the four left-hand sides: b, w2 + b, w1 + b, w1 + w2 + b.",
                 "Inequality k is broken when its side is on the wrong side of 0, or exactly 0.",
                 "broken = []; if not b < 0: broken.append(1); ... and the same for 2, 3, 4; return broken"],
    "success_rate": ["Each row of y_hat is one network; a network succeeds if all four points are right.",
                     "right = (y_hat > 0.5) == (y > 0.5) has one row per network.",
                     "return right.all(axis=1).mean()"],
    "h2_prediction": ["Two hidden units can represent XOR (notebook 04 builds one by hand). Can gradient descent "
                      "always find it?", "Without biases, each hidden line passes through the origin.",
                      "Think of a fraction of random starts, between 0 and 1."],
    "gate_names": ["Threshold each hidden activation at 0.5 on the four inputs: that is the unit's truth table.",
                   "Write the table as (o00, o01, o10, o11) and look it up: helpers.gates.GATE_NAMES.",
                   "a1 = network.forward(params, data.X)[1]['a1'] > 0.5; column j is unit j's table."],
    "xor_by_hand": ["XOR(x1, x2) = AND(OR(x1, x2), NAND(x1, x2)).",
                    "Column j of W1 and b1[0, j] make hidden unit j; large weights (about 20) keep units near 0/1.",
                    "OR: weights 20, 20, bias -10. NAND: weights -20, -20, bias 30. AND of two: 20, 20, bias -30."],
}
