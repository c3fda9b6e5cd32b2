"""A live panel makes its next frame ahead, on the kernel's event loop, between a tick and the next
(helpers/panels/live.py: _ahead): what the student sees must be exactly what a tick drawing it would show.

In a kernel, the tick's callback returns, the kernel goes idle, and the loop runs what the callback
scheduled; here `asyncio.run` plays the kernel, and `await asyncio.sleep(0)` is that turn of its loop."""
import asyncio

import pytest
from player import drop, play_to_end, tick

from helpers.panels import explorer, fixes, representation, sweep
from helpers.panels.live import PLAYING

# small runs; step: open there, paused (as a panel's setting line does)
PANELS = {
    "explorer": lambda step=None: explorer.explore_training(steps=2000, speed=500, step=step),
    "sweep": lambda step=None: sweep.explore_sweep(lr=0.5, steps=1000, bias=False, seeds=10, step=step),
    "representation": lambda step=None: representation.watch_it_form(seed=1, steps=2000, every=50, step=step),
    "fixes": lambda step=None: fixes.FixesPanel(steps=1000, speed=100, step=step),
}


def seen(panel) -> tuple:
    """What the student has on screen: the picture (format and bytes), the status line, its words."""
    return panel.image.format, panel.image.value, panel.status.value, panel.words.value


def played(panel, pause_at: int = None) -> list:
    """Press Play and tick to the end (or pause after `pause_at` ticks) with a kernel's event loop turning
    between ticks; returns what was on screen after each tick."""
    async def student():
        frames = []
        setattr(panel.play, PLAYING, True)
        while panel.shown < panel.total and len(frames) != pause_at:
            tick(panel)
            frames.append(seen(panel))
            await asyncio.sleep(0)  # the kernel is idle: its loop makes the next frame
        return frames
    return asyncio.run(student())


@pytest.mark.parametrize("name", PANELS)
def test_frames_made_ahead_are_the_frames_a_tick_draws(name):
    at_the_tick, ahead = PANELS[name](), PANELS[name]()
    expected = []
    setattr(at_the_tick.play, PLAYING, True)
    while at_the_tick.shown < at_the_tick.total:  # no event loop: every frame is drawn at its tick
        tick(at_the_tick)
        expected.append(seen(at_the_tick))
    drawn = []  # the positions drawn, in order, and how many of them a tick drew
    ahead.draw = lambda n, draw=ahead.draw: drawn.append(n) or draw(n)

    async def student():
        frames, at_tick = [], []
        setattr(ahead.play, PLAYING, True)
        while ahead.shown < ahead.total:
            before = len(drawn)
            tick(ahead)
            at_tick.append(len(drawn) - before)
            frames.append(seen(ahead))
            await asyncio.sleep(0)  # the kernel is idle: its loop makes the next frame
        return frames, at_tick
    frames, at_tick = asyncio.run(student())
    assert frames == expected
    assert expected[-1][0] == "png" and {frame[0] for frame in expected[:-1]} == {"jpeg"}
    # the first frame (nothing was made before it) and the last (PNG) are drawn at their tick, every other
    # one ahead, between two ticks; each once
    assert at_tick == [1] + [0] * (len(expected) - 2) + [1]
    assert len(drawn) == len(expected) and sorted(drawn) == drawn


@pytest.mark.parametrize("name", PANELS)
def test_a_pause_while_the_next_frame_is_made_ahead_keeps_a_picture_that_agrees_with_its_words(name):
    panel = PANELS[name]()
    played(panel, pause_at=2)
    assert panel.prepared is not None  # the third frame is made, not shown
    setattr(panel.play, PLAYING, False)  # the student pauses
    assert panel.image.format == "png" and not panel.playing
    step = panel.call()[1]["step"]  # where the setting line says the run is
    assert step == panel.shown == 3 * panel.speed.value  # the frame made ahead, after two ticks
    again = PANELS[name](step=step)  # opened there, paused, as the setting line does
    assert (again.image.value, again.status.value) == (panel.image.value, panel.status.value)
    tick(panel)  # a tick the browser sent before the pause reached it: the run stays
    assert panel.shown == step


def test_a_slider_moved_after_a_tick_starts_its_new_run_and_nothing_is_made_ahead_for_the_old_one():
    panel, fresh = PANELS["explorer"](), PANELS["explorer"]()
    drop(fresh.seed, 7)
    expected = play_to_end(fresh)

    async def student():
        setattr(panel.play, PLAYING, True)
        tick(panel)
        drop(panel.seed, 7)  # before the kernel's loop turns
        await asyncio.sleep(0)
        assert panel.prepared is None and panel.shown == 0 and panel.playing
        frames = []
        while panel.shown < panel.total:
            tick(panel)
            frames.append(panel.image.value)
            await asyncio.sleep(0)
        return frames
    assert asyncio.run(student()) == expected
