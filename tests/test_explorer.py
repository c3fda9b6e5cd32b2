"""The training explorer, driven from Python the way the frontend drives it: by setting .value."""
import io
import warnings

import numpy as np
import pytest
from matplotlib.image import imread

from helpers.analysis import explain
from helpers.panels import explorer


@pytest.fixture(scope="module")
def panel():
    return explorer.explore_training()


def test_opens_with_the_default_run(panel):
    assert panel.run.label() == "hidden=4 lr=0.5 steps=10000 seed=0 bias=on"
    assert "hidden=4 lr=0.5 steps=10000 seed=0 bias=on" in panel.status.value
    assert f"final loss <b>{panel.run.final_loss:.4f}</b>" in panel.status.value
    assert "4 of 4</b> correct" in panel.status.value
    assert panel.image.value[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("name, value, shown", [
    ("hidden", 2, "hidden=2"), ("seed", 7, "seed=7"), ("steps", 3000, "steps=3000"),
    ("bias", False, "bias=off"), ("lr", 2.0, "lr=2"),
])
def test_each_control_retrains_and_redraws(panel, name, value, shown):
    before_image, before_redraws = panel.image.value, panel.redraws
    getattr(panel, name).value = value
    assert shown in panel.status.value
    assert shown in panel.run.label()
    assert panel.redraws == before_redraws + 1
    assert panel.image.value != before_image
    assert panel.error is None


def test_status_reports_a_failed_run():
    p = explorer.explore_training(hidden=1, seed=0, bias=False)
    assert p.run.correct < 4
    assert f"{p.run.correct} of 4</b> correct" in p.status.value


def test_a_config_seen_before_comes_from_the_cache():
    p = explorer.explore_training()
    first = p.run
    p.seed.value = 1
    p.seed.value = 0
    assert p.run is first




def test_the_status_line_explains_the_run(panel):
    assert panel.status.value.endswith(explain.explain(panel.run))


def test_the_blitted_picture_is_the_full_drawing():
    p = explorer.explore_training(hidden=2, lr=2.0, steps=3000, bias=False)
    blitted = imread(io.BytesIO(p.image.value))
    buffer = io.BytesIO()
    p.fig.savefig(buffer, format="png")
    full = imread(io.BytesIO(buffer.getvalue()))
    full = full[..., :3]  # the panel sends RGB
    assert blitted.shape == full.shape
    assert np.mean(np.abs(blitted - full) > 0.05) < 1e-4  # a few anti-aliased pixels may differ by a shade


def test_no_runtime_warning_at_the_slider_extremes():
    with warnings.catch_warnings():
        # a bad setting would raise RuntimeWarning; ipywidgets 7.7.1 also warns of deprecations, which are fine
        warnings.simplefilter("error", RuntimeWarning)
        p = explorer.explore_training(hidden=1, lr=0.01, steps=500, seed=0, bias=False)
        for name, value in [("lr", 10.0), ("hidden", 8), ("bias", True), ("steps", 50_000), ("lr", 0.01),
                            ("seed", 99), ("lr", 10.0), ("hidden", 1), ("steps", 500)]:
            getattr(p, name).value = value
            assert p.error is None, p.status.value
            assert np.all(np.isfinite(p.run.losses)) and "Error" not in p.status.value
