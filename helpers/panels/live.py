"""Live panels: training shown as it happens, frame by frame, with Play, Pause, Step and Reset.

Frames are driven from the front end: an `ipywidgets.Play` (a timer in the browser, in
ipywidgets 7.7.1 and 8) moves its value 0, 1, 2, ... and the kernel answers each tick by
computing the next chunk (`reach`) and drawing it (`draw`). Between two ticks the kernel is
free, so a slider moved during play is seen at the next frame. No thread, no long callback.
While the page shows a frame and sends the next tick, the kernel makes the next frame ahead (one
callback on the kernel's own event loop, see `_ahead`), so a tick only puts it on screen.

A subclass says what a position is (a training step, or how many seeds are in) by defining
    total           the last position of the current run
    restart(key)    start the run for these settings, or find it again: True if it was seen before
    reach(n)        make sure position n is computed
    draw(n)         show position n (picture and status line)
"""
import asyncio

import ipywidgets as widgets

from helpers.panels.base import LABEL_WIDTH, Panel
from helpers.validate import check_int

# the name of Play's "is playing" trait: `playing` in ipywidgets 8, `_playing` in 7.7.1 (Colab)
PLAYING = "playing" if "playing" in widgets.Play.class_trait_names() else "_playing"
SPEEDS = (10, 50, 100, 250, 500, 1000, 2500)  # positions per frame the speed control offers
FRAME_MS = 50  # the timer's interval; a frame that takes longer simply waits for the kernel
# The player's max, never reached: the kernel pauses the player at the run's end. A timer that stopped
# at a max of its own would stop early whenever the kernel draws slower than it ticks, since the
# browser then sends several ticks as one message, and each message is one frame.
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
    reset_button, speed (positions per frame), shown (the position on screen), frame (Play's position).

    step: the position to open at, paused (None: the start, waiting for Play); the setting line says it.
    Call this after the attributes `total` reads are set."""

    def __init__(self, figsize: tuple, speed: int, speeds: tuple = SPEEDS, unit: str = "steps", step: int = None):
        if speed not in speeds:
            raise ValueError(f"speed must be one of {', '.join(map(str, speeds))} ({unit} per frame), got {speed!r}")
        self.opening = None if step is None else check_int("step", step, 0, self.total)
        super().__init__(figsize)
        self.play = widgets.Play(value=0, min=0, max=ENDLESS, interval=FRAME_MS, show_repeat=False,
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
        self.shown, self.frame = 0, 0
        self.preparing, self.prepared = None, None  # the next frame while it is made ahead, and once made
        self.opened = False  # becomes True after the first run is shown (see start)
        self.tick = self.safely(self._tick)
        self.play.observe(self.tick, names="value")
        self.play.observe(self.safely(self._paused), names=PLAYING)
        self.speed.observe(self.safely(self._new_speed), names="value")
        self.step_button.on_click(self.safely(self._step))
        self.reset_button.on_click(self.safely(self._reset))
        self.status.quiet = lambda: self.playing and self.shown < self.total  # the run's end is said

    @property
    def playing(self) -> bool:
        return getattr(self.play, PLAYING)

    def pause(self) -> None:
        """The kernel's own pause, always followed by a frame drawn while paused, so lossless."""
        self.lossless = True  # (so _paused need not send the picture again)
        setattr(self.play, PLAYING, False)

    def _paused(self, change) -> None:
        if change["new"] or self.lossless:
            return
        prepared, self.prepared = self.prepared, None
        if prepared is not None and prepared[1] == self.redraws:
            # the student paused while the next frame was made ahead: the canvas holds it, so it is the one
            # that stays (its status and the player's position with it)
            self.shown = prepared[0]
            self._set_frame(self.frame + 1)
            super().say(prepared[3])
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

    def show_position(self, n: int) -> None:
        """Compute and draw position n, and put the Play widget where n is."""
        self.reach(n)
        self.shown = n
        self._set_frame(-(-n // self.speed.value) if n == self.total else n // self.speed.value)
        self.draw(n)

    def _tick(self, change) -> None:
        v = change["new"]
        if v == self.frame or 0 < v < self.frame:
            # the kernel's own move of the player (queued behind the callback that made it), or a tick sent
            # before the kernel moved it (a Step, the step slider): already there, or past it
            return
        if v > self.frame and not self.playing:
            # a tick the browser's timer sent before the pause reached it (a slider, Step or Reset paused
            # the run): the run stays where the student put it, and so does the player
            self._set_frame(self.frame)
            return
        if v == 0 or self.shown >= self.total:  # stopped (■), or Play pressed at the end: from the start
            self.frame, n = 0, 0
        else:
            # one frame further, whatever value arrives: ticks sent before a restart must not jump the new run
            self.frame += 1
            n = min(self.total, self.frame * self.speed.value)
        if n >= self.total and self.playing:
            self.pause()  # (before drawing, so the last frame is lossless)
        prepared, self.prepared = self.prepared, None
        if prepared is not None and prepared[:2] == (n, self.redraws):  # made ahead, nothing shown since
            self.shown = n
            self._put_prepared(prepared)
        else:
            self.reach(n)
            self.shown = n
            self.draw(n)
        if self.playing:
            self._ahead(min(self.total, (self.frame + 1) * self.speed.value))

    def _ahead(self, n: int) -> None:
        """Make position n's frame (train, draw, encode) as soon as this tick's callback has returned, and
        keep it for the tick that asks for n. The kernel then tells the page it is idle, and the page sends
        the next tick (ipywidgets sends one message at a time): that way there and back, about 30 ms, is
        spent making the frame instead of waiting. Scheduled on the kernel's event loop (no thread); skipped
        where none runs (a script, a test) and if anything was shown in between (a slider, Step, Reset). The
        last position is only trained: the frame a run ends at goes as PNG."""
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return
        redraws = self.redraws

        def ahead():
            if self.redraws != redraws or not self.playing:
                return
            self.reach(n)
            if n < self.total:
                self.preparing = [n, redraws, None, None]  # (position, redraws, picture, status): see send, say
                try:
                    self.draw(n)
                    self.prepared = tuple(self.preparing)
                finally:
                    self.preparing = None
        loop.call_soon(self.safely(ahead))

    def _put_prepared(self, prepared: tuple) -> None:
        super().put(prepared[2], lossless=False)
        super().say(prepared[3])

    def send(self, lossless: bool = None) -> None:
        """Frames of a run that plays go as JPEG (Panel.send), the frame a run stops at as PNG; a frame made
        ahead is kept (see _ahead)."""
        if self.preparing is not None:
            self.preparing[2] = self.encode(lossless=False)
        else:
            super().send(lossless=not self.playing)

    def say(self, text: str) -> None:
        if self.preparing is not None:
            self.preparing[3] = text
        else:
            super().say(text)

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

    def _set_frame(self, frame: int) -> None:
        """Put the Play widget at `frame` without it counting as a tick (`_tick` sees it is there already)."""
        self.frame = frame
        self.play.value = frame

    # what a subclass defines
    total = 0

    def restart(self, key) -> bool:
        raise NotImplementedError

    def reach(self, n: int) -> None:
        raise NotImplementedError

    def draw(self, n: int) -> None:
        raise NotImplementedError
