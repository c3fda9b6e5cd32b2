"""Plain words for the checks' messages: numbers that differ printed so that they differ, a short
description instead of a long echo, a number typed as text, a float32 answer's precision, and
Python's or NumPy's own errors raised inside a student's function said in the lab's words (issue 38).
"""
import numbers
import re

import numpy as np


def two(got, want, digits: int = 4, fixed: bool = False) -> tuple:
    """got and want as strings with enough significant digits (or decimals, if fixed; `digits` at least, 17 at
    most) to show they differ."""
    got, want = float(got), float(want)
    for d in range(digits, 18):
        a, b = (f"{got:.{d}f}", f"{want:.{d}f}") if fixed else (f"{got:#.{d}g}", f"{want:#.{d}g}")
        if a != b or got == want:
            return a, b
    return repr(got), repr(want)


def tolerance(result) -> tuple:
    """(rtol, words) for comparing a student's `result` with the right float64 values: 1e-7 for float64 (and
    for anything not a float array), a few units in the last place of float32 or float16 otherwise."""
    kinds = [np.asarray(v).dtype for v in (result.values() if isinstance(result, dict) else [result])
             if isinstance(v, (np.ndarray, np.floating))]
    low = [k for k in kinds if k.kind == "f" and k.itemsize < 8]
    if not low:
        return 1e-7, ""
    worst = min(low, key=lambda k: k.itemsize)
    return 16 * float(np.finfo(worst).eps), f" (Your values are {worst.name}, right to {worst.name}'s precision.)"


def short(value, width: int = 60) -> str:
    """A short description of `value` for a message: its repr when short, else what it is."""
    if isinstance(value, dict):
        keys = ", ".join(str(k) for k in list(value)[:6]) + (", ..." if len(value) > 6 else "")
        return f"a dict with keys {keys}" if value else "an empty dict"
    if isinstance(value, np.ndarray) and value.size > 4:
        return f"an array of shape {value.shape}"
    text = repr(value)
    if len(text) <= width:
        return text
    if isinstance(value, (list, tuple)):
        return f"a {type(value).__name__} of {len(value)} items"
    return f"a {type(value).__name__} ({text[:width - 20]}...)"


def quoted_number(value):
    """The words for a number typed as text ("0.2"), or None when value is not such a string. The lab's one
    policy, for every exercise: a number in quotes is refused, with the number it would be."""
    if isinstance(value, str):
        try:
            number = float(value.strip())
        except ValueError:
            return None
        return (f"You gave the text {value!r} (in quotes), not a number: write {number:g} without the quotes, "
                "so that Python reads it as a number.")
    return None


def one_number(shape: tuple, what: str) -> str:
    """The words for an array where one number belongs."""
    n = int(np.prod(shape))
    return f"{what} holds {n} numbers (shape {shape}); return one number: the array reduced to a single value."


_MATMUL = re.compile(r"matmul|shapes \(.*\) and \(.*\) not aligned|size \d+ is different from \d+")


def plain_error(e: Exception, args: tuple) -> str:
    """What to say when the student's function raised `e` on `args`: the lab's words where the cause can be
    told, the original error on the line below; else just the original error."""
    raw = f"{type(e).__name__}: {e}"
    if isinstance(e, ValueError) and _MATMUL.search(str(e)):
        sizes = re.search(r"size (\d+) is different from (\d+)", str(e))
        which = f" (one side has {sizes.group(1)} where the other has {sizes.group(2)})" if sizes else ""
        return ("A matrix product A @ B in your function has shapes that do not fit: A's number of columns must "
                f"equal B's number of rows{which}. Print the shapes of both sides of each @: a missing or extra "
                f".T is the usual cause.\n(Python said: {raw})")
    shapes = re.search(r"could not be broadcast together with shapes (\S+) (\S+)", str(e))
    if isinstance(e, ValueError) and shapes:
        return (f"Two arrays combined elementwise (+, -, * or /) in your function have shapes {shapes.group(1)} and "
                f"{shapes.group(2)}, which do not line up. Print the shapes of both sides: a missing .T, or a sum "
                f"that dropped an axis, is the usual cause.\n(Python said: {raw})")
    if isinstance(e, KeyError) and e.args:
        return _key_error(e.args[0], args) + f"\n(Python said: {raw})"
    count = re.search(r"takes (\d+) positional arguments? but (\d+) (?:were|was) given", str(e))
    if isinstance(e, TypeError) and count:
        return (f"Your function takes {count.group(1)} argument(s), but the check calls it with {count.group(2)}, as "
                f"the answer cell's def line has them: keep that line as it was.\n(Python said: {raw})")
    if isinstance(e, ZeroDivisionError):
        return ("Your function divided by zero on one of the check's inputs: something it divides by is 0 there. "
                f"Find the division, and the input that makes its divisor 0.\n(Python said: {raw})")
    return f"Your function raised {raw}"


def raw(text: str) -> str:
    """Python's own words for an error, out of a message plain_error wrote ("KeyError: 'b1'")."""
    if "(Python said: " in text:
        return text.rsplit("(Python said: ", 1)[1].rstrip(")")
    return text.split("raised ", 1)[-1]


def _key_error(key, args) -> str:
    dicts = [a for a in args if isinstance(a, dict)]
    names = ", ".join("{" + ", ".join(str(k) for k in d) + "}" for d in dicts)
    given = f" The dicts it was given have the keys {names}." if dicts else ""
    if isinstance(key, str) and any("d" + key in d for d in dicts):
        return (f"Your function looked up {key!r} in a dict that has no such key: the gradients are named 'd' + "
                f"the parameter's name ('d{key}' for {key})." + given)
    if isinstance(key, str) and not any(key in d for d in dicts):
        if key in ("b1", "b2") and any("W1" in d for d in dicts):
            return (f"Your function read {key!r}, but the net it was given has no biases (notebook 01's reference "
                    "net has none): read a bias, and return its gradient, only when it is in params." + given)
        lower = [k for d in dicts for k in d if isinstance(k, str) and k.lower() == key.lower()]
        if lower:
            return f"Your function looked up {key!r}; the key is {lower[0]!r} (names are case-sensitive)." + given
    return f"Your function looked up the key {key!r}, which is not there." + given


def is_real(value) -> bool:
    return isinstance(value, (numbers.Real, np.number)) and not isinstance(value, (bool, np.bool_))


def not_a_number(value, asked: str) -> str:
    """`asked` (what the answer must be), then what was given: a number in quotes named as such, else short."""
    return quoted_number(value) or f"{asked}; got {short(value)}."
