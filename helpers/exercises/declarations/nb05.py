"""Notebook 05's exercises, one declaration each (read by engine.py; judged in nb05.py)."""
import numpy as np

from helpers.exercises import nb05 as nb
from helpers.exercises.engine import Exercise, Mistake, fn
from helpers.exercises.nb05 import ce_loss
from helpers.exercises.variants import sigma_prime


def _slow_sigmoid():
    """A prediction of sigmoid beside tables in which sigmoid solves XOR more often than relu, but slowest."""
    def table(solved, median):
        return {"hidden": [1, 2, 3], "n": [100] * 3, "solved": [0, solved, 90], "low": [0, solved / 100 - 0.1, 0.8],
                "high": [0.05, solved / 100 + 0.1, 0.95], "median_steps": [np.nan, median, 100]}
    return "sigmoid", {"sigmoid": table(80, 1000), "tanh": table(70, 200), "relu": table(20, 100)}



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
        Mistake("ce_sum", "summed the deltas over the examples",
                "You summed the deltas over the examples (that sum is db2); return one delta per example, shape (N, "
                "1).", lambda: (lambda y_hat, y: np.sum(y_hat - y),)),
    ),
    needs={"ce_delta": "the answer cell of Exercise 1 (def ce_delta)"},
)


TANH_GRAD = Exercise(
    "tanh_grad", "## 3 · Hidden activations: tanh and ReLU", nb.judge_tanh_grad,
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
    needs={"tanh_grad": "the answer cell of Exercise 2 (def tanh_grad)"},
)


FAILS_MOST = Exercise(
    "fails_most", "## 3 · Hidden activations: tanh and ReLU", nb.judge_fails_most,
    hints=(
        "Ask what can stop a hidden unit from learning at all, not just slow it down.",
        "A relu unit whose input is <= 0 at all four points outputs 0 and gets zero gradient; a sigmoid or tanh "
        "unit always has some slope.",
        "Set fails_most_prediction = 'sigmoid', 'tanh' or 'relu' (a string) in section 3 and run the cells from "
        "there down."),
    answer='''# a reasoned guess: a relu unit whose input is <= 0 at all four points is dead for good
# (zero gradient), and with only two units a net that loses one is left with a single line,
# which cannot compute XOR
fails_most_prediction = "relu"
''',
    mistakes=(
        Mistake("fails_slow_is_failing", "predicted sigmoid: slow taken for failing",
                "Slow is not the same as failing: sigmoid nets take the most steps", _slow_sigmoid),
    ),
    needs={"fails_most_prediction": "the prediction cell in section 3 (fails_most_prediction = ...)"},
)

EXERCISES = [CE_DELTA, TANH_GRAD, FAILS_MOST]
