"""How big each panel's picture is, against how big the browser shows it (for tests/test_browser_sizes.py).

A panel sends a PNG drawn at its figure's pixel size; the browser should show it at that size:
scaled up it is blurry, scaled down its text shrinks below what the figure test measured.
"""

SIZES_JS = """
() => Array.from(document.querySelectorAll('.panel-image img, img.panel-image')).map(img => {
    const panel = img.closest('.backprop-panel');
    const box = panel ? panel.getBoundingClientRect() : null;
    return {naturalWidth: img.naturalWidth, naturalHeight: img.naturalHeight,
            clientWidth: img.clientWidth, clientHeight: img.clientHeight,
            panelHeight: box ? box.height : null};
})
"""


def panel_image_sizes(page) -> list:
    """For every `.panel-image img` on the page: {naturalWidth, naturalHeight, clientWidth, clientHeight,
    panelHeight}, in CSS pixels; panelHeight is the height of the whole panel (controls, status, picture)."""
    return page.evaluate(SIZES_JS)


def output_image_widths(page) -> list:
    """For every figure a cell shows inline (not a panel's): (naturalWidth, clientWidth)."""
    return page.evaluate("""() => Array.from(document.querySelectorAll('.jp-RenderedImage img'))
        .filter(img => !img.closest('.backprop-panel'))
        .map(img => [img.naturalWidth, img.clientWidth])""")
