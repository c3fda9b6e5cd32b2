"""The panel base: the bounded run cache, the slider factory, and errors caught into the status line
(the last for every panel of the lab, by one parametrised test)."""
import numpy as np
import pytest

from helpers import network
from helpers.panels import base, explorer, fixes, line, one_step, representation, sweep
from helpers.panels.base import Panel, slider
from helpers.panels.frames import remember


def test_remember_forgets_the_oldest_once_full():
    cache = {}
    for key in "abc":
        remember(cache, key, key.upper(), size=2)
    assert cache == {"b": "B", "c": "C"}
    remember(cache, "c", "C2", size=2)  # replacing a key forgets nothing
    assert cache == {"b": "B", "c": "C2"}


def test_safely_shows_the_error_and_recovers():
    panel = Panel(figsize=(2, 2))

    def fails():
        raise ValueError("lr must be a number in (0, 100], got -1.0")

    panel.safely(fails)()  # never raises out of a widget callback
    assert "ValueError" in panel.status.value and "lr must be a number" in panel.status.value
    assert isinstance(panel.error, ValueError)
    ran = []
    panel.safely(lambda: ran.append(42))()
    assert ran == [42] and panel.error is None


def test_callbacks_from_two_threads_run_one_at_a_time_in_order():
    """ipykernel 7 may call two widgets' callbacks on two threads; the panel runs them one after the other."""
    import threading
    import time

    panel = Panel(figsize=(2, 2))
    inside, most, order = [0], [0], []

    def slow(name):
        inside[0] += 1
        most[0] = max(most[0], inside[0])
        time.sleep(0.05)
        order.append(name)
        inside[0] -= 1

    callbacks = [panel.safely(lambda n=n: slow(n)) for n in range(6)]
    threads = [threading.Thread(target=c) for c in callbacks]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert most[0] == 1 and sorted(order) == list(range(6)) and panel.error is None


def test_a_callback_that_moves_a_widget_of_its_own_panel_runs_that_move_at_once():
    panel = Panel(figsize=(2, 2))
    seen = []
    inner = panel.safely(lambda: seen.append("inner"))
    panel.safely(lambda: (inner(), seen.append("outer")))()
    assert seen == ["inner", "outer"]


@pytest.mark.parametrize("name, value, message", [
    ("lr", 0.001, "lr must be a number in [0.01, 10]"), ("hidden", 9, "hidden must be an integer in 1..8"),
    ("seed", 2.5, "seed must be an integer in 0..99"), ("steps", 100, "steps must be an integer in 500..50000"),
])
def test_a_slider_refuses_a_value_outside_its_range_by_name(name, value, message):
    with pytest.raises((TypeError, ValueError), match=message.replace("[", r"\[").replace(".", r"\.")):
        slider(name, value)


# every panel of the lab: how to open it small, and one control move that redraws
PANELS = {
    "explorer": (lambda: explorer.explore_training(steps=500), "seed", 3),
    "fixes": (lambda: fixes.FixesPanel(steps=500), "seed", 3),
    "line": (lambda: line.drive_a_line(), "w1", 1.0),
    "representation": (lambda: representation.watch_it_form(steps=500, every=50), "seed", 3),
    "step": (lambda: one_step.step_through(network.init_reference()), "stage", 3),
    "sweep": (lambda: sweep.explore_sweep(steps=1000, seeds=4), "steps", 2000),
}


@pytest.mark.parametrize("name", PANELS)
def test_an_error_in_a_callback_is_shown_in_the_panel_and_the_panel_recovers(name, monkeypatch):
    make, control, value = PANELS[name]
    panel = make()
    redraws = panel.redraws

    def broken(self, lossless=True):
        raise RuntimeError("simulated failure while drawing")

    monkeypatch.setattr(base.Panel, "send", broken)  # every panel sends its picture through Panel.send
    getattr(panel, control).value = value  # must not raise out of the observer
    assert "Error" in panel.status.value and "simulated failure while drawing" in panel.status.value
    assert isinstance(panel.error, RuntimeError) and panel.redraws == redraws
    monkeypatch.undo()
    getattr(panel, control).value = getattr(panel, control).min  # the next move works again
    assert panel.error is None and "Error" not in panel.status.value and panel.redraws > redraws


def _direct(panel):
    """The panel with every moving artist drawn afresh at every frame (no kept text pixels)."""
    panel.paint = lambda artist, renderer: panel.fig.draw_artist(artist)
    return panel


@pytest.mark.parametrize("make, move", [
    (lambda: explorer.explore_training(steps=2000, speed=250), ("seed", 3)),
    (lambda: sweep.explore_sweep(seeds=10, steps=2000, speed=250), ("lr", 2.0)),
    (lambda: representation.watch_it_form(steps=2000, speed=250), ("seed", 3)),
    (lambda: fixes.compare_fixes(speed=250), ("seed", 3))])
def test_texts_painted_from_kept_pixels_look_as_drawn_afresh(make, move):
    """Titles and legends whose words did not change are painted from the pixels they had: every frame still
    equals the frame drawn afresh (the legend's translucent box may round one level apart), also after
    a new setting changed the words, so no old words stay on screen."""
    kept, fresh = make(), _direct(make())
    for step in (250, 500, 750, None, 250, 500):
        for panel in (kept, fresh):
            if step is None:  # a new setting: new words in the titles, a new run from step 0
                panel.pause()
                getattr(panel, move[0]).value = move[1]
                panel.pause()
            else:
                panel.reach(step)
                panel.draw(step)
        a, b = (np.asarray(p.fig.canvas.buffer_rgba()).astype(int) for p in (kept, fresh))
        assert np.abs(a - b).max() <= 1
    assert kept.pixels, "no text was painted from kept pixels"


@pytest.mark.parametrize("notebook, panel", [("01_xor_baseline", explorer.explore_training),
                                             ("03_hidden_size_sweep", sweep.explore_sweep),
                                             ("04_hidden_representations", representation.watch_it_form)])
def test_the_steps_per_frame_a_notebook_gives_is_its_panels_default(notebook, panel):
    """Where a notebook's text says how many steps a frame trains, that is the panel's default speed."""
    import inspect
    import re
    from pathlib import Path

    import nbformat
    cells = nbformat.read(Path(__file__).resolve().parents[1] / "notebooks" / f"{notebook}.ipynb", as_version=4).cells
    text = " ".join(c.source.replace("\n", " ") for c in cells if c.cell_type == "markdown")
    claim = r"(\d[\d,]*)(?: steps)?(?: by default)?:? \(?the \*\*steps/frame\*\* control"
    said = [int(n.replace(",", "")) for n in re.findall(claim, text)]
    default = inspect.signature(panel).parameters["speed"].default
    assert said and all(n == default for n in said), f"{notebook} says {said} steps a frame; the default is {default}"
