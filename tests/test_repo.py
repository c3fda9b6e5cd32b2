"""The repository's contracts: README commands = CI, clean notebooks, lint."""
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
MACHINE_PATH = re.compile(r"(/root/|/home/\w+|/tmp/|/work/|site-packages|C:\\\\Users)")
WARNING = re.compile(r"\b\w*(Warning|warn)\b")


def readme_commands():
    return re.findall(r"^\s*(python3 -m venv .+)$", (ROOT / "README.md").read_text(), flags=re.M)


def test_readme_has_two_commands_and_ci_runs_the_test_one():
    commands = readme_commands()
    assert len(commands) == 2, commands
    opens, tests = commands
    assert "jupyter lab" in opens and "pytest" in tests
    assert tests in (ROOT / ".ci" / "run").read_text().splitlines()


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
