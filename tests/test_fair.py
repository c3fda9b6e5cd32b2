"""helpers.analysis.fair (every net equals the single-net code), paired (exact tests) and valley."""
import math

import numpy as np
import pytest

from helpers import data, network, variants
from helpers.analysis import fair, fixes, paired, valley


def single(seed, lr, steps, b1=0.0, **setting):
    """The same net one at a time: helpers.variants.descend from init_params(2, seed) with b1 set."""
    start = network.init_params(2, seed)
    start["b1"] = start["b1"] + b1
    zero = {name: np.zeros_like(value) for name, value in start.items()}
    keys = {"activation", "loss", "momentum"}
    return variants.descend(start, zero, data.X, data.y, lr, steps, **{k: v for k, v in setting.items() if k in keys})


@pytest.mark.parametrize("setting", [{}, {"loss": "cross_entropy"}, {"momentum": 0.9},
                                     {"activation": "relu", "b1": 0.1}, {"activation": "tanh"}])
def test_every_net_of_a_grid_equals_the_single_net_code(setting):
    grid = fair.train_grid([0.5, 2.0], seeds=[3, 11], steps=60, **setting)
    for i, lr in enumerate(grid.lrs):
        for j, seed in enumerate(grid.seeds):
            losses, params, _ = single(int(seed), lr, 60, **setting)
            np.testing.assert_allclose(grid.losses[i, j], losses, rtol=1e-9, atol=1e-12)
            np.testing.assert_allclose(grid.W1_end[i, j], params["W1"], rtol=1e-9, atol=1e-12)
            np.testing.assert_allclose(grid.b1_start[i, j], np.full((1, 2), setting.get("b1", 0.0)))


def test_train_starts_equals_the_single_net_code_with_one_lr_per_start():
    start = network.init_reference(4, bias=False)
    losses, solved_at = fair.train_starts([start, start], lr=[0.5, 2.0], steps=80)
    zero = {name: np.zeros_like(value) for name, value in start.items()}
    for row, lr in zip(losses, (0.5, 2.0)):
        np.testing.assert_allclose(row, variants.descend(start, zero, data.X, data.y, lr, 80)[0], rtol=1e-9)
    assert solved_at.shape == (2,)
    with pytest.raises(ValueError, match="one per start"):
        fair.train_starts([start, start], lr=[0.5, 1.0, 2.0])
    with pytest.raises(ValueError, match="same hidden size"):
        fair.train_starts([start, network.init_params(3, 0)])


def test_best_prefers_more_solved_then_fewer_steps():
    grid = fair.train_grid([0.5, 4.0, 8.0], seeds=range(20), steps=2_000)
    solved = grid.solved.sum(axis=1)
    best = grid.best()
    assert solved[best] == solved.max()
    ties = np.flatnonzero(solved == solved.max())
    assert grid.median_steps()[best] == np.nanmin(grid.median_steps()[ties])
    with pytest.raises(ValueError, match="lr must be one of"):
        grid.at(3.0)


def test_dead_agrees_with_the_batched_count():
    run = fixes.run_setting([2, 3], range(10), steps=300, activation="relu")
    counted = fixes.dead_units(run)
    for b, H in enumerate(run.hidden):
        params = run.net(b)
        np.testing.assert_array_equal(fair.dead(params["W1"], params["b1"], data.X), counted[b, :H])


def test_a_unit_with_both_weights_nonpositive_and_no_bias_is_dead_at_the_corner():
    W1 = np.array([[-0.3, 0.2, 0.0], [-0.1, -0.4, 0.0]])
    assert fair.dead(W1, np.zeros((1, 3)), data.X).tolist() == [True, False, True]
    assert not fair.dead(W1, np.full((1, 3), 0.1), data.X).any()   # a small positive b1: alive at (0, 0)


def test_exact_binomial_p_values():
    assert paired.binomial_p(1, 10) == pytest.approx(22 / 1024)      # 2 * (1 + 10) / 2^10
    assert paired.binomial_p(9, 10) == paired.binomial_p(1, 10)
    assert paired.binomial_p(5, 10) == 1.0 and paired.binomial_p(0, 0) == 1.0
    assert paired.binomial_p(0, 5) == pytest.approx(2 / 32)
    assert paired.binomial_p(3, 20) == pytest.approx(2 * sum(math.comb(20, i) for i in range(4)) / 2 ** 20)


def test_mcnemar_counts_only_the_discordant_seeds():
    a = np.array([1, 1, 1, 0, 0, 1, 1, 1, 1, 1, 1, 1], bool)
    b = np.array([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1], bool)
    m = paired.mcnemar(a, b)
    assert (m["only_a"], m["only_b"], m["both"], m["neither"]) == (8, 0, 2, 2)
    assert m["p"] == pytest.approx(2 / 256)
    assert paired.direction(m["only_a"], m["only_b"], m["p"]) == "a"
    assert paired.direction(3, 1, 0.6) == "same"
    with pytest.raises(ValueError, match="same length"):
        paired.mcnemar(a, b[:5])


def test_sign_test_on_paired_steps():
    a, b = np.array([100, 200, 300, 50, -1]), np.array([110, 190, 330, 60, 40])
    both = np.array([True, True, True, True, False])
    s = paired.sign_test(a, b, both)
    assert (s["n"], s["a_faster"], s["b_faster"]) == (4, 3, 1)
    assert s["median_diff"] == pytest.approx(-10.0)
    assert "no detectable difference in speed" in paired.report("A", both, a, "B", both, b)


def test_valley_plain_descent_is_capped_by_the_steep_direction():
    assert valley.steps_to(valley.descend(0.019)) > 0
    assert valley.steps_to(valley.descend(0.021)) == -1             # past 2 / 100 it diverges
    lrs = np.geomspace(0.002, 0.1, 35)
    grid = valley.steps_grid(lrs, (0.0, 0.9))
    assert grid[0, 5] == valley.steps_to(valley.descend(lrs[5]))
    assert grid[1, 20] == valley.steps_to(valley.descend(lrs[20], 0.9))


def test_momentum_wins_on_the_valley_at_its_best_and_ties_at_equal_effective_step():
    """Notebook 05, section 7: each at its own best step, momentum needs several times fewer steps than plain
    descent to reach f < 1e-6; at plain descent's effective step lr / (1 - mu) about as many."""
    lrs = np.geomspace(0.002, 0.1, 35)
    plain = valley.best(lrs)
    momentum = valley.best(lrs, (0.5, 0.6, 0.7, 0.8, 0.9))
    assert plain["lr"] < 0.02 < momentum["lr"] / (1 - momentum["momentum"])
    assert plain["steps"] >= 4 * momentum["steps"]
    mu = momentum["momentum"]
    equal = valley.steps_to(valley.descend(plain["lr"] * (1 - mu), mu))
    assert 0.8 < equal / plain["steps"] < 1.25
