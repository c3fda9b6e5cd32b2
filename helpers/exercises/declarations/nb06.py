"""Notebook 06's exercises, one declaration each (read by engine.py; judged in nb06.py)."""
from helpers.exercises import nb06 as nb
from helpers.exercises.engine import Exercise, Mistake
from helpers.exercises.nb06 import add_half, adds, fan, returns, sets, sigma

MUL_BACKWARD = Exercise(
    "mul_backward", "## Each operation beside its local derivative", nb.judge_mul_backward,
    hints=(
        "If out = a * b, how much does out move when a moves a little? And when b does?",
        "d(a b)/da = b and d(a b)/db = a; the chain rule multiplies each by the gradient arriving from above, "
        "out.grad.",
        "Shape: two lines, one per input, each ADDING (not assigning) to that input's .grad the product of its "
        "local derivative (read from the other input's .data) and out.grad; no return."),
    answer='''def mul_backward(a, b, out):
    """out = a * b: pass out's gradient back to a and b, adding to what they hold."""
    a.grad += b.data * out.grad  # d(a b)/da = b
    b.grad += a.data * out.grad  # d(a b)/db = a
''',
    mistakes=(
        Mistake("mul_assign", "wrote = instead of += in mul's backward",
                "a.grad and b.grad hold only this use's share: whatever they held before (a share from an earlier "
                "use of the same Value) is gone. Write += , not =.",
                lambda: (sets(lambda a, b, out: b.data * out.grad, lambda a, b, out: a.data * out.grad),)),
        Mistake("mul_swapped", "gave each input its own value as slope",
                "Each input got its own value times out.grad. The local derivative of a * b with respect to a is b "
                "(and with respect to b it is a): swap them.",
                lambda: (adds(lambda a, b, out: a.data * out.grad, lambda a, b, out: b.data * out.grad),)),
        Mistake("mul_no_chain", "left out out.grad (no chain rule) in mul's backward",
                "You added the local derivatives alone. The chain rule multiplies them by the gradient arriving "
                "from above, out.grad.", lambda: (adds(lambda a, b, out: b.data, lambda a, b, out: a.data),)),
        Mistake("mul_out_data", "used out.data for out.grad in mul's backward",
                "You multiplied by out.data, the product's value. The gradient arriving from above is out.grad.",
                lambda: (adds(lambda a, b, out: b.data * out.data, lambda a, b, out: a.data * out.data),)),
        Mistake("mul_returned", "returned the shares instead of adding them",
                "You returned the two shares, but a backward passes them on by adding them to a.grad and b.grad "
                "(and returns nothing): nobody reads the return value.",
                lambda: (returns(lambda a, b, out: b.data * out.grad, lambda a, b, out: a.data * out.grad),)),
    ),
    needs={"mul_backward": "the answer cell of Exercise 1 (def mul_backward)"},
)


SIGMOID_BACKWARD = Exercise(
    "sigmoid_backward", "## Each operation beside its local derivative", nb.judge_sigmoid_backward,
    hints=(
        "The slope of the sigmoid can be written with the sigmoid's own value, and the forward pass has already "
        "computed that value.",
        "sigma'(x) = sigma(x) (1 - sigma(x)), and sigma(x) is out.data; the chain rule multiplies it by out.grad.",
        "Shape: one line that adds to x.grad (never assigns) the slope built from out.data alone, times out.grad; "
        "no return."),
    answer='''def sigmoid_backward(x, out):
    """out = sigmoid(x): out.data is sigma(x), so the slope needs no new exp."""
    x.grad += out.data * (1 - out.data) * out.grad
''',
    mistakes=(
        Mistake("sigmoid_assign", "wrote = instead of += in sigmoid's backward",
                "x.grad holds only this use's share: what it held before is gone. Write += , not =.",
                lambda: (sets(lambda x, out: out.data * (1 - out.data) * out.grad),)),
        Mistake("sigmoid_of_x", "used x.data (1 - x.data) for sigma'(x)",
                "You used x.data * (1 - x.data). The slope is sigma(x) (1 - sigma(x)), and sigma(x) is already "
                "computed: it is out.data.", lambda: (adds(lambda x, out: x.data * (1 - x.data) * out.grad),)),
        Mistake("sigmoid_twice", "applied the sigmoid to out.data again",
                "You applied the sigmoid to out.data again. out.data already IS sigma(x): the slope is out.data * "
                "(1 - out.data).", lambda: (adds(lambda x, out: sigma(out.data) * (1 - sigma(out.data)) * out.grad),)),
        Mistake("sigmoid_no_chain", "left out out.grad (no chain rule) in sigmoid's backward",
                "You added the local derivative sigma'(x) alone. The chain rule multiplies it by the gradient "
                "arriving from above, out.grad.", lambda: (adds(lambda x, out: out.data * (1 - out.data)),)),
        Mistake("sigmoid_returned", "returned x's share instead of adding it",
                "You returned x's share, but a backward passes it on by adding it to x.grad (and returns nothing): "
                "nobody reads the return value.",
                lambda: (returns(lambda x, out: out.data * (1 - out.data) * out.grad),)),
    ),
    needs={"sigmoid_backward": "the answer cell of Exercise 2 (def sigmoid_backward)"},
)


ADD_BACKWARD = Exercise(
    "add_backward", "## A fan-out: the gradients add", nb.judge_add_backward,
    hints=(
        "Run the buggy version on x + x by hand: what is x.grad after the first line, and after the second?",
        "A Value used twice must receive both shares: each line must add to .grad, not replace it.",
        "Shape: two lines, one per input, each adding to its .grad the local derivative of + (a constant) times "
        "out.grad; no return."),
    answer='''def add_backward(a, b, out):
    """out = a + b: both local derivatives are 1; += so that x + x gets both shares."""
    a.grad += out.grad
    b.grad += out.grad
''',
    mistakes=(
        Mistake("add_still_assign", "kept = in add's backward",
                "Still `=`: for x + x the two shares (1 each) should add up to 2, but the second one overwrites the "
                "first. Both lines need +=.", lambda: (sets(lambda a, b, out: out.grad, lambda a, b, out: out.grad),)),
        Mistake("add_half_fixed", "fixed only one line of add's backward",
                "One line adds now, the other still overwrites: a.grad and b.grad both need +=.", lambda: (add_half,)),
        Mistake("add_no_chain", "added 1 without out.grad in add's backward",
                "You added 1, the local derivative of +, alone. The chain rule multiplies it by the gradient "
                "arriving from above: add out.grad.", lambda: (adds(lambda a, b, out: 1.0, lambda a, b, out: 1.0),)),
        Mistake("add_doubled", "counted a.grad twice (a.grad += a.grad + out.grad)",
                "a.grad counted twice: `a.grad += a.grad + out.grad` means a.grad = a.grad + a.grad + out.grad. "
                "Write a.grad += out.grad (or a.grad = a.grad + out.grad).",
                lambda: (adds(lambda a, b, out: a.grad + out.grad, lambda a, b, out: b.grad + out.grad),)),
    ),
    needs={"add_backward": "the answer cell of Exercise 3 (def add_backward)"},
)


FAN_OUT = Exercise(
    "fan_out", "## A fan-out: the gradients add", nb.judge_fan_out,
    hints=(
        "List the paths from f back to a: a is an input of a * b and of a + c.",
        "Along one path, multiply the local derivatives: df/d(a b) * d(a b)/da, and df/d(a + c) * d(a + c)/da. Then "
        "add the paths.",
        "The local derivatives at a = 2, b = -3, c = 4: df/d(a b) is the other factor, a + c; d(a b)/da is b; "
        "df/d(a + c) is the other factor, a b; d(a + c)/da is 1. Shape: fan_out_prediction = one number."),
    answer='''# f = (a * b) * (a + c) at a = 2, b = -3, c = 4:
# (a + c) * b through a * b, plus (a * b) * 1 through a + c
fan_out_prediction = (2 + 4) * -3 + (2 * -3) * 1  # -24
a, b, c = Value(2.0), Value(-3.0), Value(4.0)
f = (a * b) * (a + c)
f.backward()
''',
    mistakes=(
        Mistake("fan_one_path", "counted one path of the fan-out only",
                "That is the share of one path only. a reaches f twice, through a * b and through a + c; each use "
                "passes back its own share, and the shares add.", lambda: fan(-18)),
        Mistake("fan_product", "multiplied the paths' shares instead of adding",
                "You multiplied the two paths' shares. Along ONE path the local derivatives multiply (the chain "
                "rule); the shares of DIFFERENT paths add.", lambda: fan(108)),
        Mistake("fan_value", "gave f itself, not df/da",
                "That is f itself, (a b)(a + c) = -36, not its slope df/da.", lambda: fan(-36)),
    ),
    needs={"fan_out_prediction": "the prediction cell of Exercise 4 (fan_out_prediction = ...)"},
)

EXERCISES = [MUL_BACKWARD, SIGMOID_BACKWARD, ADD_BACKWARD, FAN_OUT]
