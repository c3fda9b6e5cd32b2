"""The exercise checks of notebook 05 (collected with the others in helpers/exercises.py as `check`).

ce_delta: the cross-entropy output delta dL/dz2 as a function of y_hat and y.
tanh_grad: the derivative of tanh, elementwise.
fails_most: a prediction (which hidden activation fails most with two units) set beside the
measurement; the measurement is shown only once a prediction is recorded.
Every judge returns a Verdict and never raises. A known mistake is named only when the student's
answer equals that mistake's variant on the test inputs (the variants are below, beside the right
answers). `solution(name)` (helpers/exercises/__init__.py) prints the full answer.
"""
import numbers

import numpy as np

from helpers.exercises.verdicts import Answer, Verdict, as_array, same
from helpers.network import sigmoid

# ce_delta: six examples, targets 0 and 1, outputs on both sides of 0.5, none at 0.5 (so no variant
# coincides with the right answer)
Y_HAT = np.array([[0.1], [0.3], [0.6], [0.9], [0.02], [0.75]])
Y = np.array([[0.0], [1.0], [0.0], [1.0], [1.0], [0.0]])


def _ce_loss(y_hat, y):
    return -np.sum(y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat))


CE_MISTAKES = [  # (key, variant of the answer, what the student sees)
    ("ce_squared", lambda p, y: (p - y) * p * (1 - p),
     "That is the squared error's delta, (y_hat - y) y_hat (1 - y_hat). With cross-entropy, dL/dy_hat has "
     "y_hat (1 - y_hat) in its denominator, and it cancels the sigma'(z2) = y_hat (1 - y_hat) of the chain rule."),
    ("ce_sign", lambda p, y: y - p,
     "The sign is flipped: the loss grows as y_hat moves above y, so dL/dz2 is positive there."),
    ("ce_dyhat", lambda p, y: (p - y) / (p * (1 - p)),
     "That is dL/dy_hat, one step short: multiply by dy_hat/dz2 = y_hat (1 - y_hat) to get dL/dz2."),
    ("ce_mean", lambda p, y: (p - y) / len(y),
     "Your delta is divided by N: the loss here is a sum over the examples, so each example's delta stands alone."),
]


def judge_ce_delta(f) -> Verdict:
    run = Answer("ce_delta", f)
    result = run(Y_HAT.copy(), Y.copy())
    if run.problem or run.too_slow():
        return run.problem or run.too_slow()
    right = Y_HAT - Y
    if isinstance(result, (numbers.Real, np.number)) and not isinstance(result, (bool, np.bool_)):
        value = float(result)
        if np.isclose(value, _ce_loss(Y_HAT, Y)):
            return Verdict("ce_delta", "not yet", "You returned the loss itself; return its derivative dL/dz2, "
                           "one number per example (N, 1).", mistake="ce_loss")
        if np.isclose(value, right.sum()):
            return Verdict("ce_delta", "not yet", "You summed the deltas over the examples (that sum is db2); "
                           "return one delta per example, shape (N, 1).", mistake="ce_sum")
    arr, problem = as_array(result, Y.shape, "What your function returned")
    if arr is not None and same(arr, right):
        return Verdict("ce_delta", "correct", "dL/dz2 = y_hat - y: the sigma'(z2) factor cancels, so a confidently "
                       "wrong output (y_hat near 1, y = 0) gets a delta near 1, not near 0.")
    if arr is not None:
        for key, variant, message in CE_MISTAKES:
            if same(arr, variant(Y_HAT, Y)):
                return Verdict("ce_delta", "not yet", message, mistake=key)
    if problem:
        return Verdict("ce_delta", "not yet", problem)
    i = int(np.argmax(np.abs(arr - right)))
    return Verdict("ce_delta", "not yet", f"At y_hat = {Y_HAT[i, 0]:.2f}, y = {Y[i, 0]:.0f} you return "
                   f"{arr[i, 0]:.4f}; dL/dz2 there is {right[i, 0]:.4f}.")


# tanh_grad: z on a (3, 4) grid, so a shape mistake shows
Z = np.linspace(-3.0, 3.0, 12).reshape(3, 4)


def _sg(z):
    s = sigmoid(z)
    return s * (1 - s)


TANH_MISTAKES = [
    ("tanh_z", lambda z: 1 - z ** 2, "You used z where tanh(z) belongs: the derivative is 1 - tanh(z)^2."),
    ("tanh_sigmoid_form", lambda z: np.tanh(z) * (1 - np.tanh(z)),
     "a (1 - a) is the sigmoid's derivative written with its output; tanh's is 1 - a^2 with a = tanh(z)."),
    ("tanh_no_square", lambda z: 1 - np.tanh(z), "The square is missing: 1 - tanh(z)^2."),
    ("tanh_square_outside", lambda z: (1 - np.tanh(z)) ** 2, "Square tanh(z), not the difference: 1 - tanh(z)^2."),
    ("tanh_plus", lambda z: 1 + np.tanh(z) ** 2, "A sign: the slope of tanh falls from 1 at z = 0, so it is "
     "1 - tanh(z)^2, not 1 + tanh(z)^2."),
    ("tanh_sigmoid", _sg, "That is the sigmoid's derivative sigma(z) (1 - sigma(z)); tanh's is 1 - tanh(z)^2 "
     "(it equals 4 sigma'(2z): four times steeper at 0)."),
    ("tanh_itself", np.tanh, "You returned tanh(z) itself; the check wants its derivative."),
    ("tanh_second", lambda z: -2 * np.tanh(z) * (1 - np.tanh(z) ** 2),
     "That is the second derivative; one differentiation is enough: 1 - tanh(z)^2."),
]


def judge_tanh_grad(f) -> Verdict:
    run = Answer("tanh_grad", f)
    result = run(Z.copy())
    if run.problem or run.too_slow():
        return run.problem or run.too_slow()
    right = 1 - np.tanh(Z) ** 2
    arr, problem = as_array(result, Z.shape, "What your function returned")
    if arr is not None and same(arr, right):
        return Verdict("tanh_grad", "correct", "tanh'(z) = 1 - tanh(z)^2: 1 at z = 0 (four times the sigmoid's 1/4) "
                       "and nearly 0 for large |z|, so tanh units saturate too, but learn faster near 0.")
    if arr is not None:
        for key, variant, message in TANH_MISTAKES:
            if same(arr, variant(Z)):
                return Verdict("tanh_grad", "not yet", message, mistake=key)
    if problem:
        return Verdict("tanh_grad", "not yet", problem)
    i = np.unravel_index(np.argmax(np.abs(arr - right)), Z.shape)
    return Verdict("tanh_grad", "not yet", f"At z = {Z[i]:.2f} you return {arr[i]:.4f}; tanh'(z) is {right[i]:.4f}. "
                   "Compute t = np.tanh(z), then 1 - t * t.")


ACTIVATIONS = ("sigmoid", "tanh", "relu")


def judge_fails_most(prediction, activations=None) -> Verdict:
    if prediction is None or prediction is Ellipsis:
        return Verdict("fails_most", "not attempted", "Record your prediction first: set fails_most_prediction to "
                       "'sigmoid', 'tanh' or 'relu' in section 3. The measurement is shown once you have.")
    guess = prediction.strip().lower() if isinstance(prediction, str) else None
    if guess not in ACTIVATIONS:
        return Verdict("fails_most", "not yet", f"fails_most_prediction must be 'sigmoid', 'tanh' or 'relu' (a "
                       f"string); got {prediction!r}.")
    rows = _two_units(activations)
    if rows is None:
        return Verdict("fails_most", "not yet", "Pass the `activations` tables of section 3 as the second argument: "
                       "check.fails_most(fails_most_prediction, activations).")
    worst = min(rows, key=lambda name: rows[name][0] / rows[name][1])
    # every activation whose 95% interval overlaps the worst one's cannot be told apart from it
    tied = [name for name in ACTIVATIONS if rows[name][2] <= rows[worst][3]]
    seen = "Measured with 2 hidden units: " + "; ".join(
        f"{name} {k} of {n} solve XOR ({100 * lo:.0f}% to {100 * hi:.0f}%)" for name, (k, n, lo, hi, _) in rows.items())
    if guess in tied:
        more = "" if len(tied) == 1 else f" ({' and '.join(tied)} cannot be told apart at this many starts)"
        return Verdict("fails_most", "correct", f"You predicted {guess}. {seen}.{more} A relu unit whose input is "
                       "<= 0 at all four points is dead (zero gradient), and two units have none to spare.")
    steps = {name: row[4] for name, row in rows.items()}
    if guess == "sigmoid" and not np.isnan(list(steps.values())).any() and max(steps, key=steps.get) == "sigmoid":
        return Verdict("fails_most", "not yet", f"You predicted sigmoid. {seen}. Slow is not the same as failing: "
                       f"sigmoid nets take the most steps (median {steps['sigmoid']:,.0f} with 2 units, against "
                       f"{steps['tanh']:,.0f} for tanh and {steps['relu']:,.0f} for relu), but they get there.",
                       mistake="fails_slow_is_failing")
    return Verdict("fails_most", "not yet", f"You predicted {guess}. {seen}. Look at section 3's dead-unit counts.")


def _two_units(activations):
    """{name: (solved, n, low, high, median steps-to-solved)} at 2 hidden units from the section-3 tables,
    or None if they cannot be read."""
    try:
        rows = {}
        for name in ACTIVATIONS:
            t = activations[name]
            i = list(np.asarray(t["hidden"]).tolist()).index(2)
            median = float(t["median_steps"][i]) if "median_steps" in t else float("nan")
            rows[name] = (int(t["solved"][i]), int(t["n"][i]), float(t["low"][i]), float(t["high"][i]), median)
        return rows
    except (TypeError, KeyError, ValueError, IndexError):
        return None


CHECKS = {"ce_delta": judge_ce_delta, "tanh_grad": judge_tanh_grad, "fails_most": judge_fails_most}
HINTS = {
    "ce_delta": ["Chain rule: dL/dz2 = dL/dy_hat * dy_hat/dz2. Work out each factor for one example.",
                 "dL/dy_hat = -y / y_hat + (1 - y) / (1 - y_hat) = (y_hat - y) / (y_hat (1 - y_hat)), and "
                 "dy_hat/dz2 = y_hat (1 - y_hat).",
                 "Multiply the two factors and simplify: one line of NumPy on the two (N, 1) arrays, "
                 "no sum and no mean."],
    "tanh_grad": ["Write tanh with exponentials, (e^z - e^-z) / (e^z + e^-z), and use the quotient rule; or use "
                  "tanh(z) = 2 sigmoid(2z) - 1 and the sigmoid's derivative.",
                  "d tanh(z)/dz = 1 - tanh(z)^2 (which is also 1 / cosh(z)^2).",
                  "Compute tanh(z) once, elementwise, then return an expression in it: no loop, no exp needed."],
    "fails_most": ["Ask what can stop a hidden unit from learning at all, not just slow it down.",
                   "A relu unit whose input is <= 0 at all four points outputs 0 and gets zero gradient; a sigmoid "
                   "or tanh unit always has some slope.",
                   "Set fails_most_prediction = 'sigmoid', 'tanh' or 'relu' (a string) in section 3 and run the "
                   "cells from there down."],
}
