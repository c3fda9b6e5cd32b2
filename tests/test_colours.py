"""Colours every student tells apart (issue 24): the lab's palettes under simulated colour-vision deficiency.

Each palette is a set of colours that appear in one picture and mean different things. Under
deuteranopia, protanopia and tritanopia (colorspacious, severity 100) every two of them stay at
least MIN_DELTA_E apart in CAM02-UCS (about 1 is a just-noticeable difference), and every colour
has 3:1 contrast against the white page (WCAG 2.1's 1.4.11, graphics). They never carry meaning
alone: each also has its line style or marker (tested here where it is a constant).
"""
import itertools

import colorspacious
import numpy as np
import pytest
from matplotlib.colors import to_rgb
from test_figures import contrast

from helpers.panels import sweep as sweep_panel
from helpers.pictures import fixes_plots, plots

MIN_DELTA_E = 10.0
DEFICIENCIES = ("deuteranomaly", "protanomaly", "tritanomaly")  # at severity 100: -anopia
PALETTES = {
    "classes (target 0 and 1, failed and solved)": plots.CLASSES,
    "lines named by a legend": plots.LINES,
    "hidden sizes 1-4 (notebook 03, the sweep panel)": plots.SIZES,
    "settings of notebook 05": fixes_plots.PALETTE,
    "shading ends (output 0 and 1)": (plots.CMAP(0.0), plots.CMAP(1.0)),
}


def seen_as(colour, deficiency: str = None) -> np.ndarray:
    """The colour in CAM02-UCS, as a person with that deficiency sees it (None: typical vision)."""
    rgb = np.asarray(to_rgb(colour))
    if deficiency is not None:
        cvd = {"name": "sRGB1+CVD", "cvd_type": deficiency, "severity": 100}
        rgb = np.clip(colorspacious.cspace_convert(rgb, cvd, "sRGB1"), 0, 1)
    return colorspacious.cspace_convert(rgb, "sRGB1", "CAM02-UCS")


def closest_pair(palette) -> tuple:
    """(the smallest difference, the pair, the vision) over every two colours and every vision."""
    return min((float(np.linalg.norm(seen_as(a, d) - seen_as(b, d))), (a, b), d or "typical")
               for a, b in itertools.combinations(palette, 2) for d in (None, *DEFICIENCIES))


@pytest.mark.parametrize("name", PALETTES)
def test_every_two_colours_of_a_palette_stay_apart_under_colour_vision_deficiency(name):
    delta, pair, vision = closest_pair(PALETTES[name])
    assert delta >= MIN_DELTA_E, f"{name}: {pair} only {delta:.1f} apart for {vision} vision"


@pytest.mark.parametrize("name", PALETTES)
def test_every_colour_of_a_palette_has_3_to_1_contrast_on_white(name):
    low = [(c, round(contrast(c), 2)) for c in PALETTES[name] if contrast(c) < 3.0]
    assert not low, f"{name}: under 3:1 on white: {low}"


def test_the_check_tells_a_red_green_pair_apart_only_for_typical_vision():
    delta, pair, vision = closest_pair(("#d62728", "#2ca02c"))  # matplotlib's default red and green
    assert delta < MIN_DELTA_E and vision in ("deuteranomaly", "protanomaly")


def test_text_on_a_fill_is_black_or_white_whichever_reads_at_4_5_to_1():
    for fill in [plots.CMAP(v) for v in np.linspace(0, 1, 51)] + ["#dddddd", "white", "black"]:
        text = plots.text_colour(fill)
        assert contrast(text, fill) >= 4.5, (fill, text)


def test_classes_differ_by_shape_and_line_colours_by_style_too():
    assert plots.SHAPES[False] != plots.SHAPES[True]
    assert len(set(plots.LINE_STYLES)) == len(plots.LINES) >= len(plots.SIZES)
    assert len(set(fixes_plots.MARKERS)) == len(fixes_plots.PALETTE)
    assert sweep_panel.plots.SIZES is plots.SIZES  # the sweep panel draws hidden sizes as notebook 03 does
