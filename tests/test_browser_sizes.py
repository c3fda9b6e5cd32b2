"""The line panel of notebook 02 in JupyterLab: its picture shown at its own pixel size, the panel on one screen.

Opens notebook 02 in headless Chromium (a 1400 x 1000 window, JupyterLab's default layout), runs
it, and compares the panel's PNG size (naturalWidth/Height) with the size the page shows it at
(clientWidth/Height). Uses the JupyterLab server and browser fixtures of tests/test_browser.py.
"""
import re

from browser_sizes import output_image_widths, panel_image_sizes
from test_browser import TOKEN, browser, kernel_idle, lab_server, wait_until  # noqa: F401 - fixtures

WINDOW = {"width": 1400, "height": 1000}


def run_notebook(browser, lab_server, name: str):  # noqa: F811 - the fixtures, passed in
    page = browser.new_page(viewport=WINDOW)
    page.goto(f"{lab_server}/lab/tree/notebooks/{name}?token={TOKEN}&reset")
    wait_until(lambda: kernel_idle(page), 90, "the kernel to start (status bar: Idle)")
    page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
    page.locator('.lm-Menu-item[data-command="runmenu:run-all"]').click()

    def all_ran():
        prompts = page.locator(".jp-CodeCell .jp-InputPrompt").all_inner_texts()
        return prompts and all(re.fullmatch(r"\s*\[\d+\]:\s*", p) for p in prompts) and kernel_idle(page)

    wait_until(all_ran, 180, f"Run All to finish {name}")
    return page


def test_line_panel_is_shown_at_its_own_size_and_fits_the_window(browser, lab_server):  # noqa: F811
    page = run_notebook(browser, lab_server, "02_single_layer.ipynb")
    try:
        wait_until(lambda: any(s["naturalWidth"] > 0 for s in panel_image_sizes(page)), 30, "the line panel's picture")
        sizes = panel_image_sizes(page)
        print("line panel:", sizes)
        print("inline figures (natural, shown width):", output_image_widths(page))
        assert len(sizes) == 1, sizes
        size = sizes[0]
        assert (size["clientWidth"], size["clientHeight"]) == (size["naturalWidth"], size["naturalHeight"]), size
        assert size["panelHeight"] <= WINDOW["height"], size
    finally:
        page.close()
