"""Every figure the lab draws, read as a student sees it: no text over text, none cut, none too small.

Two sources of figures:
- the notebooks: each notebook's code cells run in order here (panels left out: they are the
  second source), and every figure a cell shows (`plt.show()`) is measured as the inline backend
  shows it: cropped to its tight box, and scaled down to the width JupyterLab gives an output in a
  1400 x 1000 window (SHOWN_WIDTH, measured by tests/test_browser_sizes.py);
- the panels: each one built with its defaults, then every slider set to its lowest and highest
  value (every value, for a slider of a few steps) and every toggle to each option; the panel's
  figure is measured at its own pixel size, the size the browser shows it at.

For every text matplotlib actually draws (tick labels, titles, legends, annotations), its box in
pixels after a draw. A figure fails when two texts overlap, when a text reaches past the edge of
the picture shown, when a text is under MIN_PT points on the screen, when a log axis shows no
number at all, when a text's colour is under 4.5:1 on white, or when an Axes that draws data gets no
words in the figure's description or no point in its message (helpers/pictures/words.py, issues 24 and 39).
"""
import contextlib
import json
import os
from pathlib import Path

import ipywidgets as widgets
import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.colors import to_rgb
from matplotlib.text import Text

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
NOTEBOOKS = [p for p in NOTEBOOKS if not p.name.startswith("00_")]
SHOWN_WIDTH = 968   # CSS px: the widest JupyterLab shows an inline figure in a 1400 x 1000 window
MIN_PT = 9.0        # the smallest text on the screen, in CSS points (1 pt = 4/3 px)
PAD_INCHES = 0.1    # what the inline backend's bbox_inches="tight" adds around a figure
PANEL_CALLS = ("explore_training(", "watch_it_form(", "explore_sweep(", "step_through(", "drive_a_line(",
               "explore_depth(")


@contextlib.contextmanager
def recording_texts():
    """While active, every Text that really draws is appended to the yielded list (after its draw)."""
    drawn, original = [], Text.draw

    def draw(self, renderer):
        result = original(self, renderer)
        if self.get_visible() and self.get_text().strip() and (self.get_alpha() is None or self.get_alpha() > 0):
            drawn.append(self)
        return result

    Text.draw = draw
    try:
        yield drawn
    finally:
        Text.draw = original


def describe(text: Text) -> str:
    return repr(text.get_text()[:40])


def _log_axes_without_numbers(fig, drawn: list) -> list:
    problems = []
    ids = {id(t) for t in drawn}
    for ax in fig.axes:
        if not ax.get_visible() or not ax.axison:
            continue
        for axis, name in ((ax.xaxis, "x"), (ax.yaxis, "y")):
            if axis.get_scale() != "log" or not axis.get_tick_params().get("labelleft", True):
                continue
            ticks = axis.get_major_ticks() + axis.get_minor_ticks()
            if not any(t.label1.get_visible() or t.label2.get_visible() for t in ticks[:1]):
                continue  # labels switched off on purpose (an axis shared with its neighbour)
            labels = [t.label1 for t in ticks] + [t.label2 for t in ticks]
            if not any(id(label) in ids for label in labels):
                problems.append(f"log {name} axis of {ax.get_title()!r} shows no number")
    return problems


def figure_problems(fig, tight: bool) -> list:
    """What is wrong with `fig` as shown: inline (`tight`: cropped to its tight box, scaled to
    SHOWN_WIDTH) or as a panel's PNG (the whole figure at its pixel size)."""
    with recording_texts() as drawn:
        fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    dpi = fig.dpi
    if tight:
        box = fig.get_tightbbox(renderer).padded(PAD_INCHES)
        x0, y0, x1, y1 = (v * dpi for v in box.extents)
    else:
        x0, y0, x1, y1 = fig.bbox.extents
    scale = min(1.0, SHOWN_WIDTH / (x1 - x0))
    boxes = [(t, t.get_window_extent(renderer)) for t in drawn]
    problems = []
    for t, b in boxes:
        shown_pt = t.get_fontsize() * dpi / 72 * scale * 0.75
        if shown_pt < MIN_PT - 0.05:
            problems.append(f"text {describe(t)} is {shown_pt:.1f} pt on the screen (fontsize {t.get_fontsize():g}, "
                            f"dpi {dpi:g}, shown at {scale:.2f}x)")
        if b.x0 < x0 - 0.5 or b.y0 < y0 - 0.5 or b.x1 > x1 + 0.5 or b.y1 > y1 + 0.5:
            problems.append(f"text {describe(t)} is cut by the picture's edge")
        clip = t.get_clip_box() if t.get_clip_on() else None
        if clip is not None and (b.x0 < clip.x0 - 0.5 or b.x1 > clip.x1 + 0.5 or b.y0 < clip.y0 - 0.5
                                 or b.y1 > clip.y1 + 0.5):
            problems.append(f"text {describe(t)} is cut by its axes")
    for i, (t, b) in enumerate(boxes):
        for u, c in boxes[i + 1:]:
            w = min(b.x1, c.x1) - max(b.x0, c.x0)
            h = min(b.y1, c.y1) - max(b.y0, c.y0)
            if w > 1 and h > 1:
                problems.append(f"texts {describe(t)} and {describe(u)} overlap ({w:.0f} x {h:.0f} px)")
    return problems + _log_axes_without_numbers(fig, drawn) + _unreadable_colours(drawn) + _axes_without_words(fig)


def contrast(a, b="white") -> float:
    """WCAG 2.1's contrast ratio of two colours (1 to 21)."""
    def luminance(c):
        rgb = np.asarray(to_rgb(c))
        return np.where(rgb <= 0.03928, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4) @ [0.2126, 0.7152, 0.0722]
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _unreadable_colours(drawn: list) -> list:
    """Texts under 4.5:1 against the white page (WCAG 2.1 AA). White text is drawn only on a fill dark
    enough for it (helpers.pictures.plots.text_colour, checked in tests/test_colours.py)."""
    return [f"text {describe(t)} in {t.get_color()} is {contrast(t.get_color()):.1f}:1 on white (under 4.5:1)"
            for t in drawn if to_rgb(t.get_color()) != (1.0, 1.0, 1.0) and contrast(t.get_color()) < 4.5]


def _axes_without_words(fig) -> list:
    """Axes that draw something (lines, images, points, bars) and get no sentence in the figure's words."""
    from helpers.pictures import details, words
    drawn = [ax for ax in fig.axes if ax.get_visible() and ax.get_label() != "<colorbar>"
             and any(a.get_visible() for a in [*ax.lines, *ax.images, *ax.collections, *ax.patches])]
    return [f"axes {ax.get_title() or i!r} draws data but has no words (helpers.pictures.words)"
            for i, ax in enumerate(drawn) if not details.axes(ax) or not words.point_of(ax)]


# ---------------------------------------------------------------- the notebooks' figures

def notebook_figures(path: Path) -> list:
    """Run the notebook's code cells (not the panels) in one namespace, from notebooks/, and
    return [(cell index, problems)] for every figure a cell shows."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    found = []
    cell_index = [None]

    def show(*args, **kwargs):
        for number in plt.get_fignums():
            fig = plt.figure(number)
            found.append((cell_index[0], figure_problems(fig, tight=True)))
        plt.close("all")

    namespace = {"__name__": "__main__"}
    old_cwd, old_show, old_backend = os.getcwd(), plt.show, matplotlib.get_backend()
    os.chdir(path.parent)
    plt.switch_backend("agg")
    plt.show = show
    try:
        for i, cell in enumerate(nb["cells"]):
            source = "".join(cell["source"])
            if cell["cell_type"] != "code" or any(call in source for call in PANEL_CALLS):
                continue
            if source.lstrip().startswith("%") or "\n%" in source:
                continue  # IPython magics: none draws a figure
            cell_index[0] = i
            with contextlib.redirect_stdout(None):
                exec(compile(source, f"{path.name} cell {i}", "exec"), namespace)
            show()  # a figure left open at the end of a cell is shown too
    finally:
        plt.show = old_show
        os.chdir(old_cwd)
        plt.close("all")
        plt.switch_backend(old_backend)
    return found


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_every_notebook_figure_is_readable_as_shown(path):
    figures = notebook_figures(path)
    bad = [f"cell {cell}: {p}" for cell, problems in figures for p in problems]
    assert not bad, f"{path.name}, {len(figures)} figures:\n" + "\n".join(bad)


# ---------------------------------------------------------------- the panels at their extremes

def controls(widget) -> list:
    """The sliders, toggles and checkboxes inside a panel's widget, in order."""
    kinds = (widgets.IntSlider, widgets.FloatSlider, widgets.FloatLogSlider, widgets.ToggleButtons,
             widgets.Checkbox, widgets.Dropdown)
    if isinstance(widget, kinds):
        return [widget]
    found = []
    for child in getattr(widget, "children", ()):
        found += controls(child)
    return found


def settings(control) -> list:
    """The values to try: each option of a toggle, every value of a slider with at most 12,
    else the lowest and the highest."""
    if isinstance(control, widgets.Checkbox):
        return [not control.value, control.value]
    if isinstance(control, (widgets.ToggleButtons, widgets.Dropdown)):
        return [value for _, value in control.options] if isinstance(control.options[0], tuple) \
            else list(control.options)
    if isinstance(control, widgets.FloatLogSlider):
        return [control.base ** control.min, control.base ** control.max]
    if isinstance(control, widgets.IntSlider) and (control.max - control.min) // control.step <= 12:
        return list(range(control.min, control.max + 1, control.step))
    return [control.min, control.max]


def make_panel(name: str):
    if name == "line":
        from helpers.panels.line import drive_a_line
        return drive_a_line()
    if name == "one_step":
        from helpers.panels.one_step import step_through
        return step_through()
    if name == "explorer":
        from helpers.panels.explorer import explore_training
        return explore_training()
    if name == "sweep":
        from helpers.panels.sweep import explore_sweep
        return explore_sweep()
    if name == "fixes":
        from helpers.panels.fixes import compare_fixes
        return compare_fixes()
    if name == "depth":
        from helpers.panels.depth import explore_depth
        return explore_depth()
    from helpers.panels.representation import watch_it_form
    return watch_it_form()


def panel_problems(panel) -> list:
    problems = []

    def measure(where: str):
        assert panel.error is None, f"{where}: the panel shows an error: {panel.error!r}"
        problems.extend(f"{where}: {p}" for p in figure_problems(panel.fig, tight=False))

    measure("defaults")
    for control in controls(panel.widget):
        default = control.value
        for value in settings(control):
            control.value = value
            measure(f"{control.description or type(control).__name__}={value!r}")
        control.value = default
    return problems


def test_the_step_panel_is_readable_at_every_stage_for_every_input():
    from helpers.panels.one_step import step_through
    panel = step_through()
    problems = []
    for example in [value for _, value in panel.example.options]:
        panel.example.value = example
        for stage in range(panel.stage.min, panel.stage.max + 1):
            panel.stage.value = stage
            problems += [f"input {example!r}, stage {stage}: {p}" for p in figure_problems(panel.fig, tight=False)]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name", [
    "line",
    "one_step",
    "explorer",
    "sweep",
    "representation",
    "fixes",
    "depth",
])
def test_every_panel_is_readable_at_its_defaults_and_slider_extremes(name):
    problems = panel_problems(make_panel(name))
    assert not problems, f"{name}:\n" + "\n".join(problems)


# ---------------------------------------------------------------- the test itself can fail

def test_the_check_finds_overlapping_cut_and_small_text():
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    fig = Figure(figsize=(3, 2), dpi=100)
    FigureCanvasAgg(fig)
    ax = fig.subplots()
    ax.set_xticks([])
    ax.set_yticks([])
    ax.text(0.2, 0.5, "one label", fontsize=10, transform=ax.transAxes)
    ax.text(0.22, 0.52, "another label", fontsize=10, transform=ax.transAxes)
    ax.text(0.1, 0.1, "tiny", fontsize=6, transform=ax.transAxes)
    fig.text(0.95, 0.5, "past the edge", fontsize=10)
    problems = "\n".join(figure_problems(fig, tight=False))
    assert "'one label' and 'another label' overlap" in problems
    assert "'tiny' is 6.2 pt" in problems
    assert "'past the edge' is cut" in problems
    assert "'one label' is cut" not in problems
    clean = Figure(figsize=(3, 2), dpi=100)
    FigureCanvasAgg(clean)
    clean.subplots().plot([0, 1], [0, 1])
    clean.tight_layout()
    assert figure_problems(clean, tight=False) == []
