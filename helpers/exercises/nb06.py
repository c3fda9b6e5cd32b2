"""The judges of notebook 06's exercises (declared in declarations/nb06.py; the net's in nb06_net.py).

value_ops(tanh, log, relu): three operations the page does not list, each a function that takes a Value
and returns a new Value recording x as its input, with a _backward that adds its share to x.grad. Run on
probes that include 0 (relu's kink, tanh's centre), on an x whose .grad already holds a share (so `=`
shows), and through out.backward() (so a result that does not record x shows).
fan_out(prediction, a, f): a prediction of df/da at a fan-out, recorded and set beside a.grad from
f.backward(); the prediction is never marked wrong, the computation is judged.
A mistake is named only when its wrong variant, run on the same probes, gives what the student's gave.
Every judge returns a Verdict and never raises.
"""
import math
import numbers

from helpers.autograd import Value, topological_order
from helpers.exercises.engine import Prediction, mistake
from helpers.exercises.verdicts import Answer, Verdict
from helpers.exercises.words import not_a_number, raw, two

BEFORE, ABOVE = 0.3, -0.7  # x.grad before the probe (a share from an earlier use), out.grad from above
OPS = {  # name: (forward, slope, the x probed): relu's slope at exactly 0 is 0, as in helpers.variants
    "tanh": (math.tanh, lambda x: 1 - math.tanh(x) ** 2, (-1.5, 0.0, 0.7, 2.0)),
    "log": (math.log, lambda x: 1 / x, (0.5, 1.0, 3.0)),
    "relu": (lambda x: max(x, 0.0), lambda x: 1.0 if x > 0 else 0.0, (-1.5, 0.0, 2.0)),
}


def op(forward, slope, name: str = "op", record: bool = True, assign: bool = False, chain: bool = True):
    """A Value operation from a forward and a slope (floats -> float), with switches for known mistakes."""
    def f(x):
        out = Value(forward(x.data), (x,) if record else (), name)

        def _backward():
            share = slope(x.data, out.data) * (out.grad if chain else 1.0)
            x.grad = share if assign else x.grad + share
        out._backward = _backward
        return out
    return f


def _probe(f, x0: float) -> tuple:
    """(out.data, x.grad after out._backward() from BEFORE with out.grad = ABOVE, and the gradient that
    f(m).backward() gives m's input when x is an intermediate m = leaf + 0: it reaches the leaf only if the
    result records m), or a str saying what f returned instead of a Value."""
    x = Value(x0)
    x.grad = BEFORE
    out = f(x)
    if not isinstance(out, Value):
        return f"returned {_what(out)}, not a Value"
    out.grad = ABOVE
    out._backward()
    after = x.grad
    leaf = Value(x0)
    out2 = f(leaf + 0.0)
    out2.backward()
    return out.data, after, leaf.grad


def _what(x) -> str:
    return "None (no return?)" if x is None else f"a {type(x).__name__}"


def _close(u, v, rel: float = 1e-5) -> bool:
    """Equal to float32's precision (a float32 answer is right); exact for 0."""
    return isinstance(u, numbers.Real) and not isinstance(u, bool) and abs(u - v) <= rel * max(abs(v), 1e-2)


def _ops_variant(name: str, **switches):
    forward, slope, _ = OPS[name]
    return op(forward, lambda x, out: slope(x), name, **switches)


def _right(name: str, x0: float) -> tuple:
    forward, slope, _ = OPS[name]
    return forward(x0), BEFORE + slope(x0) * ABOVE, slope(x0)


def judge_value_ops(tanh=None, log=None, relu=None) -> Verdict:
    given = {"tanh": tanh, "log": log, "relu": relu}
    for name, f in given.items():
        problem = _judge_op(name, f)
        if problem:
            return problem
    return Verdict("value_ops", "correct", "Each result records x as its input and adds its slope times out.grad "
                   "to x.grad: tanh 1 - tanh(x)^2 (1 at x = 0), log 1/x, relu 1 where x > 0 and 0 elsewhere, "
                   "0 at the kink too, as helpers.variants takes it.")


def _judge_op(name: str, f):
    run = Answer("value_ops", f)
    if run.problem:
        return Verdict("value_ops", run.problem.status, f"{name}: {run.problem.text}")
    probes = Answer("value_ops", _probe)
    for x0 in OPS[name][2]:
        got = probes(f, x0)
        if probes.problem and probes.problem.status == "not attempted":
            return Verdict("value_ops", "not attempted", f"{name}: {probes.problem.text}")
        if probes.problem:
            said = probes.problem.text.replace("Your function", f"{name}(Value({x0:g})) or its _backward")
            if _divides(name, x0, said):  # the lab's own words for this case follow
                said = f"{name}(Value({x0:g})) or its _backward raised {raw(said)}"
            return Verdict("value_ops", probes.problem.status, said + _divides(name, x0, probes.problem.text))
        if isinstance(got, str):
            return Verdict("value_ops", "not yet", f"{name}(Value({x0:g})) {got}: build the result as a Value "
                           "from the number and the input x, set its _backward, and return it.")
        data, after, alone = got
        value, want_after, slope = _right(name, x0)
        if not _close(data, value):
            shown = two(data, value, fixed=True) if isinstance(data, numbers.Real) else (_fmt(data), f"{value:.4f}")
            return Verdict("value_ops", "not yet", f"{name}(Value({x0:g})).data is {shown[0]}; {name}({x0:g}) is "
                           f"{shown[1]}: the forward number is wrong.")
        if _close(after, want_after) and not _close(alone, slope):
            said = f" (In {name}(x + 0).backward(), x.grad stays {_fmt(alone)}.)"
            return mistake("ops_no_record", said, before=f"{name}: ")
        if not _close(after, want_after):
            return _pointer(name, f, x0, after, want_after)
    return None


def _divides(name: str, x0: float, text: str) -> str:
    if x0 == 0 and "ZeroDivisionError" in text:
        return (f". At x = 0 your slope divides by zero: write {name}'s slope so that it needs no division by x "
                "(0 is an input this notebook's nets give, e.g. (0, 0) with zero biases).")
    return ""


def _pointer(name: str, f, x0: float, after, want_after) -> Verdict:
    for m_key, switches in (("ops_assign", {"assign": True}), ("ops_no_chain", {"chain": False})):
        if all(_same_probes(f, _ops_variant(name, **switches), x) for x in OPS[name][2]):
            return mistake(m_key, before=f"{name}: ")
    for key, wrong in WRONG_SLOPES.get(name, {}).items():
        if all(_same_probes(f, op(OPS[name][0], wrong, name), x) for x in OPS[name][2]):
            return mistake(key)
    if not isinstance(after, numbers.Real):
        return Verdict("value_ops", "not yet", f"{name}: x.grad became {_what(after)}, not a number: multiply "
                       "numbers (x.data, out.data, out.grad), not Values.")
    if after == BEFORE:
        return Verdict("value_ops", "not yet", f"{name}: x.grad did not change when out._backward() ran: set the "
                       "result's _backward to a function that adds x's share to x.grad.")
    shown = two(after, want_after, fixed=True)
    return Verdict("value_ops", "not yet", f"{name} at x = {x0:g}, with x.grad = {BEFORE} before and out.grad = "
                   f"{ABOVE}: x.grad became {shown[0]}; it should be {shown[1]}. Work out {name}'s slope "
                   f"at {x0:g} by hand and compare.")


def _same_probes(f, variant, x0) -> bool:
    try:
        got, want = _probe(f, x0), _probe(variant, x0)
    except Exception:  # noqa: BLE001 -- a variant that divides by zero is simply not this mistake
        return False
    return not isinstance(got, str) and all(_close(u, v) for u, v in zip(got, want))


WRONG_SLOPES = {  # known wrong slopes (x, out) -> float, one catalogued mistake each (declarations/nb06.py)
    "tanh": {"ops_tanh_of_x": lambda x, out: 1 - x * x, "ops_tanh_sigmoid_form": lambda x, out: out * (1 - out),
             "ops_tanh_no_square": lambda x, out: 1 - out},
    "log": {"ops_log_of_log": lambda x, out: out, "ops_log_x": lambda x, out: x},
    "relu": {"ops_relu_at_zero": lambda x, out: 1.0 if x >= 0 else 0.0, "ops_relu_value": lambda x, out: out},
}


def _fmt(u) -> str:
    return f"{u:.4f}" if isinstance(u, numbers.Real) else _what(u)


FAN = {"a": 2.0, "b": -3.0, "c": 4.0}  # f = (a * b) * (a + c): a is used twice
FAN_OUT = Prediction("fan_out")


def fan(prediction) -> tuple:
    a, b, c = (Value(v) for v in FAN.values())
    f = (a * b) * (a + c)
    f.backward()
    return prediction, a, f


def as_number(x):
    """A prediction as a float: a finite number (numpy scalars too); None for anything else. A number typed as
    text ("2") is not one: the lab refuses it everywhere, saying so (words.not_a_number)."""
    return float(x) if isinstance(x, numbers.Real) and not isinstance(x, bool) and math.isfinite(x) else None


def _alone(f: Value, a: Value) -> float:
    """df/da from f.backward() on f's own graph, from zeroed .grad; every .grad is put back as it was."""
    nodes = topological_order(f)
    kept = [v.grad for v in nodes]
    for v in nodes:
        v.grad = 0.0
    f.backward()
    alone = a.grad
    for v, g in zip(nodes, kept):
        v.grad = g
    return alone


def judge_fan_out(prediction, a=None, f=None) -> Verdict:
    a0, b0, c0 = FAN.values()
    right, value = b0 * (a0 + c0) + a0 * b0, (a0 * b0) * (a0 + c0)  # through a * b, plus through a + c
    if prediction is None or prediction is Ellipsis:
        return Verdict("fan_out", "not attempted", "Set fan_out_prediction to a number: your prediction of df/da.")
    guess = as_number(prediction)
    if guess is None:
        return Verdict("fan_out", "not yet", not_a_number(prediction, "fan_out_prediction must be one number"))
    if f is None or f is Ellipsis:
        return Verdict("fan_out", "not attempted", "Now compute it: build f from the Values a, b, c and run "
                       "f.backward().")
    if isinstance(f, numbers.Real) and not isinstance(f, bool):
        return mistake("fan_float", f" (Your f is {float(f):g}.)")
    if not isinstance(f, Value) or not isinstance(a, Value):
        return Verdict("fan_out", "not yet", "Pass the Values a and f: check.fan_out(fan_out_prediction, a, f).")
    if a.data != a0 or abs(f.data - value) > 1e-12:
        return Verdict("fan_out", "not yet", f"f should be the task's f = (a b)(a + c) with a = {a0:g}, b = {b0:g}, "
                       f"c = {c0:g}, which is {value:g}; your f is {f.data:g} with a = {a.data:g}.")
    if a not in topological_order(f):
        return mistake("fan_fresh")
    alone = _alone(f, a)
    if abs(alone - right) > 1e-9:
        return Verdict("fan_out", "not yet", f"f.backward() on your f gives df/da = {alone:g}; the task's f = (a b)"
                       f"(a + c) should give {right:g}: is a used in both places?")
    if a.grad == 0:
        return Verdict("fan_out", "not yet", "a.grad is still 0: run f.backward() before the check.")
    if abs(a.grad - right) > 1e-9:
        return mistake("fan_polluted", f" Here a.grad is {a.grad:g}, and f.backward() alone gives {alone:g} "
                       f"({a.grad - alone:g} came from before).")
    measured = f"f.backward() gives {a.grad:g}: {b0 * (a0 + c0):g} through a * b plus {a0 * b0:g} through a + c."
    return FAN_OUT(f"{guess:g}", measured, abs(guess - right) <= 1e-9, _compare(guess, right, value))


def _compare(guess: float, right: float, value: float) -> str:
    """What the prediction was, set beside the measurement (a prediction is recorded, never marked wrong)."""
    a0, b0, c0 = FAN.values()
    if abs(guess - right) <= 1e-9:
        return " Along one path the local derivatives multiply, and the paths add."
    known = {b0 * (a0 + c0): "the share of the path through a * b alone", a0 * b0: "the share of the path through "
             "a + c alone", b0 * (a0 + c0) * a0 * b0: "the two paths' shares multiplied; along one path the local "
             "derivatives multiply, but the shares of different paths add", value: "f itself, not its slope"}
    for number, meaning in known.items():
        if abs(guess - number) <= 1e-9:
            return f" Your {guess:g} is {meaning}."
    return (" Your prediction differs: follow each path from f back to a, multiply the local derivatives along it, "
            "then add the paths, and see where your number parted from that.")
