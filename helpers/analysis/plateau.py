"""What sets the length of the plateau near MSE 0.25 at the start of training (notebook 01).

    from helpers import network
    from helpers.analysis import plateau
    plateau.steps_to_leave(network.init_reference(), scale_W1=0.25)   # about 12,500 steps

While the input weights W1 are small, every z1 is near 0, where the sigmoid is nearly a straight
line: a1 is close to 0.5 + z1 / 4, a linear function of the input. The four hidden points then lie
on a parallelogram, h00 + h11 - h01 - h10 = 0 (h_x is a1 for input x), the same as the inputs,
and the net acts like notebook 02's single unit, whose best answer to XOR is 0.5 everywhere (MSE
0.25). The loss leaves 0.25 only once the sigmoid's curvature bends that parallelogram, which
needs larger z1, so larger W1: the smaller W1 starts, the longer the plateau. W2 scales what the
output reads and the delta sent back to W1, and matters less: from the reference start scaling it
barely changes the plateau; over other starts four times W2 shortens it by a tenth to a half, four
times W1 by more than two thirds (tests/test_plateau.py).
"""
import numpy as np

from helpers import data
from helpers.network import check_params, forward
from helpers.train import run_from
from helpers.validate import check_float, check_int

LEAVE = 0.2  # the plateau is over when the MSE first falls below this


def scaled(params: dict, scale_W1: float = 1.0, scale_W2: float = 1.0) -> dict:
    """A copy of the net with W1 multiplied by scale_W1 and W2 by scale_W2 (biases unchanged)."""
    params = check_params(params)
    scale_W1 = check_float("scale_W1", scale_W1, 0.0, 100.0, lo_open=True)
    scale_W2 = check_float("scale_W2", scale_W2, 0.0, 100.0, lo_open=True)
    new = {name: value.copy() for name, value in params.items()}
    new["W1"] *= scale_W1
    new["W2"] *= scale_W2
    return new


def first_below(losses, level: float = LEAVE):
    """The first step whose loss is below `level`, or None if none is. losses: (steps + 1,)."""
    hits = np.flatnonzero(np.asarray(losses) < level)
    return int(hits[0]) if hits.size else None


CHUNK = 500  # steps_to_leave trains this many steps at a time and stops at the first chunk that leaves


def steps_to_leave(params: dict, scale_W1: float = 1.0, scale_W2: float = 1.0, lr: float = 0.5,
                   steps: int = 20_000):
    """Steps of gradient descent (on XOR, lr) until the MSE first falls below LEAVE, from `params` with W1 and
    W2 scaled; None if it has not within `steps`. The same steps as train.run_from, taken CHUNK at a time."""
    steps = check_int("steps", steps, 1, 200_000)
    net, done = scaled(params, scale_W1, scale_W2), 0
    while done < steps:
        run = run_from(net, data.X, data.y, lr, min(CHUNK, steps - done))
        k = first_below(run.losses)
        if k is not None:
            return done + k
        net, done = run.params, done + run.steps
    return None


def bend(params: dict) -> float:
    """|h00 + h11 - h01 - h10| (a norm over the hidden units): 0 while the hidden points of the four inputs lie on
    a parallelogram, as they do while the hidden layer is linear. params: a net; inputs in data.X's order."""
    a1 = forward(check_params(params), data.X)[1]["a1"]  # (4, H), rows (0,0), (0,1), (1,0), (1,1)
    return float(np.linalg.norm(a1[0] + a1[3] - a1[1] - a1[2]))
