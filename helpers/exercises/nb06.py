"""The judges of notebook 06's exercises (declared in declarations/nb06.py).

mul_backward(a, b, out) and sigmoid_backward(x, out): the student's backward of `*` and of
sigmoid, run on Values whose .grad already holds a share from an earlier use (so `=` shows) and
on a Value used twice. add_backward(a, b, out): the fix of a backward that overwrites. fan_out:
a prediction of df/da at a fan-out, then the gradient computed by f.backward().
A mistake is named only when its wrong function, run on the same Values, gives exactly what
the student's function gave. Every judge returns a Verdict and never raises.
"""
import math
import numbers

from helpers.autograd import Value
from helpers.exercises.engine import Prediction, recognise
from helpers.exercises.verdicts import Answer, Verdict

# each case: (a.data, b.data or None for "b is a", a.grad before, b.grad before, out.grad)
CASES = {"mul": [(1.5, -2.0, 0.3, -0.2, 0.7), (1.5, None, 0.0, 0.0, 0.7)],
         "add": [(1.5, -2.0, 0.3, -0.2, 0.7), (1.5, None, 0.0, 0.0, 0.7)],
         "sigmoid": [(0.8, None, 0.4, None, -1.3), (-2.5, None, 0.0, None, 0.6)]}


def adds(da, db=None):  # a backward that adds da(...) to the first input's .grad (db(...) to the second's)
    def backward(a, *rest):
        a.grad += da(a, *rest)
        if db is not None:
            rest[0].grad += db(a, *rest)
    return backward


def sets(da, db=None):  # the same with `=`: each input's .grad replaced by its share
    def backward(a, *rest):
        a.grad = da(a, *rest)
        if db is not None:
            rest[0].grad = db(a, *rest)
    return backward


# the right backward passes, to compare with
_mul_right = adds(lambda a, b, out: b.data * out.grad, lambda a, b, out: a.data * out.grad)
_add_right = adds(lambda a, b, out: out.grad, lambda a, b, out: out.grad)
_sigmoid_right = adds(lambda x, out: out.data * (1 - out.data) * out.grad)


# more wrong backward passes, for the mistakes declared in declarations/nb06.py
def add_half(a, b, out):
    a.grad += out.grad
    b.grad = out.grad


def returns(*shares):  # a backward that returns its share(s) instead of adding them
    return lambda *args: shares[0](*args) if len(shares) == 1 else tuple(d(*args) for d in shares)


def sigma(t: float) -> float:  # the sigmoid of a float
    return 0.5 + 0.5 * math.tanh(0.5 * t)


def _run(exercise: str, f, op: str):
    """Run f on every case of `op`: ([(grads after, returned value)], None) or (None, the Verdict)."""
    run, seen = Answer(exercise, f), []
    for a0, b0, ga, gb, g_out in CASES[op]:
        a = Value(a0)
        b = a if b0 is None else Value(b0)
        a.grad = ga
        if b is not a:
            b.grad = gb
        out = a.sigmoid() if op == "sigmoid" else (a * b if op == "mul" else a + b)
        out.grad = g_out
        returned = run(a, out) if op == "sigmoid" else run(a, b, out)
        if run.problem:
            return None, run.problem
        seen.append(((a.grad,) if op == "sigmoid" or b is a else (a.grad, b.grad), returned))
    return seen, run.too_slow()


def _close(x, y) -> bool:
    return all(isinstance(u, numbers.Real) and abs(u - v) <= 1e-9 * max(1.0, abs(v)) for u, v in zip(x, y))


def _judge(exercise: str, op: str, right, f, done: str) -> Verdict:
    got, problem = _run(exercise, f, op)
    if problem:
        return problem
    want, _ = _run(exercise, right, op)
    if all(_close(g, w) for (g, _), (w, _) in zip(got, want)):
        return Verdict(exercise, "correct", done)
    found = recognise(exercise, lambda wrong: all(_close(g, v) and (r is None) == (s is None)
                                                  for (g, r), (v, s) in zip(got, _run(exercise, wrong, op)[0])))
    if found:
        return found
    names = ("x.grad",) if op == "sigmoid" else ("a.grad", "b.grad")
    for g, _ in got:
        if any(isinstance(u, Value) for u in g):
            return Verdict(exercise, "not yet", f"{names[0]} became a Value, not a number: multiply numbers "
                           "(a.data, out.data, out.grad), not Values (a, out).")
    if all(g == ((case[2],) if len(g) == 1 else case[2:4]) for (g, _), case in zip(got, CASES[op])):
        return Verdict(exercise, "not yet", f"{' and '.join(names)} did not change: a backward must add each "
                       "input's share to its .grad.")
    i = next(i for i, ((g, _), (w, _)) in enumerate(zip(got, want)) if not _close(g, w))
    (g, _), (w, _), case = got[i], want[i], CASES[op][i]
    setup = (f"x = Value({case[0]}) with x.grad = {case[2]}" if op == "sigmoid" else
             f"a = b = Value({case[0]}) (one Value used twice) with grad {case[2]}" if case[1] is None else
             f"a = Value({case[0]}), b = Value({case[1]}) with grads {case[2]} and {case[3]}")
    told = ", ".join(f"{n} became {_fmt(u)} (should be {_fmt(v)})" for n, u, v in zip(names, g, w))
    return Verdict(exercise, "not yet", f"With {setup}, and out.grad = {case[4]}: {told}.")


def _fmt(u) -> str:
    return f"{u:.4f}" if isinstance(u, numbers.Real) else repr(u)


def judge_mul_backward(f) -> Verdict:
    return _judge("mul_backward", "mul", _mul_right, f, "a.grad += b.data * out.grad and b.grad += a.data * out.grad: "
                  "each input's local derivative is the other input, times the gradient from above, added to what "
                  "is there. For x * x both lines add to x.grad: 2 x out.grad.")


def judge_sigmoid_backward(f) -> Verdict:
    return _judge("sigmoid_backward", "sigmoid", _sigmoid_right, f, "x.grad += out.data * (1 - out.data) * "
                  "out.grad: the slope sigma(x)(1 - sigma(x)) read off the forward pass's result, times the gradient "
                  "from above. It is the factor y_hat * (1 - y_hat) of notebook 01's d_out.")


def judge_add_backward(f) -> Verdict:
    return _judge("add_backward", "add", _add_right, f, "Both inputs get out.grad ADDED: for x + x the two shares add "
                  "up to 2 out.grad, and a Value used elsewhere keeps what it already had.")


FAN = {"a": 2.0, "b": -3.0, "c": 4.0}  # f = (a * b) * (a + c): a is used twice
FAN_OUT = Prediction("fan_out")


def fan(prediction) -> tuple:
    a, b, c = (Value(v) for v in FAN.values())
    f = (a * b) * (a + c)
    f.backward()
    return prediction, a, f


def _as_number(x):
    if isinstance(x, str):
        try:
            return float(x.strip())
        except ValueError:
            return None
    return float(x) if isinstance(x, numbers.Real) and not isinstance(x, bool) and math.isfinite(x) else None


def judge_fan_out(prediction, a=None, f=None) -> Verdict:
    a0, b0, c0 = FAN.values()
    right = b0 * (a0 + c0) + a0 * b0  # through a * b, plus through a + c
    if prediction is None or prediction is Ellipsis:
        return Verdict("fan_out", "not attempted", "Set fan_out_prediction to a number: your prediction of df/da.")
    guess = _as_number(prediction)
    if guess is None:
        return Verdict("fan_out", "not yet", f"fan_out_prediction must be one number; got {prediction!r}.")
    if f is None or f is Ellipsis:
        return Verdict("fan_out", "not attempted", "Now compute it: build f from the Values a, b, c and run "
                       "f.backward().")
    if not isinstance(f, Value) or not isinstance(a, Value):
        return Verdict("fan_out", "not yet", "Pass the Values a and f: check.fan_out(fan_out_prediction, a, f).")
    if a.data != a0 or abs(f.data - (a0 * b0) * (a0 + c0)) > 1e-12:
        return Verdict("fan_out", "not yet", f"f should be (a * b) * (a + c) with a = {a0:g}, b = {b0:g}, c = {c0:g}, "
                       f"which is {(a0 * b0) * (a0 + c0):g}; your f is {f.data:g} with a = {a.data:g}.")
    if a.grad == 0:
        return Verdict("fan_out", "not yet", "a.grad is still 0: run f.backward() before the check.")
    if a.grad != right and float(a.grad / right).is_integer():
        return Verdict("fan_out", "not yet", f"a.grad is {a.grad:g}, {a.grad / right:g} times df/da: backward ran more "
                       "than once on the same Values, and gradients add up. Build the Values again (or zero .grad).")
    if abs(a.grad - right) > 1e-12:
        return Verdict("fan_out", "not yet", f"a.grad is {a.grad:g}: is f made of the Values a, b, c of this cell?")
    why = f" df/da = {b0 * (a0 + c0):g} through a * b plus {a0 * b0:g} through a + c: along one path the local " \
          "derivatives multiply, and the paths add."
    shares = {b0 * (a0 + c0): "fan_one_path", a0 * b0: "fan_one_path", b0 * (a0 + c0) * a0 * b0: "fan_product",
              (a0 * b0) * (a0 + c0): "fan_value"}
    agrees = abs(guess - right) <= 1e-9
    key = None if agrees else next((k for value, k in shares.items() if abs(guess - value) <= 1e-9), None)
    return FAN_OUT(f"{guess:g}", f"f.backward() gives {a.grad:g}.", agrees, why, key)
