"""Every lesson reaches every student (issue 24), in JupyterLab in a real browser.

- axe-core (axe-playwright-python) audits each notebook after Run All, its panels included. A
  violation is ours when its element is in what a notebook puts on the page (an output or a
  rendered markdown cell); everything else is JupyterLab's own chrome, listed in
  tests/screenshots/axe.txt, not failed on. Ours must hold no serious or critical violation: that
  includes ipywidgets' rendering of our panels (ipywidgets 8 draws a slider's handle with no name and
  the Image widget with no alt, and no trait reaches either; the script each panel shows,
  helpers/panels/names.py, names both in the page, and this test fails without it).
- Each figure heard once (issue 39): in Chromium's accessibility tree its image is named by its point, and that
  text is nowhere else (the longer words under it differ).
- Notebook 01 used with the keyboard alone: Run All from the command palette, every control of the
  training explorer reached with Tab in order, each with a name and a visible focus, Play, Step and
  Reset pressed with Space and Enter, a slider moved with the arrow keys, the status line a live
  region, the picture's words on it and under it; then exercise 1 written and checked.

Needs what tests/test_browser.py needs (Debian's chromium, playwright) and axe-playwright-python.
"""
import re

import pytest
from test_browser import (  # noqa: F401 (lab_server, browser: fixtures)
    ROOT,
    SCREENSHOTS,
    browser,
    kernel_idle,
    lab_server,
    open_and_run_all,
    settled,
    step_of,
    unavailable,
    wait_until,
)

NOTEBOOKS = sorted((ROOT / "notebooks").glob("0[1-6]_*.ipynb"))
OURS = ".jp-OutputArea-output, .jp-MarkdownOutput"


def axe_violations(page) -> list:
    """[(rule id, impact, target selector, where)] for every node axe finds in violation; where: "ours" (in
    what a notebook puts on the page) or "JupyterLab" (its chrome)."""
    try:
        from axe_playwright_python.sync_playwright import Axe
    except ImportError:
        unavailable("axe-playwright-python is not installed (python3 tools/lab.py test installs it)")
    found = []
    for rule in Axe().run(page).response["violations"]:
        for node in rule["nodes"]:
            target = node["target"][0] if isinstance(node["target"][0], str) else node["target"][0][0]
            where = page.evaluate("([t, ours]) => document.querySelector(t)?.closest(ours) ? 'ours' : 'JupyterLab'",
                                  [target, OURS])
            found.append((rule["id"], rule["impact"], target, where))
    return found


def heard(cdp) -> list:
    """Every name and text Chromium's accessibility tree gives a screen reader, in page order (ignored nodes out)."""
    nodes = cdp.send("Accessibility.getFullAXTree")["nodes"]
    return [n.get("name", {}).get("value", "") for n in nodes if not n.get("ignored")]


def test_each_figure_is_heard_once_its_point_as_alt_its_details_different(lab_server, browser):  # noqa: F811
    """In the accessibility tree of notebook 01 after Run All, each figure is an image named by its point (at most
    words.MAX_ALT characters), that point is heard once, and the longer words under it are not the same text."""
    from helpers.pictures import words
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        open_and_run_all(page, lab_server, ROOT / "notebooks" / "01_xor_baseline.ipynb")
        images = page.locator(".jp-OutputArea-output img[alt]")  # the figures (a panel's picture has a fixed alt)
        alts = [a for a in images.evaluate_all("els => els.filter(e => !e.closest('.backprop-panel'))"
                                               ".map(e => e.alt)") if a]
        assert alts, "no figure with an alt"
        texts = heard(page.context.new_cdp_session(page))
    finally:
        page.close()
    for alt in alts:
        assert len(alt) <= words.MAX_ALT and not alt.startswith("Panel"), alt
        assert sum(alt in t for t in texts) == 1, f"heard {sum(alt in t for t in texts)} times: {alt}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_axe_finds_no_serious_violation_in_what_the_notebook_puts_on_the_page(path, lab_server, browser):  # noqa: F811
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        open_and_run_all(page, lab_server, path)
        found = axe_violations(page)
    finally:
        page.close()
    report = [f"{where} {impact} {rule}: {target}" for rule, impact, target, where in found]
    with open(SCREENSHOTS / "axe.txt", "a", encoding="utf-8") as f:  # the full list, chrome included
        f.write(f"{path.name}: {len(found)} nodes in violation\n" + "".join(f"  {r}\n" for r in report))
    ours = [f"{impact} {rule}: {target}" for rule, impact, target, where in found
            if where == "ours" and impact in ("serious", "critical")]
    assert not ours, f"{path.name}: axe's serious or critical violations in our outputs:\n" + "\n".join(ours)


def focused(page, cdp) -> dict:
    """What has the keyboard focus: Chromium's own accessible name and role for it, and its focus ring."""
    element = cdp.send("Runtime.evaluate", {"expression": "document.activeElement"})["result"]["objectId"]
    node = cdp.send("Accessibility.getPartialAXTree", {"objectId": element, "fetchRelatives": False})["nodes"][0]
    # focus is visible when the element looks different focused and not (a ring, a shadow, a new colour)
    shown = page.evaluate("""() => {
        const e = document.activeElement, looks = ['outlineStyle', 'outlineWidth', 'outlineColor', 'boxShadow',
                                                    'backgroundColor', 'borderTopColor'];
        const style = () => looks.map(p => getComputedStyle(e)[p]).join('|');
        const on = style(); e.blur(); const off = style(); e.focus();
        const label = e.closest('.widget-inline-hbox')?.querySelector('label.widget-label')?.textContent || '';
        return {ring: on !== off, inPanel: !!e.closest('.backprop-panel'), label: label.trim(),
                html: e.outerHTML.slice(0, 80)};
    }""")
    return {"name": node.get("name", {}).get("value", "").strip(), "role": node.get("role", {}).get("value", ""),
            **shown}


def test_notebook_01_with_the_keyboard_alone(lab_server, browser):  # noqa: F811
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    path = ROOT / "notebooks" / "01_xor_baseline.ipynb"
    try:
        page.goto(f"{lab_server}/lab/tree/notebooks/{path.name}?token=backprop-lab-browser-test&reset")
        wait_until(lambda: kernel_idle(page), 90, "the kernel to start (status bar: Idle)")
        page.keyboard.press("Escape")
        page.keyboard.press("Control+Shift+C")  # the command palette
        page.keyboard.type("Run All Cells")
        page.keyboard.press("Enter")
        wait_until(lambda: page.locator(".backprop-panel").count() >= 2 and kernel_idle(page)
                   and "[*]" not in "".join(page.locator(".jp-InputPrompt").all_inner_texts()), 180,
                   "Run All (from the command palette) to finish")
        panel = page.locator(".backprop-panel", has=page.locator(".widget-play")).first
        status = panel.locator(".panel-status").first

        # the explorer's cell chosen with the arrow keys, then Tab into its panel
        cdp = page.context.new_cdp_session(page)
        page.locator(".jp-Notebook").first.focus()
        active = page.locator(".jp-Notebook .jp-Cell.jp-mod-active").first
        for _ in range(80):
            if "explore_training()" in active.locator(".jp-InputArea").inner_text():
                break
            page.keyboard.press("ArrowDown")
        for _ in range(40):
            if focused(page, cdp)["inPanel"]:
                break
            page.keyboard.press("Tab")
        order = []
        for _ in range(30):
            now = focused(page, cdp)
            if not now["inPanel"]:
                break
            order.append(now)
            page.keyboard.press("Tab")
        # a slider's handle is named after its label (helpers/panels/names.py); the readout you can type a value
        # into has no name of its own (a div: ARIA forbids naming it), its label stands just before it
        names = [f["name"] or (f["label"] if "widget-readout" in f["html"] else "") for f in order]
        assert all(f["ring"] for f in order), [f for f in order if not f["ring"]]
        expected = ["learning rate", "hidden", "biases", "seed", "steps", "Play", "Step", "Reset", "steps/frame",
                    "Picture in words"]
        seen = [n for n in expected if any(n == name or name.endswith(f" {n}") for name in names)]
        assert seen == expected, f"Tab order {names}"
        assert all(names), f"a control with no name: {[f for f, n in zip(order, names) if not n]}"

        # the status line is a live region; the picture's words come right after it, for a screen reader
        assert status.locator("[role=status][aria-live]").count() == 1
        words = panel.locator(".panel-words").first
        said = words.inner_text()
        assert said.startswith("The picture in words: ") and "Panel '" not in said, said  # the point, not a list
        assert "in words just after it" in panel.locator(".panel-image").first.get_attribute("alt")
        assert panel.evaluate("p => !!(p.querySelector('.panel-image').compareDocumentPosition("
                              "p.querySelector('.panel-words')) & Node.DOCUMENT_POSITION_FOLLOWING)")

        def press_on(name: str, key: str):
            panel.locator("button", has_text=name).first.focus()
            page.keyboard.press(key)

        press_on("Reset", "Enter")
        wait_until(lambda: "step 0 of" in status.inner_text(), 20, "Reset (Enter) to show step 0")
        press_on("Play", " ")  # Space
        wait_until(lambda: "training: step" in status.inner_text() and step_of(status.inner_text()) > 0, 20,
                   "Play (Space) to play the run")
        wait_until(lambda: 'aria-live="off"' in status.inner_html() or "final loss" in status.inner_text(), 10,
                   "the live region to go quiet while the run plays")
        press_on("Pause", " ")
        first = step_of(settled(status))
        press_on("Step", "Enter")
        wait_until(lambda: step_of(status.inner_text()) == first + 1, 20, f"Step (Enter) to show step {first + 1}")
        assert 'aria-live="polite"' in status.inner_html()  # paused: what it says is read out
        seed = panel.locator(".widget-hslider", has=page.locator("label.widget-label", has_text="seed")).first
        seed.locator(".noUi-handle").focus()
        page.keyboard.press("ArrowRight")
        value = seed.locator(".widget-readout").inner_text().strip()
        wait_until(lambda: f"seed={value} " in status.inner_text(), 20, f"the arrow key to set seed={value}")
        press_on("Picture in words", " ")  # a sighted reader shows them
        wait_until(lambda: (words.locator("p").first.bounding_box() or {"width": 0})["width"] > 100, 20,
                   "the picture in words shown under it")
        panel.screenshot(path=str(SCREENSHOTS / "01_explorer_keyboard.png"))

        # exercise 1, written and checked with the keyboard: find its cell, type, run it and its check
        page.keyboard.press("Escape")
        page.locator(".jp-Notebook").first.focus()
        for _ in range(80):
            if "def sigmoid_grad(z):" in active.inner_text():
                break
            page.keyboard.press("ArrowDown")
        assert "def sigmoid_grad(z):" in active.inner_text(), active.inner_text()
        page.keyboard.press("Enter")  # edit the cell
        page.keyboard.press("Control+A")
        page.keyboard.type("def sigmoid_grad(z):\n")
        page.keyboard.type("s = network.sigmoid(z)\nreturn s * (1 - s)\n")
        page.keyboard.press("Shift+Enter")  # run it; the check cell is next
        page.keyboard.press("Shift+Enter")  # run the check
        check = page.locator(".jp-Cell", has_text="check.sigmoid_grad(sigmoid_grad)").first
        wait_until(lambda: re.search(r"\bCorrect\b", check.locator(".jp-OutputArea").inner_text()), 30,
                   "the check to say Correct")
        assert errors == [], f"JavaScript errors: {errors}"
    finally:
        page.close()
