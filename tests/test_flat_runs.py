"""A run notebook 03 calls "flat" (its loss has nearly stopped falling) is stuck only so far: trained on, most
3-unit runs without biases that are flat at 50,000 steps (on a second plateau near MSE 0.0625) solve XOR by
200,000. The 2-unit runs with biases that sit near MSE 0.125 (notebook 04's seeds 13 and 18) are stuck: their loss
still creeps down, toward 0.125, and they stay unsolved at 200,000 steps."""
import numpy as np

from helpers import batched, data, network
from helpers.analysis import sweep


def status(losses, right):
    """sweep.status's rule at the last step of `losses` (B, K + 1), K > LOOK."""
    loss, before = losses[:, -1], losses[:, -sweep.LOOK - 1]
    falling = before - loss >= sweep.STILL * loss
    return np.where(right[:, -1], "solved", np.where(loss > sweep.PLATEAU, "plateau",
                                                     np.where(falling, "falling", "flat")))


def train_to(nets, steps, done):
    """Advance `nets` from step `done` to `steps`, 50,000 at a time; the last chunk's losses and right."""
    while done < steps:
        losses, right, _ = nets.advance(min(50_000, steps - done))
        done += min(50_000, steps - done)
    return losses, right


def test_three_unit_runs_flat_at_50k_steps_mostly_solve_later():
    seeds = [2, 7, 29, 40]  # 3 units, no biases: not solved within 50,000 steps (notebook 03's sweep)
    nets = batched.Batch([3] * len(seeds), seeds, bias=False, lr=0.5, steps=50_000)
    losses, right = train_to(nets, 50_000, 0)
    assert list(status(losses, right)) == ["flat"] * len(seeds)
    assert np.all(np.abs(losses[:, -1] - 0.0625) < 0.001)  # one output pinned near 0.5
    losses, right = train_to(nets, 200_000, 50_000)
    assert right[:, -1].sum() >= 3
    assert np.all(losses[:, -1] < 0.01)


def test_two_unit_runs_near_an_eighth_are_stuck_though_still_creeping_down():
    seeds = [13, 18]  # 2 units, biases: notebook 04's runs near MSE 0.125
    nets = batched.Batch([2] * len(seeds), seeds, bias=True, lr=0.5, steps=50_000)
    losses, right = train_to(nets, 20_000, 0)
    assert list(status(losses, right)) == ["flat"] * len(seeds)
    at_20k = losses[:, -1].copy()
    losses, right = train_to(nets, 200_000, 20_000)
    assert not right[:, -1].any()
    assert np.all(losses[:, -1] < at_20k)               # still falling ...
    assert np.all(np.abs(losses[:, -1] - 0.125) < 1e-4)  # ... but only toward 0.125
    params = nets.params()
    for b in range(len(seeds)):
        y_hat = network.forward({name: value[b] for name, value in params.items()}, data.X)[0].ravel()
        assert (np.abs(y_hat - 0.5) < 0.01).sum() == 2          # two of the four outputs pinned at 0.5
