"""The training explorer plays training live, driven from Python the way the browser drives it:
the Play widget's timer sets `play.value` to 1, 2, 3, ...; sliders and buttons as a student uses them."""
import io
import warnings

import numpy as np
import pytest
from matplotlib.image import imread
from player import play_to_end, press_play, tick

from helpers import train
from helpers.analysis import explain
from helpers.panels import explorer
from helpers.panels.live import PLAYING


@pytest.fixture()
def panel():
    return explorer.explore_training(speed=500)  # (frames of 500 steps: the numbers below)


def test_opens_at_step_0_of_the_default_run_waiting_for_play(panel):
    assert "hidden=4 lr=0.5 steps=10000 seed=0 bias=on" in panel.status.value
    assert "training: step 0 of 10,000" in panel.status.value
    # paused: a browser timer set going before the panel is on screen would never tick, under a Pause button
    assert not panel.playing and panel.shown == 0
    assert panel.image.value[:8] == b"\x89PNG\r\n\x1a\n"
    panel.play.value = 1  # no tick comes before Play ...
    assert panel.shown == 0
    press_play(panel)     # ... and Play plays
    assert panel.playing and panel.shown == 500


def test_playing_shows_the_run_frame_by_frame_and_ends_with_the_explanation(panel):
    pictures = play_to_end(panel)
    assert len(pictures) == 10_000 // panel.speed.value
    assert len(set(pictures)) >= 5  # the picture changes as the net learns
    assert not panel.playing
    run = train.train(hidden=4, lr=0.5, steps=10_000, seed=0, bias=True)
    assert np.array_equal(panel.run.losses, run.losses)  # the frames trained exactly train.train's steps
    assert f"final loss <b>{run.final_loss:.4f}</b>" in panel.status.value
    assert panel.status.value.endswith(explain.explain(run))


def test_each_frame_says_where_the_run_is(panel):
    press_play(panel)
    assert "training: step 500 of 10,000" in panel.status.value
    panel.play.value = 7
    assert "training: step 1,000 of 10,000" in panel.status.value  # one frame further, never a jump


@pytest.mark.parametrize("name, value, shown", [
    ("hidden", 2, "hidden=2"), ("seed", 7, "seed=7"), ("steps", 3000, "steps=3000"),
    ("bias", False, "bias=off"), ("lr", 2.0, "lr=2"),
])
def test_a_move_during_play_starts_the_new_setting_at_step_0(panel, name, value, shown):
    press_play(panel)
    panel.play.value = 2
    assert panel.shown == 1000
    before = panel.redraws
    getattr(panel, name).value = value
    assert shown in panel.status.value and "training: step 0 of" in panel.status.value
    assert panel.redraws == before + 1 and panel.playing and panel.error is None
    panel.play.value = 3  # a tick sent before the move: the new run goes one frame on, not to frame 3
    assert f"training: step {panel.speed.value:,} of" in panel.status.value and shown in panel.status.value


def test_step_trains_one_update_and_pauses(panel):
    press_play(panel)
    panel.step_button.click()
    assert not panel.playing and panel.shown == 501
    assert "training: step 501 of 10,000" in panel.status.value
    panel.play.value = 2  # a tick the browser's timer sent before the Step reached it: the run stays
    assert panel.shown == 501 and panel.play.value == 1
    press_play(panel)  # Play again: on from there, one frame
    assert panel.shown == 1000


def test_reset_goes_back_to_step_0(panel):
    for _ in range(3):
        panel.play.value += 1
    panel.reset_button.click()
    assert panel.shown == 0 and panel.play.value == 0 and not panel.playing
    assert "training: step 0 of" in panel.status.value


def test_a_run_seen_before_shows_its_last_frame_at_once_and_play_replays_it(panel):
    play_to_end(panel)
    panel.seed.value = 1
    trained = panel.paths[(4, 0.5, 0, True)].trained
    panel.seed.value = 0
    assert panel.shown == 10_000 and "final loss" in panel.status.value and not panel.playing
    assert panel.paths[(4, 0.5, 0, True)].trained == trained  # nothing trained again
    press_play(panel)  # Play at the end starts again from 0
    assert panel.shown == 0 and "training: step 0 of" in panel.status.value
    tick(panel)
    assert panel.shown == 500
    panel.play.value = 0  # the stop button (■): back to the start too
    assert panel.shown == 0


def test_ticks_merged_by_a_busy_kernel_still_play_the_whole_run(panel):
    # a kernel slower than the timer gets several ticks as one message (the browser keeps only the
    # newest value): each message draws one frame, and the player never stops before the run's end
    setattr(panel.play, PLAYING, True)
    frames = 0
    while panel.playing:
        panel.play.value += 3
        frames += 1
        assert panel.play.value < panel.play.max  # where the browser's timer would stop by itself
    assert frames == 10_000 // panel.speed.value and panel.shown == 10_000


def test_the_speed_control_sets_the_steps_per_frame(panel):
    panel.speed.value = 100
    press_play(panel)
    assert panel.shown == 100
    assert len(play_to_end(panel)) == 99  # 100 steps a frame


def test_the_blitted_picture_is_the_full_drawing():
    p = explorer.explore_training(hidden=2, lr=2.0, steps=3000, bias=False)
    play_to_end(p)
    blitted = imread(io.BytesIO(p.image.value))
    buffer = io.BytesIO()
    p.fig.savefig(buffer, format="png")
    full = imread(io.BytesIO(buffer.getvalue()))[..., :3]  # the panel sends RGB
    assert blitted.shape == full.shape
    assert np.mean(np.abs(blitted - full) > 0.05) < 1e-3  # a few anti-aliased pixels may differ by a shade


def test_no_runtime_warning_and_labelled_loss_axis_at_the_slider_extremes():
    with warnings.catch_warnings():
        # a bad setting would raise RuntimeWarning; ipywidgets 7.7.1 also warns of deprecations, which are fine
        warnings.simplefilter("error", RuntimeWarning)
        p = explorer.explore_training(hidden=1, lr=0.01, steps=500, seed=0, bias=False, speed=2500)
        for name, value in [("lr", 10.0), ("hidden", 8), ("bias", True), ("steps", 50_000), ("lr", 0.01),
                            ("seed", 99), ("lr", 10.0), ("hidden", 1), ("steps", 500)]:
            getattr(p, name).value = value
            play_to_end(p)
            assert p.error is None, p.status.value
            assert np.all(np.isfinite(p.run.losses)) and "Error" not in p.status.value
            p.fig.canvas.draw()
            labels = [t.get_text() for t in p.ax_loss.get_yticklabels() if t.get_text()]
            assert len(labels) >= 2, (name, value, labels)


def test_a_bad_speed_is_named_with_its_choices():
    with pytest.raises(ValueError, match="speed must be one of 10, 50, 100"):
        explorer.explore_training(speed=300)


def test_a_tick_sent_before_a_step_does_not_move_the_run_back(panel):
    panel.speed.value = 100
    setattr(panel.play, PLAYING, True)
    for v in range(1, 6):
        panel.play.value = v
    panel.step_button.click()
    assert panel.shown == 501 and panel.play.value == 5
    panel.play.value = 3  # sent by the browser's timer before the Step reached it
    assert panel.shown == 501 and "step 501 of" in panel.status.value


def test_frames_of_a_playing_run_go_as_jpeg_and_a_frame_that_stays_as_png(panel):
    """JPEG is several times faster to make; whatever stays on screen (paused, the end) is lossless."""
    press_play(panel)
    assert panel.image.format == "jpeg" and panel.image.value[:2] == b"\xff\xd8"
    setattr(panel.play, PLAYING, False)  # the student presses Pause
    assert panel.image.format == "png" and panel.image.value[:8] == b"\x89PNG\r\n\x1a\n"
    play_to_end(panel)
    assert panel.image.format == "png" and panel.image.value[:8] == b"\x89PNG\r\n\x1a\n"
