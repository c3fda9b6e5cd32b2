"""Every stored figure and panel frame of every numbered notebook in words, as a screen reader hears them (issue 39).

Read from the notebooks as committed (executed, with outputs): each figure's <img alt> is its message, a
sentence or two that opens with what the figure shows (not a "Panel '...'" list), at most MAX_ALT characters;
the longer words under "The figure in words" differ from it and do not repeat it (heard once); no description
holds a hex colour, a drawing's line count or a position of its layout. Each panel's stored frame follows the
same rules in its "Picture in words".

The notebooks read are those in notebooks/, or in the folder FIGURE_WORDS_NOTEBOOKS names (a copy executed
elsewhere, to check new words before the notebooks themselves are executed again).
"""
import html
import json
import os
import re
from pathlib import Path

import pytest

from helpers.pictures import words

ROOT = Path(__file__).resolve().parents[1]
FOLDER = Path(os.environ.get("FIGURE_WORDS_NOTEBOOKS", ROOT / "notebooks"))
NOTEBOOKS = sorted(FOLDER.glob("0[1-9]_*.ipynb"))
HEX = re.compile(r"#[0-9a-fA-F]{6}\b")
IMG = re.compile(r'<img src="data:image/png;base64,[A-Za-z0-9+/=]+" alt="([^"]*)">'
                 r"<details><summary>The figure in words</summary><p>(.*?)</p></details>", re.S)
PANEL_WORDS = re.compile(r"<p[^>]*><span>The picture in words: </span>(.*?)</p>(?:<p>(.*?)</p>)?", re.S)


def figures(path: Path) -> list:
    """[(where, alt, details)] for every figure a cell shows and every panel frame stored in the notebook."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    found = []
    for i, cell in enumerate(nb["cells"]):
        for output in cell.get("outputs", []):
            page = "".join(output.get("data", {}).get("text/html", ""))
            found += [(f"cell {i}", html.unescape(a), html.unescape(d)) for a, d in IMG.findall(page)]
    state = nb.get("metadata", {}).get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {})
    for model_id, model in state.get("state", {}).items():
        value = model.get("state", {})
        if "panel-words" in value.get("_dom_classes", []) and value.get("value"):
            for a, d in PANEL_WORDS.findall(value["value"]):
                found.append((f"panel words {model_id[:8]}", html.unescape(a), html.unescape(d)))
    return found


def problems(alt: str, details: str) -> list:
    """What a screen reader would hear wrong in one figure's words (empty: none)."""
    found = []
    if not alt.strip():
        found.append("no alt")
    if len(alt) > words.MAX_ALT:
        found.append(f"alt of {len(alt)} characters (at most {words.MAX_ALT})")
    if alt.startswith("Panel"):
        found.append("alt opens with a list of panels, not with what the figure shows")
    for name, text in (("alt", alt), ("details", details)):
        if HEX.search(text):
            found.append(f"a hex colour in the {name}: {HEX.search(text).group()}")
        if "connecting lines" in text:
            found.append(f"a count of a drawing's lines in the {name}")
        # a drawing (a panel with no axes named) has no coordinates to give: a position there is layout
        for sentence in re.findall(r"Panel(?: '[^']*')?: [^.]*", text):
            if re.search(r"at \(-?\d", sentence):
                found.append(f"a layout position in the {name}: {sentence[:60]!r}")
    if details and (details == alt or alt in details):
        found.append("the details repeat the alt: a screen reader hears it twice")
    return found


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_every_stored_figure_and_frame_says_its_point_once(path):
    found = figures(path)
    assert found, f"{path.name}: no figure in words stored (is it executed?)"
    bad = [f"{where}: {p}\n    alt: {alt[:300]}" for where, alt, details in found for p in problems(alt, details)]
    assert not bad, f"{path.name}, {len(found)} figures and frames:\n" + "\n".join(bad)


def test_the_check_finds_a_data_dump():
    dump = ("Panel 'final loss 0.0006' (x: step): #740074 line from 0.256 at 0 to 0.000616 at 10,001. "
            "Panel 'a net': 12 connecting lines, 6 of them dashed; points at (2, 0).")
    said = "\n".join(problems(dump, dump))
    for problem in ("opens with a list of panels", "hex colour in the alt", "count of a drawing's lines",
                    "layout position", "hears it twice"):
        assert problem in said, said
    assert problems("The loss stays near 0.256 until step 1,059, then falls.", "Panel 'loss' (x: step): ...") == []
