"""Two shares on two cores give the very numbers of one batched run; no worker, or a dead one, changes nothing."""
import os
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool

import numpy as np
import pytest

from helpers import batched, cores

HIDDEN = [h for s in range(3) for h in (8, 1, 5, 2, 7, 3, 6, 4)]   # mixed order: the join must restore it
SEEDS = [s for s in range(3) for _ in range(8)]


def assert_same_runs(a, b):
    for name in ("hidden", "seeds", "losses", "mask", "y_hat", "solved_at"):
        assert np.array_equal(getattr(a, name), getattr(b, name)), name
    assert a.params.keys() == b.params.keys()
    for name in a.params:
        assert np.array_equal(a.params[name], b.params[name]), name


@pytest.mark.parametrize("bias", [False, True], ids=["no-bias", "bias"])
def test_two_shares_equal_one_batched_run_bit_for_bit(bias):
    one = batched.train_batched(HIDDEN, SEEDS, bias=bias, lr=0.5, steps=800)
    two = cores.train_two_shares(HIDDEN, SEEDS, bias=bias, lr=0.5, steps=800)
    assert_same_runs(one, two)
    if len(os.sched_getaffinity(0)) >= 2:
        assert cores._pool is not None                    # a worker process really trained one share
    assert list(two.hidden) == HIDDEN and list(two.seeds) == SEEDS
    assert two.success.any() and not two.success.all()   # the comparison covers solved and failed nets


def test_the_shares_are_the_small_nets_and_the_large_nets_with_equal_work():
    sizes = np.repeat(np.arange(1, 9), 100)
    cut = cores.balanced_cut(sizes)
    small, large = sizes[:cut], sizes[cut:]
    assert small.max() <= large.min()
    work_small, work_large = len(small) * small.max(), len(large) * large.max()
    assert abs(work_small - work_large) <= large.max()      # as equal as a cut between two nets allows
    assert cores.balanced_cut(np.array([3])) == 1            # one net: no second share
    assert cores.balanced_cut(np.full(10, 4)) == 5           # equal sizes: half and half


def test_without_a_worker_both_shares_are_trained_here_with_the_same_numbers(monkeypatch):
    expected = cores.train_two_shares(HIDDEN, SEEDS, steps=300)
    monkeypatch.setattr(cores, "_worker", lambda: None)
    assert_same_runs(cores.train_two_shares(HIDDEN, SEEDS, steps=300), expected)


def test_a_worker_that_died_is_replaced_by_training_here(monkeypatch):
    expected = cores.train_two_shares(HIDDEN, SEEDS, steps=300)
    dead = Future()
    dead.set_exception(BrokenProcessPool("the worker was killed"))
    monkeypatch.setattr(cores, "_submit", lambda worker, hidden, seeds, settings: dead)
    monkeypatch.setattr(cores, "_pool", None)                 # the real worker is put back after the test
    monkeypatch.setattr(cores, "_pool_failed", False)
    assert_same_runs(cores.train_two_shares(HIDDEN, SEEDS, steps=300), expected)
    assert cores._pool_failed and cores._worker() is None     # from then on, everything is trained here
    assert_same_runs(cores.train_two_shares(HIDDEN, SEEDS, steps=300), expected)


def test_a_worker_that_cannot_take_work_means_training_here(monkeypatch):
    class Refuses:
        def submit(self, *args, **kwargs):
            raise OSError("simulated: no semaphores on this system")

    expected = cores.train_two_shares(HIDDEN, SEEDS, steps=300)
    monkeypatch.setattr(cores, "_pool", Refuses())
    monkeypatch.setattr(cores, "_pool_failed", False)
    monkeypatch.setattr(cores, "_give_up", lambda: setattr(cores, "_pool_failed", True))
    assert_same_runs(cores.train_two_shares(HIDDEN, SEEDS, steps=300), expected)
    assert cores._pool_failed


def test_an_error_in_the_workers_training_is_raised(monkeypatch):
    failed = Future()
    failed.set_exception(MemoryError("simulated: the worker's share did not fit"))
    monkeypatch.setattr(cores, "_submit", lambda worker, hidden, seeds, settings: failed)
    with pytest.raises(MemoryError, match="did not fit"):
        cores.train_two_shares(HIDDEN, SEEDS, steps=10)


def test_progress_rises_and_ends_once_with_both_shares_done():
    calls = []
    cores.train_two_shares(HIDDEN, SEEDS, steps=1000, chunk=250, progress=lambda done, total: calls.append(done))
    assert calls == sorted(calls) and calls[-1] == 1000 and calls.count(1000) == 1 and len(calls) > 1


@pytest.mark.parametrize("kwargs, error, words", [
    ({"lr": -1}, ValueError, ["lr"]),
    ({"steps": 2.5}, TypeError, ["steps"]),
    ({"hidden": [1, 99]}, ValueError, ["hidden", "1..64"]),
    ({"progress": "bar"}, TypeError, ["progress"]),
])
def test_bad_arguments_are_named_before_any_work_is_sent(kwargs, error, words, monkeypatch):
    monkeypatch.setattr(cores, "_submit", lambda *args: pytest.fail("work was sent to the worker"))
    arguments = {"hidden": [1, 2], "seeds": [0, 0], "steps": 10, **kwargs}
    with pytest.raises(error) as info:
        cores.train_two_shares(**arguments)
    assert all(word in str(info.value) for word in words), str(info.value)
