"""What the browser sends to a live panel, for the panel tests: its Play timer moves `value` one on
(a tick), its Play button first sets the widget playing, then ticks; a slider dropped sends its value."""
from helpers.panels.live import PLAYING


def tick(panel) -> None:
    panel.play.value = panel.play.value + 1


def drop(slider, value) -> None:
    """A slider's value as the browser sends it when the student lets go of the handle (also a value it holds)."""
    slider.set_state({"value": value})


def press_play(panel) -> None:
    setattr(panel.play, PLAYING, True)
    tick(panel)


def play_to_end(panel, limit: int = 10_000) -> list:
    """Press Play if the panel is paused, then tick until its last position is on screen; returns the
    pictures sent, one per tick."""
    pictures = []
    if not panel.playing and panel.shown < panel.total:
        setattr(panel.play, PLAYING, True)
    for _ in range(limit):
        if panel.shown >= panel.total:
            return pictures
        tick(panel)
        pictures.append(panel.image.value)
    raise AssertionError("the run never reached its last position")
