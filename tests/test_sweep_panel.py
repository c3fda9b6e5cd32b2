"""The sweep panel, driven from Python the way the frontend drives it: by setting .value."""
import pytest

from helpers.panels import sweep as sweep_panel


@pytest.fixture(scope="module")
def panel():
    # 10 seeds and 1,000 steps keep each sweep short; the notebook uses 100 seeds and 10,000 steps
    return sweep_panel.SweepPanel(lr=0.5, steps=1000, bias=False, seeds=10)


def test_opens_with_a_sweep_drawn(panel):
    assert "lr=0.5 steps=1000 bias=off" in panel.status.value
    rates = ", ".join(f"{H}: {k}" for H, k in zip(panel.table["hidden"], panel.table["solved"]))
    assert rates.startswith("1: 0, 2: ") and rates in panel.status.value
    assert "(of 10)" in panel.status.value
    assert panel.run.losses.shape == (80, 1001)
    assert panel.image.value[:8] == b"\x89PNG\r\n\x1a\n"
    assert panel.progress.value == panel.progress.max == 1000
    assert panel.error is None


@pytest.mark.parametrize("name, value, shown", [
    ("bias", True, "bias=on"), ("steps", 2000, "steps=2000"), ("lr", 1.0, "lr=1"),
])
def test_each_control_reruns_the_sweep_and_redraws(panel, name, value, shown):
    before_image, before_redraws, before_trainings = panel.image.value, panel.redraws, panel.trainings
    getattr(panel, name).value = value
    assert shown in panel.status.value
    assert panel.redraws == before_redraws + 1
    assert panel.trainings == before_trainings + 1
    assert panel.image.value != before_image
    assert panel.progress.value == panel.progress.max == panel.steps.value
    assert panel.error is None
    # the status states the counts of the sweep on show
    assert panel.run.lr == pytest.approx(panel.lr.value) and panel.run.steps == panel.steps.value
    assert panel.run.bias == panel.bias.value
    assert f"2: {panel.table['solved'][1]}" in panel.status.value


def test_the_progress_bar_advances_during_training():
    seen = []
    p = sweep_panel.SweepPanel(steps=1000, seeds=2)
    p.progress.observe(lambda change: seen.append(change["new"]), names="value")
    p.steps.value = 3000
    assert seen[0] == 0 and seen[-1] == 3000
    assert 500 in seen and 2500 in seen  # trained in chunks of 500 steps


def test_a_setting_seen_before_comes_from_the_cache():
    p = sweep_panel.SweepPanel(steps=1000, seeds=2)
    first = p.run
    p.bias.value = True
    p.bias.value = False
    assert p.run is first and p.trainings == 2




def test_bad_arguments():
    with pytest.raises(ValueError, match="steps must be an integer in 1000..10000"):
        sweep_panel.SweepPanel(steps=50)
    with pytest.raises(TypeError, match="bias must be True or False"):
        sweep_panel.explore_sweep(bias="on")
