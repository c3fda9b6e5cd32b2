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
    (lambda y_hat: y_hat, "not yet", "raised TypeError", None),
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


def table(solved, medians):
    """Section 3's summary at hidden sizes 1, 2, 3 with 100 starts each (the counts as given)."""
    from helpers.analysis.sweep import wilson

    solved = np.array(solved)
    low, high = wilson(solved, np.full(3, 100))
    return {"hidden": np.array([1, 2, 3]), "n": np.full(3, 100), "solved": solved, "low": low, "high": high,
            "rate": solved / 100, "median_steps": np.array(medians, dtype=float)}


# what notebook 05 measured (100 starts, biases, lr 0.5, 5,000 steps)
MEASURED = {"sigmoid": table([0, 81, 98], [np.nan, 1133, 898]), "tanh": table([0, 72, 100], [np.nan, 174, 108]),
            "relu": table([0, 17, 46], [np.nan, 106, 50])}
CLOSE = {"sigmoid": table([0, 30, 98], [np.nan, 1133, 898]), "tanh": table([0, 35, 100], [np.nan, 174, 108]),
         "relu": table([0, 28, 46], [np.nan, 106, 50])}


@pytest.mark.parametrize("prediction, tables, status, words, key", [
    ("relu", MEASURED, "agrees", "relu 17 of 100 solve XOR (11% to 26%)", None),
    (" ReLU ", MEASURED, "agrees", "You predicted relu", None),
    ("sigmoid", MEASURED, "differs", "Slow is not the same as failing: sigmoid nets take the most steps (median "
     "1,133 with 2 units", "fails_slow_is_failing"),
    ("tanh", MEASURED, "differs", "tanh 72 of 100 solve XOR (63% to 80%)", None),
    ("tanh", CLOSE, "agrees", "cannot be told apart", None),
    ("sigmoid", CLOSE, "agrees", "sigmoid and tanh and relu cannot be told apart", None),
    ("Relu", None, "not yet", "Pass the `activations` tables", None),
    ("relu", {"relu": MEASURED["relu"]}, "not yet", "Pass the `activations` tables", None),
    ("gelu", MEASURED, "not yet", "'sigmoid', 'tanh' or 'relu' (a string); got 'gelu'", None),
    (2, MEASURED, "not yet", "got 2", None),
    (..., MEASURED, "not attempted", "Record your prediction first", None),
    (None, MEASURED, "not attempted", "shown once you have", None),
])
def test_fails_most(prediction, tables, status, words, key):
    verdict = check.fails_most.verdict(prediction, tables)
    if status in ("agrees", "differs"):  # a prediction is recorded, never marked wrong (issue 37)
        assert (verdict.status, verdict.agrees) == ("recorded", status == "agrees"), verdict
    else:
        assert verdict.status == status, verdict
    assert words in verdict.text, verdict
    assert verdict.mistake == key


def test_no_prediction_reveals_nothing():
    for prediction in (..., None, "", "gelu"):
        text = check.fails_most.verdict(prediction, MEASURED).text
        assert "of 100" not in text and "17" not in text


def test_sigmoid_is_not_called_slow_when_it_is_not_the_slowest():
    tables = {**MEASURED, "sigmoid": table([0, 81, 98], [np.nan, 50, 40])}
    verdict = check.fails_most.verdict("sigmoid", tables)
    assert verdict.status == "recorded" and verdict.mistake is None and "Slow is not" not in verdict.text


def test_hints_are_a_ladder_and_the_answer_only_comes_from_solution(capsys):
    for name in ("ce_delta", "tanh_grad", "fails_most"):
        assert len(HINTS[name]) == 3
        for level in (1, 2, 3):
            hint(name, level)
        text = capsys.readouterr().out
        assert "Hint 1" in text and "Hint 3" in text and "that is the last hint" in text
    assert "return y_hat - y" not in "".join(HINTS["ce_delta"])
    solution("ce_delta")
    assert "return y_hat - y" in capsys.readouterr().out


def test_the_solutions_pass():
    module = namespace(["ce_delta", "tanh_grad", "fails_most"])
    assert check.ce_delta.verdict(module.ce_delta).status == "correct"
    assert check.tanh_grad.verdict(module.tanh_grad).status == "correct"
    assert check.fails_most.verdict(module.fails_most_prediction, MEASURED).agrees
