"""Benchmark: notebook 03's full sweep trained batched vs one net at a time, and the sweep panel's slider.

    .venv/bin/python benchmarks/sweep.py
    .venv/bin/python benchmarks/sweep.py --repeats 9 --moves 0

The sweep: hidden 1..8 x seeds 0..99 = 800 nets x 10,000 steps, float64, one bias setting.
Timed `--repeats` times each, interleaved so all see the same load (medians reported):
- two cores: sweep.run_sweep, what the notebook and its panel call (helpers/cores.py: two shares,
  one in a worker process). The worker is started before the timing; its start is printed.
- one process: batched.train_batched on all 800 nets, in this process only.
- one at a time: helpers.train.train on a sample of the same nets (every 800/sample-th, so every
  hidden size is in it), its time scaled to 800 nets.
Then `--moves` slider moves of the sweep panel (helpers/sweep_panel.py) to learning rates it has
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

from helpers import batched, sweep, train  # noqa: E402


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
    hidden, seed_of = np.repeat(hidden_sizes, len(seeds)), np.tile(seeds, len(hidden_sizes))
    start = time.perf_counter()
    sweep.run_sweep([1, 2], [0], steps=1)  # starts the worker process, as the notebook's first sweep does
    started = time.perf_counter() - start

    sample = np.linspace(0, nets - 1, args.sample).round().astype(int)
    two_cores, one_process, single_times, worst, identical = [], [], [], 0.0, True
    for _ in range(args.repeats):
        start = time.perf_counter()
        run = sweep.run_sweep(hidden_sizes, seeds, bias=args.bias, lr=args.lr, steps=args.steps)
        two_cores.append(time.perf_counter() - start)

        start = time.perf_counter()
        alone = batched.train_batched(hidden, seed_of, bias=args.bias, lr=args.lr, steps=args.steps)
        one_process.append(time.perf_counter() - start)
        identical &= bool(np.array_equal(alone.losses, run.losses))

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
    print(f"(the worker process started in {started:.2f} s, once, before the timings)")
    print(line("two cores (sweep.run_sweep):", two_cores))
    print(line("one process (batched.train_batched):", one_process))
    print(f"{'one at a time (train.train):':42s} median {single:7.2f} s   ({len(sample)} nets timed, scaled to {nets})")
    for name, times in (("two cores", two_cores), ("one process", one_process)):
        pairs = statistics.median(s / b for s, b in zip(single_times, times))
        print(f"ratio, {name}: batched is {single / statistics.median(times):.0f}x faster than one at a time "
              f"(median of the per-repeat ratios, same load: {pairs:.0f}x)")
    print(f"two cores and one process give bitwise the same losses: {identical}")
    print(f"largest loss difference, batched vs one at a time, on the sample: {worst:.1e}")
    if args.moves:
        panel_moves(args.moves)


def panel_moves(moves: int) -> None:
    """Time slider moves of the sweep panel to learning rates not seen yet (each retrains 800 nets and redraws),
    and moves back to a setting seen (a redraw only)."""
    from helpers.sweep_panel import SweepPanel

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
