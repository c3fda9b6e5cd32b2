"""Benchmark: the full hidden-size sweep trained batched vs one net at a time (notebook 03).

    .venv/bin/python benchmarks/sweep.py

Batched: hidden 1..8 x seeds 0..99 = 800 nets x 10,000 steps, float64, one bias setting,
timed `--repeats` times (median). One at a time: helpers.train.train on a sample of the same
nets (every 800/sample-th, so every hidden size is in it), its total time scaled to 800 nets,
timed the same number of times, interleaved with the batched runs so both see the same load.
Prints both medians, their ratio, and the largest difference between the two on the sample.
"""
import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from helpers import sweep, train  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5, help="timed runs of each (median reported)")
    parser.add_argument("--sample", type=int, default=16, help="nets trained one at a time per repeat")
    parser.add_argument("--steps", type=int, default=10_000)
    parser.add_argument("--lr", type=float, default=0.5)
    parser.add_argument("--bias", action="store_true", help="nets with biases (default: none, as the reference)")
    args = parser.parse_args()

    hidden_sizes, seeds = range(1, 9), range(100)
    nets = len(hidden_sizes) * len(seeds)
    sample = np.linspace(0, nets - 1, args.sample).round().astype(int)
    batched_times, batched_cpu, single_times, worst = [], [], [], 0.0
    for _ in range(args.repeats):
        start, cpu = time.perf_counter(), time.process_time()
        run = sweep.run_sweep(hidden_sizes, seeds, bias=args.bias, lr=args.lr, steps=args.steps)
        batched_times.append(time.perf_counter() - start)
        batched_cpu.append(time.process_time() - cpu)  # CPU time: less sensitive to other processes

        start = time.perf_counter()
        singles = [train.train(hidden=int(run.hidden[b]), lr=args.lr, steps=args.steps, seed=int(run.seeds[b]),
                               bias=args.bias) for b in sample]
        single_times.append((time.perf_counter() - start) / len(sample) * nets)
        worst = max(worst, *(np.abs(s.losses - run.losses[b]).max() for s, b in zip(singles, sample)))

    batched, single = statistics.median(batched_times), statistics.median(single_times)
    print(f"sweep: {nets} nets (hidden 1..8 x {len(seeds)} seeds) x {args.steps} steps, float64, "
          f"lr {args.lr:g}, biases {'on' if args.bias else 'off'}, {args.repeats} repeats")
    every = ", ".join(f"{t:.2f}" for t in batched_times)
    print(f"batched (helpers.batched):     median {batched:7.2f} s   (all: {every}; "
          f"median CPU time {statistics.median(batched_cpu):.2f} s)")
    print(f"one at a time (helpers.train): median {single:7.2f} s   ({len(sample)} nets timed, scaled to {nets})")
    pairs = statistics.median(s / b for s, b in zip(single_times, batched_times))
    print(f"ratio of the medians: batched is {single / batched:.0f}x faster "
          f"(median of the per-repeat ratios, same load: {pairs:.0f}x)")
    print(f"largest loss difference, batched vs one at a time, on the sample: {worst:.1e}")


if __name__ == "__main__":
    main()
