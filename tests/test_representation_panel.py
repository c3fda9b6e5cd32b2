"""The representation panel: sliders retrain, the step slider scrubs snapshots without retraining."""
import io

import numpy as np
import pytest
from PIL import Image

from helpers.panels import representation


@pytest.fixture(scope="module")
def panel():
    return representation.watch_it_form(seed=1, steps=2000, every=50)  # seed 1 solves XOR within 2000 steps


def pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))


def test_opens_at_the_last_step(panel):
    assert panel.trainings == 1 and panel.error is None
    assert panel.step.value == 2000 and panel.step.max == 2000 and panel.step.step == 50
    assert "hidden=2 lr=0.5 seed=1 bias=on" in panel.status.value
    assert "<b>step 2000</b> of 2000" in panel.status.value
    assert panel.image.value[:8] == b"\x89PNG\r\n\x1a\n"
    assert sorted(panel.run.snapshots) == list(range(0, 2001, 50))


def test_scrubbing_does_not_retrain(panel):
    run, trainings, redraws = panel.run, panel.trainings, panel.redraws
    before = panel.image.value
    for step in (0, 500, 1250, 2000, 0):
        panel.step.value = step
        assert f"<b>step {step}</b>" in panel.status.value
        assert f"loss {run.losses[step]:.4f}" in panel.status.value
    assert panel.run is run and panel.trainings == trainings
    assert panel.redraws == redraws + 5
    assert panel.image.value != before
    assert panel.error is None


def test_a_step_between_snapshots_shows_the_one_before(panel):
    panel.step.value = 1275
    assert "<b>step 1250</b>" in panel.status.value


def test_each_snapshot_is_computed_once(panel):
    panel.step.value = 600
    frame = panel.frames[600]
    panel.step.value = 650
    panel.step.value = 600
    assert panel.frames[600] is frame


def test_the_blitted_picture_equals_a_full_redraw(panel):
    panel.step.value = 1000
    blitted = pixels(panel.image.value)
    for artist in panel.moving:
        artist.set_animated(False)
    try:
        panel.fig.canvas.draw()
        full = np.asarray(panel.fig.canvas.buffer_rgba())[..., :3]
    finally:
        for artist in panel.moving:
            artist.set_animated(True)
    assert blitted.shape == full.shape
    # tick marks drawn over the frame touch a few pixels (8 of 250k at the time of writing)
    assert np.mean(np.any(blitted != full, axis=-1)) < 1e-4


def test_the_points_move_between_snapshots(panel):
    panel.step.value = 0
    start = panel.hidden_artists["points"].get_offsets().copy()
    panel.step.value = 2000
    end = panel.hidden_artists["points"].get_offsets()
    assert np.abs(end - start).max() > 0.05
    np.testing.assert_allclose(end, panel.frames[2000]["Q"])


@pytest.mark.parametrize("name, value, shown", [("hidden", 3, "hidden=3"), ("seed", 4, "seed=4"), ("lr", 2.0, "lr=2")])
def test_the_other_sliders_retrain(name, value, shown):
    p = representation.watch_it_form(steps=1000, every=100)
    getattr(p, name).value = value
    assert p.trainings == 2 and p.error is None
    assert shown in p.status.value and "<b>step 1000</b>" in p.status.value
    if name == "hidden":
        assert "PCA plane" in p.status.value and "% of variance" in p.status.value


def test_a_config_seen_before_is_not_trained_again():
    p = representation.watch_it_form(steps=1000, every=100)
    p.seed.value = 1
    p.seed.value = 0
    assert p.trainings == 2


@pytest.mark.parametrize("kwargs, error, name", [
    ({"hidden": 9}, ValueError, "hidden"), ({"hidden": 2.5}, TypeError, "hidden"),
    ({"seed": -1}, ValueError, "seed"), ({"lr": 0.0}, ValueError, "lr"), ({"lr": "fast"}, TypeError, "lr"),
    ({"steps": 50}, ValueError, "steps"), ({"steps": 1000, "every": 300}, ValueError, "every"),
    ({"every": 0}, ValueError, "every"), ({"bias": 1}, TypeError, "bias"),
])
def test_bad_arguments_are_rejected(kwargs, error, name):
    with pytest.raises(error, match=name):
        representation.watch_it_form(**kwargs)
