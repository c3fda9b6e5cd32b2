"""A run computed a chunk at a time is train.train's run, bitwise, whatever the chunks."""
import numpy as np
import pytest

from helpers import train
from helpers.analysis.trajectory import Trajectory


@pytest.mark.parametrize("chunks", [[1000], [1, 499, 500], [7, 13, 250, 730]])
def test_chunks_give_the_numbers_of_one_run(chunks):
    path = Trajectory(hidden=3, lr=0.8, seed=5, bias=True)
    step = 0
    for chunk in chunks:
        step += chunk
        path.reach(step)
    run = train.train(hidden=3, lr=0.8, steps=1000, seed=5, bias=True)
    assert np.array_equal(path.losses, run.losses)
    for name in run.params:
        assert np.array_equal(path.params_at(1000)[name], run.params[name])


@pytest.mark.parametrize("step", [0, 1, 9, 10, 11, 333, 999])
def test_any_step_is_the_same_as_a_run_that_long(step):
    path = Trajectory(hidden=2, lr=0.5, seed=0, bias=False)
    path.reach(1000)
    run = train.train(hidden=2, lr=0.5, steps=step, seed=0, bias=False)
    got = path.run(step)
    assert np.array_equal(got.losses, run.losses) and got.label() == run.label()
    assert all(np.array_equal(got.params[k], run.params[k]) for k in run.params)
