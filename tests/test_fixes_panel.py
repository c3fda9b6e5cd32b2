"""Notebook 05's live panel, driven as the frontend drives it: set a control's value, tick the player."""
import numpy as np
import pytest
from player import play_to_end, press_play, tick

from helpers import train, variants
from helpers.panels import fixes as fixes_panel
from helpers.panels.live import PLAYING


@pytest.fixture
def panel():
    return fixes_panel.FixesPanel(steps=1000, speed=100)


def test_opens_at_step_zero_waiting_for_play(panel):
    status = panel.status.value
    assert status.startswith("training: step 0 of 1,000")
    assert "left: <b>sigmoid + cross-entropy, plain</b>" in status and "right: sigmoid + squared error, plain" in status
    assert "lr 0.5, hidden 4, initial scale 0.5, seed 0" in status
    assert panel.image.value[:8] == b"\x89PNG\r\n\x1a\n"
    assert not panel.playing and panel.error is None  # a timer set going before the view exists never ticks


def test_each_frame_trains_the_next_chunk_of_both_runs_from_one_start(panel):
    press_play(panel)
    for frame in (2, 3):
        before = panel.redraws
        tick(panel)
        assert panel.redraws == before + 1
        assert panel.status.value.startswith(f"training: step {100 * frame} of 1,000")
    left, right = panel.runs
    # the chunks add up to one run: bitwise the single-net trainers
    assert np.array_equal(left.losses, variants.train(hidden=4, seed=0, steps=300, loss="cross_entropy").losses)
    assert np.array_equal(right.losses, train.train(hidden=4, seed=0, steps=300).losses)
    assert f"MSE {left.losses[-1]:.4f} vs {right.losses[-1]:.4f}" in panel.status.value
    assert left.losses[-1] < right.losses[-1]  # the difference is there to see: cross-entropy is ahead


def test_play_runs_to_the_end_and_says_done(panel):
    pictures = play_to_end(panel)
    assert len(pictures) == 10 and len(set(pictures)) == 10 and not panel.playing
    assert len(panel.runs[0].losses) == 1001 and panel.status.value.startswith("done: step 1,000 of 1,000")


def test_a_tick_sent_before_a_control_move_does_not_carry_the_new_runs_ahead(panel):
    """The browser's timer was at 4 when the student moved a control; its next tick says 5. The new pair
    starts at step 0 and that tick is one frame of it (step 100), not a jump to where the old pair was."""
    setattr(panel.play, PLAYING, True)
    for frame in (1, 2, 3, 4):
        panel.play.value = frame
    assert "step 400 of" in panel.status.value
    panel.activation.value = "tanh"
    assert "step 0 of" in panel.status.value and panel.playing
    panel.play.value = 5
    assert "tanh" in panel.status.value and "step 100 of" in panel.status.value, panel.status.value


def test_a_new_setting_starts_again_and_one_played_to_the_end_opens_at_its_end(panel):
    press_play(panel)
    panel.activation.value = "tanh"
    assert panel.status.value.startswith("training: step 0 of 1,000") and "tanh + cross-entropy" in panel.status.value
    assert panel.playing
    play_to_end(panel)
    panel.activation.value = "sigmoid"     # played partly: from the start again
    assert panel.status.value.startswith("training: step 0 of") and len(panel.runs[0].losses) == 1
    panel.activation.value = "tanh"        # played to the end: opens there, paused
    assert panel.status.value.startswith("done: step 1,000 of 1,000") and not panel.playing


@pytest.mark.parametrize("name, value, shown", [
    ("loss", "squared", "sigmoid + squared error, plain</b>"), ("activation", "relu", "relu + cross-entropy"),
    ("momentum", 0.9, "momentum 0.9</b>"), ("lr", 2.0, "lr 2,"), ("hidden", 2, "hidden 2,"),
    ("scale", 0.01, "initial scale 0.01,"), ("seed", 7, "seed 7 "),
])
def test_every_control_is_named_in_the_status(panel, name, value, shown):
    before = panel.image.value
    getattr(panel, name).value = value
    assert panel.image.value != before  # a new picture at once, even where step 0 looks the same (lr, momentum)
    tick(panel)
    assert shown in panel.status.value and "step 100 of" in panel.status.value
    assert panel.error is None
    # both runs start from the same weights
    assert panel.runs[0].losses[0] == panel.runs[1].losses[0] or panel.activation.value != "sigmoid"


def test_step_reset_and_stop(panel):
    panel.step_button.click()
    assert panel.status.value.startswith("training: step 1 of") and len(panel.runs[1].losses) == 2
    press_play(panel)
    tick(panel)
    panel.reset_button.click()
    assert panel.status.value.startswith("training: step 0 of 1,000") and len(panel.runs[0].losses) == 1
    press_play(panel)
    panel.play.value = 0  # the stop button (■): back to the start
    assert panel.status.value.startswith("training: step 0 of 1,000")


def test_extreme_settings_never_crash_and_divergence_is_reported(panel):
    panel.activation.value = "relu"
    panel.lr.value = 5.0
    panel.momentum.value = 0.99
    panel.scale.value = 8.0
    play_to_end(panel)
    assert panel.error is None and "Error" not in panel.status.value
    assert panel.status.value.startswith("done: step 1,000")
    if panel.runs[0].diverged:
        assert "the left run diverged" in panel.status.value


def test_an_error_in_a_callback_is_shown_in_the_panel(panel, monkeypatch):
    def broken(self, steps):
        raise RuntimeError("boom")

    press_play(panel)
    monkeypatch.setattr(fixes_panel.LiveRun, "advance", broken)
    tick(panel)
    assert "Error" in panel.status.value and "boom" in panel.status.value
    assert isinstance(panel.error, RuntimeError)
    monkeypatch.undo()
    tick(panel)                                   # the next frame works again and clears the error
    assert panel.error is None and panel.status.value.startswith("training: step")


@pytest.mark.parametrize("kwargs, words", [
    (dict(lr=10), ["lr", "[0.05, 5]"]), (dict(loss="mse"), ["loss", "'squared', 'cross_entropy'"]),
    (dict(activation="elu"), ["activation", "'relu'"]), (dict(momentum=0.995), ["momentum", "[0, 0.99]"]),
    (dict(scale=20), ["scale", "[0.01, 8]"]), (dict(hidden=9), ["hidden", "1..8"]), (dict(speed=7), ["speed"]),
])
def test_bad_arguments_are_named(kwargs, words):
    with pytest.raises((ValueError, TypeError)) as info:
        fixes_panel.compare_fixes(**kwargs)
    for word in words:
        assert word in str(info.value), (word, str(info.value))


def test_callbacks_on_two_threads_never_mix_runs(panel):
    """ipykernel 7 may run a frame and a slider move at once on two threads: every picture must show
    one pair of runs at the step it names."""
    import threading

    drawn, draw = [], panel.draw

    def checked_draw(step):
        left = panel.runs[0]
        drawn.append((step, len(left.losses) - 1, left.momentum, panel.key[3]))
        draw(step)

    panel.draw = checked_draw
    press_play(panel)
    frames = threading.Thread(target=lambda: [panel.tick({"new": f}) for f in range(2, 12)])
    frames.start()
    for momentum in (0.1, 0.2, 0.3, 0.4):
        panel.momentum.value = momentum
    frames.join()
    assert panel.error is None and len(drawn) >= 8
    for step, trained, momentum, slider in drawn:
        assert step == trained and momentum == slider, (step, trained, momentum, slider)
