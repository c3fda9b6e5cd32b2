"""The judges of notebook 05's exercises (declared in declarations/nb05.py).

ce_delta: the cross-entropy output delta dL/dz2 as a function of y_hat and y.
match_lr: the learning rate at which the squared error takes cross-entropy's steps on the plateau.
dead_prediction: a prediction (the fraction of relu units dead before training), recorded and set
beside the measurement, never marked wrong.
momentum_step: one momentum update, judged by the path it takes down a narrow valley.
split_dead: relu units dead at the start told apart from units that died in training.
tanh_grad: the derivative of tanh, elementwise.
Every judge returns a Verdict and never raises.
"""
import math
import numbers

import numpy as np

from helpers import data
from helpers.analysis.fair import dead
from helpers.exercises.engine import Prediction, judge_array, mistake, recognise
from helpers.exercises.verdicts import Answer, Verdict
from helpers.exercises.words import not_a_number, two
from helpers.network import init_params

# ce_delta: six examples, targets 0 and 1, outputs on both sides of 0.5, none at 0.5 (so no variant
# coincides with the right answer)
Y_HAT = np.array([[0.1], [0.3], [0.6], [0.9], [0.02], [0.75]])
Y = np.array([[0.0], [1.0], [0.0], [1.0], [1.0], [0.0]])


def ce_loss(y_hat, y):
    return -np.sum(y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat))


def _scalar(result):
    """The loss itself, or the deltas summed (db2), returned where one delta per example belongs."""
    if isinstance(result, (numbers.Real, np.number)) and not isinstance(result, (bool, np.bool_)):
        if np.isclose(float(result), ce_loss(Y_HAT, Y)):
            return mistake("ce_loss")
        if np.isclose(float(result), (Y_HAT - Y).sum()):
            return mistake("ce_sum")
    return None


def judge_ce_delta(f) -> Verdict:
    right = Y_HAT - Y

    def pointer(arr):
        i = int(np.argmax(np.abs(arr - right)))
        got, want = two(arr[i, 0], right[i, 0])
        return f"At y_hat = {Y_HAT[i, 0]:.2f}, y = {Y[i, 0]:.0f} you return {got}; dL/dz2 there is {want}."
    return judge_array("ce_delta", f, (Y_HAT, Y), right, "dL/dz2 = y_hat - y: the sigma'(z2) factor cancels, so a "
                       "confidently wrong output (y_hat near 1, y = 0) gets a delta near 1, not near 0.",
                       pointer, _scalar)


def _number(value):
    """value as a float, or None if it is not a real number (bools are not numbers here)."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (numbers.Real, np.number)):
        if isinstance(value, np.ndarray) and value.size == 1 and value.dtype.kind in "fiu":
            return float(value.reshape(()))
        return None
    return float(value)


MATCH_LR = 2.0  # cross-entropy's lr 0.5 divided by the plateau's sigma'(z2) = 1/4
WRONG_LRS = {"mlr_quarter": 0.125, "mlr_same": 0.5, "mlr_factor": 4.0}


def judge_match_lr(value) -> Verdict:
    if value is None or value is Ellipsis:
        return Verdict("match_lr", "not attempted", "Set match_lr to a number: the learning rate you work out.")
    v = _number(value)
    if v is None or not math.isfinite(v) or v <= 0:
        return Verdict("match_lr", "not yet", not_a_number(value, "match_lr must be a learning rate, a positive "
                                                           "number"))
    if abs(v - MATCH_LR) <= 0.05 * MATCH_LR:
        return Verdict("match_lr", "correct", "lr 2 = 0.5 / (1/4): on the plateau sigma'(z2) stays near 1/4, so the "
                       "squared error's delta is about (y_hat - y) / 4, and four times the learning rate makes up "
                       "for it.")
    for key, wrong in WRONG_LRS.items():
        if abs(v - wrong) <= 0.05 * wrong:
            return mistake(key)
    return Verdict("match_lr", "not yet", f"At lr {v:g} the squared error's step on the plateau is about {v:g} x 1/4 "
                   f"x (y_hat - y) = {v / 4:.4g} (y_hat - y); cross-entropy's at lr 0.5 is 0.5 (y_hat - y).")


def dead_at_start(hidden: int = 2, seeds=range(100)) -> tuple:
    """(dead, units): how many relu units of init_params(hidden, seed) (b1 = 0) are dead before training."""
    count = sum(int(dead(p["W1"], p["b1"], data.X).sum()) for p in (init_params(hidden, s) for s in seeds))
    return count, hidden * len(seeds)


DEAD_PREDICTION = Prediction("dead_prediction")  # agrees within 0.1 of the measured fraction


def judge_dead_prediction(value) -> Verdict:
    """A prediction is recorded and set beside the measurement; it is never marked wrong."""
    if value is None or value is Ellipsis:
        return Verdict("dead_prediction", "not attempted", "Record your prediction first: set dead_prediction to a "
                       "fraction between 0 and 1. The measurement is shown once you have.")
    v = _number(value)
    if v is None or not 0 <= v <= 1:
        return Verdict("dead_prediction", "not yet", not_a_number(value, "dead_prediction must be a fraction "
                                                                  "between 0 and 1 (0.1 for one unit in ten)"))
    k, n = dead_at_start()
    measured = k / n
    return DEAD_PREDICTION(f"{v:.2f}", f"Measured: {k} of {n} relu units ({measured:.2f}) are dead before the first "
                           "step (2 hidden units, seeds 0 to 99, b1 = 0).", abs(v - measured) <= 0.1,
                           "The next cells count them, and find what makes a unit dead before it has taken a "
                           "single step.")


C, W_START, LR, MU, K = np.array([1.0, 100.0]), np.array([1.0, 1.0]), 0.01, 0.9, 30  # momentum_step's valley


def path(step, run=None):
    """(K + 1, 2) the weights of K momentum steps down the valley f = (w1^2 + 100 w2^2) / 2, feeding
    step(W, v, dW, lr, mu) -> (W, v) its own velocity back; None (and run.problem) if that fails."""
    run = run or Answer("momentum_step", step)
    W, v, ws = W_START.copy(), np.zeros(2), [W_START.copy()]
    for _ in range(K):
        out = run(W.copy(), v.copy(), C * W, LR, MU)
        if run.problem:
            return None, run.problem
        if not isinstance(out, (tuple, list)) or len(out) != 2:
            what = "None: did you forget `return`?" if out is None else f"a {type(out).__name__}"
            return None, Verdict("momentum_step", "not yet", f"momentum_step must return the pair (W, v), the new "
                                 f"weights and the new velocity; it returned {what}")
        try:
            W, v = (np.asarray(a, dtype=np.float64) for a in out)
        except (TypeError, ValueError):
            return None, Verdict("momentum_step", "not yet", "momentum_step must return two arrays of numbers (W, v).")
        if W.shape != (2,) or v.shape != (2,):
            return None, Verdict("momentum_step", "not yet", f"W and v must keep the shape of the W passed in, (2,); "
                                 f"got {W.shape} and {v.shape}.")
        ws.append(W)
    return np.array(ws), None


def _same_path(a, b) -> bool:
    """The same path to float32 precision (a float32 answer is right too; every catalogued slip is far off)."""
    with np.errstate(all="ignore"):
        return a is not None and b is not None and bool(np.allclose(a, b, rtol=1e-4, atol=1e-7))


def judge_momentum_step(f) -> Verdict:
    right, _ = path(lambda W, v, dW, lr, mu: (W + (mu * v - lr * dW), mu * v - lr * dW))
    ws, problem = path(f)
    if problem:
        return problem
    if _same_path(ws, right):
        return Verdict("momentum_step", "correct", "v <- mu v - lr dW, W <- W + v: on a steady slope the velocity "
                       "grows to lr / (1 - mu) times the gradient (10 times at mu = 0.9), and where the slope flips "
                       "sign each step, as across a narrow valley, the terms cancel instead.")
    found = recognise("momentum_step", lambda variant: _same_path(ws, path(variant)[0]))
    if found and found.mistake != "mom_global":
        return found
    if other := _other_constants(ws):  # with the numbers it read off the path
        return other
    k = int(np.argmax(np.any(~np.isclose(ws, right, rtol=1e-4, atol=1e-7), axis=1)))
    (g0, r0), (g1, r1) = two(ws[k, 0], right[k, 0]), two(ws[k, 1], right[k, 1])
    return Verdict("momentum_step", "not yet", f"Started at W = (1, 1) with v = 0 on the valley f = (w1^2 + 100 w2^2)"
                   f" / 2, lr {LR}, mu {MU}: after {k} steps your W is ({g0}, {g1}); momentum's is ({r0}, {r1}).")


def _other_constants(ws):
    """The catalogued verdict when the path is momentum's with another lr or mu than the ones passed in (read
    from the first two steps: W1 = W0 - lr' dW0, then v1 = -lr' dW0 gives mu'), else None."""
    with np.errstate(all="ignore"):
        lrs = (W_START - ws[1]) / (C * W_START)
        v1, dW1 = ws[1] - W_START, C * ws[1]
        mus = (ws[2] - ws[1] + lrs[0] * dW1) / v1
    if not (np.all(np.isfinite(lrs)) and np.all(np.isfinite(mus)) and np.isclose(*lrs) and np.isclose(*mus)):
        return None
    lr, mu = float(lrs[0]), float(mus[0])
    if np.isclose(lr, LR) and np.isclose(mu, MU) or abs(mu) < 1e-6:  # mu 0: no velocity kept, not momentum
        return None
    same, _ = path(lambda W, v, dW, lr_, mu_: (W + (mu * v - lr * dW), mu * v - lr * dW))
    if not _same_path(ws, same):
        return None
    return mistake("mom_global", before=f"Your steps are momentum's with lr {lr:.4g} and mu {mu:.4g}, but the check "
                   f"passed lr {LR} and mu {MU}. ")


# split_dead: six relu units, b1 = 0 at the start (so at input (0, 0) every z1 is exactly 0). Units 0 and 3
# are dead from the start; 1 and 5 die in training; 4 ends with negative weights but a positive bias (alive).
SPLIT_START = {"W1": np.array([[-0.3, 0.4, 0.2, -0.5, 0.3, -0.2], [-0.2, -0.1, 0.3, -0.1, 0.3, 0.6]]),
               "b1": np.zeros((1, 6))}
SPLIT_END = {"W1": np.array([[-0.3, -0.2, 0.8, -0.5, -0.1, 0.2], [-0.2, -0.3, 0.9, -0.1, -0.4, -0.3]]),
             "b1": np.array([[0.0, -0.1, -0.5, 0.0, 0.05, -0.3]])}


def judge_split_dead(f) -> Verdict:
    def args():
        return ({k: v.copy() for k, v in SPLIT_START.items()}, {k: v.copy() for k, v in SPLIT_END.items()},
                data.X.copy())
    start, end = (dead(p["W1"], p["b1"], data.X) for p in (SPLIT_START, SPLIT_END))
    right = (start, end & ~start)
    run = Answer("split_dead", f)
    got = _pair(run(*args()))
    if run.problem:
        return run.problem
    if isinstance(got, str):
        return Verdict("split_dead", "not yet", got)
    if all(np.array_equal(g, r) for g, r in zip(got, right)):
        return Verdict("split_dead", "correct", f"Units {_units(right[0])} were dead before the first step (with b1 "
                       f"= 0, z1 = 0 at input (0, 0), and both weights <= 0 keep it <= 0 at the other three); units "
                       f"{_units(right[1])} died in training. A dead unit never comes back: its gradient is 0.")
    found = recognise("split_dead", lambda variant: _same_pair(got, _pair(variant(*args()))))
    if found:
        return found
    which, name = (0, "dead_at_start") if not np.array_equal(got[0], right[0]) else (1, "died")
    return Verdict("split_dead", "not yet", f"Your {name} marks units {_units(got[which])}; the data say units "
                   f"{_units(right[which])}. A unit is dead when z1 = X W1 + b1 <= 0 at all four inputs.")


def _pair(out):
    """(dead_at_start, died) as two (6,) bool arrays, or the problem in words."""
    if not isinstance(out, (tuple, list)) or len(out) != 2:
        return "split_dead must return a pair (dead_at_start, died) of (H,) boolean arrays; it returned " + \
            ("None: did you forget `return`?" if out is None else f"a {type(out).__name__}")
    pair = []
    for a in out:
        a = np.asarray(a)
        if a.shape != (6,) or a.dtype.kind not in "biuf" or not np.isin(a, (0, 1)).all():
            return f"each of the two must be an (H,) array of True/False, one per hidden unit (H = 6 here); got " \
                   f"shape {a.shape}."
        pair.append(a.astype(bool))
    return tuple(pair)


def _same_pair(a, b) -> bool:
    return not isinstance(a, str) and not isinstance(b, str) and all(np.array_equal(x, y) for x, y in zip(a, b))


def _units(mask) -> str:
    return ", ".join(str(i) for i in np.flatnonzero(mask)) or "none"


# tanh_grad: z on a (3, 4) grid, so a shape mistake shows; z = 0 among them (a slope that divides by z fails)
Z = np.append(np.linspace(-3.0, 3.0, 11), 0.3).reshape(3, 4)


def judge_tanh_grad(f) -> Verdict:
    right = 1 - np.tanh(Z) ** 2

    def pointer(arr):
        i = np.unravel_index(np.argmax(np.abs(arr - right)), Z.shape)
        got, want = two(arr[i], right[i])
        return f"At z = {Z[i]:.2f} you return {got}; tanh'(z) is {want} (1 at z = 0, falling towards 0 on both " \
               "sides)."
    return judge_array("tanh_grad", f, (Z,), right, "tanh'(z) = 1 - tanh(z)^2: 1 at z = 0 (four times the sigmoid's "
                       "1/4) and nearly 0 for large |z|, so tanh units saturate too, but learn faster near 0.", pointer)
