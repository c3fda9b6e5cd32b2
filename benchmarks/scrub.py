"""How long one scrub of the representation panel's step slider takes, measured in-process.

    .venv/bin/python benchmarks/scrub.py

A scrub is what the kernel does when the step slider moves: set `step.value`, which
redraws the input plane, the hidden space and the loss marker and encodes the PNG.
Timed over every snapshot, first visit (the snapshot's numbers computed) and again
(cached), for H = 2 and H = 4. The baseline, in the same process, is a full render of
the same kept figure (Panel.show: savefig of everything), so the ratio says what the
blitting buys on this machine whatever its load. Target: median <= 150 ms.
"""
import sys
import time
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402

from helpers.panels.base import Panel  # noqa: E402
from helpers.panels.representation import watch_it_form  # noqa: E402

TARGET_MS = 150.0


def scrub_times(panel, steps) -> np.ndarray:
    times = []
    for step in steps:
        start = time.perf_counter()
        panel.step.value = step
        times.append(time.perf_counter() - start)
    assert panel.error is None, panel.error
    return 1000 * np.array(times)


def full_render_times(panel, repeats: int = 20) -> np.ndarray:
    for artist in panel.moving:
        artist.set_animated(False)
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        Panel.show(panel)
        times.append(time.perf_counter() - start)
    for artist in panel.moving:
        artist.set_animated(True)
    return 1000 * np.array(times)


def line(what: str, ms: np.ndarray) -> str:
    return f"{what:34s} median {np.median(ms):6.1f} ms   p95 {np.percentile(ms, 95):6.1f} ms   (n={len(ms)})"


def main() -> None:
    medians = []
    for hidden in (2, 4):
        panel = watch_it_form(hidden=hidden)
        steps = list(range(0, panel.steps + 1, panel.every))[::-1]  # from the end, as a student drags back
        trainings = panel.trainings
        first = scrub_times(panel, steps)
        again = scrub_times(panel, steps[::-1])
        assert panel.trainings == trainings, "scrubbing retrained"
        baseline = full_render_times(panel)
        print(f"H = {hidden}, {len(steps)} snapshots")
        print(line("  scrub, first visit", first))
        print(line("  scrub, cached", again))
        print(line("  baseline: full render (savefig)", baseline))
        print(f"  cached scrub / full render: {np.median(again) / np.median(baseline):.2f}")
        medians += [np.median(first), np.median(again)]
    worst = max(medians)
    verdict = "within" if worst <= TARGET_MS else "OVER"
    print(f"worst scrub median {worst:.1f} ms: {verdict} the {TARGET_MS:.0f} ms target")


if __name__ == "__main__":
    main()
