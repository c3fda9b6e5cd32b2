"""The longer description of a figure: one sentence per Axes, what it draws, read off its artists (issue 24, 39).

This is the text under "The figure in words" (and a panel's "Picture in words"); the short message a screen
reader hears first is helpers/pictures/words.py's. The words say what the picture means, not how it is drawn:
no hex colours, no positions of a drawing's boxes and circles, no counts of its lines; curves in shape words
(helpers/pictures/shapes.py). Only matplotlib's public API is read.
"""
import numpy as np
from matplotlib.category import StrCategoryFormatter
from matplotlib.collections import PathCollection, PolyCollection
from matplotlib.colors import to_hex
from matplotlib.container import BarContainer, ErrorbarContainer
from matplotlib.patches import Polygon

from helpers.pictures.shapes import curve, number, plain

# the lab's colours by name (Okabe-Ito, helpers.pictures.plots), so "orange points" means something; a colour the
# lab gives no name to is left out (a shade of a value, say): the words never give a colour as hex
COLOUR_NAMES = {"#0072b2": "blue", "#d55e00": "orange", "#e69f00": "amber", "#56b4e9": "sky blue",
                "#009e73": "green", "#cc79a7": "pink", "#000000": "black", "#808080": "gray", "#740074": "purple",
                "#440154": "dark purple", "#fde725": "yellow", "#ffffff": "white"}
MAX_TEXTS = 60  # labels read out per panel (the graph of notebook 06 has about 40)


def colour_name(c) -> str:
    """The lab's name for colour c, or "" if it has none."""
    return COLOUR_NAMES.get(to_hex(c), "")


def category(ax, x: float, snap: bool = True) -> str:
    """x in words: on a categorical x axis (bar names) its category's name, else the tick it is drawn beside
    (error bars and bars are drawn a little off their tick, to be seen apart), else the number."""
    formatter = ax.xaxis.get_major_formatter()
    if isinstance(formatter, StrCategoryFormatter):
        return formatter.format_ticks([x])[0]
    ticks = np.asarray(ax.get_xticks(), dtype=float)
    if snap and len(ticks):
        i = int(np.argmin(np.abs(ticks - x)))
        spacing = float(np.min(np.diff(np.sort(ticks)))) if len(ticks) > 1 else max(abs(ticks[0]), 1.0)
        if abs(x - ticks[i]) <= 0.5 * spacing:  # within half the way to the next tick: this tick's
            name = formatter.format_ticks(list(ticks))[i].strip()
            return plain(name) or number(ticks[i])
    return number(x)


def _point(ax, x, y) -> str:
    return f"({category(ax, x, snap=False)}, {number(y)})"


def links(ax) -> list:
    """A drawing's connecting lines (two points in data units, no label), not data: a diagram's edges."""
    return [line for line in ax.lines if len(line.get_xdata()) == 2 and line.get_label().startswith("_")
            and line.get_transform() == ax.transData and not ax.axison]


def curves(ax) -> list:
    """[(name, x, y)] of the visible lines of 3 points or more (finite ones only), in drawing order."""
    found = []
    for line in ax.lines:
        x, y = (np.asarray(v, dtype=float) for v in line.get_data())
        ok = np.isfinite(x) & np.isfinite(y)
        if line.get_visible() and ok.sum() >= 3 and line not in links(ax):
            label = line.get_label()
            found.append(("" if label.startswith("_") else label, x[ok], y[ok]))
    return found


def _line(ax, line) -> str:
    x, y = (np.asarray(v, dtype=float) for v in line.get_data())
    label = line.get_label()
    name = "" if label.startswith("_") else f"{label}: "
    ok = np.isfinite(x) & np.isfinite(y)
    x, y = x[ok], y[ok]
    if len(x) == 0:
        return ""
    xname, yname = along(ax), plain(ax.get_ylabel())
    if len(x) == 1 or (len(x) <= 3 and line.get_marker() not in (None, "None", "", " ")):
        return name + "marked at " + ", ".join(_point(ax, a, b) for a, b in zip(x, y))
    if len(x) == 2 and y[0] == y[1]:
        return f"{name}level line at {yname or 'y'} = {number(y[0])}"
    if len(x) == 2 and x[0] == x[1]:
        return f"{name}mark at {xname or 'x'} = {number(x[0])}"
    if len(x) == 2:
        return f"{name}line from {_point(ax, x[0], y[0])} to {_point(ax, x[1], y[1])}"
    colour = colour_name(line.get_color())
    return f"{name}{colour + ' ' if colour else ''}curve that " + curve(x, y, ax.get_yscale() == "log", xname)


def _bars(ax, bars) -> str:
    label = bars.get_label()
    name = "" if not label or label.startswith("_") else f"{label}: "
    return name + "bars " + ", ".join(f"{category(ax, b.get_x() + b.get_width() / 2)} {number(b.get_height())}"
                                      for b in bars)


def image_at(image, xy):
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


def _points(ax, points) -> str:
    """Scatter points, grouped by colour; with a shading under them, its value at each point. In a drawing
    (no axes shown) the points are its nodes: where they sit is layout, not data, so nothing is said."""
    xy = np.asarray(points.get_offsets(), dtype=float)
    if len(xy) == 0 or not ax.axison:
        return ""
    colours = points.get_facecolors()
    groups = {}
    for i, p in enumerate(xy):
        key = colour_name(colours[i % len(colours)]) if len(colours) else ""
        groups.setdefault(key, []).append(_point(ax, *p))
    label = points.get_label()
    words = ("" if label.startswith("_") else f"{label}: ") + "points " + "; ".join(
        f"{c + ' ' if c else ''}at {', '.join(ps)}" for c, ps in groups.items())
    shading = next((im for im in ax.images if im.get_visible()), None)
    if shading is not None:
        values = image_at(shading, xy)
        if values is not None:
            words += "; the shading there " + ", ".join(f"{_point(ax, *p)} {number(v)}" for p, v in zip(xy, values))
    return words


def _image(image) -> str:
    A = np.asarray(image.get_array(), dtype=float)
    lo, hi = image.get_clim()
    cmap = image.get_cmap()
    low, high = colour_name(cmap(0.0)), colour_name(cmap(1.0))
    ends = f"{low + ' ' if low else ''}{number(lo)} to {high + ' ' if high else ''}{number(hi)}"
    words = f"shading from {number(np.nanmin(A))} to {number(np.nanmax(A))} (colour scale {ends}"
    if lo == 0 and hi == 1:
        words += f"; {np.mean(A > 0.5):.0%} of it above 0.5"
    return words + ")"


def _errorbars(ax, container) -> str:
    x, y = container.lines[0].get_data()
    bars = container.lines[2][0].get_segments() if container.lines[2] else []
    spans = [f"{category(ax, a)}: " + ("none" if not np.isfinite(b) else number(b) if s is None or len(s) < 2
                                       else f"{number(b)} ({number(s[0][1])} to {number(s[1][1])})")
             for a, b, s in zip(x, y, bars if len(bars) == len(x) else [None] * len(x))]
    return f"{container.get_label()}: " + ", ".join(spans)


def label(ax, which: str) -> str:
    """The x or y axis' label, or that of an Axes sharing it (a row of panels labels its first axis only)."""
    shared = ax.get_shared_x_axes() if which == "x" else ax.get_shared_y_axes()
    for other in [ax, *shared.get_siblings(ax)]:
        text = plain((other.xaxis if which == "x" else other.yaxis).get_label_text())
        if text:
            return text
    return which


def along(ax) -> str:
    """What the x axis counts, in a word or three: "step", "hidden units", "initial scale"."""
    name = label(ax, "x").split(" (")[0]
    return name if len(name.split()) <= 3 else name.split()[0]


def title(ax) -> str:
    """The Axes' title, or a text placed above it as its title (panels draw changing titles as texts)."""
    above = (t.get_text() for t in ax.texts if t.get_transform() == ax.transAxes and t.get_position()[1] > 1)
    return plain(ax.get_title() or next(above, "")).replace("\n", " ")


def axes(ax) -> str:
    """One sentence for one Axes: its name, its axes, then what it draws."""
    parts, said = [], {id(line) for line in links(ax)}
    for container in ax.containers:  # an error bar plot reads its lines out once, with its intervals
        if isinstance(container, ErrorbarContainer) and container.lines[0] is not None:
            said.update(id(line) for line in [container.lines[0], *container.lines[1]])
    for line in ax.lines:
        if line.get_visible() and id(line) not in said:
            parts.append(_line(ax, line))
    for patch in ax.patches:
        if isinstance(patch, Polygon) and patch.get_visible() and not patch.get_label().startswith("_"):
            x, y = patch.get_xy().T
            parts.append(f"{patch.get_label()}: outline from {number(x.min())} to {number(x.max())}, highest "
                         f"{number(y.max())} at {number(x[np.argmax(y)])}")
    for container in ax.containers:
        if isinstance(container, BarContainer):
            parts.append(_bars(ax, container))
        elif isinstance(container, ErrorbarContainer) and container.lines[0] is not None:
            parts.append(_errorbars(ax, container))
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
    name = title(ax)
    texts = [plain(t.get_text()).replace("\n", " ") for t in ax.texts if t.get_visible() and t.get_text().strip()]
    texts = [t for t in texts if t not in (name, "")]
    if texts:
        parts.append("labels: " + "; ".join(texts[:MAX_TEXTS])
                     + (f"; and {len(texts) - MAX_TEXTS} more" if len(texts) > MAX_TEXTS else ""))
    parts = [p for p in parts if p]
    if not parts:
        return ""
    scales = [f"{n}: {name}" + (", log scale" if scale == "log" else "") for n, name, scale in
              (("x", label(ax, "x"), ax.get_xscale()), ("y", label(ax, "y"), ax.get_yscale()))
              if name not in ("x", "y") and ax.axison]
    head = f"Panel '{name}'" if name else "Panel"
    return head + (f" ({'; '.join(scales)})" if scales else "") + ": " + "; ".join(parts) + "."
