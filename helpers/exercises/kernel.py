"""What the checks learn from the notebook's kernel (IPython), when there is one.

- `stale(f)`: did the latest run of the cell that defines f fail, so that f is an older version?
  IPython keeps every cell it ran in `In` (history_manager.input_hist_parsed, also a SyntaxError's),
  and the source of every cell that defined a function in linecache (under f.__code__.co_filename).
  If the latest cell with `def name(` is not the cell f came from, that run did not define f.
- `explain_missing_names(needs)`: after a NameError for a name an exercise needs (an answer, or an
  earlier result), say which cell to run first. It is an IPython custom exception handler: it shows
  the usual traceback, then one line.
Outside IPython (scripts, pytest without a shell) both do nothing.
"""
import linecache
import re
import sys


def _shell():
    try:
        from IPython import get_ipython
    except ImportError:
        return None
    return get_ipython()


def stale(f, exercise: str):
    """A sentence if the latest run of the cell defining f (by its name) failed, else None."""
    shell, name = _shell(), getattr(f, "__name__", "")
    code = getattr(f, "__code__", None)
    if shell is None or code is None or not name.isidentifier():
        return None
    source = "".join(linecache.getlines(code.co_filename)).strip()
    history = getattr(getattr(shell, "history_manager", None), "input_hist_parsed", None) or []
    if not source or not history:
        return None
    defines = re.compile(rf"^[ \t]*def[ \t]+{name}[ \t]*\(", re.M)
    for number in range(len(history) - 1, 0, -1):
        cell = history[number]
        if defines.search(cell):
            if cell.strip() == source:
                return None
            return (f"The latest run of the cell that defines {name} (In [{number}]) failed{_error_in(cell)}, "
                    f"so {name} is still the version from an earlier run, and checking it would blame code you "
                    "have since changed. Fix that cell, run it, then run this check again.")
    return None


def _error_in(cell: str) -> str:
    """': SyntaxError ...' when Python's last error is a SyntaxError on a line of this cell, else ''."""
    error = getattr(sys, "last_value", None)
    text = (getattr(error, "text", None) or "").strip()
    if isinstance(error, SyntaxError) and text and text in cell:
        return f" with {type(error).__name__}: {error.msg} (line {error.lineno}: {text})"
    return " with an error"


def explain_missing_names(needs: dict) -> bool:
    """Install the NameError handler for `needs` {name: the cell to run first}. True if installed."""
    shell = _shell()
    if shell is None or not hasattr(shell, "set_custom_exc"):
        return False

    def handler(self, etype, value, tb, tb_offset=None):
        self.showtraceback((etype, value, tb), tb_offset=tb_offset)
        name = getattr(value, "name", None) or next(iter(re.findall(r"name '(\w+)'", str(value))), None)
        if name in needs:
            print(f"{name} is not defined in this kernel yet (a restart forgets every cell's results): "
                  f"run {needs[name]} first, then this cell again.")
        return None

    shell.set_custom_exc((NameError,), handler)
    return True


def set_after(name: str, marker: str):
    """(i, j) if the latest cell that assigns `name` ran (In [i]) after the latest cell containing `marker`
    (In [j]), e.g. a prediction written after the measurement was shown; else None. It reads the kernel's
    history: outside IPython there is none, and in a fresh kernel that runs the notebook top to bottom (as
    nbgrader autograde does) the order is the notebook's, so there it finds nothing and returns None."""
    shell = _shell()
    history = getattr(getattr(shell, "history_manager", None), "input_hist_parsed", None) or []
    assigns = re.compile(rf"^[ \t]*{name}[ \t]*=(?!=)", re.M)
    last = {"set": 0, "seen": 0}
    for number, cell in enumerate(history[:-1]):  # the cell running now is the check itself
        last["set"] = number if assigns.search(cell) else last["set"]
        last["seen"] = number if marker in cell else last["seen"]
    if last["seen"] and last["set"] > last["seen"]:
        return last["set"], last["seen"]
    return None
