"""Frames as a student sees them: counted in the page, as a live panel's picture changes its `src`.

For tests/test_browser.py (a floor) and benchmarks/browser.py (the figures). A MutationObserver in
the page writes performance.now() for every new `src` of the panel's image, and a keydown listener
(capturing, on the panel) the time of every key pressed in it, so no Python round trip sits inside
a measured interval.
"""
import time

WATCH_JS = """
panel => {
    if (panel.__frames) return;
    const img = panel.querySelector('img.panel-image, .panel-image img');
    panel.__frames = [];
    panel.__keys = [];
    new MutationObserver(() => panel.__frames.push(performance.now()))
        .observe(img, {attributes: true, attributeFilter: ['src']});
    panel.addEventListener('keydown', () => panel.__keys.push(performance.now()), true);
}
"""


def watch(panel) -> None:
    """Start recording the panel's frames and key presses (once per panel)."""
    panel.evaluate(WATCH_JS)


def now(panel) -> float:
    return panel.evaluate("() => performance.now()")


def frames_after(panel, t: float) -> list:
    return panel.evaluate("(panel, t) => panel.__frames.filter(f => f > t)", t)


def quiet(panel, seconds: float = 0.5, timeout: float = 20) -> None:
    """Wait until no new frame has come for `seconds` (frames already on their way have landed)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not frames_after(panel, now(panel) - 1000 * seconds):
            return
        time.sleep(0.1)
    raise AssertionError(f"the panel still shows new frames after {timeout} s")


def playing(panel) -> bool:
    """Does the Play widget's toggle show Pause (ipywidgets 8: one button plays and pauses)?"""
    return "fa-pause" in (panel.locator(".widget-play button i").first.get_attribute("class") or "")


def pause(panel) -> None:
    if playing(panel):
        panel.locator(".widget-play button").nth(0).click()


def frames_per_second(panel, seconds: float = 6) -> tuple:
    """Stop, then Play from the start: returns (frames/s between the first and the last frame of the run
    or of `seconds` of it, the intervals between frames in ms)."""
    # the named Play/Pause button (helpers/panels/live.py: named_play), and Reset: back to step 0, paused;
    # a version from before Reset (benchmarks/browser.py --before) has the Play widget's own stop button
    toggle, stop = panel.locator(".widget-play button").nth(0), panel.get_by_role("button", name="Reset", exact=True)
    if not stop.count():
        stop = panel.locator(".widget-play button", has=panel.page.locator("i.fa-stop")).first
    pause(panel)
    stop.click()
    quiet(panel)
    start = now(panel)
    toggle.click()
    deadline = time.monotonic() + seconds
    time.sleep(0.3)
    while time.monotonic() < deadline and playing(panel):
        time.sleep(0.1)  # the kernel pauses the player at the run's end
    pause(panel)
    frames = frames_after(panel, start)
    frames = [f for f in frames if f <= start + 1000 * seconds]
    if len(frames) < 3:
        return 0.0, []
    intervals = [b - a for a, b in zip(frames, frames[1:])]
    return 1000 * (len(frames) - 1) / (frames[-1] - frames[0]), intervals


def first_picture_ms(panel, slider, moves: int) -> list:
    """Press an arrow key on the slider's focused handle `moves` times (paused in between); returns the
    times in ms from each keydown to the panel's next new picture."""
    handle = slider.locator(".noUi-handle")
    times = []
    for _ in range(moves):
        pause(panel)
        quiet(panel)
        at_max = handle.get_attribute("aria-valuenow") == handle.get_attribute("aria-valuemax")
        handle.focus()
        handle.press("ArrowLeft" if at_max else "ArrowRight")
        key = panel.evaluate("panel => panel.__keys[panel.__keys.length - 1]")
        deadline = time.monotonic() + 30
        while not frames_after(panel, key):
            if time.monotonic() > deadline:
                raise AssertionError("no new picture 30 s after a key press on a slider")
            time.sleep(0.02)
        times.append(frames_after(panel, key)[0] - key)
    pause(panel)
    return times
