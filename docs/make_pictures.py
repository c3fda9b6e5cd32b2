"""Make the README's pictures from the panels, as a student sees them.

    .venv/bin/python docs/make_pictures.py
"""
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from helpers.panels.explorer import explore_training  # noqa: E402

(HERE / "explorer.png").write_bytes(explore_training().image.value)
print("wrote docs/explorer.png")
