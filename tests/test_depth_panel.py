"""Notebook 07's live panel (helpers/panels/depth.py), driven as the browser drives it: Play's timer sets
`play.value` to 1, 2, 3, ...; controls and buttons as a student uses them."""
import numpy as np
import pytest
from player import play_to_end, press_play

from helpers import data, deep
from helpers.panels import depth as depth_panel
from helpers.pictures import words


@pytest.fixture()
def panel():
    return depth_panel.explore_depth(steps=200, speed=50)


def test_opens_at_step_0_of_sigmoid_at_depth_10_waiting_for_play(panel):
    assert "depth=10 activation=sigmoid start=naive lr=1 seed=0 steps=200" in panel.status.value
    assert "training: step 0 of 200" in panel.status.value
    assert not panel.playing and panel.shown == 0 and panel.image.value[:8] == b"\x89PNG\r\n\x1a\n"
    press_play(panel)
    assert panel.playing and panel.shown == 50


def test_the_frames_train_exactly_deep_step_and_the_bars_are_the_layers_gradient_norms(panel):
    play_to_end(panel)
    assert not panel.playing and panel.shown == 200
    params, losses = deep.init_params(10, 8, "naive", 0), []
    for _ in range(201):
        mse, new, grads = deep.step(params, data.X, data.y, 1.0, "sigmoid")
        losses.append(mse)
        last_grads, params = grads, new
    assert np.array_equal(panel.path.losses, losses)
    norms = [np.linalg.norm(last_grads[f"dW{l}"]) for l in range(1, 12)]
    assert np.allclose([bar.get_height() + depth_panel.NORM_FLOOR for bar in panel.bars], norms, rtol=1e-9)
    ratio = norms[0] / norms[9]
    assert f"first layer's gradient / last hidden layer's: {ratio:.1e}" in panel.status.value
    assert "&rarr; at step 200 of 200" in panel.status.value


@pytest.mark.parametrize("name, value, shown", [
    ("depth", 3, "depth=3"), ("activation", "tanh", "activation=tanh"), ("init", "xavier", "start=xavier"),
    ("lr", 0.1, "lr=0.1"), ("seed", 7, "seed=7"),
])
def test_a_move_starts_that_setting_at_step_0_and_plays_it(panel, name, value, shown):
    press_play(panel)
    getattr(panel, name).value = value
    assert shown in panel.status.value and "training: step 0 of 200" in panel.status.value
    assert panel.playing and panel.error is None


def test_one_bar_per_layer_and_the_plane_moves_with_them(panel):
    panel.depth.value = 3
    assert sum(bar.get_visible() for bar in panel.bars) == 4
    assert [t.get_text() for t in panel.ax_bars.get_xticklabels()] == ["1", "2", "3", "out"]
    panel.activation.value, panel.init.value = "tanh", "xavier"
    before = panel.plane_image.get_array().copy()
    play_to_end(panel)
    assert not np.allclose(before, panel.plane_image.get_array())  # the output over the plane moved
    said = words.describe(panel.fig)
    assert "bars 1 " in said and "out " in said and "output over the input plane" in said


def test_step_and_reset(panel):
    panel.step_button.click()
    assert panel.shown == 1 and not panel.playing and "step 1 of 200" in panel.status.value
    panel.reset_button.click()
    assert panel.shown == 0


def test_the_setting_line_opens_the_same_picture(panel):
    panel.activation.value = "relu"
    panel.init.value = "he"
    panel.lr.value = 0.1
    panel.pause()
    panel.step_button.click()
    panel.step_button.click()
    line = panel.setting_line
    assert line.startswith("from helpers.panels.depth import explore_depth; explore_depth(depth=10, activation='relu'")
    assert line.endswith("step=2)")
    scope = {}
    exec(line.replace("explore_depth(", "again = explore_depth(", 1).split("; ", 1)[1],
         {"explore_depth": depth_panel.explore_depth}, scope)
    assert scope["again"].image.value == panel.image.value and scope["again"].status.value == panel.status.value


def test_a_dead_net_and_a_huge_rate_never_break_the_panel(panel):
    panel.activation.value, panel.init.value, panel.lr.value = "relu", "naive", 10.0
    play_to_end(panel)
    panel.activation.value = "sigmoid"
    play_to_end(panel)
    assert panel.error is None and "Error" not in panel.status.value


@pytest.mark.parametrize("bad, words_", [({"depth": 11}, "depth must be an integer in 1..10"),
                                         ({"activation": "gelu"}, "activation must be one of"),
                                         ({"init": "zeros"}, "init must be one of"),
                                         ({"speed": 7}, "speed must be one of")])
def test_bad_arguments_are_named(bad, words_):
    with pytest.raises((TypeError, ValueError), match=words_):
        depth_panel.explore_depth(**bad)
