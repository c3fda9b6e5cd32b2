"""Every picture in words: first its point, then the longer description, each heard once (issues 24, 39).

    from helpers.pictures import words
    words.message(fig)         # "The loss stays near 0.256 until step 1,059, then falls to 0.000616 by ..."
    words.describe(fig)        # the longer words: "Panel 'final loss 0.0006' (x: step; ...): ..."
    words.say(ax, "...")       # a drawing function states its Axes' (or figure's) point, with computed numbers
    words.describe_figures()   # from now on each figure a cell shows carries both

The message is what a teacher would say aloud to a student who cannot see the figure: one or two sentences,
at most MAX_ALT characters, the two or three numbers that matter. A drawing function may state it (`say`); for
an Axes it has not, the message is read off the data drawn, by kind: curves (flat, falling, oscillating,
crossing: helpers/pictures/shapes.py), bars and error bars (highest, lowest), a shading under class points (how
many are on their side of 0.5). A stated message holds only while its Axes draws what it drew when it was
stated: a panel that moves a curve afterwards gets the message read off the new data.

On the page (figure_html): the <img> gets the message as alt, the longer description (helpers/pictures/details.py)
sits under "The figure in words", and the two differ, so a screen reader does not hear one text twice.
JupyterLab 4 draws an image output as an <img> with no alt (it ignores an `alt` in the output's metadata,
measured), hence the text/html form; the PNG stays in the output too, for viewers that show images only.
"""
import base64
import hashlib
import html
import io
import weakref

import numpy as np

from helpers.pictures import details, kinds
from helpers.pictures.shapes import number, plain  # noqa: F401 (words.number, words.plain: the words' formats)

MAX_ALT = 250  # characters of a message: a sentence or two
_SAID = weakref.WeakKeyDictionary()  # Axes or Figure -> (message, fingerprint of what it drew then)


def _fingerprint(axes: list) -> str:
    """A digest of what these Axes draw (lines, images, points, bars, texts), to tell a stated message stale."""
    h = hashlib.blake2b(digest_size=12)
    for ax in axes:
        for line in ax.lines:
            h.update(np.asarray(line.get_xydata(), dtype=float).tobytes())
        for image in ax.images:
            h.update(np.asarray(image.get_array(), dtype=float).tobytes())
        for c in ax.collections:
            h.update(np.asarray(c.get_offsets(), dtype=float).tobytes())
        for p in ax.patches:  # in data units (not the screen's: a layout done after `say` changes nothing)
            shape = p.get_xy() if hasattr(p, "get_xy") else ()
            size = (p.get_width(), p.get_height()) if hasattr(p, "get_height") else ()
            h.update(repr((np.asarray(shape, dtype=float).round(12).tolist(), size)).encode())
        h.update("|".join(t.get_text() for t in ax.texts).encode())  # (not the title: set after drawing, often)
    return h.hexdigest()


def _axes_of(target) -> list:
    return target.axes if hasattr(target, "subfigs") else [target]


def say(target, message: str) -> None:
    """State the point of an Axes or a Figure (`target`) in a sentence or two, its numbers computed from the data
    it draws. Call it after drawing: the message holds while the target draws the same data."""
    _SAID[target] = (" ".join(message.split()), _fingerprint(_axes_of(target)))


def stated(target) -> str:
    """The message stated for target (an Axes or a Figure) if it still draws what it drew then, else ""."""
    message, drawn = _SAID.get(target, ("", None))
    return message if message and drawn == _fingerprint(_axes_of(target)) else ""


def point_of(ax) -> str:
    """The point of one Axes, as one sentence: stated by its drawing function, or read off the data by kind."""
    said = stated(ax)
    return kinds.sentence(said) if said else kinds.point(ax)


def message(fig) -> str:
    """The figure's point: what its drawing functions stated, else each Axes' point read off its data, as many
    Axes as fit in MAX_ALT characters (the first always, cut at a clause if it is longer)."""
    said = stated(fig)
    # the Axes whose drawing function stated their point first: theirs is the figure's point
    ordered = sorted(_shown(fig), key=lambda ax: not stated(ax))
    sentences = [kinds.sentence(said)] if said else [s for ax in ordered for s in [point_of(ax)] if s]
    if not sentences:
        return ""
    text = sentences[0]
    for s in sentences[1:]:
        if len(text) + 1 + len(s) > MAX_ALT:
            break
        text += " " + s
    while len(text) > MAX_ALT and "; " in text:
        text = text[:text.rindex("; ")] + "."
    return text if len(text) <= MAX_ALT else text[:MAX_ALT - 1].rsplit(" ", 1)[0] + "…"


def _shown(fig) -> list:
    return [ax for ax in fig.axes if ax.get_visible() and ax.get_label() != "<colorbar>"]


def _suptitles(fig) -> list:
    """The titles over the figure and its subfigures (Figure.get_suptitle is matplotlib 3.8+; before it, the
    suptitle is one of the figure's texts)."""
    found = []
    for f in [fig, *fig.subfigs]:
        if hasattr(f, "get_suptitle"):
            found.append(f.get_suptitle())
        else:
            found.extend(t.get_text() for t in f.texts if t.get_visible())
    return [plain(t) for t in found if t and t.strip()]


def describe(fig) -> str:
    """The longer words: the figure's titles, then one sentence per Axes that draws data (colour bars left out)."""
    sentences = [s for ax in _shown(fig) for s in [details.axes(ax)] if s]
    return " ".join([f"{t}." for t in _suptitles(fig)] + sentences)


def figure_html(fig) -> str:
    """The figure as the inline backend shows it (PNG, tight box, in 256 colours), as an <img> whose alt is its
    message, and the longer description under a disclosure: two different texts, each heard once."""
    from IPython.core.pylabtools import print_figure
    from PIL import Image
    buffer = io.BytesIO()
    # 256 colours: a third of the bytes, looking the same (the output keeps the full PNG for other viewers)
    Image.open(io.BytesIO(print_figure(fig, "png", bbox_inches="tight"))).convert("RGB").quantize(256).save(
        buffer, "png", optimize=True)
    png = base64.b64encode(buffer.getvalue()).decode("ascii")
    return (f'<img src="data:image/png;base64,{png}" alt="{html.escape(message(fig))}">'
            f"<details><summary>The figure in words</summary><p>{html.escape(describe(fig))}</p></details>")


def describe_figures() -> None:
    """Show every figure from now on with its message and description (an IPython formatter for text/html);
    call it once in a notebook's import cell. Outside IPython it does nothing."""
    import matplotlib
    import matplotlib.pyplot as plt
    from IPython import get_ipython
    from matplotlib.figure import Figure
    shell = get_ipython()
    if shell is not None:
        # the inline backend, when it starts, clears every formatter of Figure: start it first
        plt.switch_backend(matplotlib.get_backend())
        shell.display_formatter.formatters["text/html"].for_type(Figure, figure_html)
