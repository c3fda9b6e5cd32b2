"""The judges of notebook 02's exercises (declared in declarations/nb02.py): and_weights, or_weights (a single
unit, 1 when w1 x1 + w2 x2 + b > 0), violated (which of the four XOR inequalities a line breaks).
Every judge returns a Verdict and never raises."""
import numbers

import numpy as np

from helpers import data
from helpers.exercises.engine import mistake, recognise
from helpers.exercises.variants import INEQUALITIES, violated_variant
from helpers.exercises.verdicts import Answer, Verdict
from helpers.exercises.words import quoted_number, short

AND, OR, NAND, NOR = (0, 0, 0, 1), (0, 1, 1, 1), (1, 1, 1, 0), (1, 0, 0, 0)
INPUTS = ("(0,0)", "(0,1)", "(1,0)", "(1,1)")


def _weights(name: str, answer):
    """(w1, w2, b) as floats, or a Verdict saying what is wrong with the answer."""
    if answer is None or answer is Ellipsis:
        return Verdict(name, "not attempted", "Set the answer to three numbers (w1, w2, b).")
    if isinstance(answer, np.ndarray) and answer.shape == (3,):
        answer = answer.tolist()
    if (not isinstance(answer, (tuple, list)) or len(answer) != 3
            or not all(isinstance(v, numbers.Real) and np.isfinite(v) for v in answer)):
        if isinstance(answer, (tuple, list)) and any(quoted_number(v) for v in answer):
            return Verdict(name, "not yet", next(quoted_number(v) for v in answer if quoted_number(v)))
        return Verdict(name, "not yet", f"Give three finite numbers (w1, w2, b); got {short(answer)}.")
    return tuple(float(v) for v in answer)


def _unit_weights(name: str, target: tuple, answer) -> Verdict:
    w = _weights(name, answer)
    if isinstance(w, Verdict):
        return w
    w1, w2, b = w
    z = data.X @ np.array([w1, w2]) + b
    # the lab's one rule (helpers.data.THRESHOLD): z > 0 is an output above 0.5, class 1; z = 0 is exactly 0.5, class 0
    table = tuple(int(v) for v in data.predicted_class(0.5 + 0.5 * np.sign(z)))
    gate = "AND" if target == AND else "OR"
    if table == target:
        line = f"{w1:g} x1 {'-' if w2 < 0 else '+'} {abs(w2):g} x2 {'-' if b < 0 else '+'} {abs(b):g}"
        on = [INPUTS[i] for i in range(4) if z[i] == 0]
        note = (f" {' and '.join(on)} lie{'s' if len(on) == 1 else ''} exactly on the line (output exactly 0.5), "
                f"which counts as 0, as {gate} needs there." if on else "")
        return Verdict(name, "correct", f"z = {line} is above 0 exactly where {gate} is 1: "
                       f"the line z = 0 separates the four corners the way {gate} needs.{note}")
    on_line_ones = [i for i in range(4) if z[i] == 0 and target[i] == 1]
    if on_line_ones and all(table[i] == target[i] for i in range(4) if i not in on_line_ones):
        return mistake("or_on_the_line" if gate == "OR" else "on_the_line")
    known = {(AND, OR): "and_is_or", (AND, NAND): "and_is_nand", (OR, AND): "or_is_and", (OR, NOR): "or_is_nor"}
    if (target, table) in known:
        return mistake(known[(target, table)])
    wrong = [f"{INPUTS[i]} gives z = {z[i]:.2f} but should be {'above 0' if target[i] else 'at or below 0'}"
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


def _sorted(result):
    listed = _as_numbers_list(result)
    return None if listed is None else sorted(listed)


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
    got = [None if g is None else sorted(g) for g in got]  # the order of the numbers does not matter
    right = [violated_variant(*t) for t in TRIPLES]
    if got == right:
        return Verdict("violated", "correct", f"For all {len(TRIPLES)} lines at least one inequality broke. Always: "
                       "adding 2 and 3 gives w1 + w2 + 2b > 0, and with 1 (b <= 0) that forces w1 + w2 + b > 0, "
                       "which breaks 4. No line computes XOR.")
    found = recognise("violated", lambda variant: got == [_sorted(variant(*t)) for t in TRIPLES])
    if found:
        return found
    i = next(i for i in range(len(TRIPLES)) if got[i] != right[i])
    if got[i] is None:
        return Verdict("violated", "not yet", f"For (w1, w2, b) = {TRIPLES[i]} you returned "
                       f"{short(results[i])}; return a list of inequality numbers, e.g. [1, 4].")
    w1, w2, b = TRIPLES[i]
    return Verdict("violated", "not yet", f"For (w1, w2, b) = ({w1:.2f}, {w2:.2f}, {b:.2f}) you returned {got[i]}; "
                   f"the broken ones are {right[i]}. Test each: " + ", ".join(f"{k}: {v}" for k, v in
                                                                             INEQUALITIES.items()) + ".")

