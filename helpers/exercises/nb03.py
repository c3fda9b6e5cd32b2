"""The exercise checks of notebook 03: success_rate, h2_prediction. Every judge returns a Verdict and never raises."""
import numbers

import numpy as np

from helpers import data
from helpers.exercises.mistakes import CATALOGUE, mistake
from helpers.exercises.variants import rate_variant
from helpers.exercises.verdicts import Answer, Verdict, as_array

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
            return mistake(m.key)
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
        return mistake("p_percent")
    if not ok[0] or not 0 <= prediction <= 1:
        return Verdict("h2_prediction", "not yet", f"Give a fraction between 0 and 1; got {prediction!r}.")
    said = f"You predicted {prediction:.2f}; the sweep measured {measured:.2f}."
    if abs(prediction - measured) <= 0.15:
        return Verdict("h2_prediction", "correct", f"{said} Close: two units can represent XOR, and without biases "
                       "only some random starts lead gradient descent there.")
    if prediction >= 0.9 and measured < 0.5:
        return mistake("p_trusted_text", f" {said}")
    if prediction <= 0.05 and measured >= 0.1:
        return mistake("p_never", f" {said}")
    how = "Too optimistic" if prediction > measured else "Too pessimistic"
    return Verdict("h2_prediction", "not yet", f"{said} {how}: look at where the failed runs end "
                   "(stuck on a plateau, 3 of 4 right).")


CHECKS = {"success_rate": judge_success_rate, "h2_prediction": judge_h2_prediction}
HINTS = {
    "success_rate": ["Each row of y_hat is one network; a network succeeds if all four points are right.",
                     "right = (y_hat > 0.5) == (y > 0.5) has one row per network.",
                     "return right.all(axis=1).mean()"],
    "h2_prediction": ["Two hidden units can represent XOR (notebook 04 builds one by hand). Can gradient descent "
                      "always find it?", "Without biases, each hidden line passes through the origin.",
                      "Think of a fraction of random starts, between 0 and 1."],
}
