"""Make the README's pictures from the panels, as a student sees them.

    .venv/bin/python docs/make_pictures.py

The explorer is played (its Play timer's ticks given by hand) to step 4,000 of the default run:
the loss has left its plateau, and the hidden units' pictures show the lines they draw.
"""
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from helpers.panels.explorer import explore_training  # noqa: E402

panel = explore_training()
while panel.shown < 4000:
    panel.play.value = panel.play.value + 1
(HERE / "explorer.png").write_bytes(panel.image.value)
print("wrote docs/explorer.png")
