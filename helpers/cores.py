"""Train a batch of nets on two CPU cores: one share in a worker process, the other here (notebook 03).

    run = train_two_shares(hidden, seeds, bias=False, lr=0.5, steps=10_000)

Same arguments and the same BatchRun as helpers.batched.train_batched, about twice as fast
where a second core is free (Colab gives two, laptops more). Why a process and not a thread:
a step is ~30 NumPy calls, and between calls a thread holds Python's lock (the GIL), so two
threads keep waiting for each other (measured: slower than one). Two processes don't share it.

The nets are sorted by hidden size and cut in two shares of equal work. A share pads its nets
to its own largest size, so its work is (nets) x (largest size); the small nets go together,
which also means less padding. The worker is started at the first call (~0.2 s) and kept.
Without a worker (one core, a system that cannot start one, or a worker that died) the worker's
share is trained here after the other: the same shares, so the same numbers on every machine.
"""
import multiprocessing
import os
import signal
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

import numpy as np

from helpers.batched import BatchRun, check_batch, train_batched

_pool = None            # the kept worker (a one-process pool), started at the first call
_pool_failed = False    # True once a worker could not start or died: then every share is trained here


def train_two_shares(hidden, seeds, bias: bool = True, lr: float = 0.5, steps: int = 10_000, X=None, y=None,
                     progress=None, chunk: int = 1000) -> BatchRun:
    """helpers.batched.train_batched on two cores: see the module docstring. progress is reported for
    the share trained here (both take about as long), and progress(steps, steps) once both are done."""
    hidden, seeds, bias, lr, steps, X, y, progress, chunk = check_batch(hidden, seeds, bias, lr, steps, X, y,
                                                                        progress, chunk)
    order = np.argsort(hidden, kind="stable")                    # nets by hidden size
    cut = balanced_cut(hidden[order])
    small, large = order[:cut], order[cut:]
    settings = dict(bias=bias, lr=lr, steps=steps, X=X, y=y, chunk=chunk)
    worker = _worker() if len(large) else None
    there = _submit(worker, hidden[large], seeds[large], settings)
    here = train_batched(hidden[small], seeds[small], progress=_all_but_the_end(progress), **settings)
    runs = [here]
    if len(large):
        runs.append(_result(there) or train_batched(hidden[large], seeds[large], **settings))
    run = join(runs, [small, large][:len(runs)])
    if progress is not None:
        progress(steps, steps)
    return run


def balanced_cut(sorted_hidden: np.ndarray) -> int:
    """The cut c (1..B, B = nets) that splits nets sorted by hidden size into shares [:c] and [c:] of the
    most equal work, a share's work being its nets times its largest hidden size (what it pads to).
    sorted_hidden: (B,) ascending. c = B (no second share) for a single net."""
    B = len(sorted_hidden)
    if B < 2:
        return B
    c = np.arange(1, B)
    work = np.maximum(c * sorted_hidden[c - 1], (B - c) * sorted_hidden[-1])
    return int(c[np.argmin(work)])


def join(runs: list, nets: list) -> BatchRun:
    """One BatchRun from shares trained apart: runs[i] trained the nets nets[i] (index arrays into the batch).
    Params and mask are padded again to the largest hidden size of all."""
    B, Hmax = sum(len(n) for n in nets), max(r.mask.shape[1] for r in runs)

    def gather(parts: list, hidden_axis: int = None) -> np.ndarray:
        """One array per share -> one array for the batch, each share's rows in its nets' places; the
        hidden axis (if any) padded with zeros to Hmax."""
        shape = [B, *parts[0].shape[1:]]
        if hidden_axis is not None:
            shape[hidden_axis] = Hmax
        out = np.zeros(shape, parts[0].dtype)
        for part, rows in zip(parts, nets):
            out[(rows, *(slice(0, n) for n in part.shape[1:]))] = part   # a smaller share fills the top corner
        return out

    first = runs[0]
    hidden_axis = {"W1": 2, "W2": 1, "b1": 2, "b2": None}         # shapes as in BatchRun's docstring
    params = {name: gather([r.params[name] for r in runs], hidden_axis[name]) for name in first.params}
    each = {name: gather([getattr(r, name) for r in runs]) for name in ("hidden", "seeds", "losses", "y_hat",
                                                                        "solved_at")}
    return BatchRun(bias=first.bias, lr=first.lr, steps=first.steps, X=first.X, y=first.y, params=params,
                    mask=gather([r.mask for r in runs], 1), **each)


def _worker():
    """The kept worker pool, started on first use; None where there is no second core or it cannot start."""
    global _pool, _pool_failed
    if _pool is None and not _pool_failed:
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
        if cores < 2:
            _pool_failed = True
        else:
            try:
                # "spawn": a fresh interpreter, safe in a Jupyter kernel, whose threads make fork unsafe
                _pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                                            initializer=_ignore_interrupts)
            except (OSError, ImportError, NotImplementedError):
                _pool_failed = True
    return _pool


def _ignore_interrupts():
    """In the worker: Jupyter's "interrupt kernel" signals the kernel's children too. The worker lets it pass
    (the kernel stops; the worker finishes its share, which nobody waits for) instead of dying with a traceback."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _submit(worker, hidden, seeds, settings):
    """Start the share on the worker; None (train it here) if there is no worker or it cannot take work."""
    if worker is None:
        return None
    try:
        return worker.submit(train_batched, hidden, seeds, **settings)
    except (OSError, ImportError, NotImplementedError, RuntimeError, BrokenProcessPool):
        _give_up()
        return None


def _result(future):
    """The worker's share, or None (train it here) if it was not sent or the worker died (killed, out of
    memory, or it could not start). An error in the training itself is raised as it is."""
    if future is None:
        return None
    try:
        return future.result()
    except BrokenProcessPool:
        _give_up()
        return None


def _give_up():
    """No more worker in this kernel: every share is trained here from now on (a kernel restart tries again)."""
    global _pool, _pool_failed
    if _pool is not None:
        _pool.shutdown(wait=False, cancel_futures=True)
    _pool, _pool_failed = None, True


def _all_but_the_end(progress):
    """progress, minus its final call: the end is reported once both shares are done."""
    if progress is None:
        return None
    return lambda done, steps: progress(done, steps) if done < steps else None
