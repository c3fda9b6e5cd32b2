"""While a run plays, the kernel's clock shows its frames (helpers/panels/live.py: _on_time), one every
FRAME_MS at most, and the page's heartbeats hold it back: what the student sees must be exactly what
ticks drawing each frame would show.

In a kernel, callbacks run on its asyncio event loop; here `asyncio.run` plays the kernel, and `page` plays
the browser: Play pressed, then a heartbeat (Play's timer: the player's value, one on) every HEARTBEAT_MS.
The player is one object here, so the page gets the kernel's moves of it at once."""
import asyncio
import time

import pytest
from player import drop, play_to_end, tick

from helpers.panels import explorer, fixes, representation, sweep
from helpers.panels.live import FRAME_MS, HEARTBEAT_MS, PLAYING, WINDOW

# small runs of 10 to 20 frames; step: open there, paused (as a panel's setting line does)
PANELS = {
    "explorer": lambda step=None: explorer.explore_training(steps=2000, speed=100, step=step),
    "sweep": lambda step=None: sweep.explore_sweep(lr=0.5, steps=1000, bias=False, seeds=10, step=step),
    "representation": lambda step=None: representation.watch_it_form(seed=1, steps=2000, every=50, speed=100,
                                                                      step=step),
    "fixes": lambda step=None: fixes.FixesPanel(steps=1000, speed=100, step=step),
}


def recorder(panel) -> list:
    """The pictures the page gets, in order: (format, bytes, when the kernel began that frame)."""
    pictures = []
    panel.image.observe(lambda change: pictures.append((panel.image.format, change["new"], panel.started)),
                        names="value")
    return pictures


async def page(panel, until=lambda: False) -> int:
    """Press Play, then send heartbeats until the run has ended or `until()`; returns how many frames were
    drawn while a heartbeat was handled (none: the clock shows them)."""
    setattr(panel.play, PLAYING, True)
    at_heartbeats = 0
    while panel.playing and not until():
        await asyncio.sleep(HEARTBEAT_MS / 1000)
        before = panel.redraws
        tick(panel)
        at_heartbeats += panel.redraws - before
    return at_heartbeats


async def wait_for(condition, seconds: float = 60) -> None:
    end = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < end, "timed out"
        await asyncio.sleep(0.005)


@pytest.mark.parametrize("name", PANELS)
def test_the_kernels_clock_shows_the_frames_ticks_draw_paced_and_the_last_as_png(name):
    by_ticks, by_clock = PANELS[name](), PANELS[name]()
    expected = play_to_end(by_ticks)  # no event loop: every frame is drawn at a tick
    pictures = recorder(by_clock)
    assert asyncio.run(page(by_clock)) == 0
    assert [picture for _, picture, _ in pictures] == expected
    assert by_clock.status.value == by_ticks.status.value and by_clock.shown == by_clock.total
    assert pictures[-1][0] == "png" and {format for format, _, _ in pictures[:-1]} == {"jpeg"}
    starts = [started for _, _, started in pictures]
    assert min(b - a for a, b in zip(starts, starts[1:])) >= FRAME_MS / 1000 - 0.002  # never faster than the clock


def test_a_page_that_stops_answering_gets_a_window_of_frames_then_a_heartbeat_lets_the_run_go_on():
    panel = explorer.explore_training(steps=5000, speed=100)

    async def closed_page():
        setattr(panel.play, PLAYING, True)
        await wait_for(lambda: panel.frame == WINDOW)
        await asyncio.sleep(6 * FRAME_MS / 1000)
        stopped = panel.frame
        panel.play.value = 3  # a late heartbeat: the page has frame 2
        await wait_for(lambda: panel.frame == 2 + WINDOW)
        await asyncio.sleep(6 * FRAME_MS / 1000)
        return stopped
    assert asyncio.run(closed_page()) == WINDOW  # no flood of frames into a page that does not take them
    assert panel.playing and panel.frame == 2 + WINDOW and panel.shown == panel.frame * 100


@pytest.mark.parametrize("name", PANELS)
def test_a_pause_stops_the_clock_and_keeps_the_frame_on_screen_as_png_with_its_words(name):
    panel = PANELS[name]()

    async def student():
        await page(panel, until=lambda: panel.frame >= 3)
        setattr(panel.play, PLAYING, False)  # the student pauses
        shown = panel.shown
        await asyncio.sleep(4 * FRAME_MS / 1000)
        return shown
    assert asyncio.run(student()) == panel.shown
    assert panel.image.format == "png" and not panel.playing
    step = panel.call()[1]["step"]  # where the setting line says the run is
    assert step == panel.shown > 0
    again = PANELS[name](step=step)  # opened there, paused, as the setting line does
    assert (again.image.value, again.status.value) == (panel.image.value, panel.status.value)
    tick(panel)  # a tick the browser sent before the pause reached it: the run stays
    assert panel.shown == step


def test_play_pressed_at_the_end_plays_the_run_again_from_its_start():
    panel = PANELS["explorer"]()
    pictures = recorder(panel)
    asyncio.run(page(panel))
    first = [bytes(picture) for _, picture, _ in pictures]
    del pictures[:]
    asyncio.run(page(panel))  # Play at the end
    again = [bytes(picture) for _, picture, _ in pictures]
    assert len(first) == 20 and again[1:] == first  # after the start's own frame (step 0), the same frames


def test_a_slider_moved_while_the_run_plays_starts_its_new_run_on_the_clock():
    panel, fresh = PANELS["explorer"](), PANELS["explorer"]()
    expected = recorder(fresh)
    drop(fresh.seed, 7)  # its first frame, playing
    play_to_end(fresh)

    async def student():
        playing = asyncio.create_task(page(panel))
        await wait_for(lambda: panel.frame >= 3)
        del pictures[:]
        drop(panel.seed, 7)
        await playing
    pictures = recorder(panel)
    asyncio.run(student())
    assert [picture for _, picture, _ in pictures] == [picture for _, picture, _ in expected]
