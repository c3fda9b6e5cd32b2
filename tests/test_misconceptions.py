"""The misconception report (tools/misconceptions.py) on a fake class, autograded by nbgrader.

Twenty students answer three of notebook 06's exercises (not tanh_ce_net: its answer runs the student's own
tanh and log, so a mistake in those would show twice), each answer drawn (seeded) from the feedback corpus
(tests/test_feedback_corpus.py): a right answer, a catalogued mistake, or a mistake the student's own kernel
showed before they fixed it (their submitted notebook keeps that check's last output, which lists it). nbgrader
autogrades the class; every count in the report is asserted against what was generated.

With BACKPROP_LAB_WRITE_DOCS=1 the report's picture and words for this class are copied to docs/ (the
README's example): docs/misconceptions-example.png, .txt, and docs/misconceptions-announcement.txt.
"""
import csv
import os
import random
import shutil
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

try:
    import nbgrader  # noqa: F401  an instructor tool: requirements-instructor.txt (CI's instructor leg)
except ImportError:
    if os.environ.get("BACKPROP_LAB_REQUIRE_NBGRADER") == "1":
        raise
    pytest.skip("nbgrader is not installed (pip install -r requirements-instructor.txt)", allow_module_level=True)
import nbformat  # noqa: E402

from helpers.exercises import CATALOGUE, EXERCISES, check  # noqa: E402
from helpers.exercises.engine import record  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import misconceptions  # noqa: E402
import nbgrader_course  # noqa: E402
from test_feedback_corpus import CORPUS  # noqa: E402  (tests/ is on sys.path)
from test_figures import figure_problems  # noqa: E402
from test_nbgrader import TIMEOUT, nbgrader  # noqa: E402

NOTEBOOK = "06_autograd_by_hand"
STUDENTS = [f"s{i:02d}" for i in range(20)]
EXERCISES_ANSWERED = ["value_ops", "zero_grad_fix", "fan_out"]


def answer_cells(exercise: str, answer) -> dict:
    """{answer cell's grade_id: the source a student wrote} for a corpus answer to `exercise`: the corpus gives
    notebook 06's answers as the cells typed (`cells`)."""
    return dict(answer.cells)


def pool(exercise: str) -> dict:
    """The corpus's answers to `exercise` that a student can type: {mistake id or None (right): [(args, answer)]}.
    Right is Correct, or a recorded prediction that agrees (fan_out): what the report counts as right."""
    found = {}
    for name, answer, status, key, _ in CORPUS:
        if name != exercise or not hasattr(answer, "cells") or status == "not attempted":
            continue
        args = answer()
        if getattr(check, name).verdict(*args).earns(agreement=True) == (key is None):
            found.setdefault(key, []).append((args, answer))
    return found


def generate(seed: int = 25) -> dict:
    """{student: {exercise: (final mistake or None, earlier mistake or None, (final answer's args, answer))}}."""
    rng, names = random.Random(seed), EXERCISES_ANSWERED
    pools = {name: pool(name) for name in names}
    klass = {}
    for student in STUDENTS:
        klass[student] = {}
        for name in names:
            keys = sorted(k for k in pools[name] if k)
            way = rng.choices(["right", "mistake", "fixed"], weights=[0.35, 0.45, 0.2])[0]
            final = rng.choice(keys) if way == "mistake" else None
            earlier = rng.choice(keys) if way == "fixed" else None
            klass[student][name] = (final, earlier, rng.choice(pools[name][final]))
    return klass


def shown_after(exercise: str, args: tuple, earlier: str) -> nbformat.NotebookNode:
    """The output a check cell keeps after the student fixed `earlier`: the verdict, with the check's record."""
    verdict = getattr(check, exercise).verdict(*args)
    return nbformat.v4.new_output("display_data", data={"text/plain": str(verdict), "text/html": verdict._repr_html_()},
                                  metadata=record(verdict, [earlier]))


def submit(course: Path, student: str, answers: dict) -> None:
    folder = course / "submitted" / student / NOTEBOOK
    shutil.copytree(course / "release" / NOTEBOOK, folder)
    path = folder / f"{NOTEBOOK}.ipynb"
    nb = nbformat.read(path, as_version=4)
    cells = {c.metadata.get("nbgrader", {}).get("grade_id"): c for c in nb.cells}
    for exercise, (_, earlier, (args, answer)) in answers.items():
        for gid, source in answer_cells(exercise, answer).items():
            cells[gid].source = source
        if earlier:
            cells[f"check_{exercise}"].outputs = [shown_after(exercise, args, earlier)]
    nbformat.write(nb, path)


def expected(klass: dict) -> list:
    """The report's rows, computed from what was generated."""
    made, right = {}, {}
    for student, answers in klass.items():
        for final, earlier, _ in answers.values():
            for key in {final, earlier} - {None}:
                made.setdefault(key, set()).add(student)
            if earlier:
                right.setdefault(earlier, set()).add(student)
    rows = [{"notebook": NOTEBOOK, "exercise": CATALOGUE[k].exercise, "mistake": k,
             "description": CATALOGUE[k].summary, "students": len(s), "class_size": len(klass),
             "share": round(len(s) / len(klass), 3), "then_right": len(right.get(k, ())),
             "section": EXERCISES[CATALOGUE[k].exercise].section} for k, s in made.items()]
    return sorted(rows, key=lambda r: (-r["students"], r["mistake"]))


@pytest.fixture(scope="module")
def klass(tmp_path_factory):
    course = tmp_path_factory.mktemp("class")
    nbgrader_course.build(course, timeout=TIMEOUT, notebooks=[ROOT / "notebooks" / f"{NOTEBOOK}.ipynb"])
    nbgrader(course, "generate_assignment", NOTEBOOK)
    generated = generate()
    for student, answers in generated.items():
        submit(course, student, answers)
        nbgrader(course, "db", "student", "add", student)
    with ThreadPoolExecutor(2) as pool_:  # two nbgrader processes, ten students each
        list(pool_.map(lambda some: nbgrader(course, "autograde", NOTEBOOK, f"--student={some}"), ["s0*", "s1*"]))
    return course, generated


def test_the_fake_class_is_a_mix_of_right_answers_and_catalogued_mistakes(klass):
    _, generated = klass
    ways = [(final, earlier) for answers in generated.values() for final, earlier, _ in answers.values()]
    assert len(generated) >= 20
    assert sum(f is None and e is None for f, e in ways) >= 10 and sum(f is not None for f, _ in ways) >= 20
    assert sum(e is not None for _, e in ways) >= 5
    assert len({f for f, _ in ways} | {e for _, e in ways}) >= 10  # many different mistakes


def test_the_report_counts_what_the_class_did(klass, tmp_path):
    course, generated = klass
    text = misconceptions.report(course, tmp_path, top=8)
    with open(tmp_path / "misconceptions.csv", newline="") as fh:
        rows = list(csv.DictReader(fh))
    want = expected(generated)
    assert [{k: str(v) for k, v in r.items()} for r in want] == rows
    # the picture and its words, from the same counts
    assert (tmp_path / f"{NOTEBOOK}.png").stat().st_size > 10_000
    words = (tmp_path / f"{NOTEBOOK}.txt").read_text()
    for i, r in enumerate(want[:8], 1):
        line = f"{i}. {r['description']} ({r['exercise']}): {r['students']} of 20"
        assert line in words and line in text, line
    assert figure_problems(misconceptions.figure(NOTEBOOK, want[:8]), tight=False) == []
    # the announcement: the most common mistakes, each naming the section to revisit
    announcement = (tmp_path / "announcement.txt").read_text().splitlines()
    top = sorted(want, key=lambda r: (-r["share"], r["notebook"], r["mistake"]))[:5]
    assert announcement[1:] == [f"- {misconceptions.sentence(r)}" for r in top]
    first = top[0]
    assert announcement[1].startswith(f"- {first['students']} of 20 {first['description']} ({first['exercise']})")
    assert f"revisit notebook 06's section '{first['section'][3:]}'." in announcement[1]
    assert misconceptions.sentence(first) in " ".join((ROOT / "README.md").read_text().split())  # its example
    if os.environ.get("BACKPROP_LAB_WRITE_DOCS") == "1":
        shutil.copy(tmp_path / f"{NOTEBOOK}.png", ROOT / "docs" / "misconceptions-example.png")
        shutil.copy(tmp_path / f"{NOTEBOOK}.txt", ROOT / "docs" / "misconceptions-example.txt")
        shutil.copy(tmp_path / "announcement.txt", ROOT / "docs" / "misconceptions-announcement.txt")
