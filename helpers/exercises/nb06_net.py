"""The judges of notebook 06's exercises on whole nets (declared in declarations/nb06.py).

tanh_ce_net(tanh_ce_gradients): notebook 05's tanh + cross-entropy net built from Values; its gradients
set beside helpers.variants.backward's on the notebook's own nets (notebook 05's start, with zero biases,
so XOR's (0, 0) gives z1 = 0 exactly; notebook 01's reference net, which has no biases; random biases),
then 30 training steps through them beside variants.descend.
zero_grad_fix(prediction, step_gradients): what a second backward() without zeroing does, predicted
(recorded and set beside the measurement, never marked wrong); the fixed function is judged on
parameters whose .grad already hold something, called twice.
Every judge returns a Verdict and never raises.
"""

import numpy as np

from helpers import data, network, variants
from helpers.analysis import autograd_net
from helpers.exercises.engine import mistake
from helpers.exercises.nb06 import as_number
from helpers.exercises.verdicts import Answer, Verdict, as_numbers
from helpers.exercises.words import not_a_number, raw, two

NAMES = ("dW1", "dW2", "db1", "db2")


def probe_nets() -> list:
    """(what the net is, params): the nets the check runs the student's function on."""
    rng = np.random.default_rng(6)
    with_biases = network.init_params(2, 3, True, scale=1.0)
    with_biases["b1"], with_biases["b2"] = rng.normal(0, 1, (1, 2)), rng.normal(0, 1, (1, 1))
    return [("notebook 05's start (4 tanh units, zero biases, so the input (0, 0) gives z1 = 0)",
             network.init_params(4, 0, True, scale=0.5)),
            ("notebook 01's reference net (no biases)", network.init_reference(4)),
            ("a 2-unit net with random biases", with_biases)]


def right_grads(params, X, y, activation="tanh", loss="cross_entropy") -> dict:
    return variants.backward(params, variants.forward(params, X, activation)[1], y, activation, loss)


# known wrong nets, as the gradients they give: one catalogued mistake each (declarations/nb06.py)
NET_VARIANTS = {
    "net_sigmoid_hidden": lambda p, X, y: right_grads(p, X, y, activation="sigmoid"),
    "net_squared_loss": lambda p, X, y: right_grads(p, X, y, loss="squared"),
    "net_sign": lambda p, X, y: {k: -v for k, v in right_grads(p, X, y).items()},
    "net_mean": lambda p, X, y: {k: v / len(X) for k, v in right_grads(p, X, y).items()},
    "net_last_example": lambda p, X, y: right_grads(p, X[-1:], y[-1:]),
}


def _agree(got: dict, want: dict, rel: float) -> bool:
    scale = max(float(np.max(np.abs(v))) for v in want.values())
    return all(k in got and got[k].shape == v.shape and float(np.max(np.abs(got[k] - v))) <= rel * scale
               for k, v in want.items())


def judge_tanh_ce_net(f) -> Verdict:
    run, X, y, digits = Answer("tanh_ce_net", f), data.X, data.y, []
    for what, params in probe_nets():
        got = run({k: v.copy() for k, v in params.items()}, X.copy(), y.copy())
        if run.problem:
            return _explain_error(run.problem, what, params)
        grads, want = as_numbers(got) if isinstance(got, dict) else None, right_grads(params, X, y)
        if grads is None:
            return Verdict("tanh_ce_net", "not yet", f"On {what} your function returned {type(got).__name__}; "
                           "return a dict of gradient arrays named like variants.backward's: "
                           f"{', '.join(want)}.")
        missing = [k for k in want if k not in grads or grads[k].shape != want[k].shape]
        if missing:
            return Verdict("tanh_ce_net", "not yet", f"On {what}: " + "; ".join(
                f"no {k}" if k not in grads else f"{k} has shape {grads[k].shape}, like the parameter "
                f"{k[1:]} it should be {want[k].shape}" for k in missing) + ".")
        if not _agree(grads, want, 1e-5):
            return _wrong_net(grads, want, what, params, X, y)
        digits.append(_agree(grads, want, 1e-10))
    return _train_alongside(f, float64=all(digits))


def _explain_error(problem: Verdict, what: str, params: dict) -> Verdict:
    text = problem.text
    if problem.status == "not attempted":
        return problem
    if "KeyError" in text and ("'b1'" in text or "'b2'" in text) and "b1" not in params:
        return Verdict("tanh_ce_net", "not yet", f"Your function raised {raw(text)} on {what}: a "
                       "net without biases has no b1 or b2. Add the biases only when the net has them (if \"b1\" in "
                       "params, or in the Values).")
    if "NameError" in text and any(f"'{name}'" in text for name in ("tanh", "log", "relu")):
        text += ". Run the answer cell of Exercise 1 (def tanh, log, relu) first: this function uses them."
    if "math domain error" in text:
        text += " (log of a number <= 0: is log given y_hat and 1 - y_hat, both between 0 and 1?)"
    return Verdict("tanh_ce_net", problem.status, f"On {what}: {text}")


def _wrong_net(grads, want, what, params, X, y) -> Verdict:
    for key, variant in NET_VARIANTS.items():
        if _agree(grads, variant(params, X, y), 1e-5):
            return mistake(key, f" (On {what}.)")
    wrong = [k for k in want if not _agree({k: grads[k]}, {k: want[k]}, 1e-5)]
    if wrong == ["dW1"] or wrong == ["dW1", "db1"]:
        return Verdict("tanh_ce_net", "not yet", f"On {what}, {' and '.join(wrong)} differ from variants.backward's "
                       "and the output layer's gradients agree: the error is in the hidden layer, where your tanh "
                       "passes its gradient back (check.value_ops(tanh, log, relu) tests it).")
    k = wrong[0]
    i = tuple(int(n) for n in np.unravel_index(np.argmax(np.abs(grads[k] - want[k])), want[k].shape))
    return Verdict("tanh_ce_net", "not yet", f"On {what}: {', '.join(wrong)} differ from variants.backward's; "
                   f"{k}[{i[0]}, {i[1]}] is {two(grads[k][i], want[k][i], fixed=True)[0]}, it should be "
                   f"{two(grads[k][i], want[k][i], fixed=True)[1]}.")


def _train_alongside(f, float64: bool, steps: int = 30, lr: float = 0.5) -> Verdict:
    """Gradient descent through f's gradients beside variants.descend, from notebook 05's start."""
    start = network.init_params(4, 0, True, scale=0.5)
    run, params, losses = Answer("tanh_ce_net", f), {k: v.copy() for k, v in start.items()}, []
    for _ in range(steps + 1):
        losses.append(float(np.mean((data.y - variants.forward(params, data.X, "tanh")[0]) ** 2)))
        grads = as_numbers(run(params, data.X, data.y))
        if run.problem or grads is None:
            return run.problem or Verdict("tanh_ce_net", "not yet", "During training your function stopped "
                                          "returning a dict of gradients.")
        params = {k: v - lr * grads["d" + k] for k, v in params.items()}
    zero = {k: np.zeros_like(v) for k, v in start.items()}
    theirs = variants.descend(start, zero, data.X, data.y, lr, steps, "tanh", "cross_entropy")[0]
    gap = float(np.max(np.abs(np.array(losses) - theirs)))
    if gap > 1e-5:
        return Verdict("tanh_ce_net", "not yet", f"Your gradients are right at the three nets, but {steps} steps of lr "
                       f"{lr:g} through them part from variants.descend's run by {gap:.2g} in the MSE: does your "
                       "function change params, or keep something from one call to the next?")
    precise = "" if float64 and gap <= 1e-10 else " (to float32's precision, not float64's: fine)"
    return Verdict("tanh_ce_net", "correct", f"Your net's gradients are variants.backward's on all three nets, and "
                   f"{steps} steps of lr {lr:g} through them follow variants.descend's run{precise}: no backward pass "
                   "written, tanh and the cross-entropy came from your own operations.")


def _polluted(params: dict) -> dict:
    """params as Values whose .grad hold a gradient already (as after one backward() without zeroing)."""
    P = autograd_net.to_values(params)
    L, _ = autograd_net.batch_loss(P, data.X, data.y)
    L.backward()
    return P


def zero_nets() -> list:
    with_biases = network.init_params(3, 4, True, scale=1.0)
    with_biases["b1"] = np.random.default_rng(7).normal(0, 1, (1, 3))
    return [("notebook 01's reference net with 2 units (no biases)", network.init_reference(2)),
            ("a 3-unit net with biases", with_biases)]


def judge_zero_grad_fix(prediction, step_gradients=None) -> Verdict:
    if prediction is None or prediction is Ellipsis:
        return Verdict("zero_grad_fix", "not attempted", "Set second_backward_prediction to a number first: your "
                       "prediction of the second call's gradient as a multiple of the first.")
    said = as_number(prediction)  # "2" is refused with the number it would be, as by every exercise
    if said is None:
        return Verdict("zero_grad_fix", "not yet", not_a_number(prediction, "second_backward_prediction must be "
                                                                 "one number (e.g. 1.5)"))
    prediction = said
    run = Answer("zero_grad_fix", step_gradients)
    if run.problem:
        return run.problem
    for what, params in zero_nets():
        want = network.backward(params, network.forward(params, data.X)[1], data.y)
        P = _polluted(params)
        calls = [as_numbers(run(P, data.X, data.y)) for _ in range(2)]
        if run.problem and run.problem.status == "not attempted":
            return run.problem
        if run.problem:
            said = run.problem.text
            if "'str' object has no attribute 'grad'" in said:
                said += (" (Going through the dict P gives its names, strings; the parameter Values are in the "
                         "lists P holds.)")
            return Verdict("zero_grad_fix", run.problem.status, f"On {what}: {said}")
        if any(g is None for g in calls):
            return Verdict("zero_grad_fix", "not yet", "Return the gradients as a dict of arrays, as "
                           "autograd_net.to_arrays(P, \"grad\") gives them.")
        found = _zero_mistake(calls, want)
        if found:
            return found
        if not all(_agree(g, want, 1e-7) for g in calls):
            first = "first" if not _agree(calls[0], want, 1e-7) else "second"
            return Verdict("zero_grad_fix", "not yet", f"On {what}, whose .grad already held one gradient, your "
                           f"{first} call returned gradients that are not network.backward's.")
    return Verdict("zero_grad_fix", "correct", "Called twice, on parameters whose .grad already held a gradient, "
                   "your function gives network.backward's gradients both times: .grad is zeroed before each "
                   "backward(). " + _measured(prediction))


def _zero_mistake(calls, want):
    """A catalogued mistake if the two calls' gradients are known multiples of the right ones."""
    def times(g, k, names=tuple(want)):
        return _agree({n: g[n] for n in names}, {n: k * want[n] for n in names}, 1e-7)
    if times(calls[0], 2) and times(calls[1], 3):
        return mistake("zero_none")
    if times(calls[0], 0) and times(calls[1], 0):
        return mistake("zero_after_backward")
    if times(calls[0], 2) and times(calls[1], 1):
        return mistake("zero_after_reading")
    if times(calls[0], 1, ("dW1", "dW2")) and not times(calls[0], 1):
        return mistake("zero_some")
    return None


def measured_ratio() -> float:
    """What a second backward() on a new graph of the same parameters, without zeroing, does to W2[0]'s
    gradient (notebook 01's reference net with 2 units), as a multiple of the first backward()'s."""
    P = autograd_net.to_values(network.init_reference(2))
    seen = []
    for _ in range(2):
        L, _ = autograd_net.batch_loss(P, data.X, data.y)
        L.backward()
        seen.append(P["W2"][0].grad)
    return seen[1] / seen[0]


def _measured(prediction: float) -> str:
    """The prediction set beside the measurement (recorded, never marked wrong)."""
    ratio = measured_ratio()
    if abs(prediction - ratio) <= 1e-9:
        return f"You predicted {prediction:g}, and measured it is {ratio:g}: the second backward() adds the same " \
               "gradient again to what .grad held."
    return (f"You predicted {prediction:g}; measured, it is {ratio:g}: the new graph's backward() adds the same "
            "gradient again to what .grad held.")
