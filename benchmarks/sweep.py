"""Benchmark: notebook 03's full sweep trained batched vs one net at a time, and the sweep panel's slider.

    .venv/bin/python benchmarks/sweep.py
    .venv/bin/python benchmarks/sweep.py --repeats 9 --moves 0

The sweep: hidden 1..8 x seeds 0..99 = 800 nets x 10,000 steps, float64, one bias setting.
Timed `--repeats` times each, interleaved so all see the same load (medians reported):
- batched: sweep.run_sweep, what the notebook and its panel call (batched.train_batched on all 800
  nets at once, in this process: the lab starts no threads or processes).
- one at a time: helpers.train.train on a sample of the same nets (every 800/sample-th, so every
  hidden size is in it), its time scaled to 800 nets.
Then `--moves` slider moves of the sweep panel (helpers/panels/sweep.py) to learning rates it has
not seen: each retrains all 800 nets and redraws, timed until the panel's picture is replaced.
"""
import argparse
import statistics
import sys
import time
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # the panel draws off screen here
import numpy as np  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from helpers import train  # noqa: E402
from helpers.analysis import sweep  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5, help="timed runs of each (median reported)")
    parser.add_argument("--sample", type=int, default=16, help="nets trained one at a time per repeat")
    parser.add_argument("--steps", type=int, default=10_000)
    parser.add_argument("--lr", type=float, default=0.5)
    parser.add_argument("--bias", action="store_true", help="nets with biases (default: none, as the reference)")
    parser.add_argument("--moves", type=int, default=6, help="sweep-panel slider moves to time (0: none)")
    args = parser.parse_args()

    hidden_sizes, seeds = range(1, 9), range(100)
    nets = len(hidden_sizes) * len(seeds)
    sample = np.linspace(0, nets - 1, args.sample).round().astype(int)
    one_process, single_times, worst = [], [], 0.0
    for _ in range(args.repeats):
        start = time.perf_counter()
        run = sweep.run_sweep(hidden_sizes, seeds, bias=args.bias, lr=args.lr, steps=args.steps)
        one_process.append(time.perf_counter() - start)

        start = time.perf_counter()
        singles = [train.train(hidden=int(run.hidden[b]), lr=args.lr, steps=args.steps, seed=int(run.seeds[b]),
                               bias=args.bias) for b in sample]
        single_times.append((time.perf_counter() - start) / len(sample) * nets)
        worst = max(worst, *(np.abs(s.losses - run.losses[b]).max() for s, b in zip(singles, sample)))

    def line(name, times):
        every = ", ".join(f"{t:.2f}" for t in times)
        return f"{name:42s} median {statistics.median(times):7.2f} s   (all: {every})"

    single = statistics.median(single_times)
    print(f"sweep: {nets} nets (hidden 1..8 x {len(seeds)} seeds) x {args.steps} steps, float64, "
          f"lr {args.lr:g}, biases {'on' if args.bias else 'off'}, {args.repeats} repeats")
    print(line("batched, one process (sweep.run_sweep):", one_process))
    print(f"{'one at a time (train.train):':42s} median {single:7.2f} s   ({len(sample)} nets timed, scaled to {nets})")
    pairs = statistics.median(s / b for s, b in zip(single_times, one_process))
    print(f"ratio: batched is {single / statistics.median(one_process):.0f}x faster than one at a time "
          f"(median of the per-repeat ratios, same load: {pairs:.0f}x)")
    print(f"largest loss difference, batched vs one at a time, on the sample: {worst:.1e}")
    if args.moves:
        panel_moves(args.moves)


def panel_moves(moves: int) -> None:
    """Time slider moves of the sweep panel to learning rates not seen yet (each retrains 800 nets and redraws),
    and moves back to a setting seen (a redraw only)."""
    from helpers.panels.sweep import SweepPanel

    panel = SweepPanel()                                  # the notebook's defaults: lr 0.5, 10,000 steps, 100 seeds
    first = panel.lr.value
    rates = [round(v, 3) for v in np.geomspace(0.1, 4.0, moves)]
    new, seen = [], []
    for lr in rates:
        for times, value in ((new, lr), (seen, first)):
            before = panel.image.value
            start = time.perf_counter()
            panel.lr.value = value                        # what the browser does on release
            times.append(time.perf_counter() - start)
            assert panel.image.value != before, "the picture did not change"
    assert panel.trainings == 1 + len(rates), "every new learning rate should have been trained once"
    print(f"sweep panel, {moves} moves to a learning rate not seen (retrain 800 nets + redraw): "
          f"median {statistics.median(new):.2f} s, max {max(new):.2f} s (all: {', '.join(f'{t:.2f}' for t in new)})")
    print(f"sweep panel, moves back to a setting seen (redraw only): median {statistics.median(seen):.2f} s")


if __name__ == "__main__":
    main()
