"""The explorer's stacked runs are bitwise the runs `train.train` makes one at a time."""
import numpy as np
import pytest

from helpers import explorer_cache, train
from helpers.explorer import explore_training
from helpers.explorer_cache import LR_GRID, LR_WINDOW, RunCache


def same(a, b):
    return (np.array_equal(a.losses, b.losses) and np.array_equal(a.y_hat, b.y_hat)
            and a.params.keys() == b.params.keys() and all(np.array_equal(a.params[k], b.params[k]) for k in a.params)
            and a.label() == b.label())


@pytest.mark.parametrize("hidden, bias", [(1, False), (4, True), (8, True)])
def test_every_lr_of_a_stack_is_the_run_trained_alone(hidden, bias):
    cache = RunCache()
    cache.get(hidden, 0.5, 1000, 3, bias, moved="lr")
    assert cache.last == "trained"
    for lr in (LR_GRID[17 - LR_WINDOW], LR_GRID[17], LR_GRID[17 + LR_WINDOW], 0.5):  # 0.5 is nearest 10^-0.3
        run = cache.get(hidden, lr, 1000, 3, bias, moved="lr")
        assert same(run, train.train(hidden=hidden, lr=lr, steps=1000, seed=3, bias=bias))
    assert cache.last == "seen"  # 0.5 was the first one
    assert len(cache.stacks) == 1
    cache.get(hidden, LR_GRID[17 + LR_WINDOW + 1], 1000, 3, bias, moved="lr")
    assert cache.last == "trained" and len(cache.stacks) == 2  # beyond the window: a new stack


def test_seeds_of_a_block_and_shorter_and_longer_runs_are_the_runs_trained_alone():
    cache = RunCache()
    cache.get(3, 1.0, 1000, 9, True, moved="seed")
    run = cache.get(3, 1.0, 1000, 14, True, moved="seed")
    assert cache.last == "stacked" and same(run, train.train(hidden=3, lr=1.0, steps=1000, seed=14, bias=True))
    run = cache.get(3, 1.0, 500, 12, True, moved="steps")  # a prefix: the snapshot at 500
    assert cache.last == "stacked" and same(run, train.train(hidden=3, lr=1.0, steps=500, seed=12, bias=True))
    run = cache.get(3, 1.0, 1500, 8, True, moved="steps")  # continued from step 1000
    assert cache.last == "extended" and same(run, train.train(hidden=3, lr=1.0, steps=1500, seed=8, bias=True))
    assert len(cache.stacks) == 1 and cache.stacks[0].steps == 1500


def test_a_step_count_between_snapshots_is_trained_alone():
    cache = RunCache()
    cache.get(2, 0.5, 1000, 0, True)
    run = cache.get(2, 0.5, 777, 0, True)
    assert cache.last == "trained" and same(run, train.train(hidden=2, lr=0.5, steps=777, seed=0, bias=True))


def test_the_browser_value_of_a_slider_position_means_that_position():
    k = 10 ** (-2 + 0.1 * 3)  # how a browser may compute the position 10^-1.7, off in the last bit
    assert explorer_cache.snap_lr(k) == LR_GRID[3]
    assert explorer_cache.snap_lr(0.5) == 0.5 and explorer_cache.snap_lr(2.0) == 2.0


def test_prefetch_trains_the_settings_one_move_away():
    cache = explorer_cache.RunCache()
    cache.get(3, 0.5, 1000, 4, True)
    cache.prefetch(3, 0.5, 1000, 4, True)
    cache.worker.join()  # let it finish, as a student's pause would
    for hidden, lr, seed, bias in [(3, LR_GRID[17], 4, True), (3, 0.5, 5, True), (3, 0.5, 4, False),
                                   (2, 0.5, 4, True), (4, 0.5, 4, True), (3, 0.5, 8, True)]:
        run = cache.get(hidden, lr, 1000, seed, bias)
        assert cache.last == "stacked", (hidden, lr, seed, bias)
        assert same(run, train.train(hidden=hidden, lr=lr, steps=1000, seed=seed, bias=bias))


def test_a_move_stops_the_prefetch_and_keeps_what_it_finished():
    cache = explorer_cache.RunCache()
    cache.get(2, 0.5, 20_000, 0, True)
    cache.prefetch(2, 0.5, 20_000, 0, True)
    run = cache.get(2, 0.5, 20_000, 0, False)  # at once: the other bias setting, perhaps part-trained
    assert cache.worker is None and cache.last in ("trained", "extended", "stacked")
    assert same(run, train.train(hidden=2, lr=0.5, steps=20_000, seed=0, bias=False))


def test_explorer_panel_answers_from_the_prefetch():
    panel = explore_training(hidden=2, steps=1000)
    panel.cache.worker.join()
    panel.bias.value = False
    assert panel.cache.last == "stacked" and "bias=off" in panel.status.value
    panel.cache.stop_prefetch()


def test_an_error_in_the_prefetch_thread_is_kept_not_raised(monkeypatch):
    cache = explorer_cache.RunCache()

    def broken(*args, **kwargs):
        raise RuntimeError("simulated failure while prefetching")

    monkeypatch.setattr(explorer_cache, "gradient_descent", broken)
    cache.prefetch(2, 0.5, 1000, 0, True)
    cache.worker.join()
    assert isinstance(cache.prefetch_error, RuntimeError)
