"""The run explainer: one run of each kind, built by training or by hand, gets the right sentence."""
import dataclasses

import numpy as np
import pytest

from helpers import data, network, train
from helpers.analysis import explain


def real(**config):
    return train.train(**config)


def from_start(scale, lr=0.5, steps=10_000, seed=0):
    """A run from large initial weights N(0, scale^2)."""
    return train.run_from(network.init_params(4, seed, True, scale), data.X, data.y, lr, steps)


def test_solved_names_the_step_the_loss_fell_below_the_threshold():
    run = real()
    step = int(np.argmax(run.losses < explain.SOLVED_LOSS))
    assert run.losses[step] < explain.SOLVED_LOSS <= run.losses[step - 1]
    assert explain.kind(run) == "solved"
    assert explain.explain(run) == (f"Solved: all 4 points are right, and the loss fell below "
                                    f"{explain.SOLVED_LOSS:g} at step {step}.")


def test_too_high_lr_diverges_and_the_advice_is_a_smaller_lr():
    run = real(lr=50.0)  # the loss ends far above its best: the steps overshoot
    assert run.final_loss > explain.DIVERGED_BEST * run.losses.min()
    assert explain.kind(run) == "diverged"
    assert "try lr <= 10." in explain.explain(run)


def test_a_number_that_overflowed_counts_as_diverged():
    run = real(steps=100)
    losses = run.losses.copy()
    losses[50:] = np.inf
    assert explain.kind(dataclasses.replace(run, losses=losses)) == "diverged"
    params = {**run.params, "W2": np.full_like(run.params["W2"], np.nan)}
    assert explain.kind(dataclasses.replace(run, params=params)) == "diverged"


def test_one_hidden_unit_sits_on_the_plateau_with_every_output_near_one_half():
    run = real(hidden=1)
    assert np.all(np.abs(run.y_hat - 0.5) < explain.PLATEAU_SPREAD)
    assert explain.kind(run) == "plateau"
    assert "plateau" in explain.explain(run) and "another seed" in explain.explain(run)
    assert "biases on" in explain.explain(real(hidden=1, bias=False, steps=2000))  # advised only when they are off


def test_a_run_stopped_while_the_loss_falls_is_not_converged():
    run = real(steps=2000)  # the default run reaches 0.01 only later
    tail = run.losses[-int(explain.FALLING_TAIL * len(run.losses)):]
    assert tail[0] - tail[-1] > explain.FALLING_DROP * tail[0]
    assert explain.kind(run) == "not converged"
    assert "try more steps" in explain.explain(run)


def test_saturated_hidden_units_stop_the_learning():
    run = real(hidden=2, bias=False, seed=3)
    a1 = network.forward(run.params, data.X)[1]["a1"]
    assert np.mean(a1 * (1 - a1) < explain.SATURATED_SLOPE) >= explain.SATURATED_FRACTION and run.correct < 4
    assert explain.kind(run) == "saturated"
    assert "smaller initial weights" in explain.explain(run)


def test_large_initial_weights_can_saturate_the_output_on_wrong_points():
    run = from_start(scale=8.0)
    wrong = (run.y_hat > 0.5) != (data.y > 0.5)
    assert np.any(wrong & (run.y_hat * (1 - run.y_hat) < explain.SATURATED_SLOPE))
    assert explain.kind(run) == "saturated"


def test_a_flat_loss_with_some_points_wrong_and_nothing_saturated_is_stuck():
    start = real(steps=0)  # small weights: no unit saturated
    run = dataclasses.replace(start, losses=np.full(1001, 0.1), y_hat=np.array([[0.2], [0.8], [0.7], [0.6]]))
    assert run.correct == 3
    assert explain.kind(run) == "stuck"
    assert "3 of 4 points right" in explain.explain(run)


def test_thresholds_decide_between_falling_and_flat():
    run = real(hidden=1)  # a plateau; give it a loss curve that falls by just more / less than the threshold
    n = len(run.losses)
    for drop, expected in [(2 * explain.FALLING_DROP, "not converged"), (explain.FALLING_DROP / 2, "plateau")]:
        losses = np.full(n, 0.25)
        losses[-int(explain.FALLING_TAIL * n):] = np.linspace(0.25, 0.25 * (1 - drop), int(explain.FALLING_TAIL * n))
        assert explain.kind(dataclasses.replace(run, losses=losses)) == expected


@pytest.mark.parametrize("config", [{}, {"lr": 50.0}, {"hidden": 1}, {"steps": 2000},
                                    {"hidden": 2, "bias": False, "seed": 3}])
def test_every_explanation_is_one_sentence(config):
    sentence = explain.explain(real(**config))
    assert sentence[0].isupper() and sentence.endswith(".") and sentence.count(". ") == 0
