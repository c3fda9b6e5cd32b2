"""Notebook 05's live panel, driven as the frontend drives it: set a control's or the Play widget's .value."""
import numpy as np
import pytest

from helpers import train, variants
from helpers.panels import fixes as fixes_panel


@pytest.fixture
def panel():
    return fixes_panel.FixesPanel(steps=1000, chunk=100)


def playing(panel) -> bool:
    """Whether the panel asked the browser to play; ipywidgets 7.x cannot be asked (see _play_from_start)."""
    return panel.play.playing if panel.play.has_trait("playing") else True


def test_opens_at_step_zero_playing(panel):
    status = panel.status.value
    assert status.startswith("training: step 0 of 1,000")
    assert "left: <b>sigmoid + cross-entropy, plain</b>" in status and "right: sigmoid + squared error, plain" in status
    assert "lr 0.5, hidden 4, initial scale 0.5, seed 0" in status
    assert panel.image.value[:8] == b"\x89PNG\r\n\x1a\n"
    assert panel.play.max == 10 and panel.error is None
    if panel.play.has_trait("playing"):
        assert not panel.play.playing  # it opens paused: a timer set going before the view exists never ticks


def test_each_frame_trains_the_next_chunk_of_both_runs_from_one_start(panel):
    for frame in (1, 2, 3):
        before = panel.redraws
        panel.play.value = frame
        assert panel.redraws == before + 1
        assert panel.status.value.startswith(f"training: step {100 * frame} of 1,000")
    left, right = panel.runs
    # the chunks add up to one run: bitwise the single-net trainers
    assert np.array_equal(left.losses, variants.train(hidden=4, seed=0, steps=300, loss="cross_entropy").losses)
    assert np.array_equal(right.losses, train.train(hidden=4, seed=0, steps=300).losses)
    assert f"MSE {left.losses[-1]:.4f} vs {right.losses[-1]:.4f}" in panel.status.value
    assert left.losses[-1] < right.losses[-1]  # the difference is there to see: cross-entropy is ahead


def test_a_skipped_frame_is_trained_too_and_the_last_says_done(panel):
    panel.play.value = 10
    assert len(panel.runs[0].losses) == 1001
    assert panel.status.value.startswith("done: step 1,000 of 1,000")


def test_a_new_setting_starts_again_and_a_seen_one_comes_back_where_it_stopped(panel):
    if panel.play.has_trait("playing"):  # ipywidgets 8: the browser starts its timer on a False -> True change
        seen = []
        panel.play.observe(lambda change: seen.append(change["new"]), names="playing")
        panel.loss.value = "squared"
        assert panel.play.playing
        panel.loss.value = "cross_entropy"       # already playing: off and on, so the browser sees a change
        assert seen[-2:] == [False, True]
    panel.play.value = 4
    panel.activation.value = "tanh"
    assert panel.status.value.startswith("training: step 0 of 1,000") and "tanh + cross-entropy" in panel.status.value
    assert panel.play.value == 0 and playing(panel)
    panel.play.value = 2
    panel.activation.value = "sigmoid"                    # seen before, at frame 4
    assert panel.play.value == 4 and panel.status.value.startswith("training: step 400 of 1,000")
    assert len(panel.runs[0].losses) == 401


@pytest.mark.parametrize("name, value, shown", [
    ("loss", "squared", "sigmoid + squared error, plain</b>"), ("activation", "relu", "relu + cross-entropy"),
    ("momentum", 0.9, "momentum 0.9</b>"), ("lr", 2.0, "lr 2,"), ("hidden", 2, "hidden 2,"),
    ("scale", 0.01, "initial scale 0.01,"), ("seed", 7, "seed 7 "),
])
def test_every_control_is_named_in_the_status(panel, name, value, shown):
    before = panel.image.value
    getattr(panel, name).value = value
    assert panel.image.value != before  # a new picture at once, even where step 0 looks the same (lr, momentum)
    panel.play.value = 1
    assert shown in panel.status.value and "step 100 of" in panel.status.value
    assert panel.error is None
    # both runs start from the same weights
    assert panel.runs[0].losses[0] == panel.runs[1].losses[0] or panel.activation.value != "sigmoid"


def test_stop_goes_back_to_the_start(panel):
    panel.play.value = 5
    panel.play.value = 0
    assert panel.status.value.startswith("training: step 0 of 1,000") and len(panel.runs[0].losses) == 1


def test_extreme_settings_never_crash_and_divergence_is_reported(panel):
    panel.activation.value = "relu"
    panel.lr.value = 5.0
    panel.momentum.value = 0.99
    panel.scale.value = 8.0
    panel.play.value = 10
    assert panel.error is None and "Error" not in panel.status.value
    assert panel.status.value.startswith("done: step 1,000")
    if panel.runs[0].diverged:
        assert "the left run diverged" in panel.status.value


def test_an_error_in_a_callback_is_shown_in_the_panel(panel, monkeypatch):
    def broken(self, steps):
        raise RuntimeError("boom")

    monkeypatch.setattr(fixes_panel.LiveRun, "advance", broken)
    panel.play.value = 3
    assert "Error" in panel.status.value and "boom" in panel.status.value
    assert isinstance(panel.error, RuntimeError)
    monkeypatch.undo()
    panel.play.value = 4                                   # the next frame works again and clears the error
    assert panel.error is None and panel.status.value.startswith("training: step 400")


@pytest.mark.parametrize("kwargs, words", [
    (dict(lr=10), ["lr", "[0.05, 5]"]), (dict(loss="mse"), ["loss", "'squared', 'cross_entropy'"]),
    (dict(activation="elu"), ["activation", "'relu'"]), (dict(momentum=0.995), ["momentum", "[0, 0.99]"]),
    (dict(scale=20), ["scale", "[0.01, 8]"]), (dict(hidden=9), ["hidden", "1..8"]),
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

    drawn, draw = [], panel._draw

    def checked_draw(step):
        left = panel.runs[0]
        drawn.append((step, len(left.losses) - 1, left.momentum, panel.shown[3]))
        draw(step)

    panel._draw = checked_draw
    frames = threading.Thread(target=lambda: [panel.on_frame({"new": f}) for f in range(1, 11)])
    frames.start()
    for momentum in (0.1, 0.2, 0.3, 0.4):
        panel.momentum.value = momentum
    frames.join()
    assert panel.error is None and len(drawn) >= 14
    for step, trained, momentum, slider in drawn:
        assert step == trained and momentum == slider, (step, trained, momentum, slider)
