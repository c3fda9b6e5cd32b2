"""Build an nbgrader course folder from the lab: instructor notebooks, from the student notebooks and the answers.

    python tools/nbgrader_course.py COURSE                 # checks visible, as in notebooks/
    python tools/nbgrader_course.py COURSE --hide-checks   # students see no verdict; grading still uses it
    python tools/nbgrader_course.py COURSE --score-agreement  # a prediction scores only when it agreed

One source of truth: the answers declared in helpers/exercises/declarations/ (what solution(name) prints).
The student notebooks in notebooks/ hold the placeholders; this tool writes COURSE/source/NN_name/NN_name.ipynb,
the instructor version, in which
  - each answer cell keeps its placeholder and gets, on the empty line after it, the declared answer
    between ### BEGIN SOLUTION / ### END SOLUTION (the answer redefines the placeholder);
  - each check cell (`check.name(...)`) becomes an autograded test cell worth POINTS[name] per exercise,
    whose hidden part (### BEGIN HIDDEN TESTS) scores the verdict the check just showed: the points
    exactly when the check says Correct, or Recorded for a prediction (Verdict.earns: making the prediction
    is the task; with --score-agreement only a prediction that agreed with the measurement scores). With
    --hide-checks the check calls go into the hidden part too.
With ClearSolutions.code_stub set to "" (COURSE/nbgrader_config.py), `nbgrader generate_assignment`
replaces each solution region by that empty line and drops the hidden tests, which gives back the
student notebooks cell for cell (tests/test_nbgrader.py checks it). Every assignment folder carries a
copy of helpers/ (the kernel runs in the notebook's folder, where `import helpers` then finds it);
nbgrader autograde copies it over a student's copy, so a changed helpers/ cannot change a grade.
"""
import argparse
import ast
import re
import shutil
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from helpers.exercises import SOLUTIONS  # noqa: E402 (after the path to the repository)

NOTEBOOKS = sorted(p for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb") if not p.name.startswith("00_"))
POINTS = {name: 1 for name in SOLUTIONS}  # what a Correct (or Recorded) verdict is worth; change here for a course
FUNCTION_STUB = "raise NotImplementedError  # your code here"
VALUE_STUB = re.compile(r"^(\w+) = \.\.\.\s+#")  # e.g. lr5_prediction = ...  # your prediction
CHECK_CALL = re.compile(r"^check\.(\w+)\(")
BEGIN, END = "### BEGIN SOLUTION", "### END SOLUTION"
BEGIN_HIDDEN, END_HIDDEN = "### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS"

CONFIG = '''# nbgrader configuration for the Backprop Lab course (written by tools/nbgrader_course.py)
c = get_config()  # noqa: F821 (nbgrader provides it)
c.CourseDirectory.course_id = "backprop-lab"
c.CourseDirectory.root = {root!r}
c.CourseDirectory.db_url = "sqlite:///" + {db!r} + "?timeout=60"
# the placeholder stays in the student's cell above the solution region: the region becomes an empty line
c.ClearSolutions.code_stub = {{"python": ""}}
# seconds one cell may run while autograding (the slowest cell of the lab takes about 15 s); a student's
# cell that never ends is interrupted after this and graded as an error
c.Execute.timeout = {timeout}
'''


def defined_names(node) -> set:
    """The names a piece of code (source or a parsed statement) defines at its top level."""
    names = set()
    for stmt in ast.parse(node).body if isinstance(node, str) else [node]:
        if isinstance(stmt, ast.FunctionDef):
            names.add(stmt.name)
        for target in getattr(stmt, "targets", []):
            names |= {n.id for n in ast.walk(target) if isinstance(n, ast.Name)}
    return names


def split_answer(text: str, groups: list) -> list:
    """An answer shared by several answer cells (notebook 06's fan_out: the prediction, then the Values),
    cut after the last statement that defines each cell's names; the last cell gets the rest."""
    body, lines, pieces, start = ast.parse(text).body, text.rstrip("\n").split("\n"), [], 0
    for names in groups[:-1]:
        end = max(s.end_lineno for s in body if defined_names(s) & set(names))
        pieces.append("\n".join(lines[start:end]))
        start = end
    return pieces + ["\n".join(lines[start:])]


DEFINES = {name: defined_names(text) for name, text in SOLUTIONS.items()}


def placeholders(source: str) -> tuple:
    """(names an answer cell asks for, index of its last placeholder line); ((), None) for other cells."""
    lines, names, last = source.split("\n"), [], None
    for i, line in enumerate(lines):
        value = VALUE_STUB.match(line)
        if line.strip() == FUNCTION_STUB:
            names.append(next(ln for ln in reversed(lines[:i]) if ln.startswith("def "))[4:].split("(")[0])
            last = i
        elif value:
            names.append(value.group(1))
            last = i
    return tuple(names), last


def exercises_for(names: tuple) -> list:
    """The exercises whose declared answers define any of `names`, in the declarations' order."""
    found = [e for e, defined in DEFINES.items() if defined & set(names)]
    missing = set(names) - set().union(*(DEFINES[e] for e in found))
    if missing:
        raise ValueError(f"no answer declared in helpers/exercises/declarations/ defines {sorted(missing)}")
    return found


def checked(source: str) -> list:
    """The exercises a check cell checks, in order."""
    return [m.group(1) for line in source.split("\n") if (m := CHECK_CALL.match(line))]


def solution_cell(cell, names: tuple, last: int, answer: str) -> None:
    """Answer cell: the answer goes, between solution markers, on the empty line after the last placeholder."""
    lines = cell.source.split("\n")
    if last + 1 >= len(lines) or lines[last + 1].strip():
        raise ValueError(f"the answer cell for {names} needs an empty line after its placeholder:\n{cell.source}")
    lines[last + 1:last + 2] = [BEGIN, answer, END]
    cell.source = "\n".join(lines)
    cell.metadata["nbgrader"] = {"grade": False, "solution": True, "locked": False,
                                 "grade_id": "answer_" + "_".join(names), "schema_version": 3}


def grade_cell(cell, names: list, hide: bool, agreement: bool = False) -> None:
    """Check cell: an autograded test cell whose hidden part scores the verdicts the checks just showed."""
    lines = cell.source.split("\n")
    calls = [line for line in lines if CHECK_CALL.match(line)] if hide else []
    lines = [line for line in lines if line not in calls]
    points = sum(POINTS[n] for n in names)
    score = " + ".join(f"{POINTS[n]} * check.{n}.last.earns(agreement={agreement})" for n in names)
    said = "Correct (a prediction: Recorded" + (" and agreeing)" if agreement else ")")
    hidden = [BEGIN_HIDDEN, *calls, f"# the points when the check above says {said}, else 0 (of {points})",
              f"float({score})", END_HIDDEN]
    at = len(lines) - 1 if lines and lines[-1] == "" else len(lines)
    lines[at:at] = hidden
    cell.source = "\n".join(lines)
    cell.metadata["nbgrader"] = {"grade": True, "solution": False, "locked": True, "points": points,
                                 "grade_id": "check_" + "_".join(names), "schema_version": 3}


def instructor_notebook(path: Path, hide: bool = False, agreement: bool = False):
    """The instructor version of a student notebook: solutions and graded checks, no outputs."""
    nb = nbformat.read(path, as_version=4)
    nb.metadata.pop("widgets", None)
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    asks = [(cell, *placeholders(cell.source)) for cell in code]
    asks = [(cell, names, last) for cell, names, last in asks if names]
    cells_of = {}  # exercise -> the names of each answer cell that asks for part of its answer
    for _, names, _ in asks:
        for e in exercises_for(names):
            cells_of.setdefault(e, []).append(names)
    for cell, names, last in asks:
        parts = [split_answer(SOLUTIONS[e], cells_of[e])[cells_of[e].index(names)] for e in exercises_for(names)]
        solution_cell(cell, names, last, "\n".join(part.rstrip("\n") for part in parts))
    for cell in code:
        cell.outputs, cell.execution_count = [], None
        if "nbgrader" not in cell.metadata and checked(cell.source):
            grade_cell(cell, checked(cell.source), hide, agreement)
    return nb


def build(course: Path, hide: bool = False, timeout: int = 60, notebooks: list = NOTEBOOKS,
          agreement: bool = False) -> list:
    """Write the course folder: nbgrader_config.py and source/NN_name/ (notebook + helpers/). Returns the
    assignment names."""
    course = Path(course).resolve()
    (course / "nbgrader_config.py").parent.mkdir(parents=True, exist_ok=True)
    (course / "nbgrader_config.py").write_text(CONFIG.format(
        root=str(course), db=str(course / "gradebook.db"), timeout=timeout))
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    names = []
    for path in notebooks:
        folder = course / "source" / path.stem
        shutil.rmtree(folder, ignore_errors=True)
        shutil.copytree(ROOT / "helpers", folder / "helpers", ignore=ignore)
        nbformat.write(instructor_notebook(path, hide, agreement), folder / path.name)
        names.append(path.stem)
    return names


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("course", type=Path, help="the course folder to write (nbgrader runs in it)")
    parser.add_argument("--hide-checks", action="store_true",
                        help="students see no verdict in the released notebooks; grading still uses the checks")
    parser.add_argument("--timeout", type=int, default=60, help="seconds one cell may run while autograding")
    parser.add_argument("--score-agreement", action="store_true",
                        help="a prediction earns its points only when it agreed with the measurement (by default "
                             "a recorded prediction earns them: making it is the task)")
    args = parser.parse_args(argv)
    for name in build(args.course, args.hide_checks, args.timeout, agreement=args.score_agreement):
        print(f"{args.course / 'source' / name / name}.ipynb")
    print(f'next: cd {args.course} && nbgrader generate_assignment "*"   (then release, collect, autograde: README)')
    return 0


if __name__ == "__main__":
    sys.exit(main())
