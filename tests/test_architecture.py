"""The house of helpers/: imports point down, the core stays the plain math, no hand-made concurrency."""
import ast
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
HELPERS = ROOT / "helpers"
CORE = [HELPERS / f"{name}.py" for name in ("data", "network", "train", "gradcheck")]
MODULES = sorted(HELPERS.rglob("*.py"))


def test_imports_only_point_down():
    """The layers contract in pyproject.toml, checked by import-linter (lint-imports)."""
    lint_imports = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    if lint_imports is None:
        pytest.skip("import-linter is not installed (it is in the test requirements)")
    result = subprocess.run([lint_imports, "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_core_is_short_enough_to_read_in_one_sitting():
    lines = sum(len(path.read_text().splitlines()) for path in CORE)
    assert lines < 400, f"the core (data, network, train, gradcheck) has {lines} lines"


@pytest.mark.parametrize("path", CORE, ids=[p.name for p in CORE])
def test_the_core_is_the_plain_math_for_one_net(path):
    source = path.read_text()
    assert "swapaxes" not in source and "axis=-2" not in source and "T(" not in source


# what starts a thread or a process, or reads the interpreter's stack; `import threading` for a lock is fine
FORBIDDEN_MODULES = {"multiprocessing", "concurrent", "subprocess", "_thread"}
FORBIDDEN_NAMES = re.compile(r"^(Thread|Timer|Process|Popen|Pool|\w*Executor|start_new_thread|_getframe)$")


def forbidden(source: str) -> list:
    """The imports, calls and attributes in `source` (code, not its words) that the lab must not have."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names if a.name.split(".")[0] in FORBIDDEN_MODULES]
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in FORBIDDEN_MODULES:
            found.append(node.module)
        elif isinstance(node, (ast.Name, ast.Attribute)):
            name = node.id if isinstance(node, ast.Name) else node.attr
            found += [name] if FORBIDDEN_NAMES.match(name) else []
    return found


def test_the_check_catches_threads_processes_and_stack_walks_but_spares_a_lock():
    for bad in ("threading.Thread(target=f)", "import multiprocessing", "from concurrent.futures import x",
                "pool = ThreadPoolExecutor(2)", "import subprocess", "sys._getframe(2)", "threading.Timer(1, f)"):
        assert forbidden(bad), bad
    assert forbidden('import threading\nlock = threading.RLock()\n"""no Thread( here"""') == []


@pytest.mark.parametrize("path", MODULES, ids=[str(p.relative_to(HELPERS)) for p in MODULES])
def test_no_threads_or_processes_and_no_giant_modules(path):
    """The lab starts no thread and no process of its own (a lock to serialise callbacks is fine)."""
    source = path.read_text()
    assert forbidden(source) == [], f"{path.name}: {forbidden(source)}"
    assert len(source.splitlines()) <= 260, f"{path.name} has {len(source.splitlines())} lines"
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            length = node.end_lineno - node.lineno + 1
            assert length <= 60, f"{path.name}: {node.name} has {length} lines"


@pytest.mark.parametrize("path", MODULES, ids=[str(p.relative_to(HELPERS)) for p in MODULES])
def test_no_parameter_or_method_shadows_a_module_the_file_imports(path):
    """A `train` method in a file that imports helpers.train hides the module where a reader expects it."""
    tree = ast.parse(path.read_text())
    imported = {alias.asname or alias.name.split(".")[-1] for node in ast.walk(tree)
                if isinstance(node, (ast.Import, ast.ImportFrom)) for alias in node.names}
    modules = imported & ({p.stem for p in MODULES} | {"np", "numpy", "widgets", "plt"})
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            args = node.args
            names = {a.arg for a in args.posonlyargs + args.args + args.kwonlyargs}
            assert not names & modules, f"{path.name}: {node.name}({', '.join(names & modules)})"
        if isinstance(node, ast.ClassDef):
            methods = {n.name for n in node.body if isinstance(n, ast.FunctionDef)}
            assert not methods & modules, f"{path.name}: {node.name}.{', '.join(methods & modules)}"


def test_notebook_01s_code_column_quotes_the_core_verbatim():
    """Every `code` in the last column of notebook 01's equation tables is a line (or part of one) of the core."""
    import json
    core = "\n".join(path.read_text() for path in CORE)
    nb = json.loads((ROOT / "notebooks" / "01_xor_baseline.ipynb").read_text())
    quoted = []
    for cell in nb["cells"]:
        source = "".join(cell["source"])
        if cell["cell_type"] == "markdown" and "| `helpers/network.py` |" in source:
            for row in source.splitlines():
                if row.startswith("| $"):
                    quoted += re.findall(r"`([^`]+)`", row.rsplit("|", 2)[-2])
    assert len(quoted) >= 10, quoted
    for code in quoted:
        assert code in core, f"notebook 01 quotes {code!r}, which is not in the core"
