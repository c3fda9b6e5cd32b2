"""The representation panel plays a net's training live: hidden space and input plane move together;
the step slider goes to any step; sliders start a new run at step 0."""
import io

import numpy as np
import pytest
from PIL import Image
from player import drop, play_to_end, press_play, tick

from helpers import train
from helpers.analysis import hidden_layer
from helpers.panels import representation


def pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))


@pytest.fixture()
def panel():
    return representation.watch_it_form(seed=1, steps=2000, every=50)  # seed 1 solves XOR within 2000 steps


def test_opens_at_step_0_waiting_for_play(panel):
    assert panel.error is None and not panel.playing and panel.shown == 0
    assert "hidden=2 lr=0.5 seed=1 bias=on" in panel.status.value
    assert "training: <b>step 0</b> of 2000" in panel.status.value
    assert panel.step.max == 2000 and panel.step.step == 50 and panel.step.value == 0
    assert panel.image.value[:8] == b"\x89PNG\r\n\x1a\n"


def test_playing_moves_the_points_and_the_plane_together(panel):
    start = panel.art["points"].get_offsets().copy()
    pictures = play_to_end(panel)
    assert len(set(pictures)) >= 5 and not panel.playing
    end = panel.art["points"].get_offsets()
    assert np.abs(end - start).max() > 0.05
    run = train.train(hidden=2, lr=0.5, steps=2000, seed=1, bias=True)
    assert np.array_equal(panel.path.losses, run.losses)
    np.testing.assert_allclose(end, hidden_layer.activations(run.params))  # hidden space of 2 units is itself
    assert "<b>step 2000</b> of 2000" in panel.status.value and "4 of 4</b> correct" in panel.status.value
    assert panel.step.value == 2000


def test_the_step_slider_goes_to_any_step_and_back(panel):
    drop(panel.step, 1250)
    assert panel.shown == 1250 and "<b>step 1250</b>" in panel.status.value and not panel.playing
    run = train.train(hidden=2, lr=0.5, steps=1250, seed=1, bias=True)
    assert f"loss {run.final_loss:.4f}" in panel.status.value
    drop(panel.step, 100)
    assert panel.shown == 100 and panel.path.trained == 1250  # back: nothing trained again


def test_a_step_dropped_during_play_stays_where_it_was_dropped(panel):
    press_play(panel)
    for _ in range(2):
        tick(panel)
    assert panel.shown == 750  # playing
    drop(panel.step, 1250)  # the student drops the step handle at 1250 ...
    for _ in range(2):
        tick(panel)  # ... while the browser's timer still sends the ticks it sent before the pause reached it
    assert panel.shown == 1250 and panel.step.value == 1250 and "<b>step 1250</b>" in panel.status.value
    press_play(panel)  # Play goes on from there
    assert panel.shown == 1250 + panel.speed.value


def test_a_step_dropped_on_the_frame_on_screen_pauses_there_too(panel):
    """The frames move the step handle; a drag that ends on the frame on screen is a press all the same."""
    press_play(panel)
    tick(panel)
    assert panel.shown == 500 and panel.step.value == 500 and panel.playing
    drop(panel.step, 500)
    tick(panel)  # a tick the browser sent before the pause reached it
    assert not panel.playing and panel.shown == 500 and "<b>step 500</b>" in panel.status.value


def test_step_and_reset(panel):
    panel.step_button.click()
    assert panel.shown == 1 and "<b>step 1</b>" in panel.status.value
    panel.reset_button.click()
    assert panel.shown == 0


def test_the_blitted_picture_equals_a_full_redraw(panel):
    drop(panel.step, 1000)
    blitted = pixels(panel.image.value)
    panel.fig.canvas.draw()
    full = np.asarray(panel.fig.canvas.buffer_rgba())[..., :3]
    assert blitted.shape == full.shape
    # tick marks drawn over the frame touch a few pixels
    assert np.mean(np.any(blitted != full, axis=-1)) < 1e-3


@pytest.mark.parametrize("name, value, shown", [("hidden", 3, "hidden=3"), ("seed", 4, "seed=4"), ("lr", 2.0, "lr=2")])
def test_the_other_sliders_start_a_new_run(name, value, shown):
    p = representation.watch_it_form(steps=1000, every=100)
    press_play(p)
    assert p.shown == p.speed.value
    getattr(p, name).value = value
    assert p.error is None and p.playing and p.shown == 0
    assert shown in p.status.value and "<b>step 0</b>" in p.status.value
    play_to_end(p)
    if name == "hidden":
        assert "PCA plane of the last step" in p.status.value and "% of variance" in p.status.value


def test_a_run_seen_before_is_not_trained_again_and_opens_at_its_end():
    p = representation.watch_it_form(steps=1000, every=100)
    play_to_end(p)
    path = p.path
    p.seed.value = 1
    p.seed.value = 0
    assert p.path is path and p.shown == 1000 and not p.playing


@pytest.mark.parametrize("kwargs, error, name", [
    ({"hidden": 9}, ValueError, "hidden"), ({"hidden": 2.5}, TypeError, "hidden"),
    ({"seed": -1}, ValueError, "seed"), ({"lr": 0.0}, ValueError, "lr"), ({"lr": "fast"}, TypeError, "lr"),
    ({"steps": 50}, ValueError, "steps"), ({"every": 0}, ValueError, "every"), ({"bias": 1}, TypeError, "bias"),
    ({"speed": 7}, ValueError, "speed"),
])
def test_bad_arguments_are_rejected(kwargs, error, name):
    with pytest.raises(error, match=name):
        representation.watch_it_form(**kwargs)
