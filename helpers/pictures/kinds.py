"""The point of an Axes read off the data it draws, by kind, for Axes whose drawing function stated none
(helpers/pictures/words.py): curves (flat, falling, oscillating, crossing: helpers/pictures/shapes.py), bars
and error bars (highest, lowest, where they differ most), histograms (where they peak), a shading under class
points (how many are on their target's side of 0.5), a hidden unit's map (where it is above 0.5).

Each function returns a clause (no capital, no full stop) or "" when its kind does not apply. Only matplotlib's
public API is read.
"""
import numpy as np
from matplotlib.collections import PathCollection
from matplotlib.colors import to_hex
from matplotlib.container import BarContainer, ErrorbarContainer
from matplotlib.patches import Polygon

from helpers.pictures import details
from helpers.pictures.shapes import MIN_SWINGS, at, crossings, curve, extremes, is_flat, number, plain, swings

CLASS_COLOURS = {"#0072b2": 0, "#d55e00": 1}  # the points' colours by target (helpers.pictures.plots.CLASSES)


def sentence(text: str) -> str:
    """text as a sentence: a capital first (not on a name such as "h1" or "x2"), a full stop last."""
    text = text.strip()
    if len(text) > 1 and text[1].isdigit():
        return text + ("" if text.endswith((".", "!", "?")) else ".")
    text = text.strip()
    return text[:1].upper() + text[1:] + ("" if text.endswith((".", "!", "?")) else ".") if text else ""


def plane(ax, image) -> str:
    """A shading over points: with the lab's blue-to-orange scale (a net's output), how many points it puts on
    their target's side of 0.5; with another scale (a hidden unit's activation), where it is above 0.5."""
    points = next((c for c in ax.collections if isinstance(c, PathCollection) and c.get_visible()
                   and len(c.get_offsets())), None)
    if points is None:
        return ""
    xy = np.asarray(points.get_offsets(), dtype=float)
    values = details.image_at(image, xy)
    if values is None:
        return ""
    colours = points.get_facecolors()
    targets = [CLASS_COLOURS.get(to_hex(colours[i % len(colours)])) for i in range(len(xy))] if len(colours) else []
    inputs = bool(np.all(np.isin(xy, (0.0, 1.0))))  # the four inputs themselves (the input plane)
    names = [f"({a:g},{b:g}) " if inputs else "" for a, b in xy]
    said = ", ".join(f"{n}{number(v)}" for n, v in zip(names, values))
    cmap = image.get_cmap()
    output = [to_hex(cmap(0.0)), to_hex(cmap(1.0))] == list(CLASS_COLOURS)
    if output and None not in targets and len(set(targets)) == 2:
        right = sum((v > 0.5) == bool(t) for v, t in zip(values, targets))
        head = f"all {len(xy)} points lie" if right == len(xy) else f"{right} of {len(xy)} points lie"
        name = details.title(ax)
        return f"{name + ': ' if name else ''}{head} on their target's side of 0.5 (the output there: {said})"
    if inputs:
        high = [n.strip() for n, v in zip(names, values) if v > 0.5]
        name = details.title(ax) or "the shading"
        return (f"{name} is above 0.5 at {len(high)} of the {len(xy)} inputs"
                + (f", {', '.join(high)}" if high else "") + f" (values {said})")
    return ""


def curves(ax) -> str:
    """Curves: one or a few in shape words, with where two cross; many in groups: how many stay flat, which
    oscillate, which ends highest and which lowest."""
    found = details.curves(ax)
    log = ax.get_yscale() == "log"
    x_name = details.along(ax)
    if len(found) == 1:
        name, x, y = found[0]
        return f"{name or plain(ax.get_ylabel()) or 'the curve'} {curve(x, y, log, x_name)}"
    if len(found) <= 3:
        words = "; ".join(f"{name or 'a curve'} {curve(x, y, log, x_name)}" for name, x, y in found)
        (a, xa, ya), (b, xb, yb) = found[0], found[1]
        if len(xa) == len(xb) and np.array_equal(xa, xb) and a and b:
            start = xa[0] + 0.05 * (xa[-1] - xa[0])  # not the jitter of the first steps
            cross = [c for c in crossings(xa, ya, yb) if c > start]
            if cross:
                words += f"; {a} and {b} cross at {at(x_name, number(cross[0]))}"
        return words
    names = []  # an unnamed curve belongs to the named one before it (a legend names a group's first line only)
    for i, (name, _, _) in enumerate(found):
        names.append(name or (names[-1] if names else f"curve {i + 1}"))
    ends = [y[-1] for _, _, y in found]
    flat = [n for n, (_, _, y) in zip(names, found) if is_flat(y, log)]
    words = f"of {len(found)} curves, {len(flat)} stay{'s' if len(flat) == 1 else ''} flat" if flat else \
        f"all {len(found)} curves move"
    turning = [(n, swings(y, log)) for n, (_, _, y) in zip(names, found)]
    turning = [(n, k, size) for n, (k, size) in turning if k >= MIN_SWINGS]
    if turning:
        groups = list(dict.fromkeys(n for n, _, _ in turning))
        words += (f"; {len(turning)} oscillate ({', '.join(groups)}; swings up to "
                  f"{number(max(size for _, _, size in turning))})")
    return words + f"; at the end {extremes(names, ends)}"


def series(ax) -> str:
    """Error bars (a value per group with its interval): with one series its lowest and highest; with several,
    where they differ most and their values there."""
    found = []
    for c in ax.containers:
        if isinstance(c, ErrorbarContainer) and c.lines[0] is not None:
            x, y = (np.asarray(v, dtype=float) for v in c.lines[0].get_data())
            found.append((c.get_label(), [details.category(ax, v) for v in x], y))
    x_name, y_name = details.along(ax), plain(ax.get_ylabel())
    head = f"{y_name}: " if y_name else ""
    if len(found) >= 2 and all(len(y) == len(found[0][2]) for _, _, y in found):
        Y = np.array([y for _, _, y in found])
        ok = np.isfinite(Y).sum(axis=0) >= 2  # groups where two settings have a value (no "none")
        gap = np.zeros(Y.shape[1])
        gap[ok] = np.nanmax(Y[:, ok], axis=0) - np.nanmin(Y[:, ok], axis=0)
        if gap.max() > 0:
            k = int(np.argmax(gap))
            values = ", ".join(f"{label} {number(y[k])}" for label, _, y in found[:4])
            return f"{head}the settings differ most at {at(x_name, found[0][1][k])}: {values}"
    parts = []
    for label, xs, y in found[:3]:
        if np.isfinite(y).any():
            top, low = int(np.nanargmax(y)), int(np.nanargmin(y))
            parts.append(f"{label} is lowest, {number(y[low])}, at {at(x_name, xs[low])} and highest, "
                         f"{number(y[top])}, at {at(x_name, xs[top])}")
        else:
            parts.append(f"{label} has no value")
    return head + "; ".join(parts)


def histograms(ax) -> str:
    """Histograms drawn as outlines: where each peaks."""
    found = [p for p in ax.patches if isinstance(p, Polygon) and p.get_visible() and not p.get_label().startswith("_")]
    parts = []
    for p in found:
        x, y = p.get_xy().T
        parts.append(f"{p.get_label()} peaks at {number(y.max())} near {number(x[np.argmax(y)])}")
    what = plain(ax.get_ylabel()) or "counts"
    return f"{what} by {details.along(ax)}: " + "; ".join(parts)


def shading(ax, image) -> str:
    """A shading alone (a landscape, a table of values): its range, and where it is lowest on a plane."""
    A = np.asarray(image.get_array(), dtype=float)
    name = details.title(ax)
    words = (f"{'at ' + name + ', ' if name else ''}the shading goes from {number(np.nanmin(A))} "
             f"to {number(np.nanmax(A))}")
    if ax.axison:
        x0, x1, y0, y1 = image.get_extent()
        i, j = np.unravel_index(np.nanargmin(A), A.shape[:2])
        rows, cols = A.shape[:2]
        i = i if image.origin == "lower" else rows - 1 - i
        x, y = x0 + (j + 0.5) * (x1 - x0) / cols, y0 + (i + 0.5) * (y1 - y0) / rows
        words += f", lowest near {details.label(ax, 'x')} = {number(x)}, {details.label(ax, 'y')} = {number(y)}"
    return words


def bars(ax) -> str:
    """Bars: beside targets and a 0.5 line (predictions), how many are on their target's side; else, for each
    set of bars, which is highest and which lowest."""
    sets = [c for c in ax.containers if isinstance(c, BarContainer)]
    x_name = details.along(ax)
    level = any(len(line.get_xdata()) == 2 and np.all(np.asarray(line.get_ydata()) == 0.5) for line in ax.lines)
    targets = next((c for c in ax.collections if isinstance(c, PathCollection) and c.get_label() == "target"), None)
    parts = []
    for bars in sets:
        names = [details.category(ax, b.get_x() + b.get_width() / 2) for b in bars]
        values = [b.get_height() for b in bars]
        if level and targets is not None and len(targets.get_offsets()) == len(values):
            t = np.asarray(targets.get_offsets(), dtype=float)[:, 1]
            right = sum((v > 0.5) == (g > 0.5) for v, g in zip(values, t))
            return (f"{right} of {len(values)} outputs are on their target's side of 0.5: "
                    + ", ".join(f"{n} {number(v)}" for n, v in zip(names, values)))
        label = bars.get_label()
        named = [at(x_name, n) if n.replace(".", "").isdigit() else n for n in names]
        parts.append(("" if not label or label.startswith("_") else f"{label}: ") + extremes(named, values))
    return "; ".join(parts)


def point(ax) -> str:
    """The point of one Axes read off its data, as one sentence ("" if no kind applies)."""
    image = next((im for im in ax.images if im.get_visible()), None)
    words = plane(ax, image) if image is not None else ""
    if not words and any(isinstance(c, BarContainer) for c in ax.containers):
        words = bars(ax)
    if not words and any(isinstance(c, ErrorbarContainer) for c in ax.containers):
        words = series(ax)
    if not words and details.curves(ax):
        words = curves(ax)
    if not words and any(isinstance(p, Polygon) and not p.get_label().startswith("_") for p in ax.patches):
        words = histograms(ax)
    if not words and image is not None:
        words = shading(ax, image)
    if not words:
        marks = [line for line in ax.lines if line.get_visible() and len(line.get_xdata()) == 1]
        if marks:
            x, y = marks[0].get_data()
            words = f"{plain(ax.get_ylabel()) or 'the value'} is {number(y[0])} at {details.along(ax)} {number(x[0])}"
    if not words:
        lines = [line for line in ax.lines if line.get_visible() and len(line.get_xdata()) == 2]
        if lines and ax.axison:
            (x0, x1), (y0, y1) = lines[0].get_data()
            words = (f"a line from ({number(x0)}, {number(y0)}) to ({number(x1)}, {number(y1)}) "
                     f"({details.label(ax, 'x')}, {details.label(ax, 'y')})")
    if not words and not ax.axison:
        texts = [plain(t.get_text()).replace("\n", " ") for t in ax.texts if t.get_visible() and t.get_text().strip()]
        name = details.title(ax)
        words = (f"{name + ': ' if name else ''}a diagram labelled " + "; ".join(texts[:6])) if texts else ""
    return sentence(words)
