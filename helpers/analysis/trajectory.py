"""A training run computed a chunk at a time, as the live panels play it (notebooks 01 and 04).

    path = Trajectory(hidden=4, lr=0.5, seed=0, bias=True)
    path.reach(500)                      # steps 0..500 trained (train.gradient_descent, as train.train)
    path.params_at(250), path.losses[:501]
    path.run(500)                        # a train.Run of the first 500 steps

The steps are the same as train.train's whatever the chunks: training 500 steps and then 500 more
gives bitwise the numbers of training 1,000 at once (tests/test_trajectory.py). A run is a prefix of a
longer one, so the steps slider only changes how far the panel plays.
"""
import numpy as np

from helpers import data
from helpers.network import forward, init_params
from helpers.train import Run, gradient_descent

KEEP_EVERY = 10  # parameters kept every this many steps; any other step is at most 9 steps from one


class Trajectory:
    """One net's training, as far as it has been computed. trained: the last step computed;
    losses: (trained + 1,) the MSE after k updates, k = 0..trained."""

    def __init__(self, hidden: int, lr: float, seed: int, bias: bool):
        self.hidden, self.lr, self.seed, self.bias = hidden, lr, seed, bias
        self.kept = {0: init_params(hidden, seed, bias)}  # {step: params}, every KEEP_EVERY steps
        self.last = self.kept[0]                         # params after `trained` steps
        self.trained = 0
        self.losses = np.array([gradient_descent(self.last, data.X, data.y, lr, 0)[0][0]])

    def reach(self, step: int) -> None:
        """Train on from the last step computed to `step` (nothing to do if it is there already)."""
        if step <= self.trained:
            return
        done = self.trained
        wanted = {s - done for s in range(done + 1, step + 1) if s % KEEP_EVERY == 0}
        losses, self.last, kept = gradient_descent(self.last, data.X, data.y, self.lr, step - done, wanted)
        self.kept.update({done + s: params for s, params in kept.items()})
        self.losses = np.concatenate([self.losses, losses[1:]])
        self.trained = step

    def params_at(self, step: int) -> dict:
        """The parameters after `step` updates (0 <= step <= trained)."""
        if step == self.trained:
            return self.last
        start = step - step % KEEP_EVERY
        return gradient_descent(self.kept[start], data.X, data.y, self.lr, step - start)[1]

    def run(self, step: int) -> Run:
        """The first `step` updates as a train.Run (what train.train(hidden, lr, step, seed, bias) returns)."""
        params = self.params_at(step)
        return Run(hidden=self.hidden, lr=self.lr, steps=step, seed=self.seed, bias=self.bias, init="random",
                   X=data.X, y=data.y, losses=self.losses[:step + 1], params=params,
                   y_hat=forward(params, data.X)[0])
