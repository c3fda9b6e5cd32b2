"""Exercise checks with specific hints, for every notebook's "Exercises" section.

    from helpers.exercises import check, hint
    check.sigmoid_grad(sigmoid_grad)     # prints: Correct / Not yet (with a hint) / Not attempted
    check.sigmoid_grad.hint()            # graded hints on demand: .hint(2), .hint(3) say more
    hint("sigmoid_grad", 2)              # the same, by name

Exercises: 01 sigmoid_grad, backward, gradient_step, lr_five (nb01.py); 02 and_weights, or_weights,
violated (nb02.py); 03 success_rate, h2_prediction (nb03.py); 04 gate_names, xor_by_hand (nb04.py);
05 ce_delta, tanh_grad, fails_most (nb05.py); 06 mul_backward, sigmoid_backward, add_backward, fan_out
(nb06.py). solution("name") prints a full answer.
A check never raises: see verdicts.py for how a student's function is run and what a placeholder,
an exception, None, a list, a wrong shape, NaN or a slow function get. Known mistakes (mistakes.py)
are recognised by comparing with deliberately wrong variants.
The last verdict is kept in `check.<name>.last` (Verdict: status, text, mistake).
"""
from helpers.exercises import nb01, nb02, nb03, nb04, nb05, nb06
from helpers.exercises.mistakes import GATE_NET  # noqa: F401 (notebook 04 imports it from here)
from helpers.exercises.verdicts import Exercise

CHECKS = {**nb01.CHECKS, **nb02.CHECKS, **nb03.CHECKS, **nb04.CHECKS, **nb05.CHECKS, **nb06.CHECKS}
HINTS = {**nb01.HINTS, **nb02.HINTS, **nb03.HINTS, **nb04.HINTS, **nb05.HINTS, **nb06.HINTS}
solution = nb05.solution  # solution("name") prints the full answer (from solutions/)


class _Checks:
    """The namespace `check`: one Exercise per name, e.g. check.backward(my_backward)."""

    def __init__(self):
        for name, judge in CHECKS.items():
            setattr(self, name, Exercise(name, judge, HINTS[name]))

    def names(self) -> list:
        return list(CHECKS)


check = _Checks()


def hint(name: str, level: int = 1) -> None:
    """Print hint `level` for exercise `name` (see check.names())."""
    if name not in CHECKS:
        print(f"No exercise called {name!r}; the exercises are: {', '.join(CHECKS)}")
        return
    getattr(check, name).hint(level)
