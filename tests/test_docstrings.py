"""Every name a docstring or comment in helpers/ points at exists: a dotted `helpers.x.y` name, a
`module.name` whose module is one of helpers' own (`network.backward`, `sweep.wilson_interval`), and a
file path (`helpers/pictures/plots.py`, `tests/test_variants.py`, `verdicts.py`). Generic on purpose: a
module added tomorrow is found by walking the package, and its docstrings are read the same way.

What a reference is: a maximal dotted word (letters, digits, `_`, joined by dots, no space) whose first
part is `helpers` or the last part of a helpers module's name; or a word ending in `.py`. Other dotted
words (`x.grad`, `np.tanh`, `e.g`) are not references to helpers and are left alone.
"""
import ast
import importlib
import io
import pkgutil
import re
import tokenize
from pathlib import Path

import pytest

import helpers

ROOT = Path(helpers.__file__).resolve().parents[1]
DOTTED = re.compile(r"(?<![\w.])([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+)")
PATH = re.compile(r"(?<![\w./-])((?:[\w-]+/)*[\w-]+\.py)\b")


def modules() -> dict:
    """{"helpers.network": module, ...}: every module of the package, found by walking it."""
    found = {"helpers": helpers}
    for info in pkgutil.walk_packages(helpers.__path__, "helpers."):
        found[info.name] = importlib.import_module(info.name)
    return found


MODULES = modules()
SHORT = {}  # "network" -> [helpers.network], "sweep" -> [helpers.analysis.sweep, helpers.panels.sweep]
for _name, _module in MODULES.items():
    SHORT.setdefault(_name.rsplit(".", 1)[-1], []).append(_module)


def texts(path: Path) -> list:
    """(line, text) of every docstring and comment in a Python file."""
    source = path.read_text(encoding="utf-8")
    found = []
    for node in ast.walk(ast.parse(source)):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr) \
                and isinstance(body[0].value, ast.Constant) and isinstance(body[0].value.value, str):
            found.append((body[0].lineno, body[0].value.value))
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT:
            found.append((token.start[0], token.string))
    return found


def resolves(reference: str) -> bool:
    """Whether a dotted reference names something that exists (see the module's docstring for which)."""
    parts = reference.split(".")
    if parts[0] == "helpers":
        for cut in range(len(parts), 0, -1):  # the longest importable prefix, then attributes
            module = MODULES.get(".".join(parts[:cut]))
            if module is not None:
                return _has(module, parts[cut:])
        return False
    return any(_has(module, parts[1:]) for module in SHORT.get(parts[0], []))


def _has(obj, attributes: list) -> bool:
    for name in attributes:
        if isinstance(obj, type(helpers)) and f"{obj.__name__}.{name}" in MODULES:
            obj = MODULES[f"{obj.__name__}.{name}"]
            continue
        fields = getattr(obj, "__dataclass_fields__", {})
        if not hasattr(obj, name) and name not in fields:
            return False
        obj = getattr(obj, name, None)
    return True


def is_reference(word: str) -> bool:
    return word.split(".")[0] == "helpers" or word.split(".")[0] in SHORT


def path_exists(path: str, where: Path) -> bool:
    """A path is read from the file's own folder, from helpers/ or from the repository's top; a bare file name
    may be anywhere in helpers/. "NN" stands for a notebook's two digits (nbNN.py)."""
    pattern = path.replace("NN", "[0-9][0-9]")
    for folder in (where.parent, ROOT / "helpers", ROOT):
        if any(folder.glob(pattern)):
            return True
    return "/" not in path and any((ROOT / "helpers").rglob(pattern))


def references(path: Path) -> list:
    """(line, reference, exists) for every reference in the docstrings and comments of a file."""
    found = []
    for line, text in texts(path):
        for word in PATH.findall(text):
            found.append((line, word, path_exists(word, path)))
        for word in DOTTED.findall(text):
            if word.endswith(".py") or not is_reference(word):
                continue
            found.append((line, word, resolves(word)))
    return found


FILES = sorted((ROOT / "helpers").rglob("*.py"))


@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(ROOT)) for p in FILES])
def test_every_name_a_docstring_or_comment_points_at_exists(path):
    broken = [f"line {line}: {word}" for line, word, exists in references(path) if not exists]
    assert not broken, f"{path.relative_to(ROOT)} names what does not exist: {broken}"


def test_the_references_found_are_many_and_of_every_kind():
    found = [word for path in FILES for _, word, _ in references(path)]
    assert len(found) > 100
    assert any(w.startswith("helpers.") for w in found) and any(w.endswith(".py") for w in found)
    assert any(w.startswith("network.") for w in found)


@pytest.mark.parametrize("reference", ["helpers.network.backward", "helpers.analysis.sweep", "network.backward",
                                       "helpers.train.Run.correct", "train.Run", "words.describe_figures",
                                       "helpers.exercises.engine.Exercise"])
def test_the_resolver_finds_what_exists(reference):
    assert is_reference(reference) and resolves(reference)


@pytest.mark.parametrize("reference", ["helpers.plots", "helpers.fixes.summarize", "helpers.sweep.wilson",
                                       "network._forward", "helpers.network.backwards", "sweep.wilson_score",
                                       "helpers.made_up.module", "train.Run.no_such_field"])
def test_the_resolver_refuses_made_up_names(reference):
    assert is_reference(reference) and not resolves(reference)


def test_the_file_paths_are_checked_too(tmp_path):
    (tmp_path / "m.py").write_text('"""See helpers/plots.py and helpers/pictures/plots.py, then verdicts.py."""\n'
                                   "# helpers.nope.thing and network.sigmoid\n")
    found = {word: exists for _, word, exists in references(tmp_path / "m.py")}
    assert found == {"helpers/plots.py": False, "helpers/pictures/plots.py": True, "verdicts.py": True,
                     "helpers.nope.thing": False, "network.sigmoid": True}


def test_words_that_only_look_dotted_are_not_references():
    for word in ("x.grad", "np.tanh", "e.g", "self.grad", "out.data", "fig.savefig"):
        assert not is_reference(word), word


def test_the_ci_legs_are_counted_and_named_where_they_are_described():
    """.ci/run's opening comment and the README say how many legs CI runs and name each: the legs it runs."""
    run = (ROOT / ".ci" / "run").read_text()
    legs = re.findall(r"\bleg (\w+) \"\$logs/", run)
    number = ["no", "one", "two", "three", "four", "five", "six"][len(legs)]
    readme = " ".join((ROOT / "README.md").read_text().split())
    assert len(legs) >= 3 and f"{number} legs" in run.split("\n")[1]
    assert f"CI runs `bash .ci/run`: {number} legs" in readme
    for name in legs:
        assert re.search(rf"^#\s+{name}\s", run, flags=re.M), name  # described in the opening comment
        assert f"**{name.capitalize()}**" in readme, name
