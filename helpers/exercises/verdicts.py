"""The machinery of the exercise checks: verdicts, running a student's function safely, comparing.

engine.py builds the checks on top of this; helpers/exercises/__init__.py says how students use them.
A student's function gets TIME_BUDGET seconds for the whole check. Where the platform allows it
(POSIX, called from the main thread, as a notebook kernel runs cells) a SIGALRM timer stops the
function when the budget runs out; elsewhere the check cannot interrupt it, measures after the
call returns, and says so.
"""
import html
import signal
import time
import warnings
from dataclasses import dataclass

import numpy as np

from helpers.exercises.kernel import stale
from helpers.exercises.words import one_number, plain_error, quoted_number

TIME_BUDGET = 2.0  # seconds a student's function may take for the whole check
_LOOK = {"correct": ("Correct", "#1a7f37", "#e6f4ea"), "not yet": ("Not yet", "#9a6700", "#fff8c5"),
         "not attempted": ("Not attempted", "#57606a", "#f6f8fa"), "recorded": ("Recorded", "#0550ae", "#ddf4ff")}


@dataclass
class Verdict:
    """What a check found: status is "correct", "not yet", "not attempted" or, for a prediction, "recorded"
    (never marked wrong: `agrees` says whether it matched the measurement; None for other verdicts);
    mistake is a catalogue key."""

    exercise: str
    status: str
    text: str
    mistake: str = None
    agrees: bool = None

    def earns(self, agreement: bool = False) -> bool:
        """Whether nbgrader gives this verdict its points: Correct does, and so does a Recorded prediction
        (making it was the task); with agreement=True a prediction earns them only when it agreed."""
        return self.status == "correct" or (self.status == "recorded" and (bool(self.agrees) or not agreement))

    def __str__(self) -> str:
        return f"{_LOOK[self.status][0]} [{self.exercise}]: {self.text}"

    __repr__ = __str__

    def _repr_html_(self) -> str:
        label, ink, paper = _LOOK[self.status]
        return (f'<div style="border-left:4px solid {ink};background:{paper};padding:4px 8px">'
                f'<b style="color:{ink}">{label}</b> <code>{self.exercise}</code>: {html.escape(self.text)}</div>')


class OutOfTime(BaseException):
    """Raised inside a student's function when the budget runs out (a BaseException, so that a student's
    `except Exception:` does not swallow it)."""


def _alarm(signum, frame):
    raise OutOfTime


class _Timer:
    """Interrupt the code it guards after `seconds` (SIGALRM, then again every 0.1 s in case the code
    swallowed the first one); `armed` is False where the platform or thread has no such timer."""

    def __init__(self, seconds: float):
        self.seconds, self.armed, self.old = max(seconds, 1e-3), False, None

    def __enter__(self):
        try:
            self.old = signal.signal(signal.SIGALRM, _alarm)  # ValueError outside the main thread
            signal.setitimer(signal.ITIMER_REAL, self.seconds, 0.1)
            self.armed = True
        except (AttributeError, ValueError, OSError):  # no SIGALRM / setitimer (Windows), or not the main thread
            self.armed = False
        return self

    def __exit__(self, *exc):
        if self.armed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self.old)
        return False


class Answer:
    """Runs a student's function safely: results, or the Verdict that explains why there are none."""

    def __init__(self, exercise: str, f):
        self.exercise, self.f, self.elapsed, self.problem, self.enforced = exercise, f, 0.0, None, True
        if f is None or f is Ellipsis:
            self.problem = Verdict(exercise, "not attempted", "The answer cell still holds its placeholder.")
        elif not callable(f):
            self.problem = Verdict(exercise, "not yet", f"Expected a function, got {type(f).__name__}.")
        elif stale(f, exercise):
            self.problem = Verdict(exercise, "not yet", stale(f, exercise))

    def __call__(self, *args):
        """f(*args), or None with self.problem set. Warnings are silenced: NaN is reported instead."""
        if self.problem is not None or self.too_slow():
            self.problem = self.problem or self.too_slow()
            return None
        start = time.perf_counter()
        try:
            with _Timer(TIME_BUDGET - self.elapsed) as timer:
                self.enforced = self.enforced and timer.armed
                with warnings.catch_warnings(), np.errstate(all="ignore"):
                    warnings.simplefilter("ignore")
                    return self.f(*args)
        except OutOfTime:
            self.problem = Verdict(self.exercise, "not yet", f"Your function was stopped after {TIME_BUDGET:.2f} s "
                                   "(the budget for this check) before it returned: is there a loop that never "
                                   "ends (a `while` whose condition never changes), or a call to train inside it?")
        except NotImplementedError:
            self.problem = Verdict(self.exercise, "not attempted", "Your function still raises NotImplementedError: "
                                   "replace that line with your code.")
        except Exception as e:  # noqa: BLE001 -- a check must report the student's error, never raise it
            self.problem = Verdict(self.exercise, "not yet", plain_error(e, args))
        finally:
            self.elapsed += time.perf_counter() - start
        return None

    def too_slow(self):
        """A Verdict if the calls so far took longer than TIME_BUDGET."""
        if self.elapsed > TIME_BUDGET:
            where = "" if self.enforced else (" This Python cannot interrupt a function here (no SIGALRM timer, or "
                                              "not the main thread), so the time was measured after it returned.")
            return Verdict(self.exercise, "not yet", f"Your function took {self.elapsed:.2f} s (the budget is "
                           f"{TIME_BUDGET:.2f} s): is there a long loop, or a call to train, inside it?{where}")
        return None


def as_array(result, shape: tuple, what: str):
    """(float array, None) if result is a finite array of `shape`, else (None, the problem in words)."""
    if result is None:
        return None, f"{what} is None: did you forget `return`?"
    if isinstance(result, str):
        number = " (the digits of a number, as text)" if quoted_number(result) else ""
        return None, f"{what} is the text {result[:40]!r}{number}, not a number: return the number itself."
    if isinstance(result, (list, tuple)):
        return None, f"{what} is a Python {type(result).__name__}, not a NumPy array: compute with NumPy " \
                     "operations on the arrays (or wrap it in np.array)."
    try:
        arr = np.asarray(result, dtype=np.float64)
    except (TypeError, ValueError):
        return None, f"{what} is a {type(result).__name__}, not an array of numbers."
    if arr.shape != shape and shape == ():
        return None, one_number(arr.shape, what)
    if arr.shape != shape:
        return None, f"{what} has shape {arr.shape}; it should be {shape}."
    if not np.all(np.isfinite(arr)):
        return None, f"{what} contains NaN or inf: look for a division by zero or an exp that overflows."
    return arr, None


def same(a, b, rtol: float = 1e-7) -> bool:
    """Equal shapes and values to `rtol` relative (1e-7: floating-point order may differ; words.tolerance gives
    a float32 answer its own), with an absolute floor of rtol times the largest value."""
    a, b = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    if a.shape != b.shape:
        return False
    with np.errstate(all="ignore"):
        floor = rtol * float(np.max(np.abs(b), initial=0.0)) if rtol > 1e-7 else 1e-12
        return bool(np.allclose(a, b, rtol=rtol, atol=max(floor, 1e-12)))


def same_dict(student: dict, variant: dict, rtol: float = 1e-7) -> bool:
    if not isinstance(variant, dict) or not isinstance(student, dict):
        return False
    return all(k in student and same(student[k], v, rtol) for k, v in variant.items())


def as_numbers(value):
    """A dict of float arrays (or None) for comparing, whatever the student returned."""
    try:
        return {k: np.asarray(v, dtype=np.float64) for k, v in value.items()}
    except (TypeError, ValueError, AttributeError):
        return None
