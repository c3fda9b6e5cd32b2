"""Time per training step: the XOR net built from scalar Values (notebook 06) against the matrix code.

    .venv/bin/python benchmarks/autograd.py

One step = forward pass, the MSE recorded, backward pass, update, on the four XOR examples, with
biases: autograd_net.gradient_descent (a graph of Values per step, L.backward()) against
train.gradient_descent (network._forward / _backward on arrays). H = 4 and H = 64, each timed
over several repeats in one process; medians and the fastest repeat are printed, and the ratio
of the medians (these machines are shared, so the ratio in one run says more than the times).
"""
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402

from helpers import data, network, train  # noqa: E402
from helpers.analysis import autograd_net  # noqa: E402

STEPS = {"scalar": {4: 200, 64: 20}, "matrix": {4: 2000, 64: 2000}}
REPEATS = 7


def per_step(kind: str, hidden: int) -> np.ndarray:
    """Seconds per step over REPEATS repeats."""
    run = autograd_net.gradient_descent if kind == "scalar" else train.gradient_descent
    params, steps = network.init_params(hidden, 0, True), STEPS[kind][hidden]
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        run(params, data.X, data.y, 0.5, steps)
        times.append((time.perf_counter() - start) / steps)
    return np.array(times)


def main() -> None:
    print(f"{'H':>3} | {'scalar Values: median (min)':>28} | {'matrix code: median (min)':>26} | ratio of medians"
          f" | Values made per step")
    for hidden in (4, 64):
        s, m = per_step("scalar", hidden), per_step("matrix", hidden)
        made = autograd_net.graph_size(network.init_params(hidden, 0, True))["made"]
        scalar = f"{np.median(s) * 1e3:.3f} ms ({s.min() * 1e3:.3f})"
        matrix = f"{np.median(m) * 1e6:.1f} us ({m.min() * 1e6:.1f})"
        print(f"{hidden:>3} | {scalar:>28} | {matrix:>26} | {np.median(s) / np.median(m):>16.0f} | {made:>20}")


if __name__ == "__main__":
    main()
