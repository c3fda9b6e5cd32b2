"""The single sigmoid unit of notebook 02: it stalls on XOR, learns AND and OR, and no line gets XOR right."""
import itertools
import math

import numpy as np
import pytest

from helpers import data
from helpers.analysis import single_layer
from helpers.network import sigmoid


def unit_loss(w, b, y):
    """L = 1/2 * sum((y_hat - y)^2) of the unit, written out independently."""
    y_hat = 1 / (1 + np.exp(-(data.X @ w + b)))
    return 0.5 * np.sum((y_hat - y) ** 2)


@pytest.mark.parametrize("seed", range(5))
def test_on_xor_the_loss_goes_to_a_quarter_and_every_prediction_to_one_half(seed):
    run = single_layer.train_unit(lr=0.5, steps=10_000, seed=seed)
    assert run.losses.shape == (10_001,)
    assert abs(run.final_loss - 0.25) < 1e-6
    np.testing.assert_allclose(run.y_hat, 0.5, atol=1e-3)
    assert f"{run.final_loss:.4f}" == "0.2500"
    assert run.correct == 2  # an output of exactly 0.5 is not > 0.5, so it answers 0 everywhere


def test_the_loss_never_drops_below_a_quarter_on_xor():
    run = single_layer.train_unit(seed=3, steps=2000)
    assert np.all(run.losses >= 0.25 - 1e-12)
    assert run.losses[0] > run.losses[-1]


def test_one_step_follows_the_finite_difference_gradient_of_L():
    w, b = single_layer.init_unit(seed=7)
    run = single_layer.train_unit(lr=0.3, steps=1, seed=7, target="AND")
    y, eps = data.TARGETS["AND"], 1e-6
    dw = np.zeros_like(w)
    for i in range(2):
        up, down = w.copy(), w.copy()
        up[i] += eps
        down[i] -= eps
        dw[i] = (unit_loss(up, b, y) - unit_loss(down, b, y)) / (2 * eps)
    db = (unit_loss(w, b + eps, y) - unit_loss(w, b - eps, y)) / (2 * eps)
    np.testing.assert_allclose(run.params["w"], w - 0.3 * dw, rtol=1e-8)
    assert run.params["b"] == pytest.approx(b - 0.3 * db, abs=1e-9)
    assert run.losses[0] == pytest.approx(2 * unit_loss(w, b, y) / 4, rel=1e-12)  # MSE = 2L/N


@pytest.mark.parametrize("target", ["AND", "OR"])
def test_the_same_unit_learns_and_and_or(target):
    run = single_layer.train_unit(target=target)
    assert run.correct == 4
    assert run.final_loss < 0.01
    assert single_layer.line_correct(run.params["w"][0, 0], run.params["w"][1, 0], run.params["b"], target) == 4


def test_same_arguments_give_a_bitwise_identical_run():
    a = single_layer.train_unit(seed=11, steps=500, target="OR")
    b = single_layer.train_unit(seed=11, steps=500, target="OR")
    assert np.array_equal(a.losses, b.losses) and np.array_equal(a.params["w"], b.params["w"])
    assert a.params["b"] == b.params["b"]
    assert a.label() == "single unit on OR lr=0.5 steps=500 seed=11"


@pytest.mark.parametrize("line, target, correct", [
    ((1, 1, -0.5), "XOR", 3), ((1, 1, -0.5), "OR", 4), ((1, 1, -1.5), "AND", 4),
    ((1, 1, -1.5), "XOR", 1), ((-1, -1, 1.5), "XOR", 3),
    ((0, 0, 0), "XOR", 2), ((0, 0, 1), "XOR", 2), ((-1, -1, 0.5), "XOR", 1), ((1, 0, -0.5), "XOR", 2),
])
def test_line_correct_counts_corners_on_their_targets_side(line, target, correct):
    assert single_layer.line_correct(*line, target) == correct


def test_line_sides_on_other_points():
    X = np.array([[0.2, 0.2], [0.4, 0.4], [3.0, -1.0]])
    np.testing.assert_array_equal(single_layer.line_sides(1, 1, -0.5, X), [0, 1, 1])


def test_no_line_through_a_coarse_grid_gets_xor_right_but_some_get_three():
    values = np.linspace(-3, 3, 25)
    scores = [single_layer.line_correct(w1, w2, b) for w1, w2, b in itertools.product(values, repeat=3)]
    assert max(scores) == 3


def test_grid_search_finds_three_of_four_and_a_lowest_loss_of_a_quarter():
    found = single_layer.grid_search(n=41, limit=4.0)
    assert found["settings"] == 41**3
    assert found["best_correct"] == 3
    assert 0 < found["at_best"] < found["settings"]
    assert found["lowest_loss"] == pytest.approx(0.25, abs=1e-12)
    assert found["argmin"] == (0.0, 0.0, 0.0)


@pytest.mark.parametrize("target", ["AND", "OR"])
def test_grid_search_finds_a_separating_line_for_and_and_or(target):
    found = single_layer.grid_search(n=21, limit=10.0, target=target)
    assert found["best_correct"] == 4
    assert found["lowest_loss"] < 0.01
    w1, w2, b = found["argmin"]
    direct = np.mean((sigmoid(data.X @ np.array([w1, w2]) + b) - data.TARGETS[target].ravel()) ** 2)
    assert found["lowest_loss"] == pytest.approx(direct, rel=1e-12)


@pytest.mark.parametrize("b", [-2.0, -0.5, 0.0, 1.0])
def test_the_loss_surface_is_the_mse_and_never_reaches_zero_on_xor(b):
    M, w1s, w2s = single_layer.loss_surface(b, n=31, limit=5.0)
    assert M.shape == (31, 31) and w1s.shape == w2s.shape == (31,)
    j, i = 4, 27  # rows along w2, columns along w1
    y_hat = sigmoid(data.X @ np.array([w1s[i], w2s[j]]) + b)
    assert M[j, i] == pytest.approx(np.mean((y_hat - data.y.ravel()) ** 2), rel=1e-12)
    assert M.min() >= 0.25 - 1e-12


@pytest.mark.parametrize("line", [(1, 1, -0.5), (2, -3, 0.7), (0, 1, -0.5), (1, 0, -0.5), (100, -100, 0)])
def test_the_line_in_view_lies_on_the_line(line):
    w1, w2, b = line
    xs, ys = single_layer.line_in_box((w1, w2), b, single_layer.VIEW)
    assert xs.shape == ys.shape == (2,) and np.all(np.isfinite(xs)) and np.all(np.isfinite(ys))
    np.testing.assert_allclose(w1 * xs + w2 * ys + b, 0, atol=1e-9)


@pytest.mark.parametrize("line", [(0, 0, 0), (0, 0, -3), (1e-12, 0, 1), (1, 1, -10), (0, 1, 5)])
def test_no_line_or_a_line_out_of_view_draws_nothing(line):
    w1, w2, b = line
    xs, ys = single_layer.line_in_box((w1, w2), b, single_layer.VIEW)
    assert np.isnan(xs).all() and np.isnan(ys).all()


BAD = [
    (lambda: single_layer.train_unit(lr=0), ValueError, ["lr", "(0, 100]"]),
    (lambda: single_layer.train_unit(lr=math.nan), ValueError, ["lr", "(0, 100]"]),
    (lambda: single_layer.train_unit(steps=-1), ValueError, ["steps", "0..200000"]),
    (lambda: single_layer.train_unit(steps=1.5), TypeError, ["steps", "integer"]),
    (lambda: single_layer.train_unit(seed=-1), ValueError, ["seed", "0.."]),
    (lambda: single_layer.train_unit(target="NAND"), ValueError, ["target", "XOR, AND, OR", "'NAND'"]),
    (lambda: single_layer.train_unit(target=None), ValueError, ["target", "XOR, AND, OR"]),
    (lambda: single_layer.init_unit(scale=-1), ValueError, ["scale", "[0, 100]"]),
    (lambda: single_layer.line_correct("1", 1, 0), TypeError, ["w1", "number"]),
    (lambda: single_layer.line_correct(1, math.inf, 0), ValueError, ["w2", "[-1e+06, 1e+06]"]),
    (lambda: single_layer.line_sides(1, 1, math.nan), ValueError, ["b", "[-1e+06, 1e+06]"]),
    (lambda: single_layer.line_sides(1, 1, 0, X=np.zeros((4, 3))), ValueError, ["X", "(N, 2)"]),
    (lambda: single_layer.line_sides(1, 1, 0, X=5), ValueError, ["X", "(N, 2)"]),
    (lambda: single_layer.grid_search(n=1), ValueError, ["n", "2..401"]),
    (lambda: single_layer.grid_search(n=500), ValueError, ["n", "2..401"]),
    (lambda: single_layer.grid_search(limit=0), ValueError, ["limit", "(0, 1000]"]),
    (lambda: single_layer.loss_surface(b="0"), TypeError, ["b", "number"]),
    (lambda: single_layer.loss_surface(n=1), ValueError, ["n", "2..1000"]),
    (lambda: single_layer.loss_surface(limit=-1), ValueError, ["limit", "(0, 1000]"]),
]


@pytest.mark.parametrize("call, error, words", BAD, ids=[f"bad{i}" for i in range(len(BAD))])
def test_bad_argument_is_named_with_its_range(call, error, words):
    with pytest.raises(error) as info:
        call()
    for word in words:
        assert word in str(info.value), f"{word!r} not in {str(info.value)!r}"


def test_many_units_at_once_take_the_steps_of_one_unit():
    many = single_layer.train_units([0, 3, 9], scale=2.0, lr=0.5, steps=3000)
    for s, seed in enumerate([0, 3, 9]):
        one = single_layer.train_unit(lr=0.5, steps=3000, seed=seed, scale=2.0)
        np.testing.assert_allclose(many["w"][s], one.params["w"].ravel(), atol=1e-10)
        assert abs(many["b"][s] - one.params["b"]) < 1e-10
        assert abs(many["mse"][s] - one.final_loss) < 1e-12


def test_small_starts_settle_at_the_origin_and_large_ones_often_slide_along_a_three_of_four_valley():
    small = single_layer.train_units(range(200), scale=0.5)
    assert small["at_origin"].all()
    large = single_layer.train_units(range(200), scale=2.0)
    away = ~large["at_origin"]
    assert 0.15 <= away.mean() <= 0.45                       # notebook 02: about 305 of 1,000
    assert np.all(large["correct"][away] == 3)
    assert np.all(large["mse"][away] > 0.25) and np.all(large["mse"][away] < 0.26)
    seed = int(np.flatnonzero(away)[0])
    runs = [single_layer.train_units([seed], scale=2.0, steps=n) for n in (10_000, 40_000)]
    assert np.abs(runs[1]["w"]).max() > np.abs(runs[0]["w"]).max() + 1    # the weights keep growing
    assert 0.25 < runs[1]["mse"][0] < runs[0]["mse"][0]                  # the MSE falls towards 0.25 from above
