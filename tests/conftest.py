import sys
from pathlib import Path

import matplotlib

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
matplotlib.use("Agg")  # the tests draw without a screen; notebooks keep their inline backend


def pytest_collection_modifyitems(config, items):
    """pytest-xdist (pyproject.toml's `-n auto --dist loadfile`) runs each file whole on one worker (a
    notebook's cells share one kernel), in this order: the browser tests first, since they take longest,
    and the other browser file last, so that one JupyterLab and one chromium run at a time."""
    def order(item):
        return {"test_browser.py": 0, "test_browser_sizes.py": 2}.get(item.path.name, 1)

    items.sort(key=order)  # stable: the other files keep their order
