"""What every slider panel shares: its layout, sliders, one way to draw and send the picture, errors,
and the setting line: the panel's own call as code, which recreates the picture when pasted into a cell.

Panels draw into one kept matplotlib Figure (not pyplot, so nothing is shown twice) and
send it to an `Image` widget as PNG bytes. The kernel owns all of this state (status text,
picture bytes, redraw count), so tests can drive a panel by setting slider values.
Core widgets only: works on ipywidgets 7.7.1 (Colab) and 8.x.
"""
import functools
import html
import io
import threading
import traceback

import ipywidgets as widgets
import numpy as np
import traitlets
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from PIL import Image

from helpers.panels import names, setting
from helpers.panels.frames import Frames
from helpers.pictures import words
from helpers.validate import check_float, check_int

# the sliders' ranges, one place for every panel: (lowest, highest, step); the step is in log10 units on LOG_SCALE's
LIMITS = {"lr": (0.01, 10.0, 0.1), "hidden": (1, 8, 1), "seed": (0, 99, 1), "steps": (500, 50_000, 500)}
LOG_SCALE = ("lr", "scale")  # sliders that move on a log scale
LABEL_WIDTH = "95px"  # room for "learning rate"
# off the screen, still read by screen readers (the usual "visually hidden" rules)
PLAYING_WORDS = "The run is playing: where it pauses or ends, its picture is put in words here."
SCREEN_READERS_ONLY = "position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap"


def slider(name: str, value, description: str = None, limits: tuple = None) -> widgets.Widget:
    """A slider for `name` (a key of LIMITS, or any name with `limits` given), at `value`.

    The value is checked first, so a bad one is an error naming the argument and the range.
    It reports on release (continuous_update=False): a panel retrains once per move, not per pixel.
    """
    lo, hi, step = LIMITS[name] if limits is None else limits
    common = {"description": description or name, "continuous_update": False,
              "style": {"description_width": LABEL_WIDTH}}
    if name in LOG_SCALE:
        value = check_float(name, value, lo, hi)
        return widgets.FloatLogSlider(value=value, base=10, min=np.log10(lo), max=np.log10(hi), step=step,
                                      readout_format=".3g", **common)
    if isinstance(step, int):
        return widgets.IntSlider(value=check_int(name, value, lo, hi), min=lo, max=hi, step=step, **common)
    return widgets.FloatSlider(value=check_float(name, value, lo, hi), min=lo, max=hi, step=step, **common)


def _live_region(text: str, status) -> str:
    return f'<div role="status" aria-live="{"off" if status.quiet() else "polite"}" aria-atomic="true">{text}</div>'


class StatusLine(widgets.HTML):
    """The status line as an ARIA live region (role "status"): a screen reader says it when it changes,
    unless quiet() is true (a live panel while it plays: twenty lines a second would drown the reader;
    where it pauses or ends is said). The HTML widget has no attributes of its own, so the region is
    wrapped around the value as it is sent to the browser; `value` here stays the line itself."""
    value = traitlets.Unicode("").tag(sync=True, to_json=_live_region)
    quiet = staticmethod(lambda: False)


class Panel(Frames):
    """Base of the panels. Subclasses build controls, draw into `self.fig`, then call `show()`
    (everything drawn afresh) or, after `keep_background(moving)`, `blit()` (only what moves)."""

    def __init__(self, figsize: tuple, dpi: int = 100):  # 100 dpi: 10-pt text is 10.4 pt on the screen
        self.fig = Figure(figsize=figsize, dpi=dpi)
        FigureCanvasAgg(self.fig)
        super().__init__()  # (Frames: what a frame repaints, the background it repaints over)
        self.status = StatusLine(value="")
        # shown at its own pixel size, never stretched: a box's children stretch across it unless
        # they align to its start, and must not grow or shrink with it (flex "0 0 auto")
        self.image = widgets.Image(format="png", layout=widgets.Layout(max_width="100%", width="auto",
                                                                       align_self="flex-start", flex="0 0 auto"))
        # the setting line: plain text in a labelled text box, so a mouse, a keyboard (Tab, Ctrl+A, Ctrl+C)
        # and a screen reader all get it; rewritten whenever the status line changes (see call). Not
        # read-only: JupyterLab sends keys pressed in a read-only box to the notebook (Ctrl+A, C: cells)
        self.setting = widgets.HTML(value="")
        self.status.observe(self._new_setting, names="value")
        self.image.observe(self._new_setting, names="value")  # (a pause changes the picture, not the status)
        # class names let a browser test find every panel's parts, whatever its layout
        self.status.add_class("panel-status")
        self.image.add_class("panel-image")
        self.setting.add_class("panel-setting")
        # the picture in words, computed from each frame (helpers/pictures/words.py), right after it on the page:
        # ipywidgets' Image has no alt (and its `tooltip` breaks the view in 8.1), so a screen reader reads
        # these words there; a sighted reader shows them with words_button
        self.words = widgets.HTML(value="", layout=widgets.Layout(max_width="900px"))
        self.words_button = widgets.ToggleButton(value=False, description="Picture in words",
                                                 tooltip="show what the picture shows, in words, under it",
                                                 layout=widgets.Layout(width="150px"))
        self.words.add_class("panel-words")
        self.image.observe(self._describe_picture, names="value")
        self.words_button.observe(self._describe_picture, names="value")
        self.log = widgets.Output()  # tracebacks of callback errors land here
        self.redraws = 0             # pictures sent so far
        self.lossless = True         # whether the picture on screen is PNG
        self.error = None            # the last callback exception, or None
        # one callback at a time (see safely); re-entrant, so a callback that moves a widget of its own
        # panel runs that widget's callback at once, nested
        self.lock = threading.RLock()

    def layout(self, controls, body=None) -> widgets.VBox:
        """The panel as one widget: controls on top, then status, the picture (or a `body`
        holding it), error log."""
        self.widget = widgets.VBox([controls, self.status, self.image if body is None else body, self.words_button,
                                    self.words, self.setting, self.log])
        self.widget.add_class("backprop-panel")
        return self.widget

    def safely(self, callback):
        """Wrap a widget callback so an exception is shown in the panel, never lost, and the panel's
        callbacks run one at a time.

        ipywidgets drops exceptions raised in `observe` callbacks (only the kernel log sees them),
        so we catch them, name them in the status line and print the traceback into the panel's log.
        One at a time: ipykernel 7 may deliver two widgets' messages on two of its threads (a Play
        tick and a slider move, measured), and two frames drawn into one figure at once would mix.
        So every callback holds the panel's lock while it runs.
        """
        @functools.wraps(callback)
        def guarded(*args, **kwargs):
            with self.lock:
                try:
                    if self.error is not None:  # an earlier error's traceback is stale now
                        self.log.clear_output()
                        self.error = None
                    callback(*args, **kwargs)
                except Exception as exc:  # noqa: BLE001 - any error must reach the student
                    self.error = exc
                    self.status.value = (f"<span style='color:#b00020'><b>Error:</b> "
                                         f"{html.escape(type(exc).__name__)}: {html.escape(str(exc))}</span>")
                    with self.log:
                        traceback.print_exc()
        return guarded

    optional = ()  # arguments the setting line leaves out at their default: those that never change the picture
    imports = ()  # (module, name) pairs the setting line needs besides the panel's function (see setting_line)

    def call(self) -> tuple:
        """What recreates the panel as it is on screen: (function name, {argument: value}), the function
        being the public one in the panel's module (e.g. ("explore_training", {"hidden": 3, ...}))."""
        raise NotImplementedError

    @property
    def setting_line(self) -> str:
        """The panel's call as one line of code with its import (helpers/panels/setting.py)."""
        return setting.line(self)

    def _new_setting(self, change=None) -> None:
        self.setting.value = setting.box(self)

    def _describe_picture(self, change=None) -> None:
        """Put the frame just sent in words: its point (`alt`, words.message), read by screen readers always and
        shown when words_button is down; with the button down, the longer words under it too (`details`,
        words.describe), which differ from the point, so nothing is heard twice. A frame of a run that plays is
        on screen for a moment only: unless they are shown, its words wait for the frame the run stays at (paused
        or ended), so the page does not lay out hidden words at every frame."""
        shown = self.words_button.value
        if self.status.quiet() and not shown:
            self.alt = PLAYING_WORDS
        else:
            self.alt = words.message(self.fig)
        self.details = words.describe(self.fig) if shown else ""
        style = "" if shown else f" style='{SCREEN_READERS_ONLY}'"
        self.words.value = (f"<p{style}><span>The picture in words: </span>{html.escape(self.alt)}</p>"
                            + (f"<p>{html.escape(self.details)}</p>" if shown else ""))

    def show(self) -> None:
        """Draw the whole figure and send it."""
        self.fig.canvas.draw()
        self.send()

    def send(self, lossless: bool = True) -> None:
        """Encode what the canvas holds and show it: as PNG, or as JPEG for a frame that is on screen for a
        moment only (while a run plays): 5 to 10 times faster to make, at a quality whose blur no one sees in
        1/15 s. A picture that stays is always PNG."""
        width, height = self.fig.canvas.get_width_height()
        picture = Image.frombuffer("RGBA", (width, height), self.fig.canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
        buffer = io.BytesIO()
        if lossless:  # RGB and light compression: 3x smaller and 3x faster to make than matplotlib's default
            picture.convert("RGB").save(buffer, format="png", compress_level=1)
        else:  # no chroma subsampling: thin coloured lines keep their colour
            picture.convert("RGB").save(buffer, format="jpeg", quality=90, subsampling=0)
        with self.image.hold_sync():  # one message
            self.image.format = "png" if lossless else "jpeg"
            self.image.value = buffer.getvalue()
        self.lossless = lossless
        self.redraws += 1

    def _ipython_display_(self):
        from IPython.display import display
        display(self.widget, names.script())  # the script names what ipywidgets leaves unnamed (names.py)
