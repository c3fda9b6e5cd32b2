"""The run explainer: one run of each kind, built by training or by hand, gets the right sentence."""
import dataclasses
import re

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


def test_lr_50_is_one_step_into_saturation_and_stays_there():
    run = real(lr=50.0)
    assert run.losses[1] > 0.49 > 0.28 > run.losses[0]           # 0.2765 -> 0.5000 in one step
    assert np.mean(run.losses[1:] > 0.49) > 0.95                 # and at 0.5 nearly all the rest of the run
    assert np.all(run.y_hat > 1 - 1e-3)                          # every output at 1 ...
    grads = network.backward(run.params, network.forward(run.params, data.X)[1], data.y)
    # ... where the gradients are tiny (about 1e-9 here, 1e-5 on NumPy 1.24: at lr 50 the path is chaotic)
    assert max(np.abs(g).max() for g in grads.values()) < 1e-4
    sentence = explain.explain(run)
    assert sentence.startswith("Diverged into saturation: one step took the loss from 0.2765 to 0.5000")
    assert re.search(r"on 9,\d{3} of the 10,000 steps", sentence), sentence


def test_a_number_that_overflowed_counts_as_diverged():
    run = real(steps=100)
    losses = run.losses.copy()
    losses[50:] = np.inf
    assert explain.kind(dataclasses.replace(run, losses=losses)) == "diverged"
    params = {**run.params, "W2": np.full_like(run.params["W2"], np.nan)}
    assert explain.kind(dataclasses.replace(run, params=params)) == "diverged"


def test_one_hidden_unit_gets_its_own_sentence_pointing_at_notebook_02():
    run = real(hidden=1)
    assert np.all(np.abs(run.y_hat - 0.5) < explain.PLATEAU_SPREAD)
    assert explain.kind(run) == "plateau"
    sentence = explain.explain(run)
    assert sentence.startswith("One hidden unit cannot do it (plateau")
    assert "one unit draws one line" in sentence and "notebook 02" in sentence and "2 or more hidden units" in sentence


def test_a_plateau_with_more_units_advises_biases_only_when_they_are_off():
    on = real(hidden=2, seed=7)  # a start whose input weights stay small for 10,000 steps, outputs near 0.5
    assert explain.kind(on) == "plateau"
    z1 = np.abs(network.forward(on.params, data.X)[1]["z1"]).max()
    assert z1 < explain.LINEAR_Z1 and "hidden units' inputs are still small" in explain.explain(on)
    assert "another seed" in explain.explain(on) and "biases on" not in explain.explain(on)
    off = dataclasses.replace(on, bias=False)
    assert "turn biases on" in explain.explain(off)


def test_a_run_stopped_while_the_loss_falls_is_not_converged():
    run = real(steps=2000)  # the default run reaches 0.01 only later
    tail = run.losses[-int(explain.FALLING_TAIL * len(run.losses)):]
    assert tail[0] - tail[-1] > explain.FALLING_DROP * tail[0]
    assert explain.kind(run) == "not converged"
    assert "try more steps" in explain.explain(run)


def test_a_run_whose_loss_still_falls_is_a_valley_never_a_minimum_and_names_the_shared_hidden_code():
    run = real(hidden=2, bias=False, seed=3)  # 3 of 4, (1,1) at 2/3 like (0,1) and (1,0)
    assert run.correct == 3
    assert not np.any(explain._pinned_wrong(run))  # no wrong output at 0 or 1
    assert explain.kind(run) == "stuck"
    assert explain.still_falling(run) and explain.growing(run)
    sentence = explain.explain(run)
    assert sentence.startswith("Stuck in a valley, not at a minimum") and "3 of 4 points right" in sentence
    assert "local minimum" not in sentence
    assert "(1,1) gets the same hidden code" in sentence and "(0,1) and (1,0)" in sentence
    assert "turn biases on" in sentence


def test_the_valley_of_seed_3_keeps_falling_and_its_weights_keep_growing_when_trained_on():
    """What the explainer says is what a longer run shows: the loss still falls at 30,000 steps, the weights grow."""
    start = network.init_params(2, seed=3, bias=False)
    at = train.run_from(start, data.X, data.y, 0.5, 30_000, snapshot_steps=[10_000])
    later, earlier = at.params, at.snapshots[10_000]
    assert at.losses[30_000] < at.losses[10_000] - 1e-4          # 0.16728 -> 0.1669x
    assert np.all(np.diff(at.losses[10_000:]) < 0)              # at every step
    largest = [max(np.abs(v).max() for v in p.values()) for p in (earlier, later)]
    assert largest[1] > largest[0] + 1.0                         # 8.1 -> 9.6
    assert explain.explain(dataclasses.replace(at, steps=30_000)).startswith("Stuck in a valley")


def test_only_a_loss_that_no_longer_falls_is_called_a_local_minimum():
    run = real(hidden=2, bias=False, seed=3)
    flat = np.concatenate([run.losses[:-1000], np.full(1000, run.losses[-1])])  # the same run, its tail made flat
    sentence = explain.explain(dataclasses.replace(run, losses=flat))
    assert not explain.still_falling(dataclasses.replace(run, losses=flat))
    assert sentence.startswith("Stuck where the gradient is about 0 (a local minimum")


def test_an_output_pinned_at_0_or_1_on_a_wrong_point_is_saturated():
    run = from_start(scale=8.0)
    wrong = (run.y_hat > 0.5) != (data.y > 0.5)
    assert np.any(wrong & (run.y_hat * (1 - run.y_hat) < explain.SATURATED_SLOPE))
    assert explain.kind(run) == "saturated"
    sentence = explain.explain(run)
    assert sentence.startswith("Saturated: the output sits at 0.000 on (0,1)")
    # it was pinned from step 0: the cause is the start, so the advice is not a smaller learning rate
    assert abs(run.losses[0] - run.final_loss) < 0.01 and "the start itself was saturated" in sentence
    assert "learning rate" not in sentence and "try another seed" in sentence


def test_a_saturated_run_whose_loss_moved_is_not_blamed_on_its_start():
    run = from_start(scale=8.0)
    losses = run.losses.copy()
    losses[:100] = 0.6  # as if the loss had fallen from 0.6 to 0.5 before it went flat
    moved = dataclasses.replace(run, losses=losses)
    assert explain.kind(moved) == "saturated"
    sentence = explain.explain(moved)
    assert "start itself" not in sentence and "smaller learning rate" in sentence


@pytest.mark.parametrize("config", [{}, {"lr": 50.0}, {"hidden": 1}, {"steps": 2000},
                                    {"hidden": 2, "bias": False, "seed": 3}, {"hidden": 2, "seed": 7}])
def test_the_advice_names_only_controls_the_explorer_has(config):
    sentence = explain.explain(real(**config))
    assert "initial weights" not in sentence and "scale" not in sentence
    advice = sentence.split("; try ")[-1] if "; try " in sentence else ""
    for word in advice.replace(",", " ").replace(".", " ").split():
        assert word in {"another", "seed", "more", "hidden", "units", "or", "turn", "biases", "on", "steps", "a",
                        "larger", "smaller", "lr", "learning", "rate", "<="} or word[0].isdigit(), word


def test_each_of_the_six_kinds_is_reached_by_a_real_run():
    runs = {"solved": real(), "not converged": real(steps=2000), "plateau": real(hidden=1),
            "stuck": real(hidden=2, bias=False, seed=3), "saturated": from_start(scale=8.0),
            "diverged": real(hidden=2, bias=False, seed=11, lr=5.0)}  # within the explorer's sliders
    assert {name: explain.kind(run) for name, run in runs.items()} == {k: k for k in runs}
    assert set(runs) == set(explain.KINDS)


def test_thresholds_decide_between_falling_and_flat():
    run = real(hidden=1)  # a plateau; give it a loss curve that falls by just more / less than the threshold
    n = len(run.losses)
    for drop, expected in [(2 * explain.FALLING_DROP, "not converged"), (explain.FALLING_DROP / 2, "plateau")]:
        losses = np.full(n, 0.25)
        losses[-int(explain.FALLING_TAIL * n):] = np.linspace(0.25, 0.25 * (1 - drop), int(explain.FALLING_TAIL * n))
        assert explain.kind(dataclasses.replace(run, losses=losses)) == expected


@pytest.mark.parametrize("config", [{}, {"lr": 50.0}, {"hidden": 1}, {"steps": 2000},
                                    {"hidden": 2, "bias": False, "seed": 3}, {"hidden": 2, "seed": 13}])
def test_every_explanation_is_one_sentence(config):
    sentence = explain.explain(real(**config))
    assert sentence[0].isupper() and sentence.endswith(".") and sentence.count(". ") == 0


@pytest.mark.parametrize("grows", [True, False])
def test_a_run_whose_loss_still_falls_is_never_called_a_local_minimum(monkeypatch, grows):
    run = real(hidden=2, bias=False, seed=3)
    monkeypatch.setattr(explain, "growing", lambda r: grows)  # weights growing or not, the loss still falls
    assert explain.still_falling(run) and explain.kind(run) == "stuck"
    sentence = explain.explain(run)
    assert "not at a minimum" in sentence and "local minimum" not in sentence and "no longer falls" not in sentence
