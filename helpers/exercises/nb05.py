"""The judges of notebook 05's exercises (declared in declarations/nb05.py).

ce_delta: the cross-entropy output delta dL/dz2 as a function of y_hat and y.
tanh_grad: the derivative of tanh, elementwise.
fails_most: a prediction (which hidden activation fails most with two units) set beside the
measurement; the measurement is shown only once a prediction is recorded.
Every judge returns a Verdict and never raises.
"""
import numbers

import numpy as np

from helpers.exercises.engine import Prediction, judge_array, mistake
from helpers.exercises.verdicts import Verdict

# ce_delta: six examples, targets 0 and 1, outputs on both sides of 0.5, none at 0.5 (so no variant
# coincides with the right answer)
Y_HAT = np.array([[0.1], [0.3], [0.6], [0.9], [0.02], [0.75]])
Y = np.array([[0.0], [1.0], [0.0], [1.0], [1.0], [0.0]])


def ce_loss(y_hat, y):
    return -np.sum(y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat))


def _scalar(result):
    """The loss itself, or the deltas summed (db2), returned where one delta per example belongs."""
    if isinstance(result, (numbers.Real, np.number)) and not isinstance(result, (bool, np.bool_)):
        if np.isclose(float(result), ce_loss(Y_HAT, Y)):
            return mistake("ce_loss")
        if np.isclose(float(result), (Y_HAT - Y).sum()):
            return mistake("ce_sum")
    return None


def judge_ce_delta(f) -> Verdict:
    right = Y_HAT - Y

    def pointer(arr):
        i = int(np.argmax(np.abs(arr - right)))
        return f"At y_hat = {Y_HAT[i, 0]:.2f}, y = {Y[i, 0]:.0f} you return {arr[i, 0]:.4f}; dL/dz2 there is " \
               f"{right[i, 0]:.4f}."
    return judge_array("ce_delta", f, (Y_HAT, Y), right, "dL/dz2 = y_hat - y: the sigma'(z2) factor cancels, so a "
                       "confidently wrong output (y_hat near 1, y = 0) gets a delta near 1, not near 0.",
                       pointer, _scalar)


Z = np.linspace(-3.0, 3.0, 12).reshape(3, 4)  # tanh_grad: z on a (3, 4) grid, so a shape mistake shows


def judge_tanh_grad(f) -> Verdict:
    right = 1 - np.tanh(Z) ** 2

    def pointer(arr):
        i = np.unravel_index(np.argmax(np.abs(arr - right)), Z.shape)
        return f"At z = {Z[i]:.2f} you return {arr[i]:.4f}; tanh'(z) is {right[i]:.4f}. Compute t = np.tanh(z), " \
               "then 1 - t * t."
    return judge_array("tanh_grad", f, (Z,), right, "tanh'(z) = 1 - tanh(z)^2: 1 at z = 0 (four times the sigmoid's "
                       "1/4) and nearly 0 for large |z|, so tanh units saturate too, but learn faster near 0.", pointer)


ACTIVATIONS = ("sigmoid", "tanh", "relu")
FAILS_MOST = Prediction("fails_most")


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
    more = "" if len(tied) == 1 else f" ({' and '.join(tied)} cannot be told apart at this many starts)"
    why = " A relu unit whose input is <= 0 at all four points is dead (zero gradient), and two units have none " \
          "to spare: section 3's dead-unit counts show it."
    steps = {name: row[4] for name, row in rows.items()}
    if guess not in tied and guess == "sigmoid" and not np.isnan(list(steps.values())).any() \
            and max(steps, key=steps.get) == "sigmoid":
        return FAILS_MOST(guess, f"{seen}.{more}", False, f" (median {steps['sigmoid']:,.0f} with 2 units, against "
                          f"{steps['tanh']:,.0f} for tanh and {steps['relu']:,.0f} for relu), but they get there."
                          + why, "fails_slow_is_failing")
    return FAILS_MOST(guess, f"{seen}.{more}", guess in tied, why)


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

