"""Notebook 03: "with biases far fewer 2-unit runs fail" is not the learning rate's doing. At each lr of 0.5, 1, 2
and 4, over the same 100 seeds and 10,000 steps, 2-unit nets with biases solve XOR from more starts, paired seed by
seed (exact McNemar), and the best lr with biases beats the best lr without."""
import pytest

from helpers import batched
from helpers.analysis import paired

LRS = (0.5, 1.0, 2.0, 4.0)


@pytest.fixture(scope="module")
def solved():
    return {(bias, lr): batched.train_batched([2] * 100, range(100), bias=bias, lr=lr, steps=10_000).success
            for bias in (False, True) for lr in LRS}


@pytest.mark.parametrize("lr", LRS)
def test_biases_solve_from_more_starts_at_each_learning_rate(solved, lr):
    m = paired.mcnemar(solved[True, lr], solved[False, lr])
    assert m["only_a"] > 10 * max(m["only_b"], 1) and m["p"] < 1e-6


def test_each_at_its_best_learning_rate_biases_still_win(solved):
    best = {bias: max(int(solved[bias, lr].sum()) for lr in LRS) for bias in (False, True)}
    assert best[True] >= best[False] + 50   # 90 against 20 of 100
