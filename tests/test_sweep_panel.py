"""The sweep panel plays the whole sweep live, driven from Python the way the browser drives it."""
import numpy as np
import pytest
from player import play_to_end, press_play

from helpers.analysis import sweep
from helpers.panels import sweep as sweep_panel


@pytest.fixture()
def panel():
    # 10 seeds and 1,000 steps keep each sweep short; the notebook uses 100 seeds and 10,000 steps
    return sweep_panel.explore_sweep(lr=0.5, steps=1000, bias=False, seeds=10)


def test_opens_at_step_0_waiting_for_play(panel):
    assert "lr=0.5 steps=1000 bias=off" in panel.status.value and "training: step 0 of 1000" in panel.status.value
    assert "(of 10)" in panel.status.value and not panel.playing and panel.error is None
    assert panel.image.value[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_rates_climb_as_training_goes_on_and_end_at_the_sweeps_numbers(panel):
    pictures = play_to_end(panel)
    assert len(set(pictures)) >= 3 and not panel.playing
    run = sweep.run_sweep(seeds=range(10), bias=False, lr=0.5, steps=1000)
    table = sweep.summarize(run)
    assert np.array_equal(panel.table["solved"], table["solved"])  # the live sweep ends where run_sweep does
    np.testing.assert_allclose(panel.table["low"], table["low"])
    rates = ", ".join(f"{H}: {k}" for H, k in zip(table["hidden"], table["solved"]))
    assert rates in panel.status.value and "training" not in panel.status.value


def test_each_step_of_the_live_sweep_is_a_sweep_stopped_there():
    live = sweep.LiveSweep(seeds=range(4), bias=True, lr=0.8, steps=600)
    live.reach(250)
    live.reach(600)
    for k in (0, 250, 437, 600):
        stopped = sweep.summarize(sweep.run_sweep(seeds=range(4), bias=True, lr=0.8, steps=k))
        got = live.table(k)
        for name in ("solved", "low_loss", "median_steps"):
            np.testing.assert_array_equal(got[name], stopped[name])


@pytest.mark.parametrize("name, value, shown", [
    ("bias", True, "bias=on"), ("steps", 2000, "steps=2000"), ("lr", 1.0, "lr=1"),
])
def test_each_control_starts_its_sweep_at_step_0(panel, name, value, shown):
    press_play(panel)
    before = panel.redraws
    getattr(panel, name).value = value
    assert shown in panel.status.value and "training: step 0 of" in panel.status.value
    assert panel.redraws == before + 1 and panel.playing and panel.error is None


def test_a_setting_seen_before_opens_at_its_end_and_the_other_bias_is_drawn_in_gray(panel):
    play_to_end(panel)
    first = panel.live
    panel.bias.value = True
    play_to_end(panel)
    assert len(panel.rate_lines[False].get_xdata()) == 8  # the other setting, trained as far: in gray
    panel.bias.value = False
    assert panel.live is first and panel.shown == 1000 and not panel.playing and panel.trainings == 2


def test_the_steps_slider_only_says_how_far_it_plays(panel):
    play_to_end(panel)
    trainings = panel.trainings
    panel.steps.value = 2000
    assert panel.trainings == trainings and panel.shown == 0
    play_to_end(panel)
    assert panel.live.trained == 2000
