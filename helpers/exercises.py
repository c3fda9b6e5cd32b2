"""Exercise checks with specific hints, for every notebook's "Exercises" section.

    from helpers.exercises import check, hint
    check.sigmoid_grad(sigmoid_grad)     # prints: Correct / Not yet (with a hint) / Not attempted
    check.sigmoid_grad.hint()            # graded hints on demand: .hint(2), .hint(3) say more
    hint("sigmoid_grad", 2)              # the same, by name

Exercises: 01 sigmoid_grad, backward, gradient_step, lr_five; 02 and_weights, or_weights,
violated; 03 success_rate, h2_prediction; 04 gate_names, xor_by_hand (helpers/checks_later.py);
05 ce_delta, tanh_grad, fails_most (helpers/checks05.py). solution("name") prints a full answer.
A check never raises: see helpers/verdicts.py for how a student's function is run and what a
placeholder, an exception, None, a list, a wrong shape, NaN or a slow function get. Known
mistakes (helpers/mistakes.py) are recognised by comparing with deliberately wrong variants.
The last verdict is kept in `check.<name>.last` (Verdict: status, text, mistake).
"""
import functools

import numpy as np

from helpers import checks05, checks_later, data, gradcheck, network, train
from helpers.mistakes import BY_KEY, CATALOGUE, GATE_NET, backward_variant, step_variant  # noqa: F401 (GATE_NET: 04)
from helpers.verdicts import Answer, Exercise, Verdict, as_array, as_numbers, same, same_dict


def recognise(name: str, run_variant) -> Verdict:
    """The first catalogued mistake of exercise `name` whose variant gives what the student gave."""
    for m in CATALOGUE:
        if m.exercise == name and run_variant(m.example()[0]):
            return Verdict(name, "not yet", m.message, mistake=m.key)
    return None


# 01: sigma'(z) on a (3, 4) grid of z, so a shape mistake shows
Z = np.linspace(-4.0, 4.0, 12).reshape(3, 4)


def judge_sigmoid_grad(f) -> Verdict:
    run = Answer("sigmoid_grad", f)
    result = run(Z.copy())
    if run.problem or run.too_slow():
        return run.problem or run.too_slow()
    s = network.sigmoid(Z)
    arr, problem = as_array(result, Z.shape, "What your function returned")
    if arr is not None and same(arr, s * (1 - s)):
        return Verdict("sigmoid_grad", "correct", "sigma'(z) = sigma(z) (1 - sigma(z)): at most 0.25 (at z = 0) and "
                       "nearly 0 for large |z|, which is why a saturated unit learns slowly.")
    found = recognise("sigmoid_grad", lambda v: arr is not None and same(arr, v(Z.copy())))
    if found or problem:
        return found or Verdict("sigmoid_grad", "not yet", problem)
    i = np.unravel_index(np.argmax(np.abs(arr - s * (1 - s))), Z.shape)
    return Verdict("sigmoid_grad", "not yet", f"At z = {Z[i]:.2f} you return {arr[i]:.4f}; sigma'(z) is "
                   f"{s[i] * (1 - s[i]):.4f}. Compute s = sigmoid(z), then s * (1 - s).")


# 01: backward pass on a net with H = 3 (non-square W1), biases, N = 4, and no symmetry
_rng = np.random.default_rng(2024)
TEST_NET = {"W1": _rng.normal(0, 1, (2, 3)), "b1": _rng.normal(0, 1, (1, 3)),
            "W2": _rng.normal(0, 1, (3, 1)), "b2": _rng.normal(0, 1, (1, 1))}


def _copies(d: dict) -> dict:
    return {k: np.array(v, dtype=np.float64) for k, v in d.items()}


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
    right = backward_variant(TEST_NET, cache, data.y)
    missing = [k for k in right if k not in result]
    if missing:
        return Verdict("backward", "not yet", f"The dict has no {', '.join(missing)}: return a gradient for every "
                       "parameter (db1 and db2 too when params has biases).")
    got = as_numbers(result)
    if got is not None and same_dict(got, right):
        errors = gradcheck.grad_check(TEST_NET, data.X, data.y, backward=f)
        return Verdict("backward", "correct", "Your gradients equal the reference ones, and central differences "
                       f"agree: the largest relative error is {max(errors.values()):.0e} (below 1e-7 means right).")
    found = recognise("backward", lambda v: got is not None and same_dict(got, v(TEST_NET, cache, data.y)))
    if found:
        return found
    for k, v in right.items():
        problem = as_array(result[k], v.shape, k)[1]
        if problem:
            return Verdict("backward", "not yet", problem)
    wrong = [k for k in right if not same(got[k], right[k])]
    with np.errstate(all="ignore"):  # a zero gradient gives inf or nan here, which simply fails the test below
        ratios = np.concatenate([(got[k] / right[k]).ravel() for k in right])
    if np.allclose(ratios, ratios[0], rtol=1e-6):
        return Verdict("backward", "not yet", f"Every gradient is {ratios[0]:.3g} times the right one: look for a "
                       "stray constant factor (L = 1/2 sum (y_hat - y)^2 is the stated loss).")
    where = "the hidden layer (d_hid)" if set(wrong) <= {"dW1", "db1"} else "the output delta (d_out) or dW2/db2"
    return Verdict("backward", "not yet", f"{', '.join(wrong)} wrong, the others right: look in {where}.")


# 01: one gradient-descent step on a net with H = 2 (so W1 - lr * dW2 broadcasts and can be recognised)
_rng = np.random.default_rng(7)
STEP_NET = {name: _rng.normal(0, 1, shape) for name, shape in (("W1", (2, 2)), ("b1", (1, 2)), ("W2", (2, 1)),
                                                                 ("b2", (1, 1)))}
STEP_GRADS = {"d" + name: _rng.normal(0, 1, value.shape) for name, value in STEP_NET.items()}
STEP_LR = 0.3  # lr, lr * lr, 2 lr and 1 all differ


def judge_gradient_step(f) -> Verdict:
    run = Answer("gradient_step", f)
    given = _copies(STEP_NET)
    result = run(given, _copies(STEP_GRADS), STEP_LR)
    if run.problem or run.too_slow():
        return run.problem or run.too_slow()
    right = step_variant(STEP_NET, STEP_GRADS, STEP_LR)
    if result is None and same_dict(given, right):
        return Verdict("gradient_step", "not yet", "You updated params in place but returned None: end with "
                       "`return params`.")
    got = as_numbers(result) if isinstance(result, dict) else None
    if got is not None and same_dict(got, right):
        return Verdict("gradient_step", "correct", "Every parameter moved against its own gradient, scaled by lr: "
                       "W <- W - lr dL/dW. train() repeats exactly this step.")
    found = recognise("gradient_step", lambda v: got is not None and same_dict(got, v(STEP_NET, STEP_GRADS, STEP_LR)))
    if found or got is None:
        return found or Verdict("gradient_step", "not yet", as_array(result, (), "What your function returned")[1]
                                if result is None else "Return a dict of new parameters {'W1': ..., 'b1': ..., ...}.")
    wrong = [k for k in right if k not in got or not same(got[k], right[k])]
    return Verdict("gradient_step", "not yet", f"{', '.join(wrong)} did not get W - lr * dW.")


# 01: predict, then test, what lr = 5 does
OUTCOMES = ("faster", "slower", "same", "stuck", "diverges")


@functools.lru_cache(maxsize=1)
def _reference_run():
    return train.train(**train.REFERENCE)


def first_below(losses, level: float = 0.01):
    hits = np.flatnonzero(np.asarray(losses) < level)
    return int(hits[0]) if hits.size else None


def judge_lr_five(prediction, run=None) -> Verdict:
    if prediction is None or prediction is Ellipsis:
        return Verdict("lr_five", "not attempted", f"Set lr5_prediction to one of {', '.join(OUTCOMES)}.")
    if not isinstance(prediction, str) or prediction.strip().lower() not in OUTCOMES:
        return Verdict("lr_five", "not yet", f"lr5_prediction must be one of {', '.join(OUTCOMES)}; got "
                       f"{prediction!r}.")
    if not isinstance(run, train.Run) or run.lr != 5.0:
        return Verdict("lr_five", "not yet", "Pass the Run the cell above trained with lr = 5 as the second argument.")
    ref, guess = _reference_run(), prediction.strip().lower()
    k5, k0 = first_below(run.losses), first_below(ref.losses)
    ups = int(np.sum(np.diff(run.losses) > 0))
    if not np.all(np.isfinite(run.losses)):
        outcome = "diverges"
    elif k5 is None or run.correct < 4:
        outcome = "stuck"
    else:
        outcome = "faster" if k5 < k0 / 1.5 else "slower" if k5 > 1.5 * k0 else "same"
    seen = (f"Measured: the MSE fell below 0.01 after {k5} steps with lr = 5 and after {k0} with lr = 0.5; "
            f"it went up on {ups} of {run.steps} steps; {run.correct} of 4 points right." if k5 is not None else
            f"Measured: with lr = 5 the MSE never fell below 0.01 ({run.correct} of 4 points right).")
    if guess == outcome:
        return Verdict("lr_five", "correct", f"You predicted {guess}. {seen} A bigger step helps while the "
                       "loss surface stays smooth at that scale; much larger steps overshoot.")
    if guess == "diverges":  # the catalogued misconception; other wrong guesses get the measurement
        return Verdict("lr_five", "not yet", f"{BY_KEY['l_nan'].message} {seen}", mistake="l_nan")
    return Verdict("lr_five", "not yet", f"You predicted {guess}. {seen}")


CHECKS = {"sigmoid_grad": judge_sigmoid_grad, "backward": judge_backward, "gradient_step": judge_gradient_step,
          "lr_five": judge_lr_five, **checks_later.CHECKS, **checks05.CHECKS}
HINTS = {
    "sigmoid_grad": ["sigma'(z) can be written with sigma(z) itself.", "sigma'(z) = sigma(z) * (1 - sigma(z)).",
                     "s = network.sigmoid(z); return s * (1 - s)"],
    "backward": ["Go from the output back: first d_out = dL/dz2 (N, 1), then d_hid = dL/dz1 (N, H).",
                 "d_out = (y_hat - y) * y_hat * (1 - y_hat); d_hid = (d_out @ W2.T) * a1 * (1 - a1).",
                 "dW2 = a1.T @ d_out, dW1 = X.T @ d_hid, db2 and db1 = d_out and d_hid summed over axis 0 with "
                 "keepdims=True. Each gradient has the shape of its parameter."],
    "gradient_step": ["Each parameter moves a little against its own gradient.",
                      "new[name] = params[name] - lr * grads['d' + name]",
                      "return {name: value - lr * grads['d' + name] for name, value in params.items()}"],
    "lr_five": ["The loss of lr = 0.5 sits on a long plateau first: what would ten times bigger steps do there?",
                "Sigmoid outputs stay in (0, 1), so the loss cannot blow up to infinity.",
                "Compare when each run's MSE first drops below 0.01 (the check does that)."],
    **checks_later.HINTS, **checks05.HINTS}
solution = checks05.solution  # solution("name") prints the full answer from solutions/


class _Checks:
    """The namespace `check`: one Exercise per name, e.g. check.backward(my_backward)."""

    def __init__(self):
        for name, judge in CHECKS.items():
            setattr(self, name, Exercise(name, judge, HINTS[name]))

    def names(self) -> list:
        return list(CHECKS)


check = _Checks()


def hint(name: str, level: int = 1) -> None:
    """Print hint `level` for exercise `name` (see check.names())."""
    if name not in CHECKS:
        print(f"No exercise called {name!r}; the exercises are: {', '.join(CHECKS)}")
        return
    getattr(check, name).hint(level)
