"""The setting line under every panel: the panel's own call as code, which recreates the picture when
pasted into a cell (after a notebook's setup cell), e.g.
    from helpers.panels.explorer import explore_training; explore_training(hidden=3, lr=2.0, ..., step=4_000)
A panel says its call (Panel.call); this module writes it so that every value reads back exactly.
"""
import html
import inspect
import sys

import numpy as np


class Code(str):
    """Text that is written into a setting line as it is (an expression), not as a quoted string."""

    def __repr__(self) -> str:
        return str(self)


def as_code(value) -> str:
    """A value as Python source that gives it back exactly: ints grouped by `_` (10_000), floats by repr
    (the shortest text that round-trips), arrays as np.array of such floats, Code as it is."""
    if isinstance(value, (bool, np.bool_)):
        return repr(bool(value))
    if isinstance(value, (int, np.integer)):
        return f"{int(value):_}"
    if isinstance(value, (float, np.floating)):
        return repr(float(value))
    if isinstance(value, np.ndarray):
        return f"np.array({value.tolist()!r})"  # tolist: Python floats, whose repr round-trips
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key!r}: {as_code(v)}" for key, v in value.items()) + "}"
    return repr(value)


def line(panel) -> str:
    """The panel's call as one line of code with its imports: `from helpers.panels.explorer import
    explore_training; explore_training(hidden=3, lr=2.0, ...)`; it opens a panel showing the same picture
    and status line, paused. Arguments in panel.optional are left out at their default."""
    name, arguments = panel.call()
    module = type(panel).__module__
    defaults = {key: p.default for key, p in inspect.signature(getattr(sys.modules[module], name)).parameters.items()}
    arguments = {key: value for key, value in arguments.items()
                 if key not in panel.optional or value != defaults[key]}
    call = ", ".join(f"{key}={as_code(value)}" for key, value in arguments.items())
    imports = ["import numpy as np"] if "np.array(" in call else []
    imports += [f"from {where} import {what}" for where, what in panel.imports] + [f"from {module} import {name}"]
    return "; ".join(imports) + f"; {name}({call})"


def box(panel) -> str:
    """The line in a labelled text box (HTML): a mouse, a keyboard (Tab, Ctrl+A, Ctrl+C) and a screen
    reader all get it. Not read-only: JupyterLab sends keys pressed in a read-only box to the notebook."""
    try:
        text = line(panel)
    except Exception as exc:  # noqa: BLE001 - a setting the line cannot say must not break the panel
        text = f"(no setting line: {type(exc).__name__}: {exc})"
    rows, text = -(-len(text) // 120), html.escape(text)
    what = ("this run again, from its start (pause it for the picture on screen)" if panel.status.quiet()
            else "this picture again (to share it, or to come back to it)")
    return ("<label style='display:block; font-size:12px; color:#333'>Setting: paste this line into a cell to "
            f"get {what}"
            f"<textarea rows='{rows}' spellcheck='false' style='display:block; width:100%; "
            "max-width:940px; box-sizing:border-box; font-family:monospace; font-size:12px; resize:none'>"
            f"{text}</textarea></label>")
