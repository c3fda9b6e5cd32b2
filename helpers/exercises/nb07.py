"""The judges of notebook 07's exercises (declared in declarations/nb07.py).

ratio_prediction: a prediction (a number) of ||dW_1|| / ||dW_10|| for ten sigmoid layers, set beside the median
measured over many seeds. A prediction is recorded and compared, never marked wrong: any positive number is
"recorded" (engine.Prediction); only an answer that is not a ratio at all gets "not yet".
xavier_std, he_std: the starts' standard deviations as functions of (fan_in, fan_out), called on several layer
shapes one at a time with plain ints (so math.sqrt, np.sqrt, ** 0.5 all work).
fails_most_depth: the smallest depth at which most sigmoid nets with the naive start fail, read off the sweep the
student ran (helpers.analysis.depth.depth_sweep). Every judge returns a Verdict and never raises.
"""
import math
import numbers

import numpy as np

from helpers.analysis import depth
from helpers.exercises.engine import Prediction, mistake, recognise
from helpers.exercises.kernel import set_after
from helpers.exercises.verdicts import Answer, Verdict
from helpers.exercises.words import not_a_number, short, two

BOUND_LAYERS = 9  # from layer 10 down to layer 1 the signal crosses nine sigmoid slopes


def as_number(x):
    """A finite float from a number (numpy scalars, 0-d arrays too), else None. A number typed as text ("3") is
    not one: the lab refuses it everywhere, saying so (words.quoted_number)."""
    if isinstance(x, np.ndarray) and x.size == 1:
        x = x.item()
    if isinstance(x, bool) or not isinstance(x, (numbers.Real, np.number)):
        return None
    return float(x) if math.isfinite(float(x)) else None


RATIO_PREDICTION = Prediction("ratio_prediction")  # agrees: within a factor of 10 of the measured median


def judge_ratio_prediction(prediction, measured=None) -> Verdict:
    name = "ratio_prediction"
    if prediction is None or prediction is Ellipsis:
        return Verdict(name, "not attempted", "No prediction yet: set ratio_prediction (in section 2, before the "
                       "measurement) to a number, your estimate of ||dW_1|| / ||dW_10||. The measurement is set beside "
                       "it once you have.")
    guess, seen = as_number(prediction), as_number(measured)
    if guess is None:
        return Verdict(name, "not yet", not_a_number(prediction, "ratio_prediction must be one number (e.g. 1e-3 "
                                                     "or 0.25 ** 2)"))
    if guess < 0:
        return mistake("rp_exponent", f" You wrote {guess:g}; 10 ** {guess:g} is {10 ** guess:.2g}.")
    if guess == 0:
        return Verdict(name, "not yet", "A ratio of exactly 0 would mean the first layer gets no gradient at all; "
                       "the slopes are small but never 0. Give your estimate of how small.")
    if seen is None or seen <= 0:
        return Verdict(name, "not yet", "Pass the measured median as the second argument: "
                       "check.ratio_prediction(ratio_prediction, sigmoid_median).")
    late = set_after("ratio_prediction", "init_norms(")
    when = "" if late is None else (f" (Set in In [{late[0]}], after the measurement ran in In [{late[1]}]: next "
                                    "time write it first.)")
    factor = guess / seen
    how = (f"{factor:.2g} times the measurement" if factor >= 1 else f"1/{1 / factor:.2g} of the measurement")
    bound = 0.25 ** BOUND_LAYERS
    return RATIO_PREDICTION(
        f"{guess:.2g}", f"The median measured over the seeds is {seen:.2g}, so your prediction is {how}.{when}",
        0.1 <= factor <= 10, f"The 1/4 bound alone gives (1/4)^9 = {bound:.2g}: nine sigmoid slopes between layer 10 "
        "and layer 1, each at most 1/4. The weights multiply in too (section 3: a factor sqrt(fan_out Var(w)) per "
        "layer), and so does the first layer's input, which is why the measurement is not exactly the bound.")


# the layer shapes a scale is asked for: (fan_in, fan_out), square and not, small and large
SHAPES = ((2, 8), (8, 8), (8, 1), (32, 32), (100, 50), (3, 300))


def xavier(fan_in, fan_out):
    return math.sqrt(2 / (fan_in + fan_out))


def he(fan_in, fan_out):
    return math.sqrt(2 / fan_in)


def _scales(name: str, f, right, correct: str) -> Verdict:
    run = Answer(name, f)
    got = []
    for fan_in, fan_out in SHAPES:
        value = run(fan_in, fan_out)
        if run.problem:
            return run.problem
        number = as_number(value)
        if number is None:
            what = "None: did you forget `return`?" if value is None else (
                f"the text {short(value)}" if isinstance(value, str) else f"{type(value).__name__} {short(value)}")
            return Verdict(name, "not yet", f"{name}({fan_in}, {fan_out}) returned {what}; it should return one "
                           "number, the standard deviation.")
        got.append(number)
    want = np.array([right(*s) for s in SHAPES])
    if np.allclose(got, want, rtol=1e-6):
        return Verdict(name, "correct", correct)
    found = recognise(name, lambda variant: np.allclose(got, [variant(*s) for s in SHAPES], rtol=1e-6))
    if found:
        return found
    i = int(np.argmax(np.abs(np.array(got) - want) / want))
    shown = two(got[i], want[i])
    return Verdict(name, "not yet", f"For fan_in = {SHAPES[i][0]}, fan_out = {SHAPES[i][1]} you return {shown[0]}; "
                   f"the start's standard deviation there is {shown[1]}.")


def judge_xavier_std(f) -> Verdict:
    return _scales("xavier_std", f, xavier, "Var(w) = 2 / (fan_in + fan_out): halfway (in 1/Var) between keeping the "
                   "forward signal (fan_in Var(w) = 1) and the backward signal (fan_out Var(w) = 1) for a unit whose "
                   "slope is 1 near 0, as tanh's is. The standard deviation is its square root.")


def judge_he_std(f) -> Verdict:
    return _scales("he_std", f, he, "Var(w) = 2 / fan_in: relu passes half of its inputs on (slope 1) and stops "
                   "the other half (slope 0), so fan_in Var(w) (1/2) = 1 keeps the signal's size. fan_out does not "
                   "enter He's forward rule.")


def _table(sweep):
    """(depths, solved, n, activation, init) from a depth_sweep result, or None if it cannot be read."""
    try:
        t = sweep["table"]
        return ([int(v) for v in t["depth"]], [int(v) for v in t["solved"]], [int(v) for v in t["n"]],
                sweep["activation"], sweep["init"])
    except (TypeError, KeyError, ValueError, IndexError):
        return None


def judge_fails_most_depth(answer, sweep=None) -> Verdict:
    name = "fails_most_depth"
    if answer is None or answer is Ellipsis:
        return Verdict(name, "not attempted", "Set fails_most_at to a depth (an integer) once your sweep has run.")
    table = _table(sweep)
    if table is None:
        return Verdict(name, "not yet", "Pass your sweep as the second argument: "
                       "check.fails_most_depth(fails_most_at, sigmoid_sweep), sigmoid_sweep from depth.depth_sweep.")
    depths, solved, n, activation, init = table
    if (activation, init) != ("sigmoid", "naive"):
        return Verdict(name, "not yet", f"Your sweep trained {activation} with the {init} start; the question is "
                       "about sigmoid with the naive start: depth_sweep('sigmoid', 'naive', ...).")
    if depths != list(range(1, len(depths) + 1)):
        return Verdict(name, "not yet", f"Your sweep's depths are {depths}: run every depth from 1 up (range(1, 9)), "
                       "or the smallest one cannot be told.")
    rows = "; ".join(f"depth {d}: {k} of {m}" for d, k, m in zip(depths, solved, n))
    truth = depth.fails_most_depth(sweep)
    guess = as_number(answer)
    if guess is not None and 0 < guess < 1:
        return mistake("fm_rate", f" Your sweep, solved at each depth's tuned lr: {rows}.")
    if guess is None or not float(guess).is_integer():
        return Verdict(name, "not yet", not_a_number(answer, "fails_most_at must be a depth, a whole number"))
    guess = int(guess)
    if truth is None:
        return Verdict(name, "not yet", f"In your sweep no depth fails most runs ({rows}): go deeper.")
    if guess == truth:
        lo, hi = depth.wilson(solved[truth - 1], n[truth - 1])
        close = (" The interval holds one half: with more seeds this depth could come out either side of it."
                 if lo <= 0.5 <= hi else "")
        return Verdict(name, "correct", f"Depth {truth}: {solved[truth - 1]} of {n[truth - 1]} solve there (95% "
                       f"interval {lo:.0%} to {hi:.0%}), more than half fail, and every shallower depth solves more "
                       f"than half.{close} Your sweep: {rows}. Each depth at its own tuned lr, so a larger step does "
                       "not save it within these steps (section 4's longer run: more steps do, for a while).")
    first_fail = next((d for d, k, m in zip(depths, solved, n) if k < m), None)
    none = next((d for d, k in zip(depths, solved) if k == 0), None)
    if guess == first_fail:
        return mistake("fm_any_failure", f" Your sweep: {rows}.")
    if guess == truth - 1:
        return mistake("fm_last_success", f" Your sweep: {rows}.")
    if guess == none:
        return mistake("fm_all_fail", f" Your sweep: {rows}.")
    return Verdict(name, "not yet", f"Read the sweep again, row by row: {rows}. The question is the smallest depth "
                   "where fewer than half of the runs solve XOR.")
