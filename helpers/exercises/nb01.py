"""The judges of notebook 01's exercises (declared in declarations/nb01.py): sigmoid_grad, backward,
gradient_step, lr_five.

Each is judged against the core's own functions (network.sigmoid, network.backward, one step of
train.gradient_descent); a known mistake is named when its wrong function (variants.py) gives what the
student's gave. Every judge returns a Verdict and never raises.
"""
import functools

import numpy as np

from helpers import data, gradcheck, network, train
from helpers.analysis import explain
from helpers.exercises.engine import Prediction, judge_array, mistake, recognise
from helpers.exercises.verdicts import Answer, Verdict, as_array, as_numbers, same, same_dict
from helpers.exercises.words import raw, short, tolerance, two

# sigma'(z) on a (3, 4) grid of z, so a shape mistake shows; z = 0 among them, as at input (0, 0) without biases
Z = np.append(np.linspace(-4.0, 4.0, 11), 0.3).reshape(3, 4)


def judge_sigmoid_grad(f) -> Verdict:
    s = network.sigmoid(Z)

    def pointer(arr):
        i = np.unravel_index(np.argmax(np.abs(arr - s * (1 - s))), Z.shape)
        got, want = two(arr[i], s[i] * (1 - s[i]))
        return f"At z = {Z[i]:.2f} you return {got}; sigma'(z) is {want} (it peaks at 0.25 at z = 0 and is " \
               "symmetric about it: compare your values at z and -z)."
    return judge_array("sigmoid_grad", f, (Z,), s * (1 - s), "sigma'(z) = sigma(z) (1 - sigma(z)): at most 0.25 "
                       "(at z = 0) and nearly 0 for large |z|, which is why a saturated unit learns slowly.", pointer)


# 01: backward pass on a net with H = 3 (non-square W1), biases, N = 4, and no symmetry
_rng = np.random.default_rng(2024)
TEST_NET = {"W1": _rng.normal(0, 1, (2, 3)), "b1": _rng.normal(0, 1, (1, 3)),
            "W2": _rng.normal(0, 1, (3, 1)), "b2": _rng.normal(0, 1, (1, 1))}


def _copies(d: dict) -> dict:
    return {k: np.array(v, dtype=np.float64) for k, v in d.items()}


NO_BIAS_NET = network.init_reference()  # the notebook's own net: W1 (2, 4), W2 (4, 1), no b1 or b2


def _without_biases(exercise: str, run: Answer, result, right: dict) -> Verdict:
    """The verdict for an answer on NO_BIAS_NET (result), or None when it matches `right`: a net without biases
    is the one notebook 01 trains, so reading params["b1"] there is a mistake a net with biases never shows."""
    if run.problem is not None:
        text = run.problem.text
        said = raw(text)
        if said.startswith("KeyError") and any(k in said for k in ("b1", "b2")):
            return Verdict(exercise, "not yet", "Your answer is right on a net with biases, but the reference net has "
                           "no biases (no b1, b2, db1, db2: notebook 01 trains it so), and there your function raised "
                           f"{said}: read a bias, and return its gradient, only when 'b1' is in params.")
        return Verdict(exercise, "not yet", "Your answer is right on a net with biases, but on the reference net, "
                       "which has none: " + text)
    got, (rtol, _) = (as_numbers(result) if isinstance(result, dict) else None), tolerance(result)
    if got is None or not same_dict(got, right, rtol):
        wrong = [k for k in right if got is None or k not in got or not same(got[k], right[k], rtol)]
        return Verdict(exercise, "not yet", "On a net with biases your answer is right, but on the reference net, "
                       f"which has no biases, {', '.join(wrong)} came out different: look at what your code does "
                       "when params has no 'b1' or 'b2'.")
    return None


def judge_backward(f) -> Verdict:
    run = Answer("backward", f)
    _, cache = network.forward(TEST_NET, data.X)
    result = run(_copies(TEST_NET), _copies(cache), data.y.copy())
    if run.problem or run.too_slow():
        return run.problem or run.too_slow()
    if not isinstance(result, dict):
        return Verdict("backward", "not yet", as_array(result, (), "What your function returned")[1] if result is None
                       else f"Your function returned a {type(result).__name__}; return a dict "
                       "{'dW1': ..., 'dW2': ..., 'db1': ..., 'db2': ...}.")
    right = network.backward(TEST_NET, cache, data.y)  # the core's own backward pass is the answer
    missing = [k for k in right if k not in result]
    if missing:
        return Verdict("backward", "not yet", f"The dict has no {', '.join(missing)}: return a gradient for every "
                       "parameter (db1 and db2 too when params has biases).")
    got, (rtol, precision) = as_numbers(result), tolerance(result)
    if got is not None and same_dict(got, right, rtol):
        _, plain = network.forward(NO_BIAS_NET, data.X)
        unbiased = _without_biases("backward", run, run(_copies(NO_BIAS_NET), _copies(plain), data.y.copy()),
                                   network.backward(NO_BIAS_NET, plain, data.y))
        if unbiased is not None:
            return unbiased
        errors = gradcheck.grad_check(TEST_NET, data.X, data.y, backward_pass=f)
        return Verdict("backward", "correct", "Your gradients equal the reference ones, and central differences "
                       f"agree: the largest relative error is {max(errors.values()):.0e} (below 1e-7 means right)."
                       f"{precision}")
    found = recognise("backward", lambda v: got is not None and same_dict(got, v(_copies(TEST_NET), cache, data.y),
                                                                              rtol))
    if found:
        return found
    for k, v in right.items():
        problem = as_array(result[k], v.shape, k)[1]
        if problem:
            return Verdict("backward", "not yet", problem)
    wrong = [k for k in right if not same(got[k], right[k], rtol)]
    with np.errstate(all="ignore"):  # a zero gradient gives inf or nan here, which simply fails the test below
        ratios = np.concatenate([(got[k] / right[k]).ravel() for k in right])
    if np.allclose(ratios, ratios[0], rtol=1e-6) and f"{ratios[0]:.3g}" not in ("1", "-1"):
        return Verdict("backward", "not yet", f"Every gradient is {ratios[0]:.3g} times the right one: look for a "
                       "stray constant factor (L = 1/2 sum (y_hat - y)^2 is the stated loss).")
    if np.allclose(ratios, ratios[0], rtol=1e-6):
        return Verdict("backward", "not yet", f"Every gradient is {ratios[0]:.9g} times the right one: close, but "
                       "more than rounding apart. Compute in float64 (NumPy's default) with the stated loss.")
    where = "the hidden layer (d_hid)" if set(wrong) <= {"dW1", "db1"} else "the output delta (d_out) or dW2/db2"
    return Verdict("backward", "not yet", f"{', '.join(wrong)} wrong, the others right: look in {where}.")


# 01: one gradient-descent step on a net with H = 2 (so W1 - lr * dW2 broadcasts and can be recognised)
_rng = np.random.default_rng(7)
STEP_NET = {name: _rng.normal(0, 1, shape) for name, shape in (("W1", (2, 2)), ("b1", (1, 2)), ("W2", (2, 1)),
                                                                 ("b2", (1, 1)))}
STEP_GRADS = {"d" + name: _rng.normal(0, 1, value.shape) for name, value in STEP_NET.items()}
STEP_LR = 0.3  # lr, lr * lr, 2 lr and 1 all differ
NO_BIAS_GRADS = {"dW1": _rng.normal(0, 1, (2, 4)), "dW2": _rng.normal(0, 1, (4, 1))}  # for NO_BIAS_NET


def judge_gradient_step(f) -> Verdict:
    run = Answer("gradient_step", f)
    given = _copies(STEP_NET)
    arrays = dict(given)  # the caller's arrays themselves, to tell arrays changed in place from a dict refilled
    result = run(given, _copies(STEP_GRADS), STEP_LR)
    if run.problem or run.too_slow():
        return run.problem or run.too_slow()
    right = {name: value - STEP_LR * STEP_GRADS['d' + name] for name, value in STEP_NET.items()}  # W - lr dW
    changed = [k for k in STEP_NET if not same(arrays[k], STEP_NET[k])]  # arrays changed in place
    if result is None and same_dict(given, right):
        return mistake("g_in_place_none")
    got, (rtol, precision) = (as_numbers(result) if isinstance(result, dict) else None), tolerance(result)
    if got is not None and same_dict(got, right, rtol):
        if changed:  # the new values are right, but the caller's arrays changed too
            return mistake("g_in_place" if result is given else "g_shallow_copy", f" (changed: {', '.join(changed)})")
        if result is given:  # right values stored into the caller's own dict (new = params; new[name] = ...)
            return mistake("g_same_dict")
        unbiased = _without_biases("gradient_step", run, run(_copies(NO_BIAS_NET), _copies(NO_BIAS_GRADS), STEP_LR),
                                   {k: v - STEP_LR * NO_BIAS_GRADS["d" + k] for k, v in NO_BIAS_NET.items()})
        if unbiased is not None:
            return unbiased
        return Verdict("gradient_step", "correct", "Every parameter moved against its own gradient, scaled by lr: "
                       f"W <- W - lr dL/dW, in a new dict. train() repeats exactly this step.{precision}")
    found = recognise("gradient_step", lambda v: got is not None and same_dict(
        got, v(_copies(STEP_NET), _copies(STEP_GRADS), STEP_LR), rtol))
    if found and found.mistake != "g_global_lr" or got is None:
        return found or Verdict("gradient_step", "not yet", as_array(result, (), "What your function returned")[1]
                                if result is None else "Return a dict of new parameters, one per key of params "
                                f"({', '.join(STEP_NET)}); you returned {short(result)}.")
    missing = [k for k in right if k not in got]
    if missing:
        return Verdict("gradient_step", "not yet", f"The dict you returned has the keys {', '.join(got)}; the new "
                       f"parameters keep params' names ({', '.join(STEP_NET)}), so {' and '.join(missing)} "
                       f"{'is' if len(missing) == 1 else 'are'} missing (names are case-sensitive).")
    factor = _common_factor(got)
    if factor is not None:
        return mistake("g_global_lr", before=f"Every parameter took a step of {factor * STEP_LR:.4g} times its own "
                       f"gradient, but the lr passed in is {STEP_LR}. ")
    wrong = [k for k in right if not same(got[k], right[k], rtol)]
    return Verdict("gradient_step", "not yet", f"{', '.join(wrong)} did not get W - lr * dW.")


def _common_factor(got: dict):
    """c when every parameter moved c times -lr dW (c not 1), else None."""
    with np.errstate(all="ignore"):
        ratios = np.concatenate([((got[k] - v) / (-STEP_LR * STEP_GRADS["d" + k])).ravel()
                                 for k, v in STEP_NET.items()])
    if np.all(np.isfinite(ratios)) and np.allclose(ratios, ratios[0], rtol=1e-6) and ratios[0] > 0 \
            and abs(ratios[0] - 1) > 1e-6:
        return float(ratios[0])
    return None


# 01: predict, then test, what lr = 5 does. The words are the explainer's (helpers/analysis/explain.py):
# "diverges" is its "diverged", "stuck" any of its kinds that end with points wrong and the loss flat
OUTCOMES = ("faster", "slower", "same", "stuck", "diverges")
# why the measured outcome happens (a prediction is recorded and explained, never told it is "wrong")
WHY = {"faster": " Why: on the long plateau the gradient is small, so the step, lr times the gradient, is what "
       "limits the speed there; ten times longer steps cross it in fewer steps, and at this scale the loss surface "
       "is smooth enough that they do not overshoot into saturation (lr 50 does).",
       "diverges": " Why: a step this long overshoots, and a single overshoot can throw the outputs to 0 or 1."}
LR_FIVE = Prediction("lr_five")


@functools.lru_cache(maxsize=1)
def _reference_run():
    return train.train(**train.REFERENCE)


def first_below(losses, level: float = 0.01):
    hits = np.flatnonzero(np.asarray(losses) < level)
    return int(hits[0]) if hits.size else None


def outcome(run, ref) -> str:
    """Which of OUTCOMES describes `run` beside the reference run `ref` (same start, lr 0.5)."""
    what = explain.kind(run)
    if what == "diverged":
        return "diverges"
    if what in ("plateau", "saturated", "stuck"):
        return "stuck"
    k, k0 = first_below(run.losses), first_below(ref.losses)
    if k is None:
        return "slower"
    return "faster" if k < k0 / 1.5 else "slower" if k > 1.5 * k0 else "same"


def judge_lr_five(prediction, run=None) -> Verdict:
    words = ", ".join(OUTCOMES)
    if prediction is None or prediction is Ellipsis:
        return Verdict("lr_five", "not attempted", f"No prediction yet: set lr5_prediction to one of {words} and "
                       "run its cell. This check shows what lr = 5 did only once a prediction is recorded.")
    if not isinstance(prediction, str) or prediction.strip().lower() not in OUTCOMES:
        return Verdict("lr_five", "not yet", f"lr5_prediction must be one of {words} (a string); got "
                       f"{short(prediction)}. The measurement is shown once it is one of them.")
    if not isinstance(run, train.Run) or run.lr != 5.0:
        return Verdict("lr_five", "not yet", "Pass the Run this cell trained with lr = 5 as the second argument.")
    ref, guess = _reference_run(), prediction.strip().lower()
    k5, k0 = first_below(run.losses), first_below(ref.losses)
    ups = int(np.sum(np.diff(run.losses) > 0))
    seen = (f"Measured: the MSE fell below 0.01 after {k5} steps with lr = 5 and after {k0} with lr = 0.5 "
            f"(from {run.losses[0]:.4f} to {run.final_loss:.4f} at step {run.steps}); it went up on {ups} of "
            f"{run.steps} steps; {run.correct} of 4 points right." if k5 is not None else
            f"Measured: with lr = 5 the MSE never fell below 0.01 (from {run.losses[0]:.4f} to "
            f"{run.final_loss:.4f}; {run.correct} of 4 points right).")
    actual = outcome(run, ref)
    why = WHY.get(actual, "")
    key = "l_not_diverged" if guess == "diverges" != actual else None  # the catalogued misconception
    return LR_FIVE(guess, f"It was {actual}. {seen}", guess == actual, why, key)
