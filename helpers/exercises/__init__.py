"""Exercise checks with specific hints, for every notebook's "Exercises" section.

    from helpers.exercises import check, hint, solution
    check.sigmoid_grad(sigmoid_grad)     # shows: Correct / Not yet (with what is likely wrong) / Not attempted
    hint("sigmoid_grad")                 # a ladder of hints: 1 the idea, 2 the equation or step,
    hint("sigmoid_grad", 3)              # 3 the shape of the code (check.sigmoid_grad.hint(2) is the same)
    solution("sigmoid_grad")             # the full answer, and it says so

Each exercise is one declaration (engine.Exercise: section, judge, hints, answer, known mistakes, needed
names) in declarations/nbNN.py, beside its notebook's others; adding an exercise is adding a declaration
(and its judge in nbNN.py, or a module beside it: nb06_net.py). Every mistake id is in CATALOGUE
(engine.py). A check never raises: see
verdicts.py for how a student's function is run (stopped when it runs past the time budget) and what a
placeholder, an exception, None, a list, a wrong shape, NaN or a slow function get; kernel.py for what
the notebook's kernel tells a check (the answer cell's latest run failed; a name a check cell needs is
not defined yet). Known mistakes are recognised by comparing with deliberately wrong variants (variants.py).
The last verdict is kept in `check.<name>.last` (Verdict: status, text, mistake).
"""
import difflib
from types import SimpleNamespace

from helpers.exercises import kernel
from helpers.exercises.declarations import NOTEBOOKS
from helpers.exercises.engine import CATALOGUE, Check, show
from helpers.exercises.nb04 import GATE_NET  # noqa: F401 (notebook 04 imports it from here)
from helpers.exercises.verdicts import Verdict
from helpers.exercises.words import short

EXERCISES = {e.name: e for exercises in NOTEBOOKS.values() for e in exercises}
CHECKS = {name: e.judge for name, e in EXERCISES.items()}
HINTS = {name: list(e.hints) for name, e in EXERCISES.items()}
SOLUTIONS = {name: e.answer for name, e in EXERCISES.items()}
NEEDS = {name: cell for e in EXERCISES.values() for name, cell in e.needs.items()}
assert all(m.exercise in EXERCISES for m in CATALOGUE.values())
kernel.explain_missing_names(NEEDS)  # after a restart, a NameError for an answer says which cell to run


def _no_such(name) -> str:
    if not isinstance(name, str):
        return (f"Give the exercise's name as a string, e.g. hint('backward', 2) or solution('backward'); got "
                f"{short(name)}. The exercises are: {', '.join(CHECKS)}.")
    close = difflib.get_close_matches(name, CHECKS, n=1)
    maybe = f" Did you mean {close[0]}?" if close else ""
    return f"There is no exercise called {short(name)}.{maybe} The exercises are: {', '.join(CHECKS)}."


class _Misspelt:
    """What check.<a misspelt name> gives: calling it, or asking it for a hint, lists the valid names."""

    def __init__(self, name: str):
        self.name, self.last = name, None

    def verdict(self, *answer) -> Verdict:
        return Verdict(self.name, "not attempted", _no_such(self.name))

    def __call__(self, *answer) -> None:
        self.last = self.verdict(*answer)
        show(self.last)

    def hint(self, level: int = 1) -> None:
        print(_no_such(self.name))


class _Checks:
    """The namespace `check`: one Exercise per name, e.g. check.backward(my_backward)."""

    def __init__(self):
        for name, exercise in EXERCISES.items():
            setattr(self, name, Check(exercise))

    def __getattr__(self, name: str):  # only reached for a name that is not an exercise
        if name.startswith("_"):  # IPython and copy probe _repr_html_ and the like: those stay missing
            raise AttributeError(name)
        return _Misspelt(name)

    def __dir__(self):
        return list(CHECKS) + ["names"]

    def names(self) -> list:
        return list(CHECKS)


check = _Checks()


def hint(name: str, level: int = 1) -> None:
    """Print hint `level` (1, 2 or 3) for exercise `name` (see check.names())."""
    if not isinstance(name, str) or name not in CHECKS:
        print(_no_such(name))
        return
    getattr(check, name).hint(level)


def solution(name: str) -> None:
    """Print the full answer to exercise `name`, said to be the answer (the hints stop short of it)."""
    if not isinstance(name, str) or name not in CHECKS:
        print(_no_such(name))
        return
    print(f"The answer to {name} (this is the full solution, not a hint; try hint({name!r}, 3) first):\n")
    print(SOLUTIONS[name].rstrip())


def namespace(names) -> SimpleNamespace:
    """What the answers to the exercises `names` define (functions, predictions), run as a notebook runs them."""
    import numpy as np

    from helpers import network
    from helpers.autograd import Value
    found = {"np": np, "network": network, "Value": Value}
    for name in names:
        exec(SOLUTIONS[name], found)
    return SimpleNamespace(**found)
