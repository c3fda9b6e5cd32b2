"""Live panels: training shown as it happens, frame by frame, with Play, Pause, Step and Reset.

While a run plays, the kernel keeps the time: it computes the next chunk (`reach`), draws it (`draw`)
and sends it every FRAME_MS, by callbacks on its own event loop (no thread). The page keeps the kernel
honest: an `ipywidgets.Play` (a timer in the browser, in ipywidgets 7.7.1 and 8) ticks every
HEARTBEAT_MS, and each tick says how far the page has got, since the kernel moves the player at every
frame it sends. The kernel sends at most WINDOW frames past that, so a page that falls behind (or is
closed) stops the run instead of being flooded. Between two frames the kernel is free, so a slider
moved during play is seen at the next frame. Where no event loop runs (a script, a test), each tick
shows one frame.

Why the kernel keeps the time: each message from the page makes the kernel report busy, then idle,
and JupyterLab redraws its toolbar for both. A tick per frame cost the page a third of its time.

A subclass says what a position is (a training step, or how many seeds are in) by defining
    total           the last position of the current run
    restart(key)    start the run for these settings, or find it again: True if it was seen before
    reach(n)        make sure position n is computed
    draw(n)         show position n (picture and status line)
"""
import asyncio
import time

import ipywidgets as widgets

from helpers.panels.base import LABEL_WIDTH, Panel
from helpers.validate import check_int

# the name of Play's "is playing" trait: `playing` in ipywidgets 8, `_playing` in 7.7.1 (Colab)
PLAYING = "playing" if "playing" in widgets.Play.class_trait_names() else "_playing"
SPEEDS = (10, 50, 100, 250, 500, 1000, 2500)  # positions per frame the speed control offers
FRAME_MS = 50  # the kernel's clock: a frame starts at most every 50 ms (a slower frame simply takes longer)
HEARTBEAT_MS = 250  # the page's timer: how often it says it is there, playing, and how far it has got
WINDOW = 8  # frames the kernel may send past the last one the page said it has (more than a heartbeat's 5)
# The player's max, never reached: the kernel pauses the player at the run's end itself. A max at the run's
# last frame would stop the page's timer on its own, wherever the kernel was; and where no event loop runs
# (each tick one frame), ticks the browser merged into one message would run out before the frames.
ENDLESS = 2**31 - 1


def named_play(play: widgets.Play) -> tuple:
    """Play's own buttons show only ▶ ■ ↻, with no name a screen reader could say. In ipywidgets 8, where the
    kernel starts Play's timer by setting `playing`, a named Play/Pause button drives it and Play is hidden;
    in 7.7.1 (Colab) only Play's own ▶ starts its timer, so there Play stays and the button is hidden.
    Returns (the button, a box holding both, of class widget-play: where a browser test finds Play)."""
    button = widgets.Button(description="Play", icon="play", tooltip="play the run, or pause it",
                            layout=widgets.Layout(width="90px"))
    if play.has_trait("playing"):
        def name(change=None):
            button.description, button.icon = ("Pause", "pause") if play.playing else ("Play", "play")
        play.layout.display = "none"
        button.on_click(lambda _: setattr(play, "playing", not play.playing))
        play.observe(name, names="playing")
    else:
        button.layout.display = "none"
    box = widgets.HBox([button, play])
    box.add_class("widget-play")
    return button, box


class LivePanel(Panel):
    """A Panel whose picture is one frame of a run that plays. Attributes: play (Play), step_button,
    reset_button, speed (positions per frame), shown (the position on screen), frame (Play's position),
    received (the last frame the page said it has), started (when the last frame began, time.monotonic()).

    step: the position to open at, paused (None: the start, waiting for Play); the setting line says it.
    Call this after the attributes `total` reads are set."""

    def __init__(self, figsize: tuple, speed: int, speeds: tuple = SPEEDS, unit: str = "steps", step: int = None):
        if speed not in speeds:
            raise ValueError(f"speed must be one of {', '.join(map(str, speeds))} ({unit} per frame), got {speed!r}")
        self.opening = None if step is None else check_int("step", step, 0, self.total)
        super().__init__(figsize)
        self.play = widgets.Play(value=0, min=0, max=ENDLESS, interval=HEARTBEAT_MS, show_repeat=False,
                                 description="play")
        self.step_button = widgets.Button(description="Step", tooltip=f"one more of the {unit}",
                                          layout=widgets.Layout(width="70px"))
        self.reset_button = widgets.Button(description="Reset", tooltip="back to the start of this run",
                                           layout=widgets.Layout(width="70px"))
        self.speed = widgets.SelectionSlider(options=list(speeds), value=speed, description=f"{unit}/frame",
                                             continuous_update=False, style={"description_width": LABEL_WIDTH})
        self.play_button, start = named_play(self.play)  # ipywidgets 8: Play hidden, a named button drives it
        for control in (self.play_button, self.step_button, self.reset_button, self.speed):
            control.add_class("live-control")
        self.player = widgets.HBox([start, self.step_button, self.reset_button, self.speed])
        self.shown, self.frame, self.received, self.started = 0, 0, 0, 0.0
        self.clock = None  # the kernel's next frame, while one is scheduled (an asyncio handle)
        self.opened = False  # becomes True after the first run is shown (see start)
        self.tick = self.safely(self._tick)
        self.play.observe(self.tick, names="value")
        self.play.observe(self.safely(self._play_or_pause), names=PLAYING)
        self.speed.observe(self.safely(self._new_speed), names="value")
        self.step_button.on_click(self.safely(self._step))
        self.reset_button.on_click(self.safely(self._reset))
        self.status.quiet = lambda: self.playing and self.shown < self.total  # the run's end is said

    @property
    def playing(self) -> bool:
        return getattr(self.play, PLAYING)

    def pause(self) -> None:
        """The kernel's own pause, always followed by a frame drawn while paused, so lossless."""
        self.lossless = True  # (so _play_or_pause need not send the picture again)
        setattr(self.play, PLAYING, False)

    def _play_or_pause(self, change) -> None:
        if change["new"]:  # Play: the page shows the frame on screen; the kernel's clock starts from it
            self.received = self.frame
            self._wake()
        elif not self.lossless:
            self.send()  # the frame on screen stays, as PNG (in words, and in the setting line with its step)

    def start(self, key) -> None:
        """Show the run for settings `key`: a run seen before at its last frame, a new one at its
        first frame, playing. Call it from the sliders' callback. The first run, shown while the panel
        is made, waits for Play: the browser starts its timer when `playing` turns True, and a timer
        set going before the panel is on screen would never tick (while its button showed Pause)."""
        self.pause()
        seen = self.restart(key)
        if not seen and self.opened:
            setattr(self.play, PLAYING, True)  # the browser's timer starts ticking (first: the frame goes as JPEG)
        if not self.opened and self.opening is not None:
            self.show_position(self.opening)  # opened by a setting line: where it was, paused
        else:
            self.show_position(self.total if seen else 0)
        self.opened = True

    def show_position(self, n: int, frame: int = None) -> None:
        """Compute and draw position n, then put the Play widget at `frame` (by default, where n is): after the
        picture, so a page whose player is at a frame has its picture."""
        self.started = time.monotonic()
        self.reach(n)
        self.shown = n
        self.draw(n)
        if frame is None:
            frame = -(-n // self.speed.value) if n == self.total else n // self.speed.value
        self._set_frame(frame)

    def _tick(self, change) -> None:
        v = change["new"]
        if v == self.frame:
            return  # the kernel's own move of the player
        if v == 0:  # ■ (Play's stop, in 7.7.1): back to the start
            self._next(0)
        elif not self.playing:
            if v > self.frame:
                # a tick the browser's timer sent before the pause reached it (a slider, Step or Reset paused
                # the run): the run stays where the student put it, and so does the player
                self._set_frame(self.frame)
            # (v < frame: a tick sent before a Step or the step slider moved the player on)
        else:
            self.received = min(v - 1, self.frame)  # a heartbeat: the page has the frames up to v - 1
            if not self._wake():
                # no clock (no event loop: a script, a test): the tick is the next frame, whatever value
                # arrives, so ticks sent before a restart never jump the new run; at the end: from the start
                self._next(0 if self.shown >= self.total else self.frame + 1)

    def _next(self, frame: int) -> None:
        """Show `frame` of the run (its position: frame x speed, at most the end) and move the player there."""
        n = min(self.total, frame * self.speed.value)
        if n >= self.total and self.playing:
            self.pause()  # (before drawing, so the last frame is lossless)
        self.show_position(n, frame)
        self._wake()

    def _wake(self) -> bool:
        """Have the kernel's clock show the next frame (see _on_time), unless it already will; False where no
        event loop runs (a script, a test: there ticks alone move the run) or the run does not play."""
        if self.clock is None and self.playing:
            try:
                self.clock = asyncio.get_running_loop().call_soon(self.safely(self._on_time))
            except RuntimeError:
                return False
        return self.clock is not None

    def _on_time(self) -> None:
        """The kernel's clock: the next frame (Play pressed at the end: the first) once FRAME_MS have passed
        since the last one began, while the run plays and the page is less than WINDOW frames behind."""
        self.clock = None
        if not self.playing or self.frame - self.received >= WINDOW:
            return  # (Play, or the next heartbeat, wakes the clock again)
        wait = self.started + FRAME_MS / 1000 - time.monotonic()
        if wait > 0:
            self.clock = asyncio.get_running_loop().call_later(wait, self.safely(self._on_time))
        else:
            self._next(0 if self.shown >= self.total else self.frame + 1)

    def send(self, lossless: bool = None) -> None:
        """Frames of a run that plays go as JPEG (Panel.send), the frame a run stops at as PNG."""
        super().send(lossless=not self.playing)

    # speed changes how Play goes on, never the picture: the setting line says it only when not the default
    optional = ("speed",)

    def live_arguments(self) -> dict:
        """The setting line's end for a live panel: the speed, then the position on screen, once the run stays
        there (paused or ended). While it plays, the line is the run's, from its start: it would go stale
        within a frame, and rewriting it (and the page laying it out) at every frame cost a tenth of them."""
        return {"speed": self.speed.value, **({} if self.status.quiet() else {"step": self.shown})}

    def _step(self, button=None) -> None:
        self.pause()
        self.show_position(min(self.shown + 1, self.total))

    def _reset(self, button=None) -> None:
        self.pause()
        self.show_position(0)

    def _new_speed(self, change=None) -> None:
        self._set_frame(self.shown // self.speed.value)
        self.received = self.frame

    def _set_frame(self, frame: int) -> None:
        """Put the Play widget at `frame` without it counting as a tick (`_tick` sees it is there already)."""
        self.frame, self.received = frame, min(self.received, frame)  # (a new run, Reset: not ahead)
        self.play.value = frame

    # what a subclass defines
    total = 0

    def restart(self, key) -> bool:
        raise NotImplementedError

    def reach(self, n: int) -> None:
        raise NotImplementedError

    def draw(self, n: int) -> None:
        raise NotImplementedError
