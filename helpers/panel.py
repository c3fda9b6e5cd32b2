"""What every slider panel shares: a status line, a picture, and errors shown in the panel.

Panels draw into one kept matplotlib Figure (not pyplot, so nothing is shown twice) and
send it to an `Image` widget as PNG bytes. The kernel owns all of this state (status text,
picture bytes, redraw count), so tests can drive a panel by setting slider values.
Core widgets only: works on ipywidgets 7.7.1 (Colab) and 8.x.
"""
import functools
import html
import io
import traceback

import ipywidgets as widgets
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure


def remember(cache: dict, key, value, size: int):
    """cache[key] = value, first forgetting the oldest entry if the cache already holds `size`.

    The panels keep the runs they have shown, so going back to a setting is instant; the
    bound keeps a long session from filling the memory. Returns value.
    """
    if key not in cache and len(cache) >= size:
        cache.pop(next(iter(cache)))  # dicts keep insertion order: the first key is the oldest
    cache[key] = value
    return value


class Panel:
    """Base of the panels. Subclasses build `controls`, draw into `self.fig`, call `self.show()`."""

    def __init__(self, figsize: tuple, dpi: int = 80):
        self.fig = Figure(figsize=figsize, dpi=dpi)
        FigureCanvasAgg(self.fig)
        self.status = widgets.HTML(value="")
        self.image = widgets.Image(format="png", layout=widgets.Layout(max_width="100%"))
        # class names let a browser test find every panel's parts, whatever its layout
        self.status.add_class("panel-status")
        self.image.add_class("panel-image")
        self.log = widgets.Output()  # tracebacks of callback errors land here
        self.redraws = 0             # pictures sent so far
        self.error = None            # the last callback exception, or None

    def layout(self, controls, body=None) -> widgets.VBox:
        """The panel as one widget: controls on top, then status, the picture (or a `body`
        holding it), error log."""
        self.widget = widgets.VBox([controls, self.status, self.image if body is None else body, self.log])
        self.widget.add_class("backprop-panel")
        return self.widget

    def safely(self, callback):
        """Wrap a widget callback so an exception is shown in the panel, never lost.

        ipywidgets drops exceptions raised in `observe` callbacks (only the kernel log
        sees them), so we catch them, name them in the status line and print the
        traceback into the panel's log.
        """
        @functools.wraps(callback)
        def guarded(*args, **kwargs):
            try:
                if self.error is not None:  # an earlier error's traceback is stale now
                    self.log.clear_output()
                    self.error = None
                return callback(*args, **kwargs)
            except Exception as exc:  # noqa: BLE001 - any error must reach the student
                self.error = exc
                self.status.value = (f"<span style='color:#b00020'><b>Error:</b> "
                                     f"{html.escape(type(exc).__name__)}: {html.escape(str(exc))}</span>")
                with self.log:
                    traceback.print_exc()
        return guarded

    def show(self) -> None:
        """Encode the figure as PNG and put it in the picture."""
        # tight_layout() leaves a placeholder layout engine that makes savefig draw the
        # figure twice; the layout is already done, so drop it
        self.fig.set_layout_engine(None)
        buffer = io.BytesIO()
        self.fig.savefig(buffer, format="png")
        self.image.value = buffer.getvalue()
        self.redraws += 1

    def _ipython_display_(self):
        from IPython.display import display
        display(self.widget)
