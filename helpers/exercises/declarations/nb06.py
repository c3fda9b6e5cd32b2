"""Notebook 06's exercises, one declaration each (read by engine.py; judged in nb06.py and nb06_net.py)."""
from helpers.analysis import autograd_net
from helpers.autograd import Value, zero_grad
from helpers.exercises import nb06 as nb
from helpers.exercises import nb06_net as net
from helpers.exercises.engine import Exercise, Mistake
from helpers.exercises.nb06 import OPS, WRONG_SLOPES, op


def _ops(**wrong) -> tuple:
    """(tanh, log, relu) as right operations, except those given as op() switches or a wrong slope's key."""
    made = {}
    for name, (forward, slope, _) in OPS.items():
        change = wrong.get(name, {})
        if isinstance(change, str):  # a catalogued wrong slope
            made[name] = op(forward, WRONG_SLOPES[name][change], name)
        else:
            made[name] = op(forward, lambda x, out, slope=slope: slope(x), name, **change)
    return tuple(made.values())


VALUE_OPS = Exercise(
    "value_ops", "## Each operation beside its local derivative", nb.judge_value_ops,
    hints=(
        "Each operation does two things: it computes its number from x.data, and it says how a change of its "
        "result moves x (the slope at x), which _backward multiplies by the gradient from above.",
        "d tanh(x)/dx = 1 - tanh(x)^2;  d log(x)/dx = 1/x;  d relu(x)/dx = 1 where x > 0, else 0 (also at x = 0). "
        "The chain rule: x.grad gains slope * out.grad.",
        "Shape of each function: compute the number; make the result a Value from that number, the tuple of its "
        "inputs (just x) and a name; define an inner function of no arguments that adds the slope times the "
        "result's .grad to x.grad; attach it as the result's _backward; return the result."),
    answer='''def tanh(x):
    """tanh of the Value x, as a new Value that records x and passes back tanh'(x) = 1 - tanh(x)^2."""
    t = math.tanh(x.data)
    result = Value(t, (x,), "tanh")

    def pass_back():
        x.grad += (1 - t * t) * result.grad
    result._backward = pass_back
    return result


def log(x):
    """The natural log of the Value x (x.data > 0); its slope is 1 / x."""
    result = Value(math.log(x.data), (x,), "log")

    def pass_back():
        x.grad += result.grad / x.data
    result._backward = pass_back
    return result


def relu(x):
    """max(x, 0) of the Value x; slope 1 where x > 0, else 0 (0 at the kink, as helpers.variants takes it)."""
    result = Value(max(x.data, 0.0), (x,), "relu")

    def pass_back():
        x.grad += (1.0 if x.data > 0 else 0.0) * result.grad
    result._backward = pass_back
    return result
''',
    mistakes=(
        Mistake("ops_assign", "wrote = instead of += in an operation's backward",
                "x.grad holds only this use's share: what it held before (a share from another use of x) is gone. "
                "Write += , not =.", lambda: _ops(tanh={"assign": True})),
        Mistake("ops_no_chain", "left out out.grad in an operation's backward",
                "You added the slope alone. The chain rule multiplies it by the gradient arriving from above, the "
                "result's .grad.", lambda: _ops(log={"chain": False})),
        Mistake("ops_no_record", "made the result without x as its input",
                "Your result's _backward is right, but the result does not record x among its inputs (the tuple "
                "after the number), so backward() never reaches x.", lambda: _ops(relu={"record": False})),
        Mistake("ops_tanh_of_x", "wrote tanh's slope as 1 - x^2",
                "tanh's slope is 1 - tanh(x)^2: square the result, tanh(x), not x.",
                lambda: _ops(tanh="ops_tanh_of_x")),
        Mistake("ops_tanh_sigmoid_form", "wrote tanh's slope as t (1 - t), the sigmoid's form",
                "t (1 - t) is the sigmoid's slope written with its result; tanh's is 1 - t^2 with t = tanh(x).",
                lambda: _ops(tanh="ops_tanh_sigmoid_form")),
        Mistake("ops_tanh_no_square", "wrote tanh's slope as 1 - tanh(x)",
                "The square is missing from tanh's slope: 1 - tanh(x)^2.", lambda: _ops(tanh="ops_tanh_no_square")),
        Mistake("ops_log_of_log", "used log(x) as log's slope",
                "log's slope is not log(x) itself (that is e^x's rule: its slope is its result). d log(x)/dx = 1/x.",
                lambda: _ops(log="ops_log_of_log")),
        Mistake("ops_log_x", "used x as log's slope",
                "log's slope gets smaller as x grows: it is 1/x, not x.", lambda: _ops(log="ops_log_x")),
        Mistake("ops_relu_at_zero", "gave relu slope 1 at exactly 0",
                "At exactly x = 0 your relu passes the gradient on (slope 1). relu has no slope there; this lab "
                "takes 0, as helpers.variants does (z1 > 0), and notebook 05's nets meet x = 0 exactly: the input "
                "(0, 0) with zero biases. Use a strict test.", lambda: _ops(relu="ops_relu_at_zero")),
        Mistake("ops_relu_value", "used relu(x) as relu's slope",
                "relu's slope is 1 or 0, not relu(x) itself: above 0 the result grows one for one with x.",
                lambda: _ops(relu="ops_relu_value")),
    ),
    needs={"tanh": "the answer cell of Exercise 1 (def tanh, log, relu)",
           "log": "the answer cell of Exercise 1 (def tanh, log, relu)",
           "relu": "the answer cell of Exercise 1 (def tanh, log, relu)"},
)


def _net(key):
    return lambda: (lambda params, X, y: net.NET_VARIANTS[key](params, X, y),)


TANH_CE_NET = Exercise(
    "tanh_ce_net", "## The 2-H-1 net from scalars", net.judge_tanh_ce_net,
    hints=(
        "Notebook 05's net is notebook 01's with two changes: tanh in the hidden layer, and the cross-entropy loss. "
        "Build its forward pass from Values one example at a time, with your own tanh and log; backward() does "
        "the rest.",
        "For one example: z1[j] = x1 W1[0,j] + x2 W1[1,j] (+ b1[j]), a1[j] = tanh(z1[j]), z2 = sum_j a1[j] W2[j] "
        "(+ b2), y_hat = sigmoid(z2), L_n = -(y log(y_hat) + (1 - y) log(1 - y_hat)); L is the SUM of L_n.",
        "Shape: turn params into Values (the module that rebuilt notebook 01's net has a function for that); loop "
        "over the examples building L_n as in hint 2 and adding it to L; one backward() on L; return the Values' "
        "gradients as arrays named dW1, dW2 (db1, db2 when the net has biases)."),
    answer='''def tanh_ce_gradients(params, X, y):
    """dL/dparam for notebook 05's net: tanh hidden units, sigmoid output, L = cross-entropy summed over X's rows."""
    P = autograd_net.to_values(params)
    total = 0.0
    for (x1, x2), target in zip(X.tolist(), y[:, 0].tolist()):
        z2 = P["b2"] if "b2" in P else 0.0
        for j, w2 in enumerate(P["W2"]):
            z1 = x1 * P["W1"][0][j] + x2 * P["W1"][1][j]
            if "b1" in P:
                z1 = z1 + P["b1"][j]
            z2 = z2 + tanh(z1) * w2
        y_hat = z2.sigmoid()
        total = total - (target * log(y_hat) + (1 - target) * log(1 - y_hat))
    total.backward()
    return autograd_net.to_arrays(P, "grad")
''',
    mistakes=(
        Mistake("net_sigmoid_hidden", "used sigmoid hidden units, not tanh",
                "Your gradients are those of a net with sigmoid hidden units: notebook 05's net has tanh there.",
                _net("net_sigmoid_hidden")),
        Mistake("net_squared_loss", "trained the squared error, not cross-entropy",
                "Your gradients are those of the squared error 1/2 (y_hat - y)^2; the loss here is the cross-entropy "
                "-(y log(y_hat) + (1 - y) log(1 - y_hat)).", _net("net_squared_loss")),
        Mistake("net_sign", "left out the minus of the cross-entropy",
                "Every gradient has the wrong sign: the cross-entropy is MINUS the sum of y log(y_hat) + (1 - y) "
                "log(1 - y_hat) (each log is negative, the loss is positive).", _net("net_sign")),
        Mistake("net_mean", "averaged the loss instead of summing it",
                "Every gradient is 1/N of variants.backward's: your loss is the mean over the examples; here, as in "
                "notebook 05, it is the sum.", _net("net_mean")),
        Mistake("net_last_example", "kept only the last example's loss",
                "Your gradients are those of the last example alone: L must add up every example's loss (L = L + "
                "L_n), not be replaced by it.", _net("net_last_example")),
    ),
    needs={"tanh_ce_gradients": "the answer cell of Exercise 2 (def tanh_ce_gradients)"},
)


def _zero(kind: str):
    def step(P, X, y):
        values = autograd_net.parameters(P)
        if kind == "some":
            values = P["W1"][0] + P["W1"][1] + P["W2"]
        if kind not in ("none", "after", "after_reading"):
            zero_grad(values)
        L, _ = autograd_net.batch_loss(P, X, y)
        L.backward()
        if kind == "after":
            zero_grad(values)
        grads = autograd_net.to_arrays(P, "grad")
        if kind == "after_reading":
            zero_grad(values)
        return grads
    return lambda: (2, step)


ZERO_GRAD_FIX = Exercise(
    "zero_grad_fix", "## A fan-out: the gradients add", net.judge_zero_grad_fix,
    hints=(
        "backward() adds to .grad and never clears it. What did the parameters' .grad hold when your function "
        "started?",
        "Every parameter's .grad must be 0 when backward() starts, whatever an earlier call left there; and the "
        "gradients must be read after backward(), before anything clears them again.",
        "Shape: first set every parameter Value's .grad to 0 (the autograd module has a function for it, and the "
        "net's module lists the parameters); then build the loss from the Values; backward(); return the "
        "gradients as arrays."),
    answer='''second_backward_prediction = 2  # the new graph's backward() adds the same gradient again


def step_gradients(P, X, y):
    """dL/dparam at P's current values (a new graph each call), whatever P's .grad held before."""
    zero_grad(autograd_net.parameters(P))  # backward() adds: start every parameter's .grad at 0
    loss, _ = autograd_net.batch_loss(P, X, y)
    loss.backward()
    return autograd_net.to_arrays(P, "grad")
''',
    mistakes=(
        Mistake("zero_none", "never zeroed the gradients",
                "Each call adds its gradient to what .grad already held: your first call returns twice the "
                "gradient, the second three times. Zero every parameter's .grad before backward().",
                _zero("none")),
        Mistake("zero_after_backward", "zeroed after backward(), before reading",
                "Your function returns zeros: it clears .grad after backward() and before reading it. Zero first, "
                "then build the loss, then backward(), then read.", _zero("after")),
        Mistake("zero_after_reading", "zeroed after reading instead of before",
                "Zeroing after reading leaves .grad clean for the next call, but your first call added to what the "
                "parameters held when it started (twice the gradient here). Zero before backward().",
                _zero("after_reading")),
        Mistake("zero_some", "zeroed some parameters, not every one",
                "Some gradients are right and others are not: only some parameters were zeroed (the biases kept "
                "their old gradients). autograd_net.parameters(P) lists every parameter Value.", _zero("some")),
    ),
    needs={"second_backward_prediction": "the prediction cell of Exercise 3 (second_backward_prediction = ...)",
           "step_gradients": "the answer cell of Exercise 3 (def step_gradients)"},
)


def _fresh():
    a = Value(2.0)
    f = (Value(2.0) * Value(-3.0)) * (Value(2.0) + Value(4.0))
    f.backward()
    return -24, a, f


def _polluted():
    a, b, c = Value(2.0), Value(-3.0), Value(4.0)
    (a * b).backward()  # an experiment first
    f = (a * b) * (a + c)
    f.backward()
    return -24, a, f


FAN_OUT = Exercise(
    "fan_out", "## A fan-out: the gradients add", nb.judge_fan_out,
    hints=(
        "List the paths from f back to a: a is an input of a * b and of a + c.",
        "Along one path, multiply the local derivatives: df/d(a b) * d(a b)/da, and df/d(a + c) * d(a + c)/da. Then "
        "add the paths.",
        "The local derivatives at a = 2, b = -3, c = 4: df/d(a b) is the other factor, a + c; d(a b)/da is b; "
        "df/d(a + c) is the other factor, a b; d(a + c)/da is 1. Shape: fan_out_prediction = one number; then f "
        "from the three Values, and backward() on it once."),
    answer='''# f = (a * b) * (a + c) at a = 2, b = -3, c = 4:
# (a + c) * b through a * b, plus (a * b) * 1 through a + c
fan_out_prediction = (2 + 4) * -3 + (2 * -3) * 1  # -24
a, b, c = Value(2.0), Value(-3.0), Value(4.0)
f = (a * b) * (a + c)
f.backward()
''',
    mistakes=(
        Mistake("fan_float", "built f from plain numbers, not Values",
                "f is a plain number, not a Value: it was computed from numbers, so it records nothing and has no "
                "backward(). Build it from the Values a, b, c.", lambda: (-24, Value(2.0), -36.0)),
        Mistake("fan_fresh", "built f from new Values, not this a",
                "f has the right number, but it was built from new Values (Value(2.0) written inside the formula), "
                "not from the a you passed, so backward() never reaches a. Build f from a, b and c themselves.",
                _fresh),
        Mistake("fan_polluted", "a.grad held a share from an earlier backward()",
                "a.grad is not what f.backward() gives: an earlier backward() (or a second run of it) already "
                "added to a.grad, and gradients add up. Run the cell that makes the Values again, so they start "
                "at 0, then build f and call backward() once.", _polluted),
    ),
    needs={"fan_out_prediction": "the prediction cell of Exercise 4 (fan_out_prediction = ...)",
           "a": "notebook 06's Exercise 4 answer cell (a, b, c = Value(...), then f = ...), if this is that notebook,",
           "f": "notebook 06's Exercise 4 answer cell (a, b, c = Value(...), then f = ...), if this is that notebook,"},
)

EXERCISES = [VALUE_OPS, TANH_CE_NET, ZERO_GRAD_FIX, FAN_OUT]
