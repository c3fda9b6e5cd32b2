"""Notebook 03: "with biases far fewer 2-unit runs fail" is not the learning rate's doing. At each lr of 0.5, 1, 2
and 4, over the same 100 seeds and 10,000 steps, 2-unit nets with biases solve XOR from more starts, paired seed by
seed (exact McNemar), and the best lr with biases beats the best lr without. And at lr 0.5 the runs solved both
ways end on a lower loss with biases, seed by seed."""
import pytest

from helpers import batched
from helpers.analysis import paired

LRS = (0.5, 1.0, 2.0, 4.0)


@pytest.fixture(scope="module")
def runs():
    return {(bias, lr): batched.train_batched([2] * 100, range(100), bias=bias, lr=lr, steps=10_000)
            for bias in (False, True) for lr in LRS}


@pytest.mark.parametrize("lr", LRS)
def test_biases_solve_from_more_starts_at_each_learning_rate(runs, lr):
    m = paired.mcnemar(runs[True, lr].success, runs[False, lr].success)
    assert m["only_a"] > 10 * max(m["only_b"], 1) and m["p"] < 1e-6


def test_each_at_its_best_learning_rate_biases_still_win(runs):
    best = {bias: max(int(runs[bias, lr].success.sum()) for lr in LRS) for bias in (False, True)}
    assert best[True] >= best[False] + 50   # 90 against 20 of 100


def test_runs_solved_both_ways_end_lower_with_biases_seed_by_seed(runs):
    with_b, without = runs[True, 0.5], runs[False, 0.5]
    both = with_b.success & without.success
    assert both.sum() >= 10
    assert (with_b.final_loss[both] < without.final_loss[both]).all()
