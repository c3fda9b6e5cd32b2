"""Every picture in words: a text alternative computed from what a figure draws (issue 24).

    from helpers.pictures import words
    words.describe(fig)        # "Panel 'final loss 0.0006' (x: step; y: loss (MSE), log scale): ..."
    words.describe_figures()   # from now on each figure a cell shows carries its description

The words are read off the figure's own artists after it is drawn (the lines' points, the bars'
heights, the shading's values where the points sit, the texts), so they say only what the picture
shows, and for a panel's frame exactly what that frame shows. One function per kind of artist.

Why HTML: JupyterLab 4 draws an image output as an <img> with no alt (it ignores an `alt` in the
output's metadata, measured), so `describe_figures` adds a text/html form of each figure: the same
PNG as an <img alt="..."> that a screen reader reads, and the words under a "the figure in words"
disclosure for a sighted reader who prefers text. The PNG stays in the output too, for viewers
that show images only.
"""
import base64
import html
import io
import re

import numpy as np
from matplotlib.collections import PathCollection, PolyCollection
from matplotlib.colors import to_hex
from matplotlib.container import BarContainer, ErrorbarContainer
from matplotlib.patches import Polygon

# the lab's colours by name (Okabe-Ito, helpers.pictures.plots), so "orange points" means something
COLOUR_NAMES = {"#0072b2": "blue", "#d55e00": "orange", "#e69f00": "amber", "#56b4e9": "sky blue",
                "#009e73": "green", "#cc79a7": "pink", "#000000": "black", "#808080": "gray",
                "#440154": "dark purple", "#fde725": "yellow", "#ffffff": "white"}
MAX_TEXTS = 16  # texts read out per panel (a diagram has one per node)


def number(v: float) -> str:
    """A value as the words give it: whole numbers with thousands commas, others to 3 significant digits."""
    v = float(v)
    if (v.is_integer() or abs(v) >= 1000) and abs(v) < 1e15:
        return f"{round(v):,}"
    return f"{v:.3g}"


def plain(text: str) -> str:
    """A label as words, without TeX: "$\\hat{y}$" -> "y-hat", "$x_1$" -> "x1", "$h_{2}$" -> "h2"."""
    for tex, word in ((r"\hat{y}", "y-hat"), (r"\hat y", "y-hat"), (r"\sigma", "sigma"), (r"\,", " ")):
        text = text.replace(tex, word)
    return re.sub(r"[${}\\_]", "", text).strip()


def colour_name(c) -> str:
    h = to_hex(c)
    return COLOUR_NAMES.get(h, h)


def _point(x, y, ax=None) -> str:
    """(x, y) in words; on a categorical x axis (bar names) x is its category's name."""
    formatter = None if ax is None else ax.xaxis.get_major_formatter()
    if type(formatter).__name__ == "StrCategoryFormatter":
        return f"({formatter.format_ticks([x])[0]}, {number(y)})"
    return f"({number(x)}, {number(y)})"


def _line(ax, line) -> str:
    x, y = (np.asarray(v, dtype=float) for v in line.get_data())
    label = line.get_label()
    name = "" if label.startswith("_") else f"{label}: "
    if len(x) == 0:
        return ""
    if len(x) == 1 or (len(x) <= 3 and line.get_marker() not in (None, "None", "", " ")):
        return name + "marker at " + ", ".join(_point(a, b) for a, b in zip(x, y))
    if np.all(y == y[0]) and len(x) == 2:
        return f"{name}level line at {plain(ax.get_ylabel()) or 'y'} = {number(y[0])}"
    if np.all(x == x[0]) and len(x) == 2:
        return f"{name}line at {plain(ax.get_xlabel()) or 'x'} = {number(x[0])}"
    if len(x) == 2:
        return f"{name}line from {_point(x[0], y[0])} to {_point(x[1], y[1])}"
    ok = np.isfinite(y)
    if not ok.any():
        return ""
    x, y = x[ok], y[ok]
    words = (f"{name}{colour_name(line.get_color())} line from {number(y[0])} at {number(x[0])} "
             f"to {number(y[-1])} at {number(x[-1])}")
    low = int(np.argmin(y))
    if 0 < low < len(y) - 1 and y[low] < 0.9 * min(y[0], y[-1]):
        words += f", lowest {number(y[low])} at {number(x[low])}"
    return words


def _tick(ax, x: float) -> str:
    """x as the tick it was drawn beside (error bars are drawn a little off their tick, to be seen apart)."""
    ticks = np.asarray(ax.get_xticks(), dtype=float)
    if len(ticks):
        t = ticks[np.argmin(np.abs(ticks - x))]
        if abs(x - t) <= 0.15 * max(abs(t), 1.0):
            return number(t)
    return number(x)


def _bars(ax, bars) -> str:
    xs = [b.get_x() + b.get_width() / 2 for b in bars]
    names = ax.xaxis.get_major_formatter().format_ticks(xs) if xs else []
    label = bars.get_label()
    name = "" if not label or label.startswith("_") else f"{label}: "
    return name + "bars " + ", ".join(f"{n.strip() or number(x)} {number(b.get_height())}"
                                      for n, x, b in zip(names, xs, bars))


def _points(ax, points) -> str:
    """Scatter points, grouped by colour; with a shading under them, its value at each point."""
    xy = np.asarray(points.get_offsets(), dtype=float)
    if len(xy) == 0:
        return ""
    colours = points.get_facecolors()
    groups = {}
    for i, p in enumerate(xy):
        key = colour_name(colours[i % len(colours)]) if len(colours) else ""
        key = "" if key.startswith("#") else key  # a fill the lab gives no name to (a value's shade)
        groups.setdefault(key, []).append(_point(*p, ax=ax))
    label = points.get_label()
    words = ("" if label.startswith("_") else f"{label}: ") + "points " + "; ".join(
        f"{c + ' ' if c else ''}at {', '.join(ps)}" for c, ps in groups.items())
    shading = next((im for im in ax.images if im.get_visible()), None)
    if shading is not None:
        values = _image_at(shading, xy)
        if values is not None:
            words += "; the shading there " + ", ".join(f"{_point(*p)} {number(v)}" for p, v in zip(xy, values))
    return words


def _image_at(image, xy):
    """The image's values at points xy (M, 2), nearest pixel, or None if a point is outside it."""
    A = np.asarray(image.get_array(), dtype=float)
    x0, x1, y0, y1 = image.get_extent()
    rows, cols = A.shape[:2]
    lower = image.origin == "lower"
    j = np.floor((xy[:, 0] - x0) / (x1 - x0) * cols).astype(int)
    i = np.floor((xy[:, 1] - y0) / (y1 - y0) * rows).astype(int)
    if np.any((j < 0) | (j >= cols) | (i < 0) | (i >= rows)):
        return None
    return A[i if lower else rows - 1 - i, j]


def _image(image) -> str:
    A = np.asarray(image.get_array(), dtype=float)
    lo, hi = image.get_clim()
    cmap = image.get_cmap()
    ends = f"{colour_name(cmap(0.0))} {number(lo)} to {colour_name(cmap(1.0))} {number(hi)}"
    if lo <= 0.5 <= hi and lo == 0 and hi == 1:
        ends += f"; {np.mean(A > 0.5):.0%} of it above 0.5"
    return f"shading from {number(np.nanmin(A))} to {number(np.nanmax(A))} (colour scale {ends})"


def _axes(ax) -> str:
    """One sentence for one Axes: its name, its axes, then what it draws."""
    links = [line for line in ax.lines if len(line.get_xdata()) == 2 and line.get_label().startswith("_")
             and line.get_transform() == ax.transData]  # not axhline/axvline: those span the axes
    parts, said = [], {id(line) for line in links} if len(links) > 4 else set()  # a diagram's links: counted
    if said:
        dashed = sum(line.get_linestyle() != "-" for line in links)
        parts.append(f"{len(links)} connecting lines, {dashed} of them dashed")
    for container in ax.containers:  # an error bar plot reads its lines out once, with its intervals
        if isinstance(container, ErrorbarContainer) and container.lines[0] is not None:
            said.update(id(line) for line in [container.lines[0], *container.lines[1]])
    for line in ax.lines:
        if line.get_visible() and id(line) not in said:
            parts.append(_line(ax, line))
    for patch in ax.patches:
        if isinstance(patch, Polygon) and patch.get_visible() and not patch.get_label().startswith("_"):
            x, y = patch.get_xy().T
            parts.append(f"{patch.get_label()}: {colour_name(patch.get_edgecolor())} outline from {number(x.min())} "
                         f"to {number(x.max())}, highest {number(y.max())} at {number(x[np.argmax(y)])}")
    for container in ax.containers:
        if isinstance(container, BarContainer):
            parts.append(_bars(ax, container))
        elif isinstance(container, ErrorbarContainer) and container.lines[0] is not None:
            x, y = container.lines[0].get_data()
            bars = container.lines[2][0].get_segments() if container.lines[2] else []
            spans = [f"{_tick(ax, a)}: " + ("none" if not np.isfinite(b) else number(b) if s is None or len(s) < 2
                                         else f"{number(b)} ({number(s[0][1])} to {number(s[1][1])})")
                     for a, b, s in zip(x, y, bars if len(bars) == len(x) else [None] * len(x))]
            parts.append(f"{container.get_label()}: " + ", ".join(spans))
    for image in ax.images:
        if image.get_visible():
            parts.append(_image(image))
    for collection in ax.collections:
        if not collection.get_visible():
            continue
        if isinstance(collection, PathCollection):
            parts.append(_points(ax, collection))
        elif hasattr(collection, "levels"):
            parts.append("contour lines at " + ", ".join(number(v) for v in collection.levels))
        elif isinstance(collection, PolyCollection):
            parts.append("a shaded band")
    above = (t.get_text() for t in ax.texts if t.get_transform() == ax.transAxes and t.get_position()[1] > 1)
    title = plain(ax.get_title() or next(above, ""))
    texts = [plain(t.get_text()).replace("\n", " ") for t in ax.texts if t.get_visible() and t.get_text().strip()]
    texts = [t for t in texts if t not in (title, "")]
    if texts:
        parts.append("labels: " + "; ".join(texts[:MAX_TEXTS]) + ("; ..." if len(texts) > MAX_TEXTS else ""))
    parts = [p for p in parts if p]
    if not parts:
        return ""
    scales = [f"{name}: {plain(label)}" + (", log scale" if scale == "log" else "") for name, label, scale in
              (("x", ax.get_xlabel(), ax.get_xscale()), ("y", ax.get_ylabel(), ax.get_yscale())) if label and ax.axison]
    head = f"Panel '{title}'" if title else "Panel"
    return head + (f" ({'; '.join(scales)})" if scales else "") + ": " + "; ".join(parts) + "."


def describe(fig) -> str:
    """The figure in words: its title, then one sentence per Axes that draws data (colour bars left out)."""
    titles = [t.get_text() for f in [fig, *fig.subfigs] for t in [getattr(f, "_suptitle", None)] if t is not None]
    sentences = [s for ax in fig.axes if ax.get_visible() and ax.get_label() != "<colorbar>" for s in [_axes(ax)] if s]
    return " ".join([f"{plain(t)}." for t in titles if t] + sentences)


def figure_html(fig) -> str:
    """The figure as the inline backend shows it (PNG, tight box, in 256 colours), as an <img> with its description as
    alt, and the same words under a disclosure for sighted readers."""
    from IPython.core.pylabtools import print_figure
    from PIL import Image
    buffer = io.BytesIO()
    # 256 colours: a third of the bytes, looking the same (the output keeps the full PNG for other viewers)
    Image.open(io.BytesIO(print_figure(fig, "png", bbox_inches="tight"))).convert("RGB").quantize(256).save(
        buffer, "png", optimize=True)
    png = base64.b64encode(buffer.getvalue()).decode("ascii")
    words = html.escape(describe(fig))
    return (f'<img src="data:image/png;base64,{png}" alt="{words}">'
            f"<details><summary>The figure in words</summary><p>{words}</p></details>")


def describe_figures() -> None:
    """Show every figure from now on with its description (an IPython formatter for text/html);
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
