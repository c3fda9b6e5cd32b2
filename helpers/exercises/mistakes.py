"""The catalogue of known mistakes behind the exercise checks (helpers/exercises.py).

A check recognises a mistake by comparing the student's answer with a deliberately wrong
variant computed from the correct math. For an exercise where the student writes a function,
the variant IS a wrong function with the same signature (`example`): the check runs both on
the same inputs and compares. For an exercise where the student gives values, `example`
returns an answer that shows the mistake; the check's own logic names it.

Every Mistake: key (unique), exercise (the check's name), message (what the student sees),
example() -> the arguments to pass to the check to see that message (used by the tests).
"""
from dataclasses import dataclass
from typing import Callable

import numpy as np

from helpers.exercises.variants import _sg, backward_variant, rate_variant, step_variant, violated_variant  # noqa: F401
from helpers.exercises.verdicts import Verdict
from helpers.network import sigmoid


@dataclass(frozen=True)
class Mistake:
    key: str
    exercise: str
    message: str
    example: Callable[[], tuple]


def _fn(f, **switches):
    def variant(*args):
        return f(*args, **switches)
    return lambda: (variant,)


# a hand-made net whose hidden units compute OR, NAND and AND (notebook 04's gate-naming exercise)
GATE_NET = {"W1": np.array([[20.0, -20.0, 20.0], [20.0, -20.0, 20.0]]), "b1": np.array([[-10.0, 30.0, -30.0]]),
            "W2": np.array([[1.0], [1.0], [1.0]]), "b2": np.array([[0.0]])}


def gate_tables(params: dict) -> list:
    """Each hidden unit's truth table (o00, o01, o10, o11): its activation > 0.5 on the four inputs."""
    from helpers import data, network
    a1 = network.forward(params, data.X)[1]["a1"]
    return [tuple(int(v) for v in a1[:, j] > 0.5) for j in range(a1.shape[1])]


def gates_table():
    """helpers.analysis.gates.GATE_NAMES {truth table: name}, or None before notebook 04's module is merged."""
    try:
        from helpers.analysis.gates import GATE_NAMES  # arrives with notebook 04; imported late on purpose
    except ImportError:
        return None
    return GATE_NAMES


def _gate_names_example(kind):
    def example():
        names = [gates_table()[t] for t in gate_tables(GATE_NET)]
        if kind == "complement":
            names[0] = gates_table()[tuple(1 - v for v in gate_tables(GATE_NET)[0])]
        else:
            names = names[1:] + names[:1]
        return names, GATE_NET
    return example


def _lr_five_example():
    from helpers import train  # late: only the tests need a real run
    return "diverges", train.train(**{**train.REFERENCE, "lr": 5.0})


def _net(W1, b1, W2, b2):
    return lambda: ({"W1": np.array(W1, float), "b1": np.array([b1], float), "W2": np.array(W2, float),
                     "b2": np.array([[b2]], float)},)


_OR_NAND = ([[20, -20], [20, -20]], [-10, 30])

CATALOGUE = [
    # 01 sigma'(z)
    Mistake("sg_from_z", "sigmoid_grad", "You computed z * (1 - z): that formula wants sigma(z), not z. "
            "Compute s = sigmoid(z) first, then s * (1 - s).", _fn(lambda z: z * (1 - z))),
    Mistake("sg_no_one_minus", "sigmoid_grad", "You returned sigma(z) itself: the slope also needs the factor "
            "(1 - sigma(z)).", _fn(sigmoid)),
    Mistake("sg_squared", "sigmoid_grad", "You computed sigma(z)**2; the slope is sigma(z) * (1 - sigma(z)).",
            _fn(lambda z: sigmoid(z) ** 2)),
    Mistake("sg_sign", "sigmoid_grad", "Right size, wrong sign: sigma rises everywhere, so its slope is positive.",
            _fn(lambda z: -_sg(z))),
    Mistake("sg_plus", "sigmoid_grad", "You computed sigma(z) * (1 + sigma(z)); it is (1 - sigma(z)).",
            _fn(lambda z: sigmoid(z) * (1 + sigmoid(z)))),
    # 01 backward pass (see backward_variant)
    Mistake("b_no_out_prime", "backward", "The output delta forgot sigma'(z2): d_out = (y_hat - y) * y_hat * "
            "(1 - y_hat), not just y_hat - y.", _fn(backward_variant, out_prime="none")),
    Mistake("b_no_hid_prime", "backward", "The hidden delta forgot sigma'(z1): multiply d_out @ W2.T by "
            "a1 * (1 - a1).", _fn(backward_variant, hid_prime="none")),
    Mistake("b_hid_prime_from_z", "backward", "The hidden sigma' was computed from z1 (z1 * (1 - z1)); it needs "
            "the activation a1 = sigma(z1): a1 * (1 - a1).", _fn(backward_variant, hid_prime="z")),
    Mistake("b_out_prime_from_z", "backward", "The output sigma' was computed from z2 (z2 * (1 - z2)); it needs "
            "y_hat = sigma(z2): y_hat * (1 - y_hat).", _fn(backward_variant, out_prime="z")),
    Mistake("b_hid_prime_sigma_again", "backward", "The hidden sigma' applied sigma to a1 again (sigmoid(a1) * "
            "(1 - sigmoid(a1))): a1 already IS sigma(z1), so use a1 * (1 - a1).",
            _fn(backward_variant, hid_prime="again")),
    Mistake("b_sign", "backward", "Every gradient has the wrong sign: dL/dy_hat = y_hat - y, not y - y_hat.",
            _fn(backward_variant, sign=-1.0)),
    Mistake("b_mean", "backward", "Every gradient is 1/N of the right one: you differentiated the mean; the stated "
            "loss L = 1/2 sum (y_hat - y)^2 is a sum, so do not divide by N.", _fn(backward_variant, scale=0.25)),
    Mistake("b_mse", "backward", "Every gradient is 2/N times the right one: that is the gradient of the printed "
            "MSE, not of L = 1/2 sum (y_hat - y)^2.", _fn(backward_variant, scale=0.5)),
    Mistake("b_no_half", "backward", "Every gradient is twice the right one: the 1/2 in L = 1/2 sum (y_hat - y)^2 "
            "cancels the 2 from the square.", _fn(backward_variant, scale=2.0)),
    Mistake("b_no_W2", "backward", "The hidden delta skipped W2: the error reaches hidden unit j through its "
            "weight W2[j], so use d_out @ W2.T.", _fn(backward_variant, use_W2=False)),
    Mistake("b_dW2_transposed", "backward", "dW2 came out transposed, (1, H): it is a1.T @ d_out, shape (H, 1) "
            "like W2.", _fn(backward_variant, transpose_dW2=True)),
    Mistake("b_dW1_transposed", "backward", "dW1 came out transposed, (H, 2): it is X.T @ d_hid, shape (2, H) "
            "like W1.", _fn(backward_variant, transpose_dW1=True)),
    Mistake("b_dW1_uses_a1", "backward", "dW1 used a1 where X belongs: W1 multiplies the inputs X, so "
            "dW1 = X.T @ d_hid.", _fn(backward_variant, dW1_input="a1")),
    Mistake("b_bias_not_summed", "backward", "The bias gradients were not summed over examples: one bias touches "
            "every row, so db1 = d_hid.sum(axis=0, keepdims=True) (and the same for db2).",
            _fn(backward_variant, bias="none")),
    Mistake("b_bias_mean", "backward", "The bias gradients are averaged (mean) over examples; the loss is a sum, "
            "so sum them.", _fn(backward_variant, bias="mean")),
    Mistake("b_bias_flat", "backward", "The bias gradients lost a dimension, e.g. (H,) instead of (1, H): use "
            "sum(axis=0, keepdims=True).", _fn(backward_variant, bias="flat")),
    # 01 one gradient-descent step
    Mistake("g_sign", "gradient_step", "You stepped uphill: W + lr * dW makes the loss grow; use W - lr * dW.",
            _fn(step_variant, sign=1.0)),
    Mistake("g_lr_twice", "gradient_step", "The learning rate was applied twice (lr * lr * dW): multiply by lr "
            "once.", _fn(step_variant, factor="lr2")),
    Mistake("g_no_lr", "gradient_step", "The step ignores the learning rate (W - dW): scale it, W - lr * dW.",
            _fn(step_variant, factor="one")),
    Mistake("g_double_step", "gradient_step", "The step is twice as long as it should be (W - 2 lr dW): did "
            "the update run twice?", _fn(step_variant, factor="twice")),
    Mistake("g_W1_with_dW2", "gradient_step", "W1 was updated with W2's gradient: each parameter moves with its "
            "own gradient, params[name] - lr * grads['d' + name].", _fn(step_variant, W1_grad="dW2")),
    Mistake("g_forgot_biases", "gradient_step", "The biases did not move: update b1 and b2 as well.",
            _fn(step_variant, biases=False)),
    Mistake("g_in_place", "gradient_step", "The new values are right, but your function changed the params it was "
            "given (params[name] -= ... changes the arrays in place) and returned that same dict. The task asks for "
            "a NEW dict: a caller who still holds params (to compare, or to step again from them) must find them "
            "unchanged.", _fn(step_variant, place="same")),
    Mistake("g_in_place_none", "gradient_step", "You changed params in place and returned None. The task asks for a "
            "NEW dict, returned, with params left as they were.", _fn(step_variant, place="none")),
    Mistake("g_shallow_copy", "gradient_step", "You returned a new dict, but its arrays are the old ones changed in "
            "place: dict(params) or params.copy() copies the dict, not the arrays, so new[name] -= ... changes "
            "params too. Write new[name] = params[name] - lr * grads['d' + name].", _fn(step_variant, place="shallow")),
    # 01 predict lr = 5 (the words are the explainer's: helpers/analysis/explain.py)
    Mistake("l_not_diverged", "lr_five", "It does not diverge. In this notebook \"diverged\" means what the explorer's "
            "status line means: the loss ends above where it started, or far above its best, as the lr 50 run in "
            "\"Reading a run\" does.", _lr_five_example),
    # 02 weights for AND and OR (a single unit: 1 when w1 x1 + w2 x2 + b > 0)
    Mistake("and_is_or", "and_weights", "These weights compute OR: (0,1) and (1,0) are on too. Make b more "
            "negative so that only w1 + w2 + b is above 0.", lambda: ((1.0, 1.0, -0.5),)),
    Mistake("and_is_nand", "and_weights", "These weights compute NAND, the opposite of AND: flip the signs of "
            "w1, w2 and b.", lambda: ((-1.0, -1.0, 1.5),)),
    Mistake("on_the_line", "and_weights", "An input lies exactly on the line (w1 x1 + w2 x2 + b = 0, output 0.5, "
            "neither class): AND needs (1,1) strictly above 0 and the other three strictly below. Move the line off "
            "the corner, e.g. change b a little.", lambda: ((1.0, 1.0, -1.0),)),
    Mistake("or_is_and", "or_weights", "These weights compute AND: only (1,1) is on. Raise b so that w1 + b and "
            "w2 + b are above 0 too (while b stays below 0).", lambda: ((1.0, 1.0, -1.5),)),
    Mistake("or_is_nor", "or_weights", "These weights compute NOR, the opposite of OR: flip the signs of "
            "w1, w2 and b.", lambda: ((-1.0, -1.0, 0.5),)),
    Mistake("or_on_the_line", "or_weights", "An input lies exactly on the line (w1 x1 + w2 x2 + b = 0, output 0.5, "
            "neither class): OR needs (0,1), (1,0) and (1,1) strictly above 0 and (0,0) strictly below. Move the line "
            "off the corner, e.g. change b a little.", lambda: ((1.0, 1.0, -1.0),)),
    Mistake("or_through_origin", "or_weights", "With b = 0 the input (0,0) sits on the line (output 0.5): give "
            "the unit a small negative bias.", lambda: ((1.0, 1.0, 0.0),)),
    # 02 which inequality breaks
    Mistake("v_flipped", "violated", "You returned the inequalities that HOLD; the question asks for the ones "
            "that break.", _fn(violated_variant, flipped=True)),
    Mistake("v_not_strict", "violated", "Equality counts as broken: a point exactly on the line gives 0.5, "
            "neither side. Use strict tests (b < 0, not b <= 0).", _fn(violated_variant, strict=False)),
    Mistake("v_zero_based", "violated", "Your numbers are off by one: the inequalities are numbered 1 to 4, "
            "not 0 to 3.", _fn(violated_variant, first=0)),
    Mistake("v_mask", "violated", "You returned True/False for each inequality; return the numbers of the "
            "broken ones, e.g. [4].", _fn(violated_variant, mask=True)),
    # 03 success rate of a sweep
    Mistake("r_mean_points", "success_rate", "That is the fraction of points classified right (accuracy); a net "
            "succeeds only when ALL four points are right: use .all(axis=1) before the mean.",
            _fn(rate_variant, how="mean")),
    Mistake("r_any", "success_rate", "You counted nets with ANY point right; success needs all four: "
            ".all(axis=1), not .any.", _fn(rate_variant, how="any")),
    Mistake("r_count", "success_rate", "You returned how many nets succeeded; the rate is that count divided by "
            "the number of nets (use .mean()).", _fn(rate_variant, how="count")),
    Mistake("r_axis0", "success_rate", "You took .all over axis 0 (over nets, for each point); each ROW is one "
            "net, so use .all(axis=1).", _fn(rate_variant, how="axis0")),
    Mistake("r_ignore_y", "success_rate", "You tested y_hat > 0.5 without comparing with y: XOR's targets are 0 "
            "for (0,0) and (1,1), so compare (y_hat > 0.5) == (y > 0.5).", _fn(rate_variant, how="ignore_y")),
    Mistake("r_geq", "success_rate", "You counted an output of exactly 0.5 as class 1 (>= 0.5). In notebook 03, as "
            "in Run.correct, exactly 0.5 counts as class 0: test y_hat > 0.5.", _fn(rate_variant, how="geq")),
    Mistake("r_confident", "success_rate", "You asked for confident outputs, each within some margin of its target. "
            "A net with outputs 0.4 and 0.6 on the right sides is right and succeeds: only the side of 0.5 counts "
            "(the loss < 0.01 column of the sweep is the stricter count).", _fn(rate_variant, how="confident")),
    # 03 predict the H = 2 success rate
    Mistake("p_percent", "h2_prediction", "Give the rate as a fraction between 0 and 1 (0.3), not as a "
            "percentage (30).", lambda: (30, 0.2)),
    Mistake("p_trusted_text", "h2_prediction", "You trusted 'two hidden neurons are sufficient'. Two units CAN "
            "represent XOR, but gradient descent finds such weights from few random starts without biases.",
            lambda: (1.0, 0.1)),
    Mistake("p_never", "h2_prediction", "You predicted it never works: that is true of ONE hidden unit. With two, "
            "XOR is representable and some starts do find it.", lambda: (0.0, 0.2)),
    # 04 name the gates
    Mistake("n_complement", "gate_names", "At least one name is the opposite gate (AND for NAND, OR for NOR...): "
            "read the truth table as (x1,x2) = (0,0), (0,1), (1,0), (1,1) and check which inputs give 1.",
            _gate_names_example("complement")),
    Mistake("n_order", "gate_names", "The right gates, in the wrong order: name unit 0 first (column 0 of W1), "
            "then unit 1, and so on.", _gate_names_example("order")),
    # 04 build XOR by hand
    Mistake("x_no_bias", "xor_by_hand", "Without biases every unit sits at 0.5 for (0,0), so OR and NAND are out "
            "of reach: give b1 (1, 2) and b2 (1, 1).", lambda: ({"W1": np.ones((2, 2)), "W2": np.ones((2, 1))},)),
    Mistake("x_W1_rows", "xor_by_hand", "You wrote each hidden unit's weights as a ROW of W1; they are its "
            "COLUMNS (z1 = X @ W1, so W1[:, j] feeds unit j). Transpose W1.",
            _net(np.array(_OR_NAND[0]).T, [-10, 30], [[20], [20]], -30)),
    Mistake("x_hidden_flipped", "xor_by_hand", "A hidden unit computes the opposite gate (NOR for OR, or AND for "
            "NAND): flip the signs of its weights and its bias.",
            _net([[20, 20], [20, 20]], [-10, -30], [[20], [20]], -30)),
    Mistake("x_output_or", "xor_by_hand", "The hidden units compute OR and NAND, but the output ORs them (it is 1 for "
            "all four inputs): AND needs b2 more negative, so that only W2[0] + W2[1] + b2 > 0.",
            _net(*_OR_NAND, [[20], [20]], -10)),
    Mistake("x_small_weights", "xor_by_hand", "The hidden units have the right truth tables (OR and NAND at the 0.5 "
            "threshold), and your output would AND them if they were exactly 0 and 1, but with weights this small "
            "they stay near 0.5, where the output cannot tell the inputs apart. Scale every weight and bias up "
            "(about 10 times) so each hidden activation gets near 0 or 1.",
            _net([[2, -2], [2, -2]], [-1, 3], [[2], [2]], -3)),
]

BY_KEY = {m.key: m for m in CATALOGUE}
assert len(BY_KEY) == len(CATALOGUE), "mistake keys must be unique"


def mistake(key: str, extra: str = "") -> Verdict:
    """The Verdict that names catalogued mistake `key` (with `extra` words after its message), under its exercise."""
    m = BY_KEY[key]
    return Verdict(m.exercise, "not yet", m.message + extra, mistake=key)
