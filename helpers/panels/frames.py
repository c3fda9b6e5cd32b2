"""A frame of a live panel, drawn fast: only what moves, over a kept background of what stays.

Rendering a whole figure takes 50 to 100 ms; a run that plays wants a frame every 50 ms. So a panel
renders the still parts (axes, ticks, labels) once, keeps those pixels, and for each frame paints only
the artists that move over them (matplotlib's blitting). Texts and legends among the moving artists are
painted from the pixels they had when their words and place were the same before: matplotlib renders
text at 50 to 150 us a letter (3.10, 3.11), the largest part of a frame, and a title that names the
setting stays the same all run long. The picture is the same as drawn afresh (tests/test_panel.py).
"""
import numpy as np
from matplotlib.backends.backend_agg import RendererAgg
from matplotlib.legend import Legend
from matplotlib.text import Text


def remember(cache: dict, key, value, size: int):
    """cache[key] = value, first forgetting the oldest entry if the cache already holds `size`.

    The panels keep the runs they have shown, so going back to a setting is instant; the
    bound keeps a long session from filling the memory. Returns value.
    """
    if key not in cache and len(cache) >= size:
        cache.pop(next(iter(cache)))  # dicts keep insertion order: the first key is the oldest
    cache[key] = value
    return value


class Frames:
    """What a Panel (base.py, which has `fig` and `send`) uses to draw a frame: call `keep_background(moving)`,
    then `blit()` for each frame."""

    def __init__(self):
        self.moving, self.background, self.backgrounds = [], None, {}
        self.pixels, self.scratch = {}, None  # texts and legends as painted (see paint), a canvas to paint them on

    def keep_background(self, moving: list, key=None) -> None:
        """Render everything but `moving` (artists, in painting order) once; `blit` paints them over it.

        Call again whenever something outside `moving` changes (axis limits, labels). The moving
        artists are hidden while the background renders, so no matplotlib version keeps them in it.
        key: a name for this state of the still parts (e.g. its axis limits); a background rendered
        under the same key before is reused instead of rendered again.
        """
        self.moving = list(moving)
        if key is not None and key in self.backgrounds:
            self.background = self.backgrounds[key]
            return
        visible = [artist.get_visible() for artist in self.moving]
        for artist in self.moving:
            artist.set_visible(False)
        self.fig.canvas.draw()
        self.background = self.fig.canvas.copy_from_bbox(self.fig.bbox)
        for artist, was in zip(self.moving, visible):
            artist.set_visible(was)
        if key is not None:
            remember(self.backgrounds, key, self.background, 16)

    def blit(self) -> None:
        """Paint the moving artists over the kept background and send the picture."""
        self.fig.canvas.restore_region(self.background)
        renderer = self.fig.canvas.get_renderer()
        for artist in self.moving:
            self.paint(artist, renderer)
        self.send()

    def paint(self, artist, renderer) -> None:
        """Draw a moving artist. A text or legend that looks as it did in a frame before (same words, colour and
        place) is painted from the pixels it had then (see the top of this module)."""
        if type(artist) not in (Text, Legend) or not artist.get_visible():  # (not a label placed as it draws)
            self.fig.draw_artist(artist)
            return
        box = artist.get_window_extent(renderer)
        texts = artist.get_texts() if isinstance(artist, Legend) else [artist]
        key = (id(artist), tuple(box.bounds), *((t.get_text(), str(t.get_color())) for t in texts))
        if key not in self.pixels:
            remember(self.pixels, key, self._alone(artist, box), 64)
        top, left, pixels = self.pixels[key]
        under = np.asarray(renderer.buffer_rgba())[top:top + len(pixels), left:left + pixels.shape[1], :3]
        alpha = pixels[:, :, 3:].astype(np.uint32)  # "over": the ink where it covers, what is under where not
        under[...] = (pixels[:, :, :3] * alpha + under * (255 - alpha) + 127) // 255

    def _alone(self, artist, box) -> tuple:
        """(top row, left column, RGBA pixels) of what `artist` paints alone on a clear canvas (looked for in
        its box, 8 pixels more each way: a letter's ink may stand out of the box matplotlib gives)."""
        if self.scratch is None:  # the canvas's own size, to the last bit: it places text (4.6 x 100 is 459.99...)
            canvas = self.fig.canvas.get_renderer()
            self.scratch = RendererAgg(canvas.width, canvas.height, canvas.dpi)
        self.scratch.clear()
        artist.draw(self.scratch)
        height = self.scratch.height
        top, left = max(int(height - box.y1) - 8, 0), max(int(box.x0) - 8, 0)
        near = np.asarray(self.scratch.buffer_rgba())[top:int(height - box.y0) + 8, left:int(box.x1) + 8]
        rows, columns = np.nonzero(near[:, :, 3].any(axis=1))[0], np.nonzero(near[:, :, 3].any(axis=0))[0]
        if not rows.size:
            return 0, 0, np.zeros((0, 0, 4), np.uint8)
        return top + rows[0], left + columns[0], near[rows[0]:rows[-1] + 1, columns[0]:columns[-1] + 1].copy()
