"""A corpus of student answers, each with the verdict and the words it must get: right answers in several
forms (another formula, an equivalent network, a list where the task allows one) and wrong ones in every
way we could think of. Every catalogued message (helpers.exercises.CATALOGUE) is produced by at
least one answer here, written as a student would write it, not by the catalogue's own example."""
import copy
import functools
import re

import numpy as np
import pytest

from helpers import network, train
from helpers.autograd import Value
from helpers.exercises import CATALOGUE, GATE_NET, SOLUTIONS, check
from helpers.exercises.engine import PREDICTIONS


def student(source: str, **replace):
    """The function a student writes: a solution's source with some of its text changed (old -> new)."""
    for old, new in replace.values():
        assert old in source, old
        source = source.replace(old, new)
    scope = {"np": np, "network": network, "Value": Value}
    exec(compile(source, "<student>", "exec"), scope)
    f = scope[re.search(r"def (\w+)", source).group(1)]
    f.source = source  # what the student wrote, for a fake class's notebooks (tests/test_misconceptions.py)
    return f


def right(name):
    return student(SOLUTIONS[name])


def variant(name, **replace):
    return student(SOLUTIONS[name], **replace)


# ---- 01 sigmoid_grad -------------------------------------------------------------------------------------

def sg_exp(z):
    return np.exp(-z) / (1 + np.exp(-z)) ** 2


def sg_difference(z):
    return network.sigmoid(z) - network.sigmoid(z) ** 2


def sg_tanh(z):
    return 0.25 * (1 - np.tanh(z / 2) ** 2)


def sg_forever(z):
    while True:
        z = z + 0


SG = "sigmoid_grad"
CORPUS = [  # (exercise, answer, status, mistake key or None, words the message must contain)
    (SG, (right(SG),), "correct", None, "at most 0.25"),
    (SG, (sg_exp,), "correct", None, "at most 0.25"),
    (SG, (sg_difference,), "correct", None, "at most 0.25"),
    (SG, (sg_tanh,), "correct", None, "at most 0.25"),
    (SG, (variant(SG, a=("s * (1 - s)", "z * (1 - z)")),), "not yet", "sg_from_z", "wants sigma(z), not z"),
    (SG, (variant(SG, a=("s * (1 - s)", "s")),), "not yet", "sg_no_one_minus", "also needs the factor"),
    (SG, (variant(SG, a=("s * (1 - s)", "s ** 2")),), "not yet", "sg_squared", "sigma(z)**2"),
    (SG, (variant(SG, a=("s * (1 - s)", "s * (s - 1)")),), "not yet", "sg_sign", "wrong sign"),
    (SG, (variant(SG, a=("s * (1 - s)", "s * (1 + s)")),), "not yet", "sg_plus", "(1 + sigma(z))"),
    (SG, (lambda z: np.cos(z),), "not yet", None, "At z ="),
    (SG, (variant(SG, a=("return s * (1 - s)", "s * (1 - s)")),), "not yet", None, "did you forget `return`"),
    (SG, (lambda z: (network.sigmoid(z) * (1 - network.sigmoid(z))).tolist(),), "not yet", None, "Python list"),
    *([(SG, (sg_forever,), "not yet", None, "stopped after")] if int(np.__version__.split(".")[0]) >= 2 else []),
    # NumPy 1.x (the oldest leg) holds back the timer's signal in this loop: see test_check_kernel
]

# ---- 01 backward -----------------------------------------------------------------------------------------
BW = "backward"


def bw_dot(params, cache, y):
    X, a1, y_hat = cache["X"], cache["a1"], cache["y_hat"]
    delta2 = np.multiply(y_hat - y, y_hat * (1 - y_hat))
    delta1 = np.dot(delta2, params["W2"].T) * a1 * (1 - a1)
    grads = {"dW1": np.dot(X.T, delta1), "dW2": np.dot(a1.T, delta2)}
    if "b1" in params:
        grads["db1"] = np.sum(delta1, axis=0).reshape(1, -1)
        grads["db2"] = np.sum(delta2).reshape(1, 1)
    return grads


def bw_forward_again(params, cache, y):
    y_hat, again = network.forward(params, cache["X"])  # recomputes what the cache holds
    d_out = (y_hat - y) * network.sigmoid(again["z2"]) * (1 - network.sigmoid(again["z2"]))
    d_hid = d_out @ params["W2"].T * again["a1"] * (1 - again["a1"])
    grads = {"dW2": again["a1"].T @ d_out, "dW1": cache["X"].T @ d_hid}
    if "b2" in params:
        grads.update(db2=d_out.sum(0, keepdims=True), db1=d_hid.sum(0, keepdims=True))
    return grads


D_OUT, D_HID = "d_out = (y_hat - y) * y_hat * (1 - y_hat)", 'd_hid = (d_out @ params["W2"].T) * a1 * (1 - a1)'
BIASES = ('    if "b1" in params:\n        grads["db1"]', '    if True:\n        grads["db1"]')
CORPUS += [
    (BW, (variant(BW, a=BIASES),), "correct", None, "central differences agree"),  # extra db1, db2: harmless
    (BW, (variant(BW, a=BIASES, b=("d_hid.sum(axis=0, keepdims=True)", "d_hid.sum(axis=0, keepdims=True) + 0 * "
                                                                       'params["b1"]')),),
     "not yet", None, "raised KeyError: 'b1'"),
    (BW, (right(BW),), "correct", None, "central differences agree"),
    (BW, (bw_dot,), "correct", None, "central differences agree"),
    (BW, (bw_forward_again,), "correct", None, "central differences agree"),
    (BW, (variant(BW, a=(D_OUT, "d_out = y_hat - y")),), "not yet", "b_no_out_prime", "forgot sigma'(z2)"),
    (BW, (variant(BW, a=(D_HID, 'd_hid = d_out @ params["W2"].T')),), "not yet", "b_no_hid_prime",
     "forgot sigma'(z1)"),
    (BW, (variant(BW, a=(D_HID, 'd_hid = (d_out @ params["W2"].T) * cache["z1"] * (1 - cache["z1"])')),),
     "not yet", "b_hid_prime_from_z", "computed from z1"),
    (BW, (variant(BW, a=(D_OUT, 'd_out = (y_hat - y) * cache["z2"] * (1 - cache["z2"])')),), "not yet",
     "b_out_prime_from_z", "computed from z2"),
    (BW, (variant(BW, a=(D_HID, 'd_hid = (d_out @ params["W2"].T) * network.sigmoid(a1) * '
                                '(1 - network.sigmoid(a1))')),), "not yet", "b_hid_prime_sigma_again",
     "sigma to a1 again"),
    (BW, (variant(BW, a=(D_OUT, "d_out = (y - y_hat) * y_hat * (1 - y_hat)")),), "not yet", "b_sign", "sign flipped"),
    (BW, (variant(BW, a=(D_OUT, "d_out = (y_hat - y) * y_hat * (1 - y_hat) / len(y)")),), "not yet", "b_mean",
     "1/N of the right one"),
    (BW, (variant(BW, a=(D_OUT, "d_out = 2 * (y_hat - y) * y_hat * (1 - y_hat) / len(y)")),), "not yet", "b_mse",
     "printed MSE"),
    (BW, (variant(BW, a=(D_OUT, "d_out = 2 * (y_hat - y) * y_hat * (1 - y_hat)")),), "not yet", "b_no_half",
     "twice the right one"),
    (BW, (variant(BW, a=(D_HID, "d_hid = d_out * a1 * (1 - a1)")),), "not yet", "b_no_W2", "skipped W2"),
    (BW, (variant(BW, a=('"dW2": a1.T @ d_out', '"dW2": d_out.T @ a1')),), "not yet", "b_dW2_transposed",
     "dW2 came out transposed"),
    (BW, (variant(BW, a=('"dW1": X.T @ d_hid', '"dW1": d_hid.T @ X')),), "not yet", "b_dW1_transposed",
     "dW1 came out transposed"),
    (BW, (variant(BW, a=('"dW1": X.T @ d_hid', '"dW1": a1.T @ d_hid')),), "not yet", "b_dW1_uses_a1",
     "dW1 used a1 where X belongs"),
    (BW, (variant(BW, a=("d_hid.sum(axis=0, keepdims=True)", "d_hid"), b=("d_out.sum(axis=0, keepdims=True)",
                                                                          "d_out")),),
     "not yet", "b_bias_not_summed", "not summed over examples"),
    (BW, (variant(BW, a=("d_hid.sum(axis=0, keepdims=True)", "d_hid.mean(axis=0, keepdims=True)"),
                  b=("d_out.sum(axis=0, keepdims=True)", "d_out.mean(axis=0, keepdims=True)")),),
     "not yet", "b_bias_mean", "averaged (mean)"),
    (BW, (variant(BW, a=("d_hid.sum(axis=0, keepdims=True)", "d_hid.sum(axis=0)"),
                  b=("d_out.sum(axis=0, keepdims=True)", "d_out.sum(axis=0)")),),
     "not yet", "b_bias_flat", "lost a dimension"),
    (BW, (variant(BW, a=('    if "b1" in params:\n', '    if False:\n')),), "not yet", None, "no db1, db2"),
    (BW, (variant(BW, a=("return grads", "return [grads]")),), "not yet", None, "returned a list"),
]


# ---- 01 gradient_step --------------------------------------------------------------------------------------
GS = "gradient_step"


def gs_loop(params, grads, lr):
    new_params = {}
    for name in params:
        new_params[name] = params[name] - lr * grads["d" + name]
    return new_params


def gs_deepcopy(params, grads, lr):
    new = copy.deepcopy(params)
    for k in new:
        new[k] -= lr * grads["d" + k]  # in place, but on a deep copy: params stays as it was
    return new


def gs_in_place(params, grads, lr):
    for k in params:
        params[k] -= lr * grads["d" + k]
    return params


def gs_in_place_none(params, grads, lr):
    for k in params:
        params[k] -= lr * grads["d" + k]


def gs_shallow(params, grads, lr):
    new = dict(params)
    for k in new:
        new[k] -= lr * grads["d" + k]
    return new


def gs_weights_only(params, grads, lr):
    return {k: (v - lr * grads["d" + k] if k.startswith("W") else v) for k, v in params.items()}


def gs_named(params, grads, lr):
    return {name: params[name] - lr * grads["d" + name] for name in ("W1", "b1", "W2", "b2")}


def gs_always_all_four(params, grads, lr):
    new = {"W1": params["W1"] - lr * grads["dW1"], "W2": params["W2"] - lr * grads["dW2"]}
    new["b1"], new["b2"] = params["b1"] - lr * grads["db1"], params["b2"] - lr * grads["db2"]
    return new


STEP = 'value - lr * grads["d" + name]'
CORPUS += [
    (GS, (right(GS),), "correct", None, "in a new dict"),
    (GS, (gs_loop,), "correct", None, "in a new dict"),
    (GS, (gs_deepcopy,), "correct", None, "in a new dict"),
    (GS, (variant(GS, a=(STEP, 'value + lr * grads["d" + name]')),), "not yet", "g_sign", "stepped uphill"),
    (GS, (variant(GS, a=(STEP, 'value - lr * lr * grads["d" + name]')),), "not yet", "g_lr_twice", "applied twice"),
    (GS, (variant(GS, a=(STEP, 'value - grads["d" + name]')),), "not yet", "g_no_lr", "ignores the learning rate"),
    (GS, (variant(GS, a=(STEP, 'value - 2 * lr * grads["d" + name]')),), "not yet", "g_double_step", "twice as long"),
    (GS, (variant(GS, a=(STEP, 'value - lr * grads["dW2" if name == "W1" else "d" + name]')),), "not yet",
     "g_W1_with_dW2", "W1 was updated with W2's gradient"),
    (GS, (gs_weights_only,), "not yet", "g_forgot_biases", "biases did not move"),
    (GS, (gs_in_place,), "not yet", "g_in_place", "NEW dict"),
    (GS, (gs_in_place_none,), "not yet", "g_in_place_none", "returned None"),
    (GS, (gs_shallow,), "not yet", "g_shallow_copy", "copies the dict, not the arrays"),
    (GS, (lambda params, grads, lr: list(params.values()),), "not yet", None, "Return a dict"),
    # right on a net with biases, but the reference net of notebook 01 has none (issue 38, item 3)
    (GS, (gs_named,), "not yet", None, "the reference net has no biases"),
    (GS, (gs_always_all_four,), "not yet", None, "there your function raised KeyError"),
]


# ---- 01 lr_five (a prediction) -------------------------------------------------------------------------------
@functools.lru_cache(maxsize=1)
def lr5():
    return train.train(**{**train.REFERENCE, "lr": 5.0})


LR = "lr_five"
CORPUS += [
    (LR, lambda: ("faster", lr5()), "recorded", None, "Measured: the MSE fell below 0.01"),
    (LR, lambda: (" Faster ", lr5()), "recorded", None, "You predicted faster. It was faster"),
    (LR, lambda: ("diverges", lr5()), "recorded", "l_not_diverged", "lr 50 run"),
    (LR, lambda: ("slower", lr5()), "recorded", None, "You predicted slower. It was faster"),
    (LR, lambda: ("stuck", lr5()), "recorded", None, "That is not what you predicted; here is why."),
    (LR, lambda: ("explodes", lr5()), "not yet", None, "must be one of"),
    (LR, lambda: (..., lr5()), "not attempted", None, "No prediction yet"),
]

# ---- 02 and_weights, or_weights, violated ---------------------------------------------------------------------
CORPUS += [
    ("and_weights", ((1.0, 1.0, -1.5),), "correct", None, "exactly where AND is 1"),
    ("and_weights", ([2, 2, -3],), "correct", None, "exactly where AND is 1"),
    ("and_weights", (np.array([5.0, 4.0, -6.0]),), "correct", None, "exactly where AND is 1"),
    ("and_weights", ((1, 1, -0.5),), "not yet", "and_is_or", "These weights compute OR"),
    ("and_weights", ((-1, -1, 1.5),), "not yet", "and_is_nand", "NAND, the opposite of AND"),
    # the lab's one rule: a corner exactly on the line (output exactly 0.5) says 0
    ("and_weights", ((1, 1, -1),), "correct", None, "(0,1) and (1,0) lie exactly on the line"),
    ("and_weights", ((1, 1, -2),), "not yet", "on_the_line", "(1,1) lies exactly on the line"),
    ("and_weights", ((1.0, 1.0, 1.0),), "not yet", None, "(0,0) gives z = 1.00 but should be at or below 0"),
    ("and_weights", ((1, 2),), "not yet", None, "Give three finite numbers"),
    ("or_weights", ((1.0, 1.0, -0.5),), "correct", None, "exactly where OR is 1"),
    ("or_weights", ([3, 2, -1],), "correct", None, "exactly where OR is 1"),
    ("or_weights", ((1, 1, -1.5),), "not yet", "or_is_and", "These weights compute AND"),
    ("or_weights", ((-1, -1, 0.5),), "not yet", "or_is_nor", "NOR, the opposite of OR"),
    ("or_weights", ((1, 1, 0),), "correct", None, "(0,0) lies exactly on the line"),
    ("or_weights", ((1, 1, -1),), "not yet", "or_on_the_line", "OR needs (0,1), (1,0) and (1,1)"),
    ("or_weights", ("abc",), "not yet", None, "Give three finite numbers"),
]


def v_conditions(w1, w2, b):
    conditions = [b <= 0, w2 + b > 0, w1 + b > 0, w1 + w2 + b <= 0]
    return [i + 1 for i, ok in enumerate(conditions) if not ok]


def v_array(w1, w2, b):
    sides = np.array([b, w2 + b, w1 + b, w1 + w2 + b]) * np.array([-1, 1, 1, -1])
    return np.flatnonzero((sides < 0) | ((sides == 0) & (np.array([-1, 1, 1, -1]) > 0))) + 1


V = "violated"
CORPUS += [
    (V, (right(V),), "correct", None, "No line computes XOR"),
    (V, (v_conditions,), "correct", None, "No line computes XOR"),
    (V, (v_array,), "correct", None, "No line computes XOR"),
    (V, (variant(V, a=("if not ok", "if ok")),), "not yet", "v_flipped", "inequalities that HOLD"),
    (V, (variant(V, a=("b <= 0, 2: w2 + b > 0, 3: w1 + b > 0, 4: w1 + w2 + b <= 0",
                       "b <= 0, 2: w2 + b >= 0, 3: w1 + b >= 0, 4: w1 + w2 + b <= 0")),), "not yet",
     "v_not_strict", "broken at equality"),
    (V, (variant(V, a=("b <= 0, 2: w2 + b > 0, 3: w1 + b > 0, 4: w1 + w2 + b <= 0",
                       "b < 0, 2: w2 + b > 0, 3: w1 + b > 0, 4: w1 + w2 + b < 0")),), "not yet",
     "v_all_strict", "still hold at equality"),
    (V, (lambda w1, w2, b: sorted(right(V)(w1, w2, b), reverse=True),), "correct", None, "No line computes XOR"),
    (V, (lambda w1, w2, b: set(right(V)(w1, w2, b)),), "correct", None, "No line computes XOR"),
    (V, (variant(V, a=("return [k for k", "return [k - 1 for k")),), "not yet", "v_zero_based", "off by one"),
    (V, (variant(V, a=("return [k for k, ok in holds.items() if not ok]",
                       "return [not ok for ok in holds.values()]")),),
     "not yet", "v_mask", "True/False for each inequality"),
    (V, (lambda w1, w2, b: "4",), "not yet", None, "you returned '4'"),
]

# ---- 03 success_rate, h2_prediction -------------------------------------------------------------------------
SR = "success_rate"


def sr_round(y_hat, y):
    return np.mean(np.all(np.round(y_hat) == y, axis=1))  # np.round(0.5) is 0: exactly 0.5 is class 0


def sr_loop(y_hat, y):
    wins = 0
    for row in y_hat:
        if all((p > 0.5) == (t > 0.5) for p, t in zip(row, y)):
            wins += 1
    return wins / len(y_hat)


def sr_where(y_hat, y):
    return (np.where(y_hat > 0.5, 1, 0) == y).all(axis=1).mean()


RIGHT_ROWS = "(y_hat > 0.5) == (y > 0.5)"
CORPUS += [
    (SR, (right(SR),), "correct", None, "exactly 0.5 is class 0"),
    (SR, (sr_round,), "correct", None, "all four points"),
    (SR, (sr_loop,), "correct", None, "all four points"),
    (SR, (sr_where,), "correct", None, "all four points"),
    (SR, (variant(SR, a=("right.all(axis=1).mean()", "right.mean()")),), "not yet", "r_mean_points", "accuracy"),
    (SR, (variant(SR, a=("right.all(axis=1)", "right.any(axis=1)")),), "not yet", "r_any", "ANY point right"),
    (SR, (variant(SR, a=("right.all(axis=1).mean()", "right.all(axis=1).sum()")),), "not yet", "r_count",
     "how many nets succeeded"),
    (SR, (variant(SR, a=("axis=1", "axis=0")),), "not yet", "r_axis0", "over axis 0"),
    (SR, (variant(SR, a=(RIGHT_ROWS, "y_hat > 0.5")),), "not yet", "r_ignore_y", "without comparing with y"),
    (SR, (variant(SR, a=(RIGHT_ROWS, "(y_hat >= 0.5) == (y > 0.5)")),), "not yet", "r_geq", "exactly 0.5"),
    (SR, (variant(SR, a=(RIGHT_ROWS, "np.abs(y_hat - y) < 0.1")),), "not yet", "r_confident", "confident outputs"),
    # the case: too strict, written with axis=1, was told "You took .all over axis 0"
    (SR, (variant(SR, a=(RIGHT_ROWS, "np.abs(y_hat - y) < 0.2")),), "not yet", "r_confident", "confident outputs"),
    (SR, (variant(SR, a=(RIGHT_ROWS, "np.abs(y_hat - y) <= 0.45")),), "not yet", "r_confident", "only the side"),
    (SR, (variant(SR, a=("right.all(axis=1).mean()", "float(right.all(axis=1).mean() > 0.5)")),), "not yet", None,
     "the rate is"),
    (SR, (variant(SR, a=("right.all(axis=1).mean()", "list(right.all(axis=1))")),), "not yet", None, "Python list"),
]
H2 = "h2_prediction"
CORPUS += [
    (H2, (0.2, 0.2), "recorded", None, "You predicted 0.20. The sweep measured 0.20"),
    (H2, (0.1, 0.2), "recorded", None, "That agrees with your prediction."),
    (H2, (20, 0.2), "not yet", "p_percent", "not as a percentage"),
    (H2, (1.0, 0.2), "recorded", "p_trusted_text", "two hidden neurons are sufficient"),
    (H2, (0, 0.2), "recorded", "p_never", "ONE hidden unit"),
    (H2, (0.6, 0.2), "recorded", None, "more optimistic than the sweep"),
    (H2, ("0.2", 0.2), "not yet", None, "'0.2' (in quotes), not a number"),
    (H2, (..., 0.2), "not attempted", None, "No prediction yet"),
]

# ---- 04 gate_names, xor_by_hand -------------------------------------------------------------------------------
GN, XH = "gate_names", "xor_by_hand"
CORPUS += [
    (GN, (["OR", "NAND", "AND"], GATE_NET), "correct", None, "unit 0 = OR"),
    (GN, (["x1 OR x2", "a nand b", "and"], GATE_NET), "correct", None, "unit 1 = NAND"),
    (GN, (("OR", "NAND", "AND"), GATE_NET), "correct", None, "soft logic gate"),
    (GN, (["NOR", "NAND", "AND"], GATE_NET), "not yet", "n_complement", "the opposite gate"),
    (GN, (["NAND", "AND", "OR"], GATE_NET), "not yet", "n_order", "in the wrong order"),
    (GN, (["OR", "NAND", "XOR"], GATE_NET), "not yet", None, "Unit 2 gives (0, 0, 0, 1)"),
    (GN, (["OR", "NAND"], GATE_NET), "not yet", None, "a list of 3 names"),
    (GN, (["OR", "NAN", "AND"], GATE_NET), "not yet", None, "'NAN' is not a gate name"),
]


def net(W1, b1, W2, b2):
    return {"W1": np.array(W1, float), "b1": np.array([b1], float), "W2": np.array(W2, float),
            "b2": np.array([[b2]], float)}


OR_NAND = ([[20, -20], [20, -20]], [-10, 30])
CORPUS += [
    (XH, (net(*OR_NAND, [[20], [20]], -30),), "correct", None, "XOR = OR AND NAND"),
    (XH, ({"W1": [[20, -20], [20, -20]], "b1": [[-10, 30]], "W2": [[20], [20]], "b2": [[-30]]},), "correct", None,
     "right on all four inputs"),
    (XH, (net([[-20, 20], [-20, 20]], [30, -10], [[20], [20]], -30),), "correct", None, "XOR = OR AND NAND"),
    (XH, (net([[10, -10], [10, -10]], [-5, 15], [[10], [10]], -15),), "correct", None, "closest to 0.5"),
    # another decomposition: x1 AND NOT x2, x2 AND NOT x1, output OR
    (XH, (net([[20, -20], [-20, 20]], [-10, -10], [[20], [20]], -10),), "correct", None, "another decomposition"),
    (XH, ({"W1": np.full((2, 2), 20.0), "W2": np.full((2, 1), 20.0)},), "not yet", "x_no_bias", "Without biases"),
    (XH, (net(np.array(OR_NAND[0]).T, OR_NAND[1], [[20], [20]], -30),), "not yet", "x_W1_rows", "Transpose W1"),
    (XH, (net([[-20, 20], [-20, 20]], [10, -30], [[20], [20]], -30),), "not yet", "x_hidden_flipped",
     "the opposite gate"),
    (XH, (net(*OR_NAND, [[20], [20]], -10),), "not yet", "x_output_or", "the output ORs them"),
    (XH, (net([[2, -2], [2, -2]], [-1, 3], [[2], [2]], -3),), "not yet", "x_small_weights", "Scale every weight"),
    (XH, (net([[1, -1], [1, -1]], [-0.5, 1.5], [[1], [1]], -1.5),), "not yet", "x_small_weights",
     "stay near 0.5"),
    (XH, (net(*OR_NAND, [[-20], [-20]], 30),), "not yet", None, "would not AND them"),
    (XH, (net([[20, -20, 1], [20, -20, 1]], [-10, 30, 0], [[20], [20], [0]], -30),), "not yet", None,
     "exactly two hidden units"),
]

# ---- 06 value_ops, tanh_ce_net, zero_grad_fix, fan_out --------------------------------------------------------
# each answer is the source of the answer cell(s) a student typed, run after notebook 06's setup cell; `cells`
# ({grade_id: source}) is what tests/test_misconceptions.py puts in a fake student's notebook
OPS_CELL = "answer_tanh_log_relu"


def typed06(exercise: str, sources: dict, prediction=None, after: dict = None):
    """The check's arguments for answer cells `sources` {grade_id: source} of notebook 06, each run after the
    setup cell (and after `after`, earlier answers); a callable carrying `cells` for the misconception test."""
    import math

    from helpers.analysis import autograd_net
    from helpers.autograd import zero_grad
    scope = {"np": np, "math": math, "network": network, "Value": Value, "autograd_net": autograd_net,
             "zero_grad": zero_grad, **(after or {})}

    def args():
        found = dict(scope)
        for source in sources.values():
            exec(compile(source, "<student>", "exec"), found)
        if exercise == "value_ops":
            return found["tanh"], found["log"], found["relu"]
        if exercise == "tanh_ce_net":
            return (found["tanh_ce_gradients"],)
        if exercise == "zero_grad_fix":
            return found["second_backward_prediction"], found["step_gradients"]
        return found["fan_out_prediction"], found["a"], found["f"]
    args.cells = sources
    return args


def ops06(**replace):
    """Exercise 1's cell: the declared answer with some text changed (old -> new)."""
    source = SOLUTIONS["value_ops"]
    for old, new in replace.values():
        assert old in source, old
        source = source.replace(old, new)
    return typed06("value_ops", {OPS_CELL: source})


RIGHT_OPS = {k: v for k, v in zip(("tanh", "log", "relu"), typed06("value_ops", {OPS_CELL: SOLUTIONS["value_ops"]})())}


def net06(**replace):
    source = SOLUTIONS["tanh_ce_net"]
    for old, new in replace.values():
        assert old in source, old
        source = source.replace(old, new)
    return typed06("tanh_ce_net", {"answer_tanh_ce_gradients": source}, after=RIGHT_OPS)


ZERO_FN = SOLUTIONS["zero_grad_fix"].split("\n\n\n")[1]


def zero06(prediction, **replace):
    source = ZERO_FN
    for old, new in replace.values():
        assert old in source, old
        source = source.replace(old, new)
    return typed06("zero_grad_fix", {"answer_second_backward_prediction": f"second_backward_prediction = "
                                     f"{prediction!r}\n", "answer_step_gradients": source})


F_CELL = "a, b, c = Value(2.0), Value(-3.0), Value(4.0)\nf = (a * b) * (a + c)\nf.backward()\n"


def fan06(prediction, f_cell: str = F_CELL):
    return typed06("fan_out", {"answer_fan_out_prediction": f"fan_out_prediction = {prediction!r}\n",
                               "answer_f": "from helpers.autograd import Value\n\n" + f_cell})


TANH_SLOPE, LOG_SLOPE, RELU_SLOPE = ("x.grad += (1 - t * t) * result.grad", "x.grad += result.grad / x.data",
                                     "x.grad += (1.0 if x.data > 0 else 0.0) * result.grad")
ZERO_LINE = "zero_grad(autograd_net.parameters(P))"
LOSS_LINE = "total = total - (target * log(y_hat) + (1 - target) * log(1 - y_hat))"
CORPUS += [
    ("value_ops", ops06(), "correct", None, "records x as its input"),
    ("value_ops", ops06(a=(TANH_SLOPE, "x.grad += result.grad / math.cosh(x.data) ** 2")), "correct", None,
     "1 - tanh(x)^2"),
    ("value_ops", ops06(a=("t = math.tanh(x.data)", "t = float(np.tanh(np.float32(x.data)))")), "correct", None,
     "records x"),  # float32 forward
    ("value_ops", ops06(a=(LOG_SLOPE, "x.grad += np.float32(result.grad) / np.float32(x.data)")), "correct", None,
     "log 1/x"),
    ("value_ops", ops06(a=(RELU_SLOPE, "x.grad += result.grad * (x.data > 0)")), "correct", None, "0 at the kink"),
    ("value_ops", ops06(a=(RELU_SLOPE, "x.grad += (result.data / x.data) * result.grad")), "not yet", None,
     "divides by zero"),
    ("value_ops", ops06(a=(RELU_SLOPE, "x.grad += (1.0 if x.data >= 0 else 0.0) * result.grad")), "not yet",
     "ops_relu_at_zero", "Use a strict test"),
    ("value_ops", ops06(a=(RELU_SLOPE, "x.grad += result.data * result.grad")), "not yet", "ops_relu_value",
     "not relu(x) itself"),
    ("value_ops", ops06(a=(TANH_SLOPE, "x.grad = (1 - t * t) * result.grad")), "not yet", "ops_assign",
     "Write += , not ="),
    ("value_ops", ops06(a=(LOG_SLOPE, "x.grad += 1 / x.data")), "not yet", "ops_no_chain", "arriving from above"),
    ("value_ops", ops06(a=('result = Value(t, (x,), "tanh")', 'result = Value(t)')), "not yet", "ops_no_record",
     "never reaches x"),
    ("value_ops", ops06(a=(TANH_SLOPE, "x.grad += (1 - x.data ** 2) * result.grad")), "not yet", "ops_tanh_of_x",
     "not x"),
    ("value_ops", ops06(a=(TANH_SLOPE, "x.grad += t * (1 - t) * result.grad")), "not yet",
     "ops_tanh_sigmoid_form", "the sigmoid's slope"),
    ("value_ops", ops06(a=(TANH_SLOPE, "x.grad += (1 - t) * result.grad")), "not yet", "ops_tanh_no_square",
     "square is missing"),
    ("value_ops", ops06(a=(LOG_SLOPE, "x.grad += result.data * result.grad")), "not yet", "ops_log_of_log",
     "e^x's rule"),
    ("value_ops", ops06(a=(LOG_SLOPE, "x.grad += x.data * result.grad")), "not yet", "ops_log_x", "not x"),
    ("value_ops", ops06(a=(LOG_SLOPE, "x.grad -= result.grad / x.data")), "not yet", None, "by hand"),
    ("tanh_ce_net", net06(), "correct", None, "variants.descend's run"),
    ("tanh_ce_net", net06(a=("target * log(y_hat) + (1 - target) * log(1 - y_hat)",
                             "log(y_hat) if target == 1 else log(1 - y_hat)")), "correct", None,
     "variants.backward's on all three nets"),
    ("tanh_ce_net", net06(a=('return autograd_net.to_arrays(P, "grad")',
                             'return {k: v.astype(np.float32) for k, v in autograd_net.to_arrays(P, "grad").items()}')),
     "correct", None, "float32"),
    ("tanh_ce_net", net06(a=('z2 = P["b2"] if "b2" in P else 0.0', 'z2 = P["b2"]')), "not yet", None,
     "a net without biases has no b1 or b2"),
    ("tanh_ce_net", net06(a=("tanh(z1)", "z1.sigmoid()")), "not yet", "net_sigmoid_hidden", "tanh there"),
    ("tanh_ce_net", net06(a=(LOSS_LINE, "total = total + 0.5 * (y_hat - target) ** 2")), "not yet",
     "net_squared_loss", "the squared error"),
    ("tanh_ce_net", net06(a=(LOSS_LINE, LOSS_LINE.replace("total - (", "total + ("))), "not yet", "net_sign",
     "wrong sign"),
    ("tanh_ce_net", net06(a=("total.backward()", "(total * (1 / len(X))).backward()")), "not yet", "net_mean",
     "the mean"),
    ("tanh_ce_net", net06(a=(LOSS_LINE, LOSS_LINE.replace("total = total - (", "total = -("))), "not yet",
     "net_last_example", "the last example alone"),
    ("zero_grad_fix", zero06(2), "correct", None, "You predicted 2, and measured it is 2"),
    ("zero_grad_fix", zero06(1.5, a=(ZERO_LINE, "for p in autograd_net.parameters(P):\n        p.grad = 0.0")),
     "correct", None, "You predicted 1.5; measured, it is 2"),
    ("zero_grad_fix", zero06(2, a=(ZERO_LINE, "pass")), "not yet", "zero_none", "the second three times"),
    ("zero_grad_fix", zero06(2, a=(ZERO_LINE, "pass"), b=("    return", f"    {ZERO_LINE}\n    return")), "not yet",
     "zero_after_backward", "returns zeros"),
    ("zero_grad_fix", zero06(2, a=(ZERO_LINE, "pass"), b=('    return autograd_net.to_arrays(P, "grad")',
                                                          '    grads = autograd_net.to_arrays(P, "grad")\n'
                                                          f'    {ZERO_LINE}\n    return grads')), "not yet",
     "zero_after_reading", "Zero before backward()"),
    ("zero_grad_fix", zero06(2, a=(ZERO_LINE, 'zero_grad(P["W1"][0] + P["W1"][1] + P["W2"])')), "not yet",
     "zero_some", "only some parameters"),
    ("zero_grad_fix", zero06(2, a=(ZERO_LINE, "zero_grad(P)")), "not yet", None, "the dict P gives its names"),
    ("fan_out", fan06(-24), "recorded", None, "through a * b plus"),
    ("fan_out", fan06("-24"), "not yet", None, "'-24' (in quotes), not a number"),
    ("fan_out", fan06(-18), "recorded", None, "the path through a * b alone"),  # recorded, never marked wrong
    ("fan_out", fan06(108), "recorded", None, "shares of different paths add"),
    ("fan_out", fan06(-36), "recorded", None, "f itself, not its slope"),
    ("fan_out", fan06(-24, "a, b, c = 2.0, -3.0, 4.0\nf = (a * b) * (a + c)\n"), "not yet", "fan_float",
     "f is a plain number"),
    ("fan_out", fan06(-24, "a, b, c = Value(2.0), Value(-3.0), Value(4.0)\n"
                           "f = (Value(2.0) * Value(-3.0)) * (Value(2.0) + Value(4.0))\nf.backward()\n"), "not yet",
     "fan_fresh", "built from new Values"),
    ("fan_out", fan06(-24, F_CELL + "f.backward()  # once more, to be sure\n"), "not yet", "fan_polluted",
     "Here a.grad is -72"),
    ("fan_out", fan06(-24, "a, b, c = Value(2.0), Value(-3.0), Value(4.0)\nprod = a * b\nprod.backward()\n"
                           "f = prod * (a + c)\nf.backward()\n"), "not yet", "fan_polluted", "came from before"),
]


def momentum_flipped(W, v, dW, lr, mu):
    """The other sign convention: v accumulates the gradient and W moves against it."""
    v = mu * v + lr * dW
    return W - v, v


def momentum_scaled_v(W, v, dW, lr, mu):
    """v without the learning rate in it (lr applied when W moves): the same path."""
    v = mu * v - dW
    return W + lr * v, v


def momentum_in_place(W, v, dW, lr, mu):
    v *= mu
    v -= lr * dW
    W += v
    return W, v


def momentum_float32(W, v, dW, lr, mu):
    v = (np.float32(mu) * v.astype(np.float32) - np.float32(lr) * dW.astype(np.float32))
    return W.astype(np.float32) + v, v


def _z1(p, X):
    return X @ p["W1"] + p["b1"]


def split_right(start, end, X):
    at_start = np.all(_z1(start, X) <= 0, axis=0)
    return at_start, np.all(_z1(end, X) <= 0, axis=0) & ~at_start


def split_lists(start, end, X):
    a, b = split_right(start, end, X)
    return [bool(v) for v in a], [int(v) for v in b]


def split_not_positive(start, end, X):
    alive_start, alive_end = (_z1(start, X) > 0).any(axis=0), (_z1(end, X) > 0).any(axis=0)
    return ~alive_start, ~alive_end & alive_start


def split_strict(start, end, X):
    at_start = np.all(_z1(start, X) < 0, axis=0)
    return at_start, np.all(_z1(end, X) < 0, axis=0) & ~at_start


def split_no_bias(start, end, X):
    at_start = np.all(X @ start["W1"] <= 0, axis=0)
    return at_start, np.all(X @ end["W1"] <= 0, axis=0) & ~at_start


def split_any(start, end, X):
    at_start = (_z1(start, X) <= 0).any(axis=0)
    return at_start, (_z1(end, X) <= 0).any(axis=0) & ~at_start


def split_total(start, end, X):
    return np.all(_z1(start, X) <= 0, axis=0), np.all(_z1(end, X) <= 0, axis=0)


# notebook 05 (its full set of answers is in tests/test_checks05.py; these make the corpus cover it)
CORPUS += [
    ("ce_delta", (lambda y_hat, y: y_hat - y,), "correct", None, "cancels"),
    ("ce_delta", (lambda y_hat, y: (-y / y_hat + (1 - y) / (1 - y_hat)) * y_hat * (1 - y_hat),), "correct", None,
     "cancels"),
    ("ce_delta", (lambda y_hat, y: (y_hat - y) * y_hat * (1 - y_hat),), "not yet", "ce_squared",
     "squared error's delta"),
    ("ce_delta", (lambda y_hat, y: y - y_hat,), "not yet", "ce_sign", "sign is flipped"),
    ("tanh_grad", (lambda z: 1 - np.tanh(z) ** 2,), "correct", None, "1 - tanh(z)^2"),
    ("tanh_grad", (lambda z: 1 / np.cosh(z) ** 2,), "correct", None, "saturate"),
    ("tanh_grad", (lambda z: 1 - z ** 2,), "not yet", "tanh_z", "used z where tanh(z) belongs"),
    ("ce_delta", (lambda y_hat, y: -y / y_hat + (1 - y) / (1 - y_hat),), "not yet", "ce_dyhat", "one step short"),
    ("ce_delta", (lambda y_hat, y: (y_hat - y) / y.shape[0],), "not yet", "ce_mean", "divided by N"),
    ("ce_delta", (lambda y_hat, y: (y_hat - y).sum(),), "not yet", "ce_sum", "that sum is db2"),
    ("ce_delta", (lambda y_hat, y: -np.sum(y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat)),), "not yet", "ce_loss",
     "the loss itself"),
    ("tanh_grad", (lambda z: np.tanh(z) * (1 - np.tanh(z)),), "not yet", "tanh_sigmoid_form", "sigmoid's derivative"),
    ("tanh_grad", (lambda z: 1 - np.tanh(z),), "not yet", "tanh_no_square", "square is missing"),
    ("tanh_grad", (lambda z: (1 - np.tanh(z)) ** 2,), "not yet", "tanh_square_outside", "not the difference"),
    ("tanh_grad", (lambda z: 1 + np.tanh(z) ** 2,), "not yet", "tanh_plus", "not 1 + tanh(z)^2"),
    ("tanh_grad", (lambda z: network.sigmoid(z) * (1 - network.sigmoid(z)),), "not yet", "tanh_sigmoid",
     "That is the sigmoid's derivative"),
    ("tanh_grad", (lambda z: np.tanh(z),), "not yet", "tanh_itself", "tanh(z) itself"),
    ("tanh_grad", (lambda z: -2 * np.tanh(z) / np.cosh(z) ** 2,), "not yet", "tanh_second", "second derivative"),
    # match_lr: the number in other honest forms, and the typical slips
    ("match_lr", (2.0,), "correct", None, "0.5 / (1/4)"),
    ("match_lr", (np.float32(2.0),), "correct", None, "four times the learning rate"),
    ("match_lr", (0.5 / 0.25,), "correct", None, "lr 2"),
    ("match_lr", (2,), "correct", None, "lr 2"),
    ("match_lr", (np.array(2.0),), "correct", None, "lr 2"),
    ("match_lr", (0.5 * 4,), "correct", None, "lr 2"),
    ("match_lr", (0.5 * 0.25,), "not yet", "mlr_quarter", "another four times smaller"),
    ("match_lr", (0.5,), "not yet", "mlr_same", "four times shorter"),
    ("match_lr", (4,), "not yet", "mlr_factor", "the learning rate itself"),
    ("match_lr", (1.0,), "not yet", None, "0.25 (y_hat - y)"),
    ("match_lr", ("2",), "not yet", None, "'2' (in quotes), not a number"),
    ("match_lr", (-2.0,), "not yet", None, "a positive number"),
    ("match_lr", (..., ), "not attempted", None, "Set match_lr"),
    # dead_prediction: recorded and set beside the measurement, never marked wrong
    ("dead_prediction", (0.25,), "recorded", None, "Measured: 47 of 200"),
    ("dead_prediction", (np.float32(0.5),), "recorded", None, "You predicted 0.50"),
    ("dead_prediction", (0,), "recorded", None, "You predicted 0.00"),
    ("dead_prediction", (1 / 4,), "recorded", None, "dead before the first step"),
    ("dead_prediction", (25,), "not yet", None, "between 0 and 1"),
    ("dead_prediction", ("a quarter",), "not yet", None, "between 0 and 1"),
    ("dead_prediction", (None,), "not attempted", None, "Record your prediction first"),
    # momentum_step: any honest way to write the same update takes the same path
    ("momentum_step", (lambda W, v, dW, lr, mu: (W + mu * v - lr * dW, mu * v - lr * dW),), "correct", None,
     "lr / (1 - mu)"),
    ("momentum_step", (momentum_flipped,), "correct", None, "v <- mu v - lr dW"),
    ("momentum_step", (momentum_scaled_v,), "correct", None, "v <- mu v - lr dW"),
    ("momentum_step", (momentum_in_place,), "correct", None, "v <- mu v - lr dW"),
    ("momentum_step", (momentum_float32,), "correct", None, "v <- mu v - lr dW"),
    ("momentum_step", (lambda W, v, dW, lr, mu: (W - lr * dW, v),), "not yet", "mom_plain", "plain gradient descent"),
    ("momentum_step", (lambda W, v, dW, lr, mu: (W + mu * v + lr * dW, mu * v + lr * dW),), "not yet", "mom_sign",
     "uphill"),
    ("momentum_step", (lambda W, v, dW, lr, mu: (W + v, mu * v - lr * dW),), "not yet", "mom_old_v", "lags one"),
    ("momentum_step", (lambda W, v, dW, lr, mu: (W + mu * v - (1 - mu) * lr * dW, mu * v - (1 - mu) * lr * dW),),
     "not yet", "mom_ema", "averaged form"),
    ("momentum_step", (lambda W, v, dW, lr, mu: (W + mu * v - dW, mu * v - dW),), "not yet", "mom_no_lr",
     "learning rate is missing"),
    ("momentum_step", (lambda W, v, dW, lr, mu: W + mu * v - lr * dW,), "not yet", None, "must return the pair"),
    ("momentum_step", (lambda W, v, dW, lr, mu: (W - mu * lr * dW, v),), "not yet", None, "after 1 steps"),
    # split_dead
    ("split_dead", (split_right,), "correct", None, "Units 0, 3 were dead"),
    ("split_dead", (split_lists,), "correct", None, "died in training"),
    ("split_dead", (split_not_positive,), "correct", None, "never comes back"),
    ("split_dead", (split_strict,), "not yet", "dead_strict", "z1 < 0 never finds"),
    ("split_dead", (split_no_bias,), "not yet", "dead_no_bias", "leaves out b1"),
    ("split_dead", (split_total,), "not yet", "died_total", "dead from the start"),
    ("split_dead", (split_any,), "not yet", "dead_any", "ALL four inputs"),
    ("split_dead", (lambda start, end, X: split_right(start, end, X)[::-1],), "not yet", None, "Your dead_at_start"),
    ("split_dead", (lambda start, end, X: np.zeros(6, bool),), "not yet", None, "must return a pair"),
]


# notebook 07
def nb07_sweep(solved, activation="sigmoid", init="naive", depths=None):
    depths = list(range(1, len(solved) + 1)) if depths is None else depths
    return {"activation": activation, "init": init, "table": {"depth": np.array(depths), "solved": np.array(solved),
                                                              "n": np.array([20] * len(solved))}}


SOLVED07 = [20, 20, 9, 0, 0]
CORPUS += [
    ("ratio_prediction", (0.25 ** 9, 8.6e-6), "recorded", None, "You predicted 3.8e-06"),
    ("ratio_prediction", ("1e-6", np.float64(8.6e-6)), "not yet", None, "'1e-6' (in quotes), not a number"),
    ("ratio_prediction", (np.array(0.5), 8.6e-6), "recorded", None, "5.8e+04 times the measurement"),  # never wrong
    ("ratio_prediction", (-5, 8.6e-6), "not yet", "rp_exponent", "looks like an exponent of 10"),
    ("ratio_prediction", ("tiny", 8.6e-6), "not yet", None, "must be one number"),
    ("ratio_prediction", (1e-6,), "not yet", None, "Pass the measured median"),
    ("ratio_prediction", (..., 8.6e-6), "not attempted", None, "No prediction yet"),
    ("xavier_std", (lambda fi, fo: np.sqrt(2 / (fi + fo)),), "correct", None, "halfway"),
    ("xavier_std", (lambda fi, fo: (2.0 / (fi + fo)) ** 0.5,), "correct", None, "halfway"),
    ("xavier_std", (lambda fi, fo: np.float32(1 / np.sqrt((fi + fo) / 2)),), "correct", None, "halfway"),
    ("xavier_std", (lambda fi, fo: 2 / (fi + fo),), "not yet", "xs_variance", "That is the variance 2"),
    ("xavier_std", (lambda fi, fo: np.sqrt(6 / (fi + fo)),), "not yet", "xs_uniform", "UNIFORM start"),
    ("xavier_std", (lambda fi, fo: np.sqrt(1 / (fi + fo)),), "not yet", "xs_no_two", "The 2 is missing"),
    ("xavier_std", (lambda fi, fo: 1 / np.sqrt(fi),), "not yet", "xs_fan_in_only", "LeCun"),
    ("xavier_std", (lambda fi, fo: np.sqrt(2) / np.sqrt(fi),), "not yet", "xs_he", "He's start"),
    ("xavier_std", (lambda fi, fo: np.sqrt(2 / (fi * fo)),), "not yet", None, "you return"),
    ("xavier_std", (lambda fi, fo: [np.sqrt(2 / (fi + fo))],), "not yet", None, "should return one number"),
    ("he_std", (lambda fi, fo: np.sqrt(2 / fi),), "correct", None, "relu passes half"),
    ("he_std", (lambda fan_in, fan_out: (2 / fan_in) ** 0.5,), "correct", None, "relu passes half"),
    ("he_std", (lambda fi, fo: 2 / fi,), "not yet", "hs_variance", "That is the variance; return"),
    ("he_std", (lambda fi, fo: np.sqrt(1 / fi),), "not yet", "hs_no_two", "relu passes half, so the variance"),
    ("he_std", (lambda fi, fo: np.sqrt(2 / fo),), "not yet", "hs_fan_out", "you used fan_out"),
    ("he_std", (lambda fi, fo: np.sqrt(2 / (fi + fo)),), "not yet", "hs_xavier", "is Xavier's start"),
    ("he_std", (lambda fi, fo: None,), "not yet", None, "did you forget `return`"),
    ("fails_most_depth", (3, nb07_sweep(SOLVED07)), "correct", None, "Depth 3: 9 of 20 solve there"),
    ("fails_most_depth", (3, nb07_sweep(SOLVED07)), "correct", None, "The interval holds one half"),
    ("fails_most_depth", (3, nb07_sweep([20, 20, 2, 0])), "correct", None, "more than half fail, and every"),
    ("fails_most_depth", (np.int64(3), nb07_sweep(SOLVED07)), "correct", None, "Depth 3"),
    ("fails_most_depth", ("3", nb07_sweep(SOLVED07)), "not yet", None, "'3' (in quotes), not a number"),
    ("fails_most_depth", (3.0, nb07_sweep(SOLVED07)), "correct", None, "Depth 3"),
    ("fails_most_depth", (0.45, nb07_sweep(SOLVED07)), "not yet", "fm_rate", "That is a rate"),
    ("fails_most_depth", (2, nb07_sweep([20, 15, 5, 0])), "not yet", "fm_any_failure", "where SOME runs fail"),
    ("fails_most_depth", (2, nb07_sweep(SOLVED07)), "not yet", "fm_last_success", "most runs still solve"),
    ("fails_most_depth", (4, nb07_sweep(SOLVED07)), "not yet", "fm_all_fail", "There every run fails"),
    ("fails_most_depth", (7, nb07_sweep(SOLVED07)), "not yet", None, "Read the sweep again"),
    ("fails_most_depth", (3, nb07_sweep(SOLVED07, init="xavier")), "not yet", None, "with the xavier start"),
    ("fails_most_depth", (3, nb07_sweep(SOLVED07, depths=[1, 2, 4, 6, 8])), "not yet", None, "every depth from 1"),
    ("fails_most_depth", (3, nb07_sweep([20, 20, 20])), "not yet", None, "go deeper"),
    ("fails_most_depth", (3, None), "not yet", None, "Pass your sweep"),
    ("fails_most_depth", (..., None), "not attempted", None, "Set fails_most_at"),
]


def test_the_corpus_is_big_and_covers_every_exercise():
    assert len(CORPUS) >= 60
    assert {entry[0] for entry in CORPUS} == set(check.names())
    for name in check.names():
        statuses = {status for exercise, _, status, _, _ in CORPUS if exercise == name}
        # a prediction is recorded whatever it says (not yet only when it is not a prediction yet)
        assert ({"recorded", "not yet"} if name in PREDICTIONS else {"correct", "not yet"}) <= statuses, name


@pytest.mark.parametrize("exercise, answer, status, key, words", CORPUS,
                         ids=[f"{e}-{i}" for i, (e, *_rest) in enumerate(CORPUS)])
def test_each_answer_gets_its_message(exercise, answer, status, key, words):
    args = answer() if callable(answer) else answer
    verdict = getattr(check, exercise).verdict(*args)
    assert (verdict.status, verdict.mistake) == (status, key), verdict
    assert verdict.exercise == exercise, verdict  # a mistake is reported under the exercise it belongs to
    assert words in verdict.text, verdict


def test_every_catalogued_message_is_produced_by_a_corpus_answer():
    from test_feedback_round3 import ROUND3  # round 3's answers (issue 38), kept beside its other tests
    keys = {entry[3] for entry in CORPUS + ROUND3}
    catalogue = set(CATALOGUE)
    assert catalogue - keys == set()


def test_the_variants_of_success_rate_are_told_apart_on_the_check_data():
    """Two mistakes give different numbers on the check's data, and none gives the right one."""
    from helpers.exercises import nb03
    from helpers.exercises.variants import rate_variant
    hows = ("all", "mean", "any", "count", "axis0", "ignore_y", "geq", "confident")
    results = {how: tuple(round(float(rate_variant(s, nb03._Y, how)), 9) for s in nb03.RATE_SETS) for how in hows}
    assert len(set(results.values())) == len(hows), results
    assert any(np.any(s == 0.5) for s in nb03.RATE_SETS)  # >= and > differ on these

