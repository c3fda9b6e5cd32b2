"""What the browser sends to a live panel's Play widget, for the panel tests: its timer moves `value`
one on (a tick), and its Play button first sets the widget playing, then ticks."""
from helpers.panels.live import PLAYING


def tick(panel) -> None:
    panel.play.value = panel.play.value + 1


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
