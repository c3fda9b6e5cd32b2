"""Notebook 06's checks against answers written the way students write them: right ones in several
forms (another formula, float32, another loop), wrong ones in several ways, each with the message it must get."""
import math

import numpy as np
import pytest

from helpers import data, exercises, network, variants
from helpers.analysis import autograd_net
from helpers.autograd import Value, zero_grad
from helpers.exercises import CATALOGUE, SOLUTIONS, check, hint, nb06_net
from helpers.exercises.declarations import nb06

NAMES = [e.name for e in nb06.EXERCISES]
MISTAKES = [m for m in CATALOGUE.values() if m.exercise in NAMES]
SETUP = {"np": np, "math": math, "network": network, "Value": Value, "autograd_net": autograd_net,
         "zero_grad": zero_grad, "data": data}  # what notebook 06's setup cell gives an answer cell


def solutions():
    """The declared answers, run in one namespace as the notebook runs them (setup cell first)."""
    scope = dict(SETUP)
    for name in NAMES:
        exec(SOLUTIONS[name], scope)
    return scope


def written(source: str, scope: dict = None):
    """What a student's answer cell defines, run after the setup cell (and after `scope`, earlier answers)."""
    scope = {**SETUP, **(scope or {})}
    exec(source, scope)
    return scope


S = solutions()
RIGHT_OPS = (S["tanh"], S["log"], S["relu"])


def answer_of(exercise: str) -> tuple:
    """The arguments of the declared answer's check call."""
    return {"value_ops": RIGHT_OPS, "tanh_ce_net": (S["tanh_ce_gradients"],),
            "zero_grad_fix": (S["second_backward_prediction"], S["step_gradients"]),
            "fan_out": (S["fan_out_prediction"], S["a"], S["f"])}[exercise]


# ---- value_ops: tanh, log, relu as Value operations ------------------------------------------------

def one_op(name: str, forward: str, slope: str, record: str = "(x,)", plus: str = "+="):
    """An operation written the plain way, with its forward and slope as expressions in x.data / out.data."""
    return written(f'''
def {name}(x):
    out = Value({forward}, {record}, "{name}")

    def _backward():
        x.grad {plus} ({slope}) * out.grad
    out._backward = _backward
    return out
''')[name]


def ops(**replace) -> tuple:
    """(tanh, log, relu): the declared answers, with some replaced by another function."""
    made = dict(zip(("tanh", "log", "relu"), RIGHT_OPS))
    made.update(replace)
    return tuple(made.values())


TANH_EXP = one_op("tanh", "(math.exp(2 * x.data) - 1) / (math.exp(2 * x.data) + 1)", "1 - out.data ** 2")
TANH_F32 = one_op("tanh", "float(np.tanh(np.float32(x.data)))", "np.float32(1) - np.float32(out.data) ** 2")
TANH_COSH = one_op("tanh", "math.tanh(x.data)", "1 / math.cosh(x.data) ** 2")
LOG_NP = one_op("log", "np.log(x.data)", "1 / x.data")
LOG_F32 = one_op("log", "float(np.log(np.float32(x.data)))", "np.float32(1) / np.float32(x.data)")
RELU_IF = one_op("relu", "x.data if x.data > 0 else 0.0", "float(x.data > 0)")
RELU_DIV = one_op("relu", "max(x.data, 0.0)", "out.data / x.data")  # divides by zero at x = 0
RELU_GEQ = one_op("relu", "max(x.data, 0)", "1.0 if x.data >= 0 else 0.0")
RELU_NP = one_op("relu", "np.maximum(x.data, 0.0)", "np.heaviside(x.data, 0.0)")
TANH_ASSIGN = one_op("tanh", "math.tanh(x.data)", "1 - out.data ** 2", plus="=")
TANH_NO_RECORD = one_op("tanh", "math.tanh(x.data)", "1 - out.data ** 2", record="()")
TANH_OF_X = one_op("tanh", "math.tanh(x.data)", "1 - x.data ** 2")
TANH_T1T = one_op("tanh", "math.tanh(x.data)", "out.data * (1 - out.data)")
LOG_LOG = one_op("log", "math.log(x.data)", "out.data")
LOG_WRONG_SIGN = one_op("log", "math.log(x.data)", "-1 / x.data")
RELU_VALUE = one_op("relu", "max(x.data, 0.0)", "out.data")
TANH_VALUES = one_op("tanh", "math.tanh(x.data)", "1 - out ** 2")  # a Value where a number belongs
TANH_WRONG_FORWARD = one_op("tanh", "math.sin(x.data)", "1 - out.data ** 2")
LOG_NO_CHAIN = written('''
def log(x):
    out = Value(math.log(x.data), (x,), "log")

    def _backward():
        x.grad += 1 / x.data
    out._backward = _backward
    return out
''')["log"]
TANH_FLOAT = written("def tanh(x):\n    return math.tanh(x.data)\n")["tanh"]
TANH_NO_BACKWARD = written('def tanh(x):\n    return Value(math.tanh(x.data), (x,), "tanh")\n')["tanh"]


def placeholder(*args):
    raise NotImplementedError  # your code here


# ---- tanh_ce_net: notebook 05's net from Values -----------------------------------------------------

NET_LOOP_SOURCE = '''
def tanh_ce_gradients(params, X, y):
    P = autograd_net.to_values(params)
    L = Value(0.0)
    for n in range(len(X)):
        h = [tanh(X[n, 0] * P["W1"][0][j] + X[n, 1] * P["W1"][1][j] + (P["b1"][j] if "b1" in P else 0))
             for j in range(len(P["W2"]))]
        z2 = sum((h[j] * P["W2"][j] for j in range(len(h))), P.get("b2", Value(0.0)))
        p = z2.sigmoid()
        L = L + (-log(p) if y[n, 0] == 1 else -log(1 - p))
    L.backward()
    return autograd_net.to_arrays(P, "grad")
'''
OPS_SCOPE = {"tanh": S["tanh"], "log": S["log"], "relu": S["relu"]}
NET_LOOP = written(NET_LOOP_SOURCE, OPS_SCOPE)["tanh_ce_gradients"]
F32_RETURN = 'return {k: v.astype(np.float32) for k, v in autograd_net.to_arrays(P, "grad").items()}'
NET_F32 = written(NET_LOOP_SOURCE.replace('return autograd_net.to_arrays(P, "grad")', F32_RETURN),
                  OPS_SCOPE)["tanh_ce_gradients"]
NET_BIAS_ALWAYS = written(SOLUTIONS["tanh_ce_net"].replace('P["b2"] if "b2" in P else 0.0', 'P["b2"]'),
                          OPS_SCOPE)["tanh_ce_gradients"]
NET_PARAMS_B1 = written(SOLUTIONS["tanh_ce_net"].replace('if "b1" in P:', 'if params["b1"] is not None:'),
                        OPS_SCOPE)["tanh_ce_gradients"]
NET_SIGMOID = written(SOLUTIONS["tanh_ce_net"].replace("tanh(z1)", "z1.sigmoid()"), OPS_SCOPE)["tanh_ce_gradients"]
NET_SQUARED = written(SOLUTIONS["tanh_ce_net"].replace(
    "total - (target * log(y_hat) + (1 - target) * log(1 - y_hat))", "total + 0.5 * (y_hat - target) ** 2"),
    OPS_SCOPE)["tanh_ce_gradients"]
NET_NO_MINUS = written(SOLUTIONS["tanh_ce_net"].replace("total = total - (", "total = total + ("),
                       OPS_SCOPE)["tanh_ce_gradients"]
NET_MEAN = written(SOLUTIONS["tanh_ce_net"].replace("total.backward()", "total = total * (1 / len(X))\n"
                                                    "    total.backward()"), OPS_SCOPE)["tanh_ce_gradients"]
NET_LAST = written(SOLUTIONS["tanh_ce_net"].replace("total = total - (", "total = 0 - ("),
                   OPS_SCOPE)["tanh_ce_gradients"]
NET_BAD_TANH = written(SOLUTIONS["tanh_ce_net"], {**OPS_SCOPE, "tanh": TANH_OF_X})["tanh_ce_gradients"]
NET_NOT_DICT = written("def tanh_ce_gradients(params, X, y):\n    return [1, 2]\n")["tanh_ce_gradients"]
NET_NO_TANH = written(SOLUTIONS["tanh_ce_net"])["tanh_ce_gradients"]  # Exercise 1's cell not run


def net_right_by_variants(params, X, y):  # another honest form: not from Values, but the same numbers
    return variants.backward(params, variants.forward(params, X, "tanh")[1], y, "tanh", "cross_entropy")


# ---- zero_grad_fix ------------------------------------------------------------------------------------

ZERO_SOURCE = SOLUTIONS["zero_grad_fix"].split("\n\n\n")[1]
ZERO_LOOP = written(ZERO_SOURCE.replace("zero_grad(autograd_net.parameters(P))",
                                        "for p in autograd_net.parameters(P):\n        p.grad = 0"))["step_gradients"]
ZERO_NONE = written(ZERO_SOURCE.replace("zero_grad(autograd_net.parameters(P))", "pass"))["step_gradients"]
ZERO_AFTER = written(ZERO_SOURCE.replace("zero_grad(autograd_net.parameters(P))", "pass").replace(
    "    return", "    zero_grad(autograd_net.parameters(P))\n    return"))["step_gradients"]
ZERO_AFTER_READING = written(ZERO_SOURCE.replace("zero_grad(autograd_net.parameters(P))", "pass").replace(
    "    return autograd_net.to_arrays(P, \"grad\")",
    "    grads = autograd_net.to_arrays(P, \"grad\")\n    zero_grad(autograd_net.parameters(P))\n"
    "    return grads"))["step_gradients"]
ZERO_WEIGHTS = written(ZERO_SOURCE.replace("zero_grad(autograd_net.parameters(P))",
                                           "zero_grad(P[\"W1\"][0] + P[\"W1\"][1] + P[\"W2\"])"))["step_gradients"]
ZERO_KEYS = written(ZERO_SOURCE.replace("zero_grad(autograd_net.parameters(P))", "zero_grad(P)"))["step_gradients"]


# ---- fan_out -------------------------------------------------------------------------------------------

def fan(prediction, backward_runs=1, f_is=None):
    a, b, c = Value(2.0), Value(-3.0), Value(4.0)
    f = (a * b) * (a + c) if f_is is None else f_is(a, b, c)
    for _ in range(backward_runs):
        f.backward()
    return prediction, a, f


def fan_fresh():
    a = Value(2.0)
    f = (Value(2.0) * Value(-3.0)) * (Value(2.0) + Value(4.0))
    f.backward()
    return -24, a, f


def fan_experimented():  # a.grad polluted: (a + c).backward() tried first
    a, b, c = Value(2.0), Value(-3.0), Value(4.0)
    (a + c).backward()
    f = (a * b) * (a + c)
    f.backward()
    return -24, a, f


ANSWERS = [  # (exercise, answer, status, words the message must contain, mistake key or None)
    ("value_ops", RIGHT_OPS, "correct", "relu 1 where x > 0", None),
    ("value_ops", ops(tanh=TANH_EXP), "correct", "records x as its input", None),
    ("value_ops", ops(tanh=TANH_F32, log=LOG_F32), "correct", "records x as its input", None),  # float32
    ("value_ops", ops(tanh=TANH_COSH, log=LOG_NP, relu=RELU_IF), "correct", "records x", None),
    ("value_ops", ops(relu=RELU_NP), "correct", "0 at the kink too", None),
    ("value_ops", ops(relu=RELU_DIV), "not yet", "relu(Value(0)) or its _backward raised ZeroDivisionError", None),
    ("value_ops", ops(relu=RELU_DIV), "not yet", "needs no division by x", None),
    ("value_ops", ops(relu=RELU_GEQ), "not yet", "Use a strict test", "ops_relu_at_zero"),
    ("value_ops", ops(tanh=TANH_ASSIGN), "not yet", "tanh: x.grad holds only this use's share", "ops_assign"),
    ("value_ops", ops(log=LOG_NO_CHAIN), "not yet", "the result's .grad", "ops_no_chain"),
    ("value_ops", ops(tanh=TANH_NO_RECORD), "not yet", "backward() never reaches x", "ops_no_record"),
    ("value_ops", ops(tanh=TANH_OF_X), "not yet", "square the result", "ops_tanh_of_x"),
    ("value_ops", ops(tanh=TANH_T1T), "not yet", "the sigmoid's slope", "ops_tanh_sigmoid_form"),
    ("value_ops", ops(log=LOG_LOG), "not yet", "d log(x)/dx = 1/x", "ops_log_of_log"),
    ("value_ops", ops(relu=RELU_VALUE), "not yet", "1 or 0, not relu(x)", "ops_relu_value"),
    ("value_ops", ops(log=LOG_WRONG_SIGN), "not yet", "log at x = 0.5, with x.grad = 0.3 before and out.grad = "
     "-0.7: x.grad became 1.7000; it should be -1.1000", None),
    ("value_ops", ops(tanh=TANH_VALUES), "not yet", "not a number", None),
    ("value_ops", ops(tanh=TANH_WRONG_FORWARD), "not yet", "tanh(Value(-1.5)).data is -0.9975; tanh(-1.5) is "
     "-0.9051", None),
    ("value_ops", ops(tanh=TANH_FLOAT), "not yet", "returned a float, not a Value", None),
    ("value_ops", ops(tanh=TANH_NO_BACKWARD), "not yet", "x.grad did not change", None),
    ("value_ops", ops(log=placeholder), "not attempted",
     "log: Your function still raises NotImplementedError", None),
    ("value_ops", (..., ..., ...), "not attempted", "tanh: The answer cell still holds its placeholder", None),
    ("tanh_ce_net", (S["tanh_ce_gradients"],), "correct", "follow variants.descend's run", None),
    ("tanh_ce_net", (NET_LOOP,), "correct", "no backward pass written", None),
    ("tanh_ce_net", (NET_F32,), "correct", "to float32's precision", None),
    ("tanh_ce_net", (net_right_by_variants,), "correct", "variants.backward's on all three nets", None),
    ("tanh_ce_net", (NET_BIAS_ALWAYS,), "not yet", "a net without biases has no b1 or b2", None),
    ("tanh_ce_net", (NET_PARAMS_B1,), "not yet", "raised KeyError: 'b1' on notebook 01's reference net", None),
    ("tanh_ce_net", (NET_SIGMOID,), "not yet", "notebook 05's net has tanh there", "net_sigmoid_hidden"),
    ("tanh_ce_net", (NET_SQUARED,), "not yet", "the squared error", "net_squared_loss"),
    ("tanh_ce_net", (NET_NO_MINUS,), "not yet", "wrong sign", "net_sign"),
    ("tanh_ce_net", (NET_MEAN,), "not yet", "1/N of variants.backward's", "net_mean"),
    ("tanh_ce_net", (NET_LAST,), "not yet", "the last example alone", "net_last_example"),
    ("tanh_ce_net", (NET_BAD_TANH,), "not yet", "the error is in the hidden layer", None),
    ("tanh_ce_net", (NET_NOT_DICT,), "not yet", "returned list", None),
    ("tanh_ce_net", (NET_NO_TANH,), "not yet", "NameError", None),
    ("tanh_ce_net", (placeholder,), "not attempted", "NotImplementedError", None),
    ("zero_grad_fix", (2, S["step_gradients"]), "correct", "You predicted 2, and measured it is 2", None),
    ("zero_grad_fix", (2.0, ZERO_LOOP), "correct", "zeroed before each backward()", None),
    ("zero_grad_fix", (1, S["step_gradients"]), "correct", "You predicted 1; measured, it is 2", None),
    ("zero_grad_fix", (np.float32(2), S["step_gradients"]), "correct", "You predicted 2, and", None),
    ("zero_grad_fix", (2, ZERO_NONE), "not yet", "the second three times", "zero_none"),
    ("zero_grad_fix", (2, ZERO_AFTER), "not yet", "returns zeros", "zero_after_backward"),
    ("zero_grad_fix", (2, ZERO_AFTER_READING), "not yet", "your first call added", "zero_after_reading"),
    ("zero_grad_fix", (2, ZERO_WEIGHTS), "not yet", "the biases kept their old gradients", "zero_some"),
    ("zero_grad_fix", (2, ZERO_KEYS), "not yet", "raised AttributeError", None),
    ("zero_grad_fix", ("two", S["step_gradients"]), "not yet", "must be one number", None),
    ("zero_grad_fix", (" 2 ", S["step_gradients"]), "not yet", "' 2 ' (in quotes), not a number", None),
    ("zero_grad_fix", (True, S["step_gradients"]), "not yet", "must be one number", None),
    ("zero_grad_fix", (..., S["step_gradients"]), "not attempted", "Set second_backward_prediction", None),
    ("zero_grad_fix", (2, placeholder), "not attempted", "NotImplementedError", None),
    ("fan_out", fan(-24), "agrees", "-18 through a * b plus -6 through a + c", None),
    ("fan_out", fan(-24.0), "agrees", "That agrees with your prediction", None),
    ("fan_out", fan(" -24 "), "not yet", "write -24 without the quotes", None),
    ("fan_out", fan(np.float32(-24)), "agrees", "You predicted -24", None),
    # a prediction is recorded and set beside the measurement, never marked wrong
    ("fan_out", fan(-18), "differs", "You predicted -18. f.backward() gives -24", None),
    ("fan_out", fan(-18), "differs", "the path through a * b alone", None),
    ("fan_out", fan(-6), "differs", "the path through a + c alone", None),
    ("fan_out", fan(108), "differs", "the shares of different paths add", None),
    ("fan_out", fan(-36), "differs", "f itself, not its slope", None),
    ("fan_out", fan(12), "differs", "see where your number parted", None),
    ("fan_out", fan("minus 24"), "not yet", "must be one number; got 'minus 24'", None),
    ("fan_out", fan(True), "not yet", "must be one number", None),
    ("fan_out", fan(-24, backward_runs=2), "not yet", "Here a.grad is -72, and f.backward() alone gives -24",
     "fan_polluted"),
    ("fan_out", fan_experimented(), "not yet", "(1 came from before)", "fan_polluted"),
    ("fan_out", fan(-24, backward_runs=0), "not yet", "run f.backward() before the check", None),
    ("fan_out", fan_fresh(), "not yet", "built from new Values", "fan_fresh"),
    ("fan_out", (-24, Value(2.0), (2.0 * -3.0) * (2.0 + 4.0)), "not yet", "f is a plain number", "fan_float"),
    ("fan_out", fan(-24, f_is=lambda a, b, c: a * b * a + c), "not yet", "f should be the task's f = (a b)(a + c)",
     None),
    ("fan_out", (-24, Value(2.0), ...), "not attempted", "Now compute it", None),
    ("fan_out", (..., Value(2.0), ...), "not attempted", "Set fan_out_prediction", None),
    ("fan_out", (-24, 2.0, "f"), "not yet", "Pass the Values a and f", None),
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
        assert right >= 3 and statuses.count("not yet") >= 5, exercise


def test_every_catalogued_mistake_is_recognised_from_its_example():
    assert len({m.message for m in MISTAKES}) == len(MISTAKES)
    for m in MISTAKES:
        verdict = getattr(check, m.exercise).verdict(*m.example())
        # fan_out's catalogued mistakes are in the computation (f, a.grad), never in the prediction
        assert (verdict.status, verdict.mistake) == ("not yet", m.key), verdict
        assert m.message in verdict.text


def test_the_solutions_pass():
    for name in NAMES:
        verdict = getattr(check, name).verdict(*answer_of(name))
        if name == "fan_out":  # a prediction: recorded, and the declared one agrees
            assert (verdict.status, verdict.agrees) == ("recorded", True), verdict
        else:
            assert verdict.status == "correct", name


def test_the_probes_include_the_notebooks_own_zeros():
    """relu's kink and XOR's (0, 0) with zero biases: the input 0 the division mistake trips on, really met."""
    assert 0.0 in nb06.OPS["relu"][2] and 0.0 in nb06.OPS["tanh"][2]
    start = nb06_net.probe_nets()[0][1]
    z1 = variants.forward(start, data.X, "tanh")[1]["z1"]
    assert np.all(z1[0] == 0.0)  # input (0, 0): z1 exactly 0
    assert any("b1" not in params for _, params in nb06_net.probe_nets())


def test_the_measured_second_backward_is_twice_the_first():
    assert nb06_net.measured_ratio() == pytest.approx(2.0, rel=1e-12)


def test_a_check_never_raises_and_never_changes_the_students_values():
    for junk in (1, "x", [], {}, lambda: 1, lambda *a: 1 / 0, object()):
        for name in NAMES:
            assert getattr(check, name).verdict(junk).status in ("not yet", "not attempted")
    for prediction, a, f in (fan(-24), fan(-24, backward_runs=2), fan_experimented()):
        before = [(v.data, v.grad) for v in (a, f)]
        check.fan_out.verdict(prediction, a, f)
        assert [(v.data, v.grad) for v in (a, f)] == before


def test_a_prediction_is_never_marked_wrong_once_the_computation_is_right():
    for guess in (-24, -18, -6, 108, -36, 0, 1e6):
        assert check.fan_out.verdict(*fan(guess)).status == "recorded"
    for guess in (0, 1, 2, 3, 10):
        assert check.zero_grad_fix.verdict(guess, S["step_gradients"]).status == "correct"


def test_hints_are_a_ladder_of_three_that_never_give_the_code_away(capsys):
    for name in NAMES:
        hints = exercises.HINTS[name]
        code = [line.split("#")[0].strip() for line in SOLUTIONS[name].splitlines()]
        code = [line for line in code if len(line) > 8 and not line.startswith(('"""', "def "))]
        assert len(hints) == 3 and len(set(hints)) == 3
        assert not any(line in h for line in code for h in hints), name
        hint(name, 3)
        assert capsys.readouterr().out.startswith(f"Hint 3 for {name}:")


def test_no_message_quotes_a_line_of_the_answer():
    code = {name: [line.split("#")[0].strip() for line in SOLUTIONS[name].splitlines()] for name in NAMES}
    texts = [(e, getattr(check, e).verdict(*answer).text) for e, answer, *_ in ANSWERS]
    texts += [(m.exercise, m.message) for m in MISTAKES]
    for exercise, text in texts:
        assert not any(len(line) > 12 and line in text for line in code[exercise]), (exercise, text)

