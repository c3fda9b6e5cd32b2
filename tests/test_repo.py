"""The repository's contracts: README commands = CI, clean notebooks, lint."""
import json
import re
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
MACHINE_PATH = re.compile(r"(/root/|/home/\w+|/tmp/|/work/|site-packages|C:\\\\Users)")
WARNING = re.compile(r"\b\w*(Warning|warn)\b")


def readme_commands():
    return re.findall(r"^    (python3 tools/lab\.py.*)$", (ROOT / "README.md").read_text(), flags=re.M)


def test_readme_has_two_commands_and_ci_runs_the_test_one():
    commands = readme_commands()
    assert commands == ["python3 tools/lab.py", "python3 tools/lab.py test"], commands
    ci_lines = [line.split(" || ")[0] for line in (ROOT / ".ci" / "run").read_text().splitlines()]
    assert commands[1] in ci_lines  # word for word (what follows `||` only records a failure)
    windows = [c.replace("python3 ", "py ").replace("/", "\\") for c in commands]  # PowerShell 5.1 has no &&
    assert all(f"`{line}`" in (ROOT / "README.md").read_text() for line in windows), windows


def floors(path: Path) -> dict:
    """{package: lowest version} from a requirements file's `name>=version` lines."""
    return dict(re.findall(r"^([\w-]+)>=([\w.]+)", path.read_text(), flags=re.M))


def pins(path: Path) -> dict:
    return dict(re.findall(r"^([\w-]+)==([\w.]+)", path.read_text(), flags=re.M))


def test_the_oldest_leg_pins_exactly_the_floors_we_declare():
    declared = {**floors(ROOT / "requirements.txt"), **floors(ROOT / "requirements-test.txt")}
    pinned = pins(ROOT / ".ci" / "oldest-constraints.txt")
    assert set(pinned) == set(declared)
    for name, floor in declared.items():
        assert pinned[name].split(".")[:len(floor.split("."))] == floor.split(".") and pinned[name].startswith(floor)
    assert 'requires-python = ">=3.10"' in (ROOT / "pyproject.toml").read_text()
    ci = (ROOT / ".ci" / "run").read_text()
    assert "find_python 3.10 " in ci and "find_python 3.12 " in ci
    assert "OLDEST = (3, 10)" in (ROOT / "tools" / "lab.py").read_text()


def test_the_colab_leg_installs_colabs_versions_and_the_notebooks_never_do():
    pinned = pins(ROOT / ".ci" / "colab-constraints.txt")
    assert {"numpy", "matplotlib", "ipywidgets", "ipykernel", "ipython", "traitlets"} <= set(pinned)
    assert "published package list" in (ROOT / ".ci" / "colab-constraints.txt").read_text()
    for nb in NOTEBOOKS:
        text = nb.read_text(encoding="utf-8")
        assert "pip install" not in text and "%pip" not in text, nb.name


def test_every_notebook_is_listed_in_the_readme():
    readme = (ROOT / "README.md").read_text()
    for nb in NOTEBOOKS:
        assert f"notebooks/{nb.name}" in readme, nb.name


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_is_committed_clean(path):
    """Executed top to bottom, no errors, no warnings, no local paths, not too big."""
    assert path.stat().st_size < 1_500_000
    nb = json.loads(path.read_text(encoding="utf-8"))
    counts = [c.get("execution_count") for c in nb["cells"] if c["cell_type"] == "code"]
    assert counts == list(range(1, len(counts) + 1)), f"run it with Restart kernel and run all: {counts}"
    for i, cell in enumerate(nb["cells"]):
        # run times in the cells would change on every run and make every merge of a notebook conflict;
        # execute with: jupyter nbconvert --to notebook --execute --inplace --ExecutePreprocessor.record_timing=False
        assert "execution" not in cell.get("metadata", {}), f"cell {i} stores its run times"
        for out in cell.get("outputs", []):
            assert out["output_type"] != "error", f"cell {i} stored an error"
            text = "".join(out.get("text", "")) + "".join(out.get("data", {}).get("text/plain", ""))
            if out.get("name") == "stderr":
                assert not WARNING.search(text), f"cell {i} stored a warning: {text[:200]}"
            assert not MACHINE_PATH.search(text), f"cell {i} shows a local path"


def test_ruff_is_clean():
    folders = [f for f in ("helpers", "tests", "notebooks", "benchmarks", "docs", "tools")
               if (ROOT / f).is_dir()]
    result = subprocess.run([sys.executable, "-m", "ruff", "check", *folders], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def warn_from(module: str, category: type) -> None:
    """Raise a warning as code in `module` would (the filters match the warning's module by name)."""
    exec(compile(f"import warnings\nwarnings.warn('w', {category.__name__})", f"<{module}>", "exec"),
         {"__name__": module})


@pytest.mark.parametrize("category", [UserWarning, DeprecationWarning, RuntimeWarning])
def test_our_warnings_are_errors(category):
    with pytest.raises(category):
        warn_from("helpers.panel", category)
    with pytest.raises(category):
        warnings.warn("from a test", category, stacklevel=1)


@pytest.mark.parametrize("module", ["ipywidgets.widgets.widget", "traitlets.traitlets", "jupyter_client.session"])
def test_deprecations_from_inside_colabs_libraries_are_quiet(module):
    with warnings.catch_warnings(record=True) as caught:  # keeps the filters pyproject.toml set
        warn_from(module, DeprecationWarning)  # quiet: neither shown nor an error
        warn_from(module, UserWarning)  # not a deprecation: still shown
    assert [w.category for w in caught] == [UserWarning]
