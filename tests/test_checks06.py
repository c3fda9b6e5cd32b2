"""Notebook 06's checks against answers written the way students write them: right ones in several
forms, wrong ones in several ways, each with the message it must get."""
import inspect
import math

import numpy as np
import pytest

from helpers import exercises, network
from helpers.autograd import Value
from helpers.exercises import CATALOGUE, check, hint, namespace
from helpers.exercises.declarations import nb06

NAMES = [e.name for e in nb06.EXERCISES]
MISTAKES = [m for m in CATALOGUE.values() if m.exercise in NAMES]

# ---- mul_backward --------------------------------------------------------------------------------

def mul_plain(a, b, out):
    a.grad += b.data * out.grad
    b.grad += a.data * out.grad


def mul_spelled_out(a, b, out):
    a.grad = a.grad + out.grad * b.data
    b.grad = b.grad + out.grad * a.data


def mul_loop(a, b, out):
    for v, other in ((a, b), (b, a)):
        v.grad += other.data * out.grad


def mul_from_prev(a, b, out):
    left, right = out._prev
    left.grad += right.data * out.grad
    right.grad += left.data * out.grad


def mul_assign(a, b, out):
    a.grad = b.data * out.grad
    b.grad = a.data * out.grad


def mul_swapped(a, b, out):
    a.grad += a.data * out.grad
    b.grad += b.data * out.grad


def mul_no_chain(a, b, out):
    a.grad += b.data
    b.grad += a.data


def mul_out_data(a, b, out):
    a.grad += b.data * out.data
    b.grad += a.data * out.data


def mul_returns(a, b, out):
    return b.data * out.grad, a.data * out.grad


def mul_with_values(a, b, out):
    a.grad += b * out.grad
    b.grad += a * out.grad


def mul_nothing(a, b, out):
    pass


def mul_self_other(a, b, out):
    self.grad += other.data * out.grad  # noqa: F821 -- copied from inside the class


def mul_forgot_b(a, b, out):
    a.grad += b.data * out.grad


def placeholder(*args):
    raise NotImplementedError  # your code here


# ---- sigmoid_backward ----------------------------------------------------------------------------

def sig_plain(x, out):
    x.grad += out.data * (1 - out.data) * out.grad


def sig_exp(x, out):
    e = math.exp(-x.data)
    x.grad += e / (1 + e) ** 2 * out.grad


def sig_recomputed(x, out):
    s = 1 / (1 + math.exp(-x.data))
    x.grad = x.grad + s * (1 - s) * out.grad


def sig_numpy(x, out):
    s = network.sigmoid(x.data)
    x.grad += s * (1 - s) * out.grad


def sig_assign(x, out):
    x.grad = out.data * (1 - out.data) * out.grad


def sig_of_x(x, out):
    x.grad += x.data * (1 - x.data) * out.grad


def sig_twice(x, out):
    s = 1 / (1 + np.exp(-out.data))
    x.grad += s * (1 - s) * out.grad


def sig_no_chain(x, out):
    x.grad += out.data * (1 - out.data)


def sig_returns(x, out):
    return out.data * (1 - out.data) * out.grad


def sig_values(x, out):
    x.grad += out * (1 - out) * out.grad


def sig_minus(x, out):
    x.grad -= out.data * (1 - out.data) * out.grad


# ---- add_backward --------------------------------------------------------------------------------

def add_plain(a, b, out):
    a.grad += out.grad
    b.grad += out.grad


def add_spelled_out(a, b, out):
    a.grad = a.grad + 1.0 * out.grad
    b.grad = b.grad + 1.0 * out.grad


def add_buggy(a, b, out):  # the notebook's buggy version, unchanged
    a.grad = out.grad
    b.grad = out.grad


def add_half(a, b, out):
    a.grad += out.grad
    b.grad = out.grad


def add_one(a, b, out):
    a.grad += 1
    b.grad += 1


def add_doubled(a, b, out):
    a.grad += a.grad + out.grad
    b.grad += b.grad + out.grad


def add_forgot_b(a, b, out):
    a.grad += out.grad


def fan(prediction, backward_runs=1, f_is=None):
    a, b, c = Value(2.0), Value(-3.0), Value(4.0)
    f = (a * b) * (a + c) if f_is is None else f_is(a, b, c)
    for _ in range(backward_runs):
        f.backward()
    return prediction, a, f


ANSWERS = [  # (exercise, answer, status, words the message must contain, mistake key or None)
    ("mul_backward", (mul_plain,), "correct", "each input's local derivative is the other input", None),
    ("mul_backward", (mul_spelled_out,), "correct", "2 x out.grad", None),
    ("mul_backward", (mul_loop,), "correct", "added to what is there", None),
    ("mul_backward", (mul_from_prev,), "correct", "added to what is there", None),
    ("mul_backward", (mul_assign,), "not yet", "Write += , not =", "mul_assign"),
    ("mul_backward", (mul_swapped,), "not yet", "swap them", "mul_swapped"),
    ("mul_backward", (mul_no_chain,), "not yet", "multiplies them by the gradient arriving from above",
     "mul_no_chain"),
    ("mul_backward", (mul_out_data,), "not yet", "is out.grad", "mul_out_data"),
    ("mul_backward", (mul_returns,), "not yet", "nobody reads the return value", "mul_returned"),
    ("mul_backward", (mul_with_values,), "not yet", "a.grad became a Value, not a number", None),
    ("mul_backward", (mul_nothing,), "not yet", "a.grad and b.grad did not change", None),
    ("mul_backward", (mul_self_other,), "not yet", "raised NameError: name 'self' is not defined", None),
    ("mul_backward", (mul_forgot_b,), "not yet", "b.grad became -0.2000 (should be 0.8500)", None),
    ("mul_backward", (placeholder,), "not attempted", "NotImplementedError", None),
    ("mul_backward", (...,), "not attempted", "placeholder", None),
    ("mul_backward", ("a.grad += b.data",), "not yet", "Expected a function, got str", None),
    ("sigmoid_backward", (sig_plain,), "correct", "y_hat * (1 - y_hat)", None),
    ("sigmoid_backward", (sig_exp,), "correct", "read off the forward pass", None),
    ("sigmoid_backward", (sig_recomputed,), "correct", "read off the forward pass", None),
    ("sigmoid_backward", (sig_numpy,), "correct", "read off the forward pass", None),
    ("sigmoid_backward", (sig_assign,), "not yet", "Write += , not =", "sigmoid_assign"),
    ("sigmoid_backward", (sig_of_x,), "not yet", "it is out.data", "sigmoid_of_x"),
    ("sigmoid_backward", (sig_twice,), "not yet", "out.data already IS sigma(x)", "sigmoid_twice"),
    ("sigmoid_backward", (sig_no_chain,), "not yet", "multiplies it by the gradient arriving from above",
     "sigmoid_no_chain"),
    ("sigmoid_backward", (sig_returns,), "not yet", "nobody reads the return value", "sigmoid_returned"),
    ("sigmoid_backward", (sig_values,), "not yet", "x.grad became a Value", None),
    ("sigmoid_backward", (sig_minus,), "not yet", "x = Value(0.8) with x.grad = 0.4, and out.grad = -1.3: "
     "x.grad became 0.6781 (should be 0.1219)", None),
    ("sigmoid_backward", (placeholder,), "not attempted", "NotImplementedError", None),
    ("add_backward", (add_plain,), "correct", "the two shares add up to 2 out.grad", None),
    ("add_backward", (add_spelled_out,), "correct", "the two shares add up to 2 out.grad", None),
    ("add_backward", (add_buggy,), "not yet", "the second one overwrites the first", "add_still_assign"),
    ("add_backward", (add_half,), "not yet", "the other still overwrites", "add_half_fixed"),
    ("add_backward", (add_one,), "not yet", "add out.grad", "add_no_chain"),
    ("add_backward", (add_doubled,), "not yet", "a.grad counted twice", "add_doubled"),
    ("add_backward", (add_forgot_b,), "not yet", "b.grad became -0.2000 (should be 0.5000)", None),
    ("add_backward", (None,), "not attempted", "placeholder", None),
    ("fan_out", fan(-24), "agrees", "-18 through a * b plus -6 through a + c", None),
    ("fan_out", fan(-24.0), "agrees", "You predicted -24", None),
    ("fan_out", fan(" -24 "), "agrees", "You predicted -24", None),
    ("fan_out", fan(np.float64(-24)), "agrees", "You predicted -24", None),
    ("fan_out", fan(-18), "differs", "You predicted -18. f.backward() gives -24.", "fan_one_path"),
    ("fan_out", fan(-6), "differs", "the share of one path only", "fan_one_path"),
    ("fan_out", fan(108), "differs", "the shares of DIFFERENT paths add", "fan_product"),
    ("fan_out", fan(-36), "differs", "That is f itself", "fan_value"),
    ("fan_out", fan(12), "differs", "along one path the local derivatives multiply, and the paths add", None),
    ("fan_out", fan("minus 24"), "not yet", "must be one number; got 'minus 24'", None),
    ("fan_out", fan(True), "not yet", "must be one number", None),
    ("fan_out", fan(-24, backward_runs=2), "not yet", "backward ran more than once", None),
    ("fan_out", fan(-24, backward_runs=0), "not yet", "run f.backward() before the check", None),
    ("fan_out", fan(-24, f_is=lambda a, b, c: a * b * a + c), "not yet", "f should be (a * b) * (a + c)", None),
    ("fan_out", (-24, Value(2.0), ...), "not attempted", "Now compute it", None),
    ("fan_out", (..., Value(2.0), ...), "not attempted", "Set fan_out_prediction", None),
    ("fan_out", (-24, 2.0, -36.0), "not yet", "Pass the Values a and f", None),
]


@pytest.mark.parametrize("exercise, answer, status, words, key", ANSWERS,
                         ids=[f"{e}-{i}" for i, (e, *_) in enumerate(ANSWERS)])
def test_each_answer_gets_its_message(exercise, answer, status, words, key):
    verdict = getattr(check, exercise).verdict(*answer)
    if status in ("agrees", "differs"):  # a prediction is recorded, never marked wrong (issue 37)
        assert (verdict.status, verdict.agrees) == ("recorded", status == "agrees"), verdict
    else:
        assert verdict.status == status, verdict
    assert words in verdict.text, verdict
    assert verdict.mistake == key, verdict


def test_many_answers_per_exercise_right_and_wrong():
    for exercise in NAMES:
        statuses = [s for e, _, s, _, _ in ANSWERS if e == exercise]
        right = statuses.count("correct") + statuses.count("agrees")  # fan_out: a prediction that agreed
        assert right >= 2 and statuses.count("not yet") >= 5, exercise
    assert len(ANSWERS) >= 15


def test_every_catalogued_mistake_is_recognised_from_its_example():
    assert len({m.message for m in MISTAKES}) == len(MISTAKES)
    for m in MISTAKES:
        verdict = getattr(check, m.exercise).verdict(*m.example())
        status = "recorded" if m.exercise == "fan_out" else "not yet"  # a prediction is never marked wrong
        assert (verdict.status, verdict.mistake) == (status, m.key), verdict
        assert m.message in verdict.text


def test_the_solutions_pass():
    s6 = namespace(NAMES)
    for name in ("mul_backward", "sigmoid_backward", "add_backward"):
        assert getattr(check, name).verdict(getattr(s6, name)).status == "correct", name
    assert check.fan_out.verdict(*fan(s6.fan_out_prediction)).agrees


def test_a_check_never_raises_and_never_changes_the_students_values():
    for junk in (1, "x", [], {}, lambda: 1, lambda *a: 1 / 0, object()):
        for name in NAMES:
            assert getattr(check, name).verdict(junk).status in ("not yet", "not attempted")
    prediction, a, f = fan(-24)
    check.fan_out.verdict(prediction, a, f)
    assert (a.grad, f.grad) == (-24.0, 1.0)


def test_hints_are_a_ladder_of_three_that_never_give_the_code_away(capsys):
    solution_lines = [line.strip() for line in inspect.getsource(mul_plain).splitlines()[1:]]
    solution_lines += [line.strip() for f in (sig_plain, add_plain) for line in inspect.getsource(f).splitlines()[1:]]
    for name in NAMES:
        hints = exercises.HINTS[name]
        assert len(hints) == 3 and len(set(hints)) == 3
        assert not any(line in h for line in solution_lines for h in hints), name
        hint(name, 3)
        assert capsys.readouterr().out.startswith(f"Hint 3 for {name}:")
