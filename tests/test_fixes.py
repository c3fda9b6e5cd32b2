"""Notebook 05's analysis: summaries agree with notebook 03's, dead relu units and overshoots are what
their definitions say, on nets built to have them."""
import numpy as np
import pytest

from helpers import batched, data, variants
from helpers.analysis import fixes, sweep


@pytest.fixture(scope="module")
def relu_run():
    return fixes.run_setting(hidden_sizes=[1, 2, 4], seeds=range(12), steps=1500, activation="relu")


def test_summary_by_hidden_size_equals_the_sweeps(relu_run):
    ours, theirs = fixes.summarize(relu_run), sweep.summarize(relu_run)
    for name in ("hidden", "n", "solved", "rate", "low", "high"):
        assert np.array_equal(ours[name], theirs[name]), name
    assert np.array_equal(ours["median_steps"], theirs["median_steps"], equal_nan=True)
    for i in range(3):
        if ours["solved"][i]:
            assert ours["q25_steps"][i] <= ours["median_steps"][i] <= ours["q75_steps"][i]


def test_nets_are_hidden_major_and_one_call_matches_single_nets(relu_run):
    assert list(relu_run.hidden[:13]) == [1] * 12 + [2] and list(relu_run.seeds[:3]) == [0, 1, 2]
    b = 12 + 5  # hidden 2, seed 5
    single = variants.train(hidden=2, seed=5, steps=1500, activation="relu")
    assert np.abs(relu_run.losses[b] - single.losses).max() <= 1e-10


def test_dead_units_are_those_with_no_positive_input(relu_run):
    dead = fixes.dead_units(relu_run)
    assert dead.shape == relu_run.mask.shape and not dead[relu_run.mask == 0].any()
    for b in range(len(relu_run.hidden)):
        net = relu_run.net(b)
        _, cache = variants.forward(net, data.X, "relu")
        expected = np.all(cache["z1"] <= 0, axis=0)
        assert np.array_equal(dead[b, :relu_run.hidden[b]], expected)
        if expected.any():  # a dead unit's weights get zero gradient: backprop agrees
            grads = variants.backward(net, cache, data.y, "relu", "squared")
            assert np.all(grads["dW1"][:, expected] == 0) and np.all(grads["db1"][:, expected] == 0)
    table = fixes.dead_table(relu_run)
    assert list(table["units"]) == [12, 24, 48] and list(table["nets"]) == [12, 12, 12]
    assert table["dead"].sum() == dead.sum() and table["dead"].sum() > 0   # relu nets do end with dead units


def test_a_unit_pushed_below_zero_is_counted_dead():
    run = batched.train_batched([2], [0], steps=0, activation="relu")
    run.params["W1"][0, :, 1] = [-1.0, -1.0]
    run.params["b1"][0, 0, 1] = -0.5
    run.params["W1"][0, :, 0] = [1.0, 1.0]
    assert list(fixes.dead_units(run)[0]) == [False, True]


def test_overshoot_is_a_rise_of_the_loss_above_the_set_amount():
    run = batched.train_batched([2, 2], [0, 1], steps=3)
    run.losses[:] = [[0.25, 0.24, 0.2405, 0.1], [0.25, 0.24, 0.2420, 0.1]]
    assert list(fixes.overshoots(run)) == [False, True]        # rises of 0.0005 and 0.002; the bar is 0.001
    assert list(fixes.overshoots(run, rise=1e-4)) == [True, True]


def test_momentum_overshoots_where_plain_descent_does_not():
    plain = fixes.run_setting(hidden_sizes=[4], seeds=range(10), steps=800)
    momentum = fixes.run_setting(hidden_sizes=[4], seeds=range(10), steps=800, momentum=0.9)
    assert not fixes.overshoots(plain).any() and fixes.overshoots(momentum).any()


def test_scale_curve_is_scale_major():
    run = fixes.scale_curve([0.1, 2.0], hidden=3, seeds=range(4), steps=50)
    assert list(run.scale) == [0.1] * 4 + [2.0] * 4 and list(run.seeds) == [0, 1, 2, 3] * 2
    table = fixes.summarize(run, by="scale")
    assert list(table["scale"]) == [0.1, 2.0] and list(table["n"]) == [4, 4]


def test_rate_line():
    table = {"solved": np.array([97]), "n": np.array([100]), "low": np.array([0.915]), "high": np.array([0.99]),
             "median_steps": np.array([1234.0])}
    assert fixes.rate_line(table, 0, "tanh, H=2") == ("tanh, H=2: 97 of 100 solve XOR (95% interval 92% to 99%), "
                                                     "median 1,234 steps to solved")


BAD = [
    (lambda: fixes.run_setting(hidden_sizes=[], steps=5), ValueError, ["hidden_sizes", "at least one"]),
    (lambda: fixes.run_setting(hidden_sizes=[0], steps=5), ValueError, ["hidden size", "1..64"]),
    (lambda: fixes.run_setting(hidden_sizes=[2], seeds=[0], steps=5, loss="l1"), ValueError, ["loss", "'squared'"]),
    (lambda: fixes.scale_curve([-1.0], steps=5), ValueError, ["scale", "[0, 100]"]),
    (lambda: fixes.summarize("run"), TypeError, ["BatchRun"]),
    (lambda: fixes.summarize(batched.train_batched([2], [0], steps=1), by="seed"), ValueError, ["by", "'scale'"]),
    (lambda: fixes.overshoots(batched.train_batched([2], [0], steps=1), rise=-1), ValueError, ["rise", "[0, 1]"]),
]


@pytest.mark.parametrize("call, error, words", BAD, ids=[str(i) for i in range(len(BAD))])
def test_bad_arguments_are_named(call, error, words):
    with pytest.raises(error) as info:
        call()
    for word in words:
        assert word in str(info.value), (word, str(info.value))
