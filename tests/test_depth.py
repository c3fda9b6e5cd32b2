"""Every effect notebook 07 claims, measured again here with the notebook's own settings (helpers/analysis/depth.py):
if the lab's code changed so that a claim stopped being true, a test here fails."""
import functools

import numpy as np
import pytest

from helpers import data, deep
from helpers.analysis import depth
from helpers.deep_batched import train_deep

SEEDS, L = range(100), 10
SEEDS20, LRS, STEPS, DEPTHS = range(20), (0.1, 0.3, 1.0, 3.0, 10.0), 400, (1, 2, 3, 5, 10)


@functools.lru_cache(maxsize=None)
def at_start(width, activation, init):
    return depth.summary(depth.first_to_last(depth.init_norms(L, width, activation, init, SEEDS)))


@pytest.mark.parametrize("width", (8, 32))
@pytest.mark.parametrize("init", deep.INITS)
def test_sigmoids_first_layer_gets_under_a_hundredth_of_the_last_hidden_layers_gradient_whatever_the_start(width,
                                                                                                          init):
    s = at_start(width, "sigmoid", init)
    assert s["tiny"] >= 90 and s["dead"] == 0  # "in most seeds" (the notebook prints the count: all 100 today)
    assert s["median"] < 1e-3
    if width == 8:  # the "1e-5 to 1e-7" at width 8, for every start
        assert 1e-8 <= s["median"] <= 1e-4


@pytest.mark.parametrize("width", (8, 32))
@pytest.mark.parametrize("activation, init", [("tanh", "xavier"), ("relu", "he")])
def test_tanh_with_xavier_and_relu_with_he_keep_the_ratio_within_a_factor_of_a_few_of_1(width, activation, init):
    s = at_start(width, activation, init)
    assert 1 / 4 <= s["low"] and s["high"] <= 4
    assert s["tiny"] == 0


def test_at_width_32_the_naive_start_grows_tanhs_gradient_and_kills_relu_nets():
    assert at_start(32, "tanh", "naive")["low"] > 2  # the first layer gets more than the last
    assert 30 <= at_start(32, "relu", "naive")["dead"] <= 70  # "about half of the ReLU nets get no gradient"
    assert at_start(32, "relu", "he")["dead"] == 0


def test_relu_nets_without_gradient_have_a_dead_layer_at_width_8_and_a_saturated_output_at_width_32():
    """Section 2: the naive start at width 32 kills ReLU nets by saturating the output, not by a dead layer
    (with zero biases a dead layer does not depend on the scale: every start has the same dead nets at width 8)."""
    dead8 = {init: depth.why_no_gradient(depth.init_norms(L, 8, "relu", init, SEEDS), 8, "relu", init, SEEDS)
             for init in deep.INITS}
    assert dead8["naive"]["dead"] > 0
    for why in dead8.values():
        assert why == dead8["naive"] and why["dead layer"] == why["dead"]
    why32 = depth.why_no_gradient(depth.init_norms(L, 32, "relu", "naive", SEEDS), 32, "relu", "naive", SEEDS)
    assert why32["dead"] >= 30 and why32["dead layer"] == 0 and why32["saturated output"] == why32["dead"]


@pytest.mark.parametrize("activation, init", [("sigmoid", "xavier"), ("tanh", "xavier"), ("relu", "he")])
def test_the_variance_argument_predicts_each_layers_factor_within_about_ten_percent(activation, init):
    g = depth.layer_gains(10, 32, activation, init, range(30))
    assert np.all(np.abs(g["predicted"] / g["measured"] - 1) < 0.15)
    if activation == "sigmoid":  # just under 1/4 at every layer; nine multiply to about (1/4)^9
        assert np.all((0.2 < g["measured"]) & (g["measured"] < 0.26))
        assert 0.25 ** 9 / 4 < np.prod(g["measured"]) < 0.25 ** 9 * 2
    else:
        assert np.all((0.85 < g["measured"]) & (g["measured"] < 1.15))


def test_layer_gains_fail_when_the_argument_is_wrong():
    """The check can fail: a prediction without the slope (f' = 1) is far from the sigmoid's measurement."""
    g = depth.layer_gains(10, 32, "sigmoid", "xavier", range(5))
    assert np.all(np.abs(g["bound"] * 4 / g["measured"] - 1) > 2)


@functools.lru_cache(maxsize=None)
def sweep(activation, init):
    return depth.depth_sweep(activation, init, DEPTHS, SEEDS20, LRS, STEPS)


def test_deep_sigmoid_nets_stop_solving_while_tanh_and_relu_still_solve_at_depth_10():
    sig, tanh, relu = sweep("sigmoid", "xavier"), sweep("tanh", "xavier"), sweep("relu", "he")
    for s in (sig, tanh, relu):  # with one hidden layer: every seed or nearly
        assert s["table"]["rate"][0] >= 0.9
    for L in (3, 5, 10):  # "from depth 3 on ... from no seed, at any rate of the sweep"
        assert sig["rates"][L].max() == 0
    for s in (tanh, relu):  # "most seeds at depth 10, in tens of steps"
        assert s["table"]["rate"][-1] > 0.5
        assert 10 <= s["table"]["median_steps"][-1] < 100
    for L in DEPTHS:  # paired: no depth where tanh and relu differ beyond 20 seeds' luck
        assert depth.mcnemar(depth.at_best(relu, L)[0], depth.at_best(tanh, L)[0])[2] > 0.05
    for L in (3, 5, 10):
        assert depth.mcnemar(depth.at_best(tanh, L)[0], depth.at_best(sig, L)[0])[2] < 0.01


def test_sigmoid_with_the_naive_start_fails_most_runs_from_a_shallow_depth():
    """Exercise 3's measurement: a depth exists, and it is shallow (the answer is read in the notebook)."""
    s = depth.depth_sweep("sigmoid", "naive", range(1, 9), SEEDS20, LRS, STEPS)
    found = depth.fails_most_depth(s)
    assert found is not None and 2 <= found <= 5
    assert s["table"]["rate"][0] == 1.0


def test_while_training_sigmoid_reaches_the_plateau_and_every_gradient_vanishes():
    lr = sweep("sigmoid", "xavier")["best_lr"][2]
    run = train_deep(10, 8, "sigmoid", "naive", SEEDS20, lr, 400, keep_norms=True)
    median = np.median(run.norms, axis=0)  # (steps + 1, L + 1)
    assert abs(np.median(run.losses[:, 50]) - 0.25) < 1e-3  # output 0.5 everywhere within tens of steps
    assert median[200, 9] <= median[0, 0] and median[400, 9] <= median[0, 0]
    for label, (activation, init) in {"tanh": ("tanh", "xavier"), "relu": ("relu", "he")}.items():
        lr = sweep(activation, init)["best_lr"][10]
        run = train_deep(10, 8, activation, init, SEEDS20, lr, 400, keep_norms=True)
        median = np.median(run.norms, axis=0)
        assert np.all(median[:, 0] / median[:, 9] > 1 / 15), label  # "within a factor of about ten", all along
        assert median[400, 0] < median[0, 0] and median[400, 9] < median[0, 9]  # both shrink


def test_the_four_inputs_arrive_at_layer_10_of_a_sigmoid_net_nearly_the_same():
    def spread(activation, init, l):
        return np.median([np.ptp(deep.forward(deep.init_params(10, 8, init, s), data.X, activation)[1]["a"][l],
                                 axis=0).max() for s in SEEDS20])
    assert spread("sigmoid", "naive", 10) < 1e-4 < 0.1 < spread("sigmoid", "naive", 1)
    for activation, init in (("tanh", "xavier"), ("relu", "he")):
        assert spread(activation, init, 10) > spread(activation, init, 1) / 12  # "by a factor of ten or less"


def test_mcnemar_and_the_median_interval():
    assert depth.mcnemar([1, 1, 1, 0], [0, 0, 0, 0]) == (3, 0, 0.25)
    assert depth.mcnemar([1, 0], [1, 0])[2] == 1.0
    assert depth.mcnemar([True] * 10, [False] * 10)[2] == pytest.approx(2 / 1024)
    median, lo, hi = depth.median_interval(np.arange(100.0))
    assert lo < median < hi and median == 49.5 and (lo, hi) == (39.0, 60.0)
    ratios = depth.first_to_last(np.array([[1.0, 2.0, 3.0], [1.0, 0.0, 3.0]]))
    assert ratios[0] == 0.5 and np.isnan(ratios[1])  # a dead net has no ratio


def test_deep_sigmoid_nets_are_slower_with_every_layer():
    """Section 4's longer run: depths 2, 3, 4 solve within 4,000 steps, the median steps about three times the
    depth before's; depth 5 not within 4,000 steps."""
    medians = []
    for L in (2, 3, 4, 5):
        run = train_deep(L, 8, "sigmoid", "xavier", range(10), 3.0, 4000, until_solved=True)
        if L < 5:
            assert run.solved.sum() >= 5
            medians.append(np.median(run.solved_at[run.solved]))
        else:
            assert not run.solved.any()
    ratios = np.array(medians[1:]) / np.array(medians[:-1])
    assert np.all((2 < ratios) & (ratios < 4.5)), ratios


def test_depth_5_sigmoid_nets_are_slow_not_failed():
    """Section 4: "at least 8 of these 10 seeds solve at depth 5 within 10,000 steps" (rate 3, as there)."""
    run = train_deep(5, 8, "sigmoid", "xavier", range(10), 3.0, 10000, until_solved=True)
    assert run.solved.sum() >= 8
    assert np.all(run.solved_at[run.solved] > 4000)  # none within the page's 4,000 steps


def test_only_very_large_weights_give_a_sigmoid_net_a_sizeable_first_layer_gradient():
    def measured(s):
        ratio, slope = [], []
        for seed in range(50):
            params = {k: v * s / 0.5 if k.startswith("W") else v for k, v in deep.init_params(10, 32, "naive",
                                                                                             seed).items()}
            n = deep.gradient_norms(params, data.X, data.y, "sigmoid")
            a = deep.forward(params, data.X, "sigmoid")[1]["a"]
            ratio.append(n[0] / n[9])
            slope.append(np.sqrt(np.mean([np.mean((a[l] * (1 - a[l])) ** 2) for l in range(1, 10)])))
        return np.median(ratio), np.median(slope)
    assert measured(0.5)[0] < 1 / 100
    ratio, slope = measured(2.0)  # fan-out x Var(w) = 128
    assert ratio > 1 / 10 and slope < 0.25 / 2  # a sizeable share, from large weights over small slopes
