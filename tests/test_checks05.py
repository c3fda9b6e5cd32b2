"""Notebook 05's checks against answers written the way students write them: right in several forms,
wrong in several ways, each with the message it must get."""

import numpy as np
import pytest

from helpers import network
from helpers.exercises import HINTS, check, hint, namespace, solution


def sg(z):
    s = network.sigmoid(z)
    return s * (1 - s)


CE_ANSWERS = [  # (student's function, status, words the message must contain, mistake key or None)
    (lambda y_hat, y: y_hat - y, "correct", "sigma'(z2) factor cancels", None),
    (lambda y_hat, y: -(y - y_hat), "correct", "y_hat - y", None),
    (lambda y_hat, y: (y_hat - y) / (y_hat * (1 - y_hat)) * y_hat * (1 - y_hat), "correct", "cancels", None),
    (lambda y_hat, y: (-y / y_hat + (1 - y) / (1 - y_hat)) * y_hat * (1 - y_hat), "correct", "cancels", None),
    (lambda y_hat, y: np.subtract(y_hat, y), "correct", "cancels", None),
    (lambda y_hat, y: (y_hat - y) * y_hat * (1 - y_hat), "not yet", "squared error's delta", "ce_squared"),
    (lambda y_hat, y: y - y_hat, "not yet", "sign is flipped", "ce_sign"),
    (lambda y_hat, y: -y / y_hat + (1 - y) / (1 - y_hat), "not yet", "dL/dy_hat, one step short", "ce_dyhat"),
    (lambda y_hat, y: (y_hat - y) / len(y), "not yet", "divided by N", "ce_mean"),
    (lambda y_hat, y: np.mean(y_hat - y), "not yet", "shape (); it should be (6, 1)", None),  # not the loss, not db2
    (lambda y_hat, y: np.sum(y_hat - y), "not yet", "that sum is db2", "ce_sum"),
    (lambda y_hat, y: -np.sum(y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat)), "not yet", "the loss itself",
     "ce_loss"),
    (lambda y_hat, y: (y_hat - y).ravel(), "not yet", "shape (6,); it should be (6, 1)", None),
    (lambda y_hat, y: list(y_hat - y), "not yet", "Python list", None),
    (lambda y_hat, y: (y_hat - y) ** 2, "not yet", "At y_hat = 0.02, y = 1 you return 0.9604; dL/dz2 there is "
     "-0.9800", None),
    (lambda y_hat, y: None, "not yet", "forget `return`", None),
    (lambda y_hat: y_hat, "not yet", "takes 1 argument(s), but the check calls it with 2", None),
]


@pytest.mark.parametrize("f, status, words, key", CE_ANSWERS, ids=[str(i) for i in range(len(CE_ANSWERS))])
def test_ce_delta(f, status, words, key):
    verdict = check.ce_delta.verdict(f)
    assert verdict.status == status, verdict
    assert words in verdict.text, verdict
    assert verdict.mistake == key


TANH_ANSWERS = [
    (lambda z: 1 - np.tanh(z) ** 2, "correct", "1 - tanh(z)^2", None),
    (lambda z: 1 / np.cosh(z) ** 2, "correct", "four times the sigmoid's", None),
    (lambda z: (1 - np.tanh(z)) * (1 + np.tanh(z)), "correct", "saturate", None),
    (lambda z: 4 * sg(2 * z), "correct", "1 - tanh(z)^2", None),
    (lambda z: 4 / (np.exp(z) + np.exp(-z)) ** 2, "correct", "1 - tanh(z)^2", None),
    (lambda z: 1 - z ** 2, "not yet", "used z where tanh(z) belongs", "tanh_z"),
    (lambda z: np.tanh(z) * (1 - np.tanh(z)), "not yet", "sigmoid's derivative written with its output",
     "tanh_sigmoid_form"),
    (lambda z: 1 - np.tanh(z), "not yet", "square is missing", "tanh_no_square"),
    (lambda z: (1 - np.tanh(z)) ** 2, "not yet", "not the difference", "tanh_square_outside"),
    (lambda z: 1 + np.tanh(z) ** 2, "not yet", "not 1 + tanh(z)^2", "tanh_plus"),
    (sg, "not yet", "That is the sigmoid's derivative", "tanh_sigmoid"),
    (np.tanh, "not yet", "returned tanh(z) itself", "tanh_itself"),
    (lambda z: -2 * np.tanh(z) * (1 - np.tanh(z) ** 2), "not yet", "second derivative", "tanh_second"),
    (lambda z: np.cos(z), "not yet", "At z = ", None),
    (lambda z: np.array([1 - np.tanh(v) ** 2 for v in z.ravel()]), "not yet", "shape (12,); it should be (3, 4)",
     None),
    (lambda z: np.sqrt(np.tanh(z)), "not yet", "NaN or inf", None),
]


@pytest.mark.parametrize("f, status, words, key", TANH_ANSWERS, ids=[str(i) for i in range(len(TANH_ANSWERS))])
def test_tanh_grad(f, status, words, key):
    verdict = check.tanh_grad.verdict(f)
    assert verdict.status == status, verdict
    assert words in verdict.text, verdict
    assert verdict.mistake == key


MATCH_ANSWERS = [  # (value, status, words, mistake key or None)
    (2.0, "correct", "0.5 / (1/4)", None),
    (0.5 / 0.25, "correct", "four times the learning rate", None),
    (np.float32(2.05), "correct", "lr 2", None),
    (0.125, "not yet", "another four times smaller", "mlr_quarter"),
    (0.5, "not yet", "four times shorter", "mlr_same"),
    (4, "not yet", "the learning rate itself", "mlr_factor"),
    (8.0, "not yet", "= 2 (y_hat - y)", None),
    (True, "not yet", "a positive number", None),
    (float("nan"), "not yet", "a positive number", None),
    (0, "not yet", "a positive number", None),
    (..., "not attempted", "Set match_lr", None),
]


@pytest.mark.parametrize("value, status, words, key", MATCH_ANSWERS, ids=[str(i) for i in range(len(MATCH_ANSWERS))])
def test_match_lr(value, status, words, key):
    verdict = check.match_lr.verdict(value)
    assert verdict.status == status, verdict
    assert words in verdict.text, verdict
    assert verdict.mistake == key


def test_the_matching_lr_is_the_one_the_notebook_measures():
    """Exercise 2's answer: squared error at lr match_lr leaves the reference plateau with cross-entropy at 0.5."""
    from helpers.analysis import fair
    from helpers.exercises import nb05
    start = network.init_reference(4, bias=False)
    squared, _ = fair.train_starts([start, start], lr=[0.5, nb05.MATCH_LR], steps=1_500)
    ce, _ = fair.train_starts([start], lr=0.5, steps=1_500, loss="cross_entropy")
    first = [int(np.argmax(curve < 0.2)) for curve in (squared[0], squared[1], ce[0])]
    assert abs(first[1] - first[2]) <= 0.05 * first[2] < first[0] / 3


@pytest.mark.parametrize("value, status, words", [
    (0.25, "recorded", "You predicted 0.25. Measured: 47 of 200 relu units (0.23)"),
    (0.9, "recorded", "You predicted 0.90"),       # far off: recorded, never marked wrong
    (0, "recorded", "You predicted 0.00"),
    (1.5, "not yet", "between 0 and 1"),
    ("0.25", "not yet", "'0.25' (in quotes), not a number"),
    (..., "not attempted", "Record your prediction first"),
    (None, "not attempted", "shown once you have"),
])
def test_dead_prediction_is_recorded_beside_the_measurement(value, status, words):
    verdict = check.dead_prediction.verdict(value)
    assert verdict.status == status, verdict
    assert words in verdict.text, verdict
    assert verdict.mistake is None


def test_no_prediction_reveals_nothing():
    for value in (..., None, "", 7):
        text = check.dead_prediction.verdict(value).text
        assert "47" not in text and "Measured" not in text


def test_the_measured_fraction_is_counted_from_the_starts():
    from helpers.analysis.fair import dead
    from helpers.exercises import nb05
    k, n = nb05.dead_at_start()
    again = sum(int(dead(network.init_params(2, s)["W1"], np.zeros((1, 2)), nb05.data.X).sum()) for s in range(100))
    assert (k, n) == (again, 200) and 0.15 < k / n < 0.35   # about 1/4: both weights <= 0


def test_momentum_step_right_forms_and_slips():
    def flipped(W, v, dW, lr, mu):
        v = mu * v + lr * dW
        return W - v, v
    assert check.momentum_step.verdict(flipped).status == "correct"
    assert check.momentum_step.verdict(lambda W, v, dW, lr, mu: (W - lr * dW, v)).mistake == "mom_plain"
    slow = check.momentum_step.verdict(lambda W, v, dW, lr, mu: (W + 0.5 * v - lr * dW, 0.5 * v - lr * dW))
    assert slow.status == "not yet" and slow.mistake == "mom_global" and "mu 0.5" in slow.text
    assert "must return the pair" in check.momentum_step.verdict(lambda W, v, dW, lr, mu: (W,)).text
    assert "shape" in check.momentum_step.verdict(lambda W, v, dW, lr, mu: (W[:1], v)).text
    assert check.momentum_step.verdict(...).status == "not attempted"


def test_split_dead_right_and_wrong():
    def right(start, end, X):
        def dead(p):
            return np.all(X @ p["W1"] + p["b1"] <= 0, axis=0)
        return dead(start), dead(end) & ~dead(start)
    verdict = check.split_dead.verdict(right)
    assert verdict.status == "correct" and "Units 0, 3" in verdict.text and "units 1, 5 died" in verdict.text
    wrong_shape = check.split_dead.verdict(lambda start, end, X: (np.zeros(5, bool), np.zeros(5, bool)))
    assert "H = 6" in wrong_shape.text
    assert check.split_dead.verdict(lambda start, end, X: None).status == "not yet"


def test_hints_are_a_ladder_and_the_answer_only_comes_from_solution(capsys):
    for name in ("ce_delta", "match_lr", "dead_prediction", "momentum_step", "split_dead", "tanh_grad"):
        assert len(HINTS[name]) == 3
        for level in (1, 2, 3):
            hint(name, level)
        text = capsys.readouterr().out
        assert "Hint 1" in text and "Hint 3" in text and "that is the last hint" in text
    assert "return y_hat - y" not in "".join(HINTS["ce_delta"])
    assert "return W + v" not in "".join(HINTS["momentum_step"]) and "0.5 / 0.25" not in "".join(HINTS["match_lr"])
    solution("ce_delta")
    assert "return y_hat - y" in capsys.readouterr().out


def test_the_solutions_pass():
    names = ["ce_delta", "match_lr", "dead_prediction", "momentum_step", "split_dead", "tanh_grad"]
    module = namespace(names)
    for name in names:
        status = getattr(check, name).verdict(getattr(module, name)).status
        assert status == ("recorded" if name == "dead_prediction" else "correct"), name
