"""Notebook 05's exercises, one declaration each (read by engine.py; judged in nb05.py)."""
import numpy as np

from helpers.exercises import nb05 as nb
from helpers.exercises.engine import Exercise, Mistake, fn
from helpers.exercises.nb05 import ce_loss
from helpers.exercises.variants import sigma_prime

CE_DELTA = Exercise(
    "ce_delta", "## 2 · Cross-entropy: the factor cancels", nb.judge_ce_delta,
    hints=(
        "Chain rule: dL/dz2 = dL/dy_hat * dy_hat/dz2. Work out each factor for one example.",
        "dL/dy_hat = -y / y_hat + (1 - y) / (1 - y_hat) = (y_hat - y) / (y_hat (1 - y_hat)), and dy_hat/dz2 = y_hat "
        "(1 - y_hat).",
        "Multiply the two factors and simplify: one line of NumPy on the two (N, 1) arrays, no sum and no mean."),
    answer='''def ce_delta(y_hat, y):
    """dL/dz2 for L = -sum(y log y_hat + (1 - y) log(1 - y_hat)), y_hat = sigmoid(z2). y_hat, y: (N, 1).

    dL/dy_hat = (y_hat - y) / (y_hat (1 - y_hat)) and dy_hat/dz2 = y_hat (1 - y_hat): the product is y_hat - y.
    """
    return y_hat - y
''',
    mistakes=(
        Mistake("ce_squared", "used the squared error's delta, not cross-entropy's",
                "That is the squared error's delta, (y_hat - y) y_hat (1 - y_hat). With cross-entropy, dL/dy_hat "
                "has y_hat (1 - y_hat) in its denominator, and it cancels the sigma'(z2) = y_hat (1 - y_hat) of the "
                "chain rule.", fn(lambda p, y: (p - y) * p * (1 - p))),
        Mistake("ce_sign", "flipped the sign of the delta",
                "The sign is flipped: the loss grows as y_hat moves above y, so dL/dz2 is positive there.",
                fn(lambda p, y: y - p)),
        Mistake("ce_dyhat", "stopped at dL/dy_hat (one step short)",
                "That is dL/dy_hat, one step short: multiply by dy_hat/dz2 = y_hat (1 - y_hat) to get dL/dz2.",
                fn(lambda p, y: (p - y) / (p * (1 - p)))),
        Mistake("ce_mean", "divided the delta by N",
                "Your delta is divided by N: the loss here is a sum over the examples, so each example's delta "
                "stands alone.", fn(lambda p, y: (p - y) / len(y))),
        Mistake("ce_loss", "returned the loss, not its derivative",
                "You returned the loss itself; return its derivative dL/dz2, one number per example (N, 1).",
                lambda: (ce_loss,)),
        Mistake("ce_loss_each", "returned each example's loss, not its derivative",
                "You returned each example's loss, -(y log y_hat + (1 - y) log(1 - y_hat)), one per example: the "
                "shape is right, but the check wants its derivative with respect to z2.",
                lambda: (lambda y_hat, y: -(y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat)),)),
        Mistake("ce_sum", "summed the deltas over the examples",
                "You summed the deltas over the examples (that sum is db2); return one delta per example, shape (N, "
                "1).", lambda: (lambda y_hat, y: np.sum(y_hat - y),)),
    ),
    needs={"ce_delta": "the answer cell of Exercise 1 (def ce_delta)"},
)


TANH_GRAD = Exercise(
    "tanh_grad", "## 5 · Hidden activations: tanh and ReLU", nb.judge_tanh_grad,
    hints=(
        "Write tanh with exponentials, (e^z - e^-z) / (e^z + e^-z), and use the quotient rule; or use tanh(z) = 2 "
        "sigmoid(2z) - 1 and the sigmoid's derivative.",
        "d tanh(z)/dz = 1 - tanh(z)^2 (which is also 1 / cosh(z)^2).",
        "Compute tanh(z) once, elementwise, then return an expression in it: no loop, no exp needed."),
    answer='''def tanh_grad(z):
    """d tanh(z) / dz = 1 - tanh(z)^2, elementwise."""
    t = np.tanh(z)
    return 1 - t * t
''',
    mistakes=(
        Mistake("tanh_z", "used z where tanh(z) belongs",
                "You used z where tanh(z) belongs: the derivative is 1 - tanh(z)^2.", fn(lambda z: 1 - z ** 2)),
        Mistake("tanh_sigmoid_form", "wrote a (1 - a), the sigmoid's form",
                "a (1 - a) is the sigmoid's derivative written with its output; tanh's is 1 - a^2 with a = tanh(z).",
                fn(lambda z: np.tanh(z) * (1 - np.tanh(z)))),
        Mistake("tanh_no_square", "forgot the square: 1 - tanh(z)",
                "The square is missing: 1 - tanh(z)^2.", fn(lambda z: 1 - np.tanh(z))),
        Mistake("tanh_square_outside", "squared the difference: (1 - tanh(z))^2",
                "Square tanh(z), not the difference: 1 - tanh(z)^2.", fn(lambda z: (1 - np.tanh(z)) ** 2)),
        Mistake("tanh_plus", "wrote 1 + tanh(z)^2",
                "A sign: the slope of tanh falls from 1 at z = 0, so it is 1 - tanh(z)^2, not 1 + tanh(z)^2.",
                fn(lambda z: 1 + np.tanh(z) ** 2)),
        Mistake("tanh_sigmoid", "returned the sigmoid's derivative",
                "That is the sigmoid's derivative sigma(z) (1 - sigma(z)); tanh's is 1 - tanh(z)^2 (it equals 4 "
                "sigma'(2z): four times steeper at 0).", fn(sigma_prime)),
        Mistake("tanh_itself", "returned tanh(z) itself",
                "You returned tanh(z) itself; the check wants its derivative.", fn(np.tanh)),
        Mistake("tanh_second", "took the second derivative",
                "That is the second derivative; one differentiation is enough: 1 - tanh(z)^2.",
                fn(lambda z: -2 * np.tanh(z) * (1 - np.tanh(z) ** 2))),
    ),
    needs={"tanh_grad": "the answer cell of Exercise 6 (def tanh_grad)"},
)


MATCH_LR = Exercise(
    "match_lr", "## 2 · Cross-entropy: the factor cancels", nb.judge_match_lr,
    hints=(
        "Compare the two deltas on the plateau: cross-entropy's is y_hat - y, the squared error's is (y_hat - y) "
        "times sigma'(z2). A step is lr times the gradient.",
        "Section 1 measured sigma'(z2) on the plateau: about 1/4. So the squared error's step is about lr x 1/4 x "
        "(y_hat - y); set that equal to 0.5 x (y_hat - y).",
        "One division: match_lr = (cross-entropy's lr) / (the plateau's sigma'(z2)), a plain number."),
    answer='''# on the plateau sigma'(z2) is about 1/4: the squared error's delta is (y_hat - y) / 4, so
# lr x 1/4 = 0.5 gives cross-entropy's step
match_lr = 0.5 / 0.25
''',
    mistakes=(
        Mistake("mlr_quarter", "multiplied by the plateau factor instead of dividing",
                "That is 0.5 x 1/4: the squared error's step would be another four times smaller. Its delta already "
                "carries the factor 1/4; the learning rate has to make up for it.", lambda: (0.125,)),
        Mistake("mlr_same", "kept the same learning rate",
                "At the same lr the squared error's delta is about a quarter of cross-entropy's on the plateau "
                "(section 1's sigma'(z2) near 1/4), so its steps are four times shorter.", lambda: (0.5,)),
        Mistake("mlr_factor", "gave the factor 4, not the learning rate",
                "4 is how many times larger the learning rate must be; the question asks for the learning rate "
                "itself, starting from cross-entropy's 0.5.", lambda: (4.0,)),
    ),
    needs={"match_lr": "the answer cell of Exercise 2 (match_lr = ...)"},
)


DEAD_PREDICTION = Exercise(
    "dead_prediction", "## 5 · Hidden activations: tanh and ReLU", nb.judge_dead_prediction,
    hints=(
        "A unit is dead when its input z1 = x W1 + b1 is <= 0 at all four inputs. What is z1 at the input (0, 0) "
        "when b1 starts at 0?",
        "At (0, 0), z1 = b1 = 0 for every unit. At (1, 0) it is w1, at (0, 1) it is w2, at (1, 1) w1 + w2; the two "
        "weights are independent draws, each <= 0 half the time.",
        "Set dead_prediction = a fraction between 0 and 1 (a number, not a string), then run the cells below."),
    answer='''# with b1 = 0, z1 = 0 at (0, 0); the unit is dead when both its weights are <= 0 (then w1 + w2 is
# too): probability 1/2 x 1/2
dead_prediction = 0.25
''',
    needs={"dead_prediction": "the prediction cell of Exercise 3 (dead_prediction = ...)"},
)


def _momentum(kind):
    """A wrong momentum step, for the catalogue."""
    def step(W, v, dW, lr, mu):
        if kind == "plain":
            return W - lr * dW, v
        if kind == "sign":
            v = mu * v + lr * dW
            return W + v, v
        if kind == "old_v":
            return W + v, mu * v - lr * dW
        if kind == "ema":
            v = mu * v - (1 - mu) * lr * dW
            return W + v, v
        if kind == "global":  # a learning rate from an earlier cell
            v = mu * v - 0.05 * dW
            return W + v, v
        v = mu * v - dW  # "no_lr"
        return W + v, v
    return step


MOMENTUM_STEP = Exercise(
    "momentum_step", "## 7 · Momentum", nb.judge_momentum_step,
    hints=(
        "Two updates per step, in this order: first the velocity (what is left of the last one, plus the new "
        "downhill step), then the weights move by the new velocity.",
        "v_new = mu v - lr dW, then W_new = W + v_new.",
        "Two lines of arithmetic on the arrays, then return the pair (W_new, v_new); no loop."),
    answer='''def momentum_step(W, v, dW, lr, mu):
    """One momentum step: v <- mu v - lr dW, W <- W + v. W, v, dW: arrays of one shape. Returns (W, v)."""
    v = mu * v - lr * dW
    return W + v, v
''',
    mistakes=(
        Mistake("mom_plain", "took a plain gradient step, no velocity",
                "That is plain gradient descent: W moves by -lr dW alone. Momentum adds mu times the last step "
                "(the velocity v) and returns the new v for the next call.", fn(_momentum("plain"))),
        Mistake("mom_sign", "added the gradient: the steps go uphill",
                "Your velocity adds lr dW: the steps go uphill and the valley's loss grows. The new velocity is "
                "mu v MINUS lr dW.", fn(_momentum("sign"))),
        Mistake("mom_old_v", "moved W with the old velocity",
                "You move W with the velocity of the last step and update v afterwards: each step lags one behind. "
                "Compute the new v first, then W + (new v).", fn(_momentum("old_v"))),
        Mistake("mom_ema", "wrote the averaged form (1 - mu) lr dW",
                "That is the averaged form, v <- mu v - (1 - mu) lr dW: its steps never grow past lr dW, so it is "
                "not the momentum whose effective step is lr / (1 - mu). Drop the (1 - mu).", fn(_momentum("ema"))),
        Mistake("mom_no_lr", "left out the learning rate",
                "The learning rate is missing: the new velocity is mu v - lr dW.", fn(_momentum("no_lr"))),
        Mistake("mom_global", "used an lr or mu from outside, not the arguments",
                "Does your function read a learning rate or mu set outside it (a name from an earlier cell) "
                "instead of its arguments lr and mu?", fn(_momentum("global"))),
    ),
    needs={"momentum_step": "the answer cell of Exercise 4 (def momentum_step)"},
)


def _split(kind):
    """A wrong split of the dead units, for the catalogue."""
    def split(start, end, X):
        def is_dead(p):
            z1 = X @ p["W1"] + (0 if kind == "no_bias" else p["b1"])
            if kind == "strict":
                return np.all(z1 < 0, axis=0)
            return np.any(z1 <= 0, axis=0) if kind == "any" else np.all(z1 <= 0, axis=0)
        at_start, at_end = is_dead(start), is_dead(end)
        return at_start, (at_end if kind == "total" else at_end & ~at_start)
    return split


SPLIT_DEAD = Exercise(
    "split_dead", "## 5 · Hidden activations: tanh and ReLU", nb.judge_split_dead,
    hints=(
        "A unit is dead in a set of weights when its input is <= 0 at every training input. Ask that of the "
        "start, then of the end: which units were dead already, which are dead only at the end?",
        "z1 = X W1 + b1 is (4, H); a unit is dead where all four of its entries are <= 0. died = dead at the end "
        "and NOT dead at the start.",
        "A small function of one parameter dict gives the dead units (np.all over the rows); call it on start and "
        "on end, combine the two boolean arrays with & and ~, and return the pair."),
    answer='''def split_dead(start, end, X):
    """(dead_at_start, died), two (H,) bool arrays, for relu units with weights start -> end. X: (N, 2)."""
    def dead(params):
        z1 = X @ params["W1"] + params["b1"]      # (N, H)
        return np.all(z1 <= 0, axis=0)            # <= 0 at every input: output 0 and gradient 0
    at_start = dead(start)
    return at_start, dead(end) & ~at_start
''',
    mistakes=(
        Mistake("dead_strict", "tested z1 < 0, missing the exact zeros at input (0, 0)",
                "With b1 = 0 every unit has z1 = 0 exactly at input (0, 0), so z1 < 0 never finds a unit dead at "
                "the start. A relu's output and slope are 0 at z1 = 0 too: test z1 <= 0.", fn(_split("strict"))),
        Mistake("dead_no_bias", "left b1 out of z1",
                "Your z1 leaves out b1: a unit with negative weights can still be alive if its bias is positive "
                "(unit 4 at the end). z1 = X W1 + b1.", fn(_split("no_bias"))),
        Mistake("dead_any", "called a unit dead if z1 <= 0 at ANY input",
                "A unit that is off at some inputs and on at others is alive (that is how a relu bends). Dead means "
                "z1 <= 0 at ALL four inputs.", fn(_split("any"))),
        Mistake("died_total", "counted dead-at-start units as died",
                "Your died includes the units that were dead from the start: those never trained at all. Died means "
                "dead at the end and NOT dead at the start.", fn(_split("total"))),
    ),
    needs={"split_dead": "the answer cell of Exercise 5 (def split_dead)"},
)

EXERCISES = [CE_DELTA, MATCH_LR, DEAD_PREDICTION, MOMENTUM_STEP, SPLIT_DEAD, TANH_GRAD]
