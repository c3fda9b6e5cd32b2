"""The judges of notebook 03's exercises (declared in declarations/nb03.py): success_rate, h2_prediction.
Every judge returns a Verdict and never raises."""
import numbers

import numpy as np

from helpers import data
from helpers.exercises.engine import Prediction, mistake, recognise
from helpers.exercises.kernel import set_after
from helpers.exercises.variants import rate_variant
from helpers.exercises.verdicts import Answer, Verdict, as_array
from helpers.exercises.words import not_a_number, two

# 03: two sets of nets' outputs on XOR's four inputs (y = 0, 1, 1, 0). A mistake is named only when its
# variant gives what the student's function gave on both; between them every variant differs from the
# right answer and from every other variant (tests/test_feedback_corpus.py checks that). Set A has
# outputs of exactly 0.5 (class 0: right at a target 0, wrong at a target 1) and right-but-unsure nets.
_Y = data.y.ravel()
RATE_A = np.array([
    [0.05, 0.95, 0.95, 0.05],  # right, confident
    [0.02, 0.97, 0.99, 0.08],  # right, confident
    [0.40, 0.60, 0.60, 0.40],  # right, not confident
    [0.50, 0.90, 0.90, 0.10],  # right: exactly 0.5 at a target 0 is class 0
    [0.10, 0.90, 0.90, 0.50],  # right, the same at (1,1)
    [0.10, 0.50, 0.90, 0.10],  # wrong: exactly 0.5 at a target 1 is class 0 too
    [0.10, 0.90, 0.90, 0.70],  # 3 of 4
    [0.70, 0.30, 0.90, 0.10],  # 2 of 4
    [0.90, 0.90, 0.90, 0.90],  # every output above 0.5: 2 of 4
    [0.10, 0.90, 0.20, 0.10],  # 3 of 4
])


def _random_nets(seed: int = 5, S: int = 13) -> np.ndarray:
    """S nets, each point right with probability 0.8 ((0,0) always), some outputs exactly 0.5."""
    rng = np.random.default_rng(seed)
    right = rng.uniform(size=(S, 4)) < 0.8
    right[:, 0] = True
    margin = rng.uniform(0.02, 0.49, (S, 4))
    y_hat = np.where(np.where(right, _Y, 1 - _Y) > 0.5, 0.5 + margin, 0.5 - margin)
    y_hat[:, 1:][rng.uniform(size=(S, 3)) < 0.1] = 0.5
    return np.round(y_hat, 3)


RATE_SETS = [RATE_A, _random_nets()]
SURE, UNSURE = np.array([[0.01, 0.99, 0.99, 0.01]]), np.array([[0.49, 0.51, 0.51, 0.49]])  # both right


def _rates(run, sets):
    """The student's rate on each set as a float, or (None, the problem)."""
    rates = []
    for y_hat in sets:
        arr, problem = as_array(run(y_hat.copy(), _Y.copy()), (), "What your function returned")
        if run.problem or run.too_slow():
            return None, run.problem or run.too_slow()
        if problem:
            return None, Verdict("success_rate", "not yet", problem)
        rates.append(float(arr))
    return rates, None


def judge_success_rate(f) -> Verdict:
    run = Answer("success_rate", f)
    got, problem = _rates(run, RATE_SETS)
    if problem:
        return problem
    right = [float(rate_variant(s, _Y)) for s in RATE_SETS]
    close = 1e-6  # a rate is a fraction of at most 13 nets: float32's rounding is far below any count's step
    if all(abs(g - r) < close for g, r in zip(got, right)):
        return Verdict("success_rate", "correct", f"{right[0]:.3f} and {right[1]:.3f} of these nets succeed: a net "
                       "counts only when all four points are on the right side of 0.5 (exactly 0.5 is class 0).")
    found = recognise("success_rate", lambda variant: all(abs(g - variant(s, _Y)) < close
                                                          for g, s in zip(got, RATE_SETS)))
    if found:
        return found
    sure, _ = _rates(run, [SURE, UNSURE])
    if sure == [1.0, 0.0]:  # right about a confident net, fails a right but unsure one
        return mistake("r_confident")
    i = next(i for i in range(len(got)) if abs(got[i] - right[i]) >= close)
    S, shown = len(RATE_SETS[i]), two(got[i], right[i])
    return Verdict("success_rate", "not yet", f"For {S} nets of which {round(right[i] * S)} get all four points right "
                   f"you returned {shown[0]}; the rate is {shown[1]}. Print your intermediate arrays on a few "
                   "rows of y_hat to see where they differ.")


H2_PREDICTION = Prediction("h2_prediction")


def judge_h2_prediction(prediction, measured=None) -> Verdict:
    if prediction is None or prediction is Ellipsis:
        return Verdict("h2_prediction", "not attempted", "No prediction yet: set h2_prediction (near the top of the "
                       "notebook) to a number between 0 and 1. The measured rate is shown once a prediction is set.")
    ok = [isinstance(v, numbers.Real) and not isinstance(v, bool) and np.isfinite(v) for v in (prediction, measured)]
    if not ok[1] or not 0 <= measured <= 1:
        return Verdict("h2_prediction", "not yet", "The second argument must be the success rate (0..1) that the "
                       "sweep above measured.")
    if ok[0] and 1 < prediction <= 100:
        return mistake("p_percent", f" You wrote {prediction:g}: as a fraction that is {prediction / 100:g}.")
    if not ok[0] or not 0 <= prediction <= 1:
        return Verdict("h2_prediction", "not yet", not_a_number(prediction, "Give a fraction between 0 and 1"))
    late = set_after("h2_prediction", "run_sweep(")  # from the kernel's history: None outside a notebook
    said = f"{prediction:.2f}" if late is None else (
        f"{prediction:.2f}, but set in In [{late[0]}], after the sweep ran in In [{late[1]}] and showed its result, "
        "so it is not a prediction: next time write it first")
    why = " Two units can represent XOR, and without biases only some random starts lead gradient descent there."
    close = abs(prediction - measured) <= 0.15
    key = None if close else "p_trusted_text" if prediction >= 0.9 and measured < 0.5 else \
        "p_never" if prediction <= 0.05 and measured >= 0.1 else None
    if not close and key is None:
        how = "more optimistic" if prediction > measured else "more pessimistic"
        why = f" Your prediction was {how} than the sweep: look at where the failed runs end (the section " \
              "'Where failed runs get stuck')."
    return H2_PREDICTION(said, f"The sweep measured {measured:.2f} (within 0.15 counts as agreeing).", close,
                         why if key is None else "", key)

