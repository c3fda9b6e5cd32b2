"""'Failed' in notebook 03 means 'not solved within 10,000 steps': sweep.train_on trains those runs on, and
sweep.status tells a run still on the plateau or still falling from one whose loss has stopped falling."""
import numpy as np
import pytest

from helpers import batched
from helpers.analysis import sweep


@pytest.fixture(scope="module")
def no_biases():
    run = sweep.run_sweep([2, 3, 4], range(100), bias=False, steps=10_000)
    return run, sweep.train_on(run, budget=50_000)


@pytest.fixture(scope="module")
def biases():
    run = sweep.run_sweep([2], range(100), bias=True, steps=10_000)
    return run, sweep.train_on(run, budget=50_000)


def count(run, later, H, k):
    return int(later["right"][run.hidden == H, k].sum())


def test_most_three_unit_runs_not_solved_within_10k_steps_are_only_slow(no_biases):
    run, later = no_biases
    assert list(later["steps"]) == [10_000, 20_000, 30_000, 40_000, 50_000]
    at_10k, at_50k = count(run, later, 3, 0), count(run, later, 3, -1)
    assert at_10k == int(run.success[run.hidden == 3].sum())
    assert at_50k - at_10k >= 10 and at_50k >= 85   # notebook 03: 74 -> 91
    assert count(run, later, 4, -1) == 100          # 4 units: every start within 50,000 steps
    assert count(run, later, 4, 0) < 100            # ... but not within 10,000


def test_two_units_without_biases_stay_near_one_start_in_five_at_every_budget(no_biases):
    run, later = no_biases
    counts = later["right"][run.hidden == 2].sum(axis=0)
    assert np.all(counts == counts[0]) and 10 <= counts[0] <= 30


def test_runs_whose_loss_stopped_falling_stay_unsolved_and_plateau_runs_with_biases_get_there(no_biases, biases):
    for _, later in (no_biases, biases):
        first, last = sweep.status(later, 0), sweep.status(later, -1)
        flat = first == "flat"
        assert flat.sum() >= 5 and not np.any(last[flat] == "solved")
    run, later = biases
    first, last = sweep.status(later, 0), sweep.status(later, -1)
    plateau = first == "plateau"
    assert plateau.sum() >= 2 and np.all(last[plateau] == "solved")   # slow, not stuck


def test_train_on_gives_what_training_every_net_to_the_budget_gives():
    run = sweep.run_sweep([3], range(40), bias=False, steps=10_000)
    later = sweep.train_on(run, budget=30_000)
    every = batched.train_batched(3, list(range(40)), bias=False, steps=30_000)
    np.testing.assert_array_equal(later["right"][:, -1], every.success)  # a solved run stays solved
    out = ~run.success
    np.testing.assert_allclose(later["loss"][out, -1], every.final_loss[out], rtol=0, atol=1e-12)
    np.testing.assert_allclose(later["before"][out, -1], every.losses[out, -1 - sweep.LOOK], rtol=0, atol=1e-12)


def test_two_unit_runs_not_solved_get_one_or_two_inputs_wrong(no_biases, biases):
    for run, _ in (no_biases, biases):
        failed = (run.hidden == 2) & ~run.success
        assert set(np.unique(run.correct[failed])) <= {2, 3}


def test_train_on_refuses_bad_arguments(biases):
    run, _ = biases
    with pytest.raises(ValueError, match="budget"):
        sweep.train_on(run, budget=5_000)
    with pytest.raises(TypeError, match="run must be a BatchRun"):
        sweep.train_on("run")
    short = sweep.run_sweep([2], range(3), steps=2_500)
    with pytest.raises(ValueError, match="multiple of 10,000"):
        sweep.train_on(short)
