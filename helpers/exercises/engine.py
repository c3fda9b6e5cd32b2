"""The engine that reads the exercise declarations (nb01.py .. nb06.py): one Exercise per exercise.

An Exercise is data: its name, the notebook section that teaches its topic, its judge (answer -> Verdict),
three hints, the full answer, the mistakes it knows (each a Mistake: id, one-line summary for instructors,
the message a student sees, an example answer that makes it) and the names its cells need. Declaring one
registers its mistakes in CATALOGUE, the one list of mistake ids. `Check` is what `check.<name>` is: it runs
the judge, shows the verdict, and records in the output's metadata which mistake it was (issue 25).
A prediction exercise's judge returns through a `Prediction` (issue 37): recorded, compared, explained, never
marked wrong.
"""
from dataclasses import dataclass, field
from typing import Callable

import numpy as np

from helpers.exercises.verdicts import Answer, Verdict, as_array, same
from helpers.exercises.words import tolerance

CATALOGUE = {}  # mistake id -> Mistake, in declaration order (every notebook's exercises)
PREDICTIONS = set()  # the names of the prediction exercises (filled by Prediction(name) in the nbNN.py modules)


@dataclass(frozen=True)
class Mistake:
    """A known mistake: `example()` gives the arguments to pass to the check to see `message`."""

    key: str
    summary: str  # one line for the instructor's report, e.g. "forgot sigma' in the output delta"
    message: str
    example: Callable[[], tuple]
    exercise: str = ""  # filled in by the Exercise that declares it


@dataclass(frozen=True)
class Exercise:
    """One exercise, declared beside its notebook's others."""

    name: str
    section: str  # the notebook's "## ..." heading where the topic is taught (the report names it)
    judge: Callable[..., Verdict]
    hints: tuple  # 1 the idea, 2 the equation or step, 3 the shape of the code (never the code)
    answer: str  # the full answer's source, shown only by solution(name)
    mistakes: tuple = ()
    needs: dict = field(default_factory=dict)  # a name its cells need -> the cell that defines it

    def __post_init__(self):
        for m in self.mistakes:
            assert m.key not in CATALOGUE, f"mistake id {m.key} declared twice"
            CATALOGUE[m.key] = Mistake(m.key, m.summary, m.message, m.example, self.name)


def fn(variant, **switches) -> Callable[[], tuple]:
    """An example for a function exercise: the wrong function itself, `variant` with `switches` set."""
    return lambda: (lambda *args: variant(*args, **switches),)


def mistake(key: str, extra: str = "", before: str = "") -> Verdict:
    """The Verdict that names catalogued mistake `key` (with words `before` and `extra` after its message)."""
    m = CATALOGUE[key]
    return Verdict(m.exercise, "not yet", before + m.message + extra, mistake=key)


def recognise(name: str, gives_the_same) -> Verdict:
    """The first catalogued mistake of exercise `name` whose wrong function gives what the student's gave."""
    for m in CATALOGUE.values():
        if m.exercise == name and gives_the_same(m.example()[0]):
            return mistake(m.key)
    return None


class Prediction:
    """The verdict of a prediction exercise, e.g. LR_FIVE = Prediction("lr_five") in nb01.py, then in its judge
    `return LR_FIVE("faster", "Measured: ...", agrees=guess == actual, why="A bigger step ...", key=None)`.

    Status "recorded" whatever the prediction said: a prediction is the student's own record of what they
    expected, and marking it wrong pushes them to change it after the fact. The text says what was predicted,
    what was measured, whether the two agree, and why the measurement came out as it did; `key` names a
    catalogued misconception the prediction shows (its message goes before `why`), for the instructor's
    report. Answers that are not a prediction yet (a placeholder, the wrong type, a missing measurement)
    keep their "not attempted" / "not yet" verdicts: those are about the input, not the prediction.
    A judge that spots a late prediction from the kernel's run history (kernel.set_after) says so in
    `predicted`; outside a notebook, and when nbgrader runs the notebook top to bottom, there is no such
    history to read, so the prediction is recorded as made in time.
    """

    def __init__(self, name: str):
        self.name = name
        PREDICTIONS.add(name)

    def __call__(self, predicted: str, measured: str, agrees: bool, why: str = "", key: str = None) -> Verdict:
        """Verdict(name, "recorded", "You predicted <predicted>. <measured> <agreement> <key's message><why>")."""
        agreement = "That agrees with your prediction." if agrees else "That is not what you predicted; here is why."
        explained = (CATALOGUE[key].message if key else "") + why
        return Verdict(self.name, "recorded", f"You predicted {predicted}. {measured} {agreement} {explained.strip()}",
                       mistake=key, agrees=bool(agrees))


def judge_array(name: str, f, args: tuple, right: np.ndarray, correct: str, pointer, early=None) -> Verdict:
    """An exercise whose answer is f(*args) -> an array like `right`: Correct, a catalogued mistake, what is
    wrong with the array, or `pointer(arr)` (where it differs). `early(result)` may name a problem first."""
    run = Answer(name, f)
    result = run(*(a.copy() for a in args))
    if run.problem or run.too_slow():
        return run.problem or run.too_slow()
    if early and (problem := early(result)):
        return problem
    arr, problem = as_array(result, right.shape, "What your function returned")
    rtol, precision = tolerance(result)  # a float32 answer is right to float32's precision
    if arr is not None and same(arr, right, rtol):
        return Verdict(name, "correct", correct + precision)
    found = recognise(name, lambda variant: arr is not None and same(arr, variant(*(a.copy() for a in args)), rtol))
    if found or problem:
        return found or Verdict(name, "not yet", problem)
    return Verdict(name, "not yet", pointer(arr))


class Check:
    """check.<name>: call it to check an answer (shows the verdict), .hint(level) for hints."""

    def __init__(self, exercise: Exercise):
        self.name, self.exercise, self.hints, self.last, self.seen = exercise.name, exercise, exercise.hints, None, []

    def verdict(self, *answer) -> Verdict:
        """The Verdict for an answer, without showing it. Never raises."""
        try:
            return self.exercise.judge(*answer)
        except Exception as e:  # noqa: BLE001 -- the promise is that a check never raises
            return Verdict(self.name, "not yet", f"The check could not read your answer ({type(e).__name__}: {e}).")

    def __call__(self, *answer) -> None:
        self.last = self.verdict(*answer)
        show(self.last, self.seen)
        if self.last.mistake and self.last.mistake not in self.seen:
            self.seen.append(self.last.mistake)

    def hint(self, level: int = 1) -> None:
        """Print hint number `level`: 1 the idea, 2 the equation or step, 3 the shape of the code (never the code)."""
        print(self.hint_text(level))

    def hint_text(self, level: int = 1) -> str:
        number = isinstance(level, int) and not isinstance(level, bool)
        note = "" if number else f"(The hint's level is a number, 1 to {len(self.hints)}; got {level!r:.20}.) "
        level = min(max(level if number else 1, 1), len(self.hints))
        more = f" (hint {level + 1} says more)" if level < len(self.hints) else " (that is the last hint)"
        return f"{note}Hint {level} for {self.name}: {self.hints[level - 1]}{more}"


def record(verdict: Verdict, earlier: list = ()) -> dict:
    """What a shown verdict records in the notebook's output metadata for the instructor's report: the exercise,
    the status, the mistake id (or None), the ids this check named earlier in the same kernel, and for a
    recorded prediction whether it agreed with the measurement ("agrees", only in a prediction's record)."""
    found = {"exercise": verdict.exercise, "status": verdict.status, "mistake": verdict.mistake,
             "earlier": list(earlier)}
    return {"backprop_lab": {**found, "agrees": verdict.agrees} if verdict.status == "recorded" else found}


def show(item, earlier: list = ()) -> None:
    """Display as HTML in a notebook (a Verdict with its record() as output metadata), as text elsewhere."""
    try:
        from IPython import get_ipython
        from IPython.display import display
        if get_ipython() is not None:
            display(item, metadata=record(item, earlier) if isinstance(item, Verdict) else None)
            return
    except ImportError:
        pass
    print(item)
