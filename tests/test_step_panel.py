"""The step-through panel, driven from Python the way the frontend drives it: clicks and .value."""
import numpy as np
import pytest

from helpers import network, train
from helpers.analysis import stepthrough
from helpers.panels import one_step as step_panel

LAST = len(stepthrough.STAGE_KEYS)  # stages are counted from 1


@pytest.fixture()
def panel():
    return step_panel.step_through()


def test_opens_at_the_first_stage_of_the_reference_step(panel):
    assert panel.error is None
    assert "reference initial weights" in panel.status.value
    assert "all four inputs" in panel.status.value and "stage <b>1 of 11</b>: <b>z1</b>" in panel.status.value
    assert panel.prev.disabled and not panel.next.disabled
    assert panel.equation.value == "$z_1 = X W_1$"
    assert "z1 = X @ params[&quot;W1&quot;]" in panel.code.value and "helpers/network.py" in panel.code.value
    assert "z1 (4, 4)" in panel.numbers.value
    assert panel.image.value[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_loss_stage_shows_notebook_01_first_printed_loss(panel):
    panel.stage.value = stepthrough.STAGE_KEYS.index("loss") + 1
    assert "MSE = 0.2557" in panel.numbers.value
    assert "<b>loss</b>" in panel.status.value


def test_next_walks_every_stage_and_stops_at_the_last(panel):
    seen = [panel.current.key]
    for k in range(2, LAST + 1):
        redraws = panel.redraws
        panel.next.click()
        seen.append(panel.current.key)
        assert panel.redraws == redraws + 1 and panel.stage.value == k
        assert f"stage <b>{k} of 11</b>" in panel.status.value
    assert seen == list(stepthrough.STAGE_KEYS)
    assert panel.next.disabled and not panel.prev.disabled
    redraws, status = panel.redraws, panel.status.value
    for _ in range(3):
        panel.next.click()  # a click past the end (e.g. a stale view) is clamped, not an error
    assert panel.stage.value == LAST and panel.error is None
    assert panel.redraws == redraws and panel.status.value == status


def test_previous_before_the_first_stage_does_nothing(panel):
    redraws = panel.redraws
    panel.prev.click()
    panel.prev.click()
    assert panel.stage.value == 1 and panel.error is None and panel.redraws == redraws
    panel.next.click()
    panel.prev.click()
    assert panel.stage.value == 1 and panel.prev.disabled


def test_slider_and_buttons_stay_in_sync(panel):
    panel.stage.value = 6
    assert "stage <b>6 of 11</b>: <b>delta_out</b>" in panel.status.value
    assert not panel.prev.disabled and not panel.next.disabled
    panel.next.click()
    assert panel.stage.value == 7 and panel.current.key == "dW2"
    assert "backprop      numerical" in panel.numbers.value
    panel.stage.value = LAST
    assert panel.next.disabled


def test_choosing_an_input_recomputes_for_that_input(panel):
    panel.example.value = 1
    assert "input [0 1]" in panel.status.value and "stage <b>1 of 11</b>" in panel.status.value
    assert "z1 (1, 4)" in panel.numbers.value
    expected = stepthrough.stages(network.init_reference(), example=1)[0].values["z1"]
    np.testing.assert_array_equal(panel.current.values["z1"], expected)
    panel.example.value = "all"
    assert "all four inputs" in panel.status.value


def test_takes_a_run_at_a_recorded_step():
    run = train.train(hidden=3, steps=200, seed=5, bias=True, snapshot_steps=[0, 100])
    p = step_panel.step_through(run=run, step=100, example=2, stage=LAST)
    assert "weights after step 100" in p.status.value and "hidden=3" in p.status.value
    assert "input [1 0]" in p.status.value
    expected = stepthrough.stages(run.snapshots[100], run.X, run.y, run.lr, 2)
    np.testing.assert_array_equal(p.current.values["L"], expected[-1].values["L"])
    final = step_panel.step_through(run=run, step=200)  # the final weights count as recorded
    np.testing.assert_array_equal(final.params["W1"], run.params["W1"])


RUN = train.train(hidden=2, steps=10, snapshot_steps=[5])


@pytest.mark.parametrize("kwargs, error, words", [
    ({"run": RUN, "step": 7}, ValueError, ["step", "[5, 10]", "7"]),
    ({"run": RUN}, ValueError, ["step", "recorded"]),
    ({"run": "run", "step": 5}, TypeError, ["run", "Run"]),
    ({"run": RUN, "step": 5, "params": network.init_reference()}, ValueError, ["params or run"]),
    ({"step": 5}, ValueError, ["step needs a run"]),
    ({"example": 4}, ValueError, ["example", "0..3"]),
    ({"example": "both"}, ValueError, ["example", "'all'"]),
    ({"stage": 12}, ValueError, ["stage", "1..11"]),
    ({"stage": 0}, ValueError, ["stage", "1..11"]),
    ({"lr": -1}, ValueError, ["lr"]),
    ({"params": {"W1": np.zeros((3, 2)), "W2": np.zeros((2, 1))}}, ValueError, ["W1", "(2, N)"]),
])
def test_bad_arguments_are_rejected(kwargs, error, words):
    with pytest.raises(error) as info:
        step_panel.step_through(**kwargs)
    for word in words:
        assert word in str(info.value)
