"""What sets the plateau's length (notebook 01, "Why the plateau"): the size of W1, not W2, nor the units' symmetry."""
import numpy as np
import pytest

from helpers import data, network, train
from helpers.analysis import plateau

START = network.init_reference()


def test_the_plateau_grows_as_w1_shrinks():
    steps = {s: plateau.steps_to_leave(START, scale_W1=s) for s in (0.25, 0.5, 1, 2, 4)}
    assert steps[0.25] > steps[0.5] > steps[1] > steps[2] > steps[4]
    assert steps[0.25] > 10 * steps[1] and steps[1] > 3 * steps[4]   # about 12,500 / 1,070 / 280


def test_scaling_w2_barely_changes_it():
    base = plateau.steps_to_leave(START)
    for s in (0.25, 4):
        assert abs(plateau.steps_to_leave(START, scale_W2=s) - base) < 0.2 * base   # 940 and 890 against 1,070


def test_over_other_starts_w2_matters_but_less_than_w1():
    # notebook 01: "four times W2 shortens the plateau by a tenth to a half, four times W1 by more than two thirds"
    for seed in range(6):
        start = network.init_params(4, seed=seed, bias=False)   # no biases, as the reference start
        base = plateau.steps_to_leave(start)
        by_w1 = plateau.steps_to_leave(start, scale_W1=4)
        by_w2 = plateau.steps_to_leave(start, scale_W2=4)
        assert by_w1 < base / 3, seed
        assert base / 2 <= by_w2 < base * 0.9, seed
        assert by_w1 < by_w2, seed


def test_the_units_of_the_reference_start_are_not_alike():
    unit = START["W1"] / np.linalg.norm(START["W1"], axis=0)
    cosines = (unit.T @ unit)[np.triu_indices(4, 1)]
    assert cosines.min() < -0.9 and cosines.max() < 0.8


def test_the_loss_leaves_0_25_only_once_the_hidden_points_leave_their_parallelogram():
    run = train.train(**{**train.REFERENCE, "steps": 1_400}, snapshot_steps=range(0, 1_401, 200))
    bends = {k: plateau.bend(p) for k, p in run.snapshots.items()}
    assert bends[0] < 0.03 and max(bends[k] for k in (0, 200, 400)) < 0.03   # a parallelogram while on the plateau
    assert all(run.losses[k] > 0.245 for k in (200, 400, 600))
    assert bends[1_200] > 10 * bends[0] and run.losses[1_200] < 0.2


def test_a_linear_hidden_layer_keeps_the_parallelogram_exactly():
    tiny = plateau.scaled(START, scale_W1=1e-6)
    assert plateau.bend(tiny) < 1e-12


def test_steps_to_leave_equals_one_long_run_and_says_none_when_it_does_not_leave():
    run = train.run_from(START, data.X, data.y, 0.5, 1_200)
    assert plateau.steps_to_leave(START, steps=1_200) == plateau.first_below(run.losses) == 1_069
    assert plateau.steps_to_leave(START, steps=1_000) is None


@pytest.mark.parametrize("bad", [0, -1.0, "2", float("nan")])
def test_bad_scales_are_refused_by_name(bad):
    with pytest.raises((ValueError, TypeError), match="scale_W1"):
        plateau.scaled(START, scale_W1=bad)
