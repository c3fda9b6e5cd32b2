"""No exercise's answer shows in its notebook before its check cell (issue 37: an exercise asks for what
the page has not shown).

For every numbered notebook and every exercise it checks (`check.name(...)` in a code cell), the code
lines of the exercise's declared answer (helpers/exercises/declarations/, what solution(name) prints)
must not appear in any cell above that check cell: not in a code cell's source, not in a stored output
(printed source, a table, HTML), not in a markdown cell's code (its code blocks and `inline code`). The
cells the student fills in for that exercise (their placeholders: tools/nbgrader_course.py) are not
searched, and a line the task itself gives there (the `def` line, a given `a, b, c = Value(...)`, a line
quoted in the placeholder's comment) is no leak. Trivial lines are not searched either: blank lines,
comments, docstrings, imports, `pass`, `return` or `return name`, lone brackets. Lines are compared
without spaces and without a trailing comment; a line of at least MIN_INSIDE characters also leaks when
it is part of a longer line; and a line of at least MIN_TOKENS tokens leaks when a shown line has its
shape, the same tokens with other variable names (`self.grad += other.data * out.grad` shows
`a.grad += b.data * out.grad`: attributes, called functions, numbers and operators must match).

Generic: a new notebook (07_...) or a new exercise is scanned as soon as it exists.
"""
import ast
import html
import io
import keyword
import re
import sys
import tokenize
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
from nbgrader_course import CHECK_CALL, defined_names, placeholders  # noqa: E402

from helpers.exercises import SOLUTIONS  # noqa: E402

NOTEBOOKS = sorted(p for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb") if not p.name.startswith("00_"))
MIN_INSIDE = 12  # characters (spaces removed) a line needs to be found inside a longer line
MIN_TOKENS = 6  # tokens a line needs to be compared by its shape (names renamed)
TRIVIAL = re.compile(r"^(pass|return|return\w+|[\]\)\}]+,?|else:|try:|finally:)$")


def squeeze(line: str) -> str:
    """A line without its spaces (so that `a*b` and `a * b` are the same line)."""
    return re.sub(r"\s+", "", line)


def shape(line: str):
    """The line's tokens with every variable name as `_` (attributes and called names kept), or None if it
    has fewer than MIN_TOKENS tokens or is not a line of Python."""
    try:
        tokens = [t for t in tokenize.generate_tokens(io.StringIO(line.strip() + "\n").readline)
                  if t.type not in (tokenize.NEWLINE, tokenize.NL, tokenize.ENDMARKER, tokenize.COMMENT,
                                    tokenize.INDENT, tokenize.DEDENT)]
    except (tokenize.TokenError, SyntaxError):
        return None
    out = []
    for k, t in enumerate(tokens):
        before, after = tokens[k - 1].string if k else "", tokens[k + 1].string if k + 1 < len(tokens) else ""
        variable = t.type == tokenize.NAME and not keyword.iskeyword(t.string) and before != "." and after != "("
        out.append("_" if variable else t.string)
    return " ".join(out) if len(out) >= MIN_TOKENS else None


def code_lines(source: str) -> list:
    """The lines of an answer worth searching for: no blanks, comments, docstrings, imports or trivial
    lines; each without its trailing comment, stripped."""
    tree = ast.parse(source)
    skip = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr) and \
                isinstance(body[0].value, ast.Constant) and isinstance(body[0].value.value, str):
            skip |= set(range(body[0].lineno, body[0].end_lineno + 1))  # a docstring
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            skip |= set(range(node.lineno, node.end_lineno + 1))
    lines = source.split("\n")
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT:  # cut the comment off its line (a '#' inside a string stays)
            row, col = token.start
            lines[row - 1] = lines[row - 1][:col]
    found = []
    for number, line in enumerate(lines, 1):
        if number not in skip and squeeze(line) and not TRIVIAL.match(squeeze(line)):
            found.append(line.strip())
    return found


def markdown_code(text: str) -> list:
    """The code in a markdown cell: the lines of its code blocks (fenced or indented) and its `inline code`."""
    found, fenced = [], False
    for line in text.split("\n"):
        if line.lstrip().startswith("```"):
            fenced = not fenced
        elif fenced or line.startswith("    "):
            found.append(line)
    return found + re.findall(r"`([^`\n]+)`", text)


def output_text(output) -> str:
    """What a stored output shows as text: a stream, a result's text, an error, HTML without its tags."""
    if output.get("output_type") == "stream":
        return output.get("text", "")
    if output.get("output_type") == "error":
        return "\n".join(output.get("traceback", []))
    data = output.get("data", {})
    texts = [data.get(kind, "") for kind in ("text/plain", "text/markdown", "text/latex")]
    if "text/html" in data:
        texts.append(html.unescape(re.sub(r"<[^>]+>", "\n", data["text/html"])))
    return "\n".join(t if isinstance(t, str) else "".join(t) for t in texts)


def shown_lines(cell) -> list:
    """Every line a reader sees in a cell (source and stored outputs; markdown: its code)."""
    if cell.cell_type == "markdown":
        lines = markdown_code(cell.source)
    elif cell.cell_type == "code":
        lines = cell.source.split("\n") + [ln for o in cell.get("outputs", []) for ln in output_text(o).split("\n")]
    else:
        lines = []
    return [line for line in lines if line.strip()]


def answer_cells(cells: list, answer: str) -> list:
    """The indices of the code cells whose placeholders ask for a name `answer` defines."""
    return [i for i, cell in enumerate(cells) if cell.cell_type == "code"
            and set(placeholders(cell.source)[0]) & defined_names(answer)]


def check_cell(cells: list, exercise: str):
    """The index of the first code cell that calls check.<exercise>(...), or None."""
    return next((i for i, cell in enumerate(cells) if cell.cell_type == "code" and exercise in
                 [m.group(1) for line in cell.source.split("\n") if (m := CHECK_CALL.match(line))]), None)


def leaks(cells: list, exercise: str, answer: str) -> list:
    """[(cell index, answer line)] for each line of `answer` shown above `exercise`'s check cell, outside
    the cells the student fills in for it. [] if there is no check cell."""
    end = check_cell(cells, exercise)
    if end is None:
        return []
    own = answer_cells(cells, answer)
    given = "".join(squeeze(cells[i].source) for i in own)
    wanted = [line for line in code_lines(answer) if squeeze(line) not in given]
    found = []
    for i, cell in enumerate(cells[:end]):
        if i in own:
            continue
        shown = shown_lines(cell)
        texts = {squeeze(s) for s in shown} | {squeeze(re.sub(r"\s#.*$", "", s)) for s in shown}
        shapes = {shape(s) for s in shown} - {None}
        for line in wanted:
            text = squeeze(line)
            if text in texts or (len(text) >= MIN_INSIDE and any(text in s for s in texts)) or shape(line) in shapes:
                found.append((i, line))
    return found


def checked_here() -> list:
    """(notebook, exercise) for every exercise whose check cell is in a numbered notebook."""
    found = []
    for path in NOTEBOOKS:
        cells = nbformat.read(path, as_version=4).cells
        found += [(path, name) for name in SOLUTIONS if check_cell(cells, name) is not None]
    return found


CHECKED = checked_here()


def test_every_exercise_is_checked_in_a_notebook():
    assert sorted(name for _, name in CHECKED) == sorted(SOLUTIONS)


@pytest.mark.parametrize("path, exercise", CHECKED, ids=[f"{p.name[:2]}-{e}" for p, e in CHECKED])
def test_no_answer_shows_before_its_check(path, exercise):
    cells = nbformat.read(path, as_version=4).cells
    found = leaks(cells, exercise, SOLUTIONS[exercise])
    where = "\n".join(f"  cell {i} ({cells[i].cell_type}): {line}" for i, line in found)
    assert not found, f"{path.name}: the answer to {exercise} shows above its check cell:\n{where}"


# ---- the scanner on planted leaks -------------------------------------------------------------------------

ANSWER = '''def tanh_grad(z):
    """d tanh(z) / dz = 1 - tanh(z)^2, elementwise."""
    t = np.tanh(z)  # the hyperbolic tangent
    return 1 - t * t
'''


def lesson(*cells) -> list:
    """A small notebook: the given cells, then the answer cell and the check cell of tanh_grad."""
    stub = 'def tanh_grad(z):\n    """The slope of tanh."""\n    raise NotImplementedError  # your code here\n'
    return [*cells, nbformat.v4.new_code_cell(stub), nbformat.v4.new_code_cell("check.tanh_grad(tanh_grad)\n")]


def test_the_scanner_finds_the_answer_lines_and_nothing_trivial():
    assert code_lines(ANSWER) == ["def tanh_grad(z):", "t = np.tanh(z)", "return 1 - t * t"]  # the def: given
    trivial = ('import numpy as np\n\n\ndef f(x):\n    # a comment\n    d = {"a": [\n        1,\n    ]}\n    pass\n'
               '    return d\n')
    assert code_lines(trivial) == ["def f(x):", 'd = {"a": [', "1,"]
    assert code_lines('s = "a # not a comment"\n') == ['s = "a # not a comment"']
    assert shape("a.grad += b.data * out.grad") == shape("self.grad += other.data * out.grad  # d/da")
    assert shape("a.grad += b.data * out.grad") != shape("a.grad += b.grad * out.grad")
    assert shape("t = np.tanh(z)") != shape("t = np.exp(z)") and shape("x = 1") is None


@pytest.mark.parametrize("cell, where", [
    (nbformat.v4.new_code_cell("t = np.tanh(z)\nprint(1 - t*t)"), "a code cell's source"),
    (nbformat.v4.new_code_cell("import inspect\nprint(inspect.getsource(f))",
                               outputs=[nbformat.v4.new_output("stream", text="    return 1 - t * t\n")]),
     "a printed source"),
    (nbformat.v4.new_code_cell("show()", outputs=[nbformat.v4.new_output(
        "display_data", data={"text/html": "<pre>t = np.tanh(z)</pre>", "text/plain": "<table>"})]), "HTML"),
    (nbformat.v4.new_markdown_cell("The slope is `return 1 - t * t` of course."), "inline code"),
    (nbformat.v4.new_markdown_cell("Like this:\n\n```python\nt = np.tanh(z)\n```\n"), "a code block"),
    (nbformat.v4.new_code_cell("def g(z):\n    t = np.tanh(z)  # same line, other comment\n"), "another function"),
    (nbformat.v4.new_code_cell("def slope(u):\n    return 1 - u * u\n"), "other names"),
])
def test_a_planted_leak_is_found(cell, where):
    assert leaks(lesson(cell), "tanh_grad", ANSWER), where


def test_what_is_no_leak():
    harmless = [nbformat.v4.new_markdown_cell("tanh's slope is 1 - tanh(z)^2: write it with np.tanh."),
                nbformat.v4.new_code_cell("z = np.linspace(-3, 3, 7)\nprint(np.tanh(z))\nreturn 1 - t / t")]
    assert leaks(lesson(*harmless), "tanh_grad", ANSWER) == []
    # below the check cell, the answer may show (a summary, a solution cell)
    after = lesson() + [nbformat.v4.new_code_cell("t = np.tanh(z)")]
    assert leaks(after, "tanh_grad", ANSWER) == []
    # a line the task gives in the student's own cell is no leak; the rest of the answer is
    task = [nbformat.v4.new_code_cell("t = np.tanh(z)\nslope = ...  # your code here, from t\n"),
            nbformat.v4.new_code_cell("check.tanh_grad(slope)\n")]
    answer = "t = np.tanh(z)\nslope = 1 - t * t\n"
    assert leaks([nbformat.v4.new_code_cell("t = np.tanh(z)")] + task, "tanh_grad", answer) == []
    shown = [nbformat.v4.new_code_cell("slope = 1 - t*t")]
    assert leaks(shown + task, "tanh_grad", answer) == [(0, "slope = 1 - t * t")]
