"""Many independent nets trained at once, the nets being one more array axis (notebook 03).

B nets, each a 2-H-1 sigmoid net like helpers/network.py, with its own hidden size H_b and
seed. Smaller nets are padded to the largest size Hmax with *masked* units: a padded unit
has zero outgoing weight (and zero gradient for it, every step), so it never contributes
to the output and never learns; its incoming weights get exactly zero gradient too.

The equations are the single-net ones with one more axis, b = 1..B, for the nets:

    z1 = X W1 + b1      a1 = sigmoid(z1)      (N, Hmax, B)
    z2 = a1 . W2 + b2   y_hat = sigmoid(z2)   (N, B)      (a sum over the hidden units)

and the same backward pass and update (gradients of L = 1/2 * sum((y_hat - y)^2) per net).
Inside the loop the nets are the LAST axis, so every NumPy call runs over the B nets in
one contiguous sweep; with the nets first, NumPy's inner loops would run over 4 examples
or 8 units at a time and be several times slower. What this module returns has the nets
first: W1 (B, 2, Hmax), W2 (B, Hmax, 1), b1 (B, 1, Hmax), b2 (B, 1, 1), losses (B, steps + 1).

Two things differ from network.py only in how the numbers are computed, not in which:
the sigmoid is written 1 / (1 + exp(-z)), several times faster than network.sigmoid's
exp(-logaddexp(0, -z)) (the two agree to within a few roundings); and with biases, b1 rides as a
last row of W1 against a column of ones in X, so one product gives X W1 + b1.

In float64 every net here equals helpers.train.train(hidden, lr, steps, seed, bias) to
~1e-13 (tests/test_batched.py checks 1e-10): the same initial weights, the same updates.

The variants of notebook 05 (helpers/variants.py: tanh or relu hidden units, cross-entropy,
initial scale, momentum) are keyword arguments of train_batched; each net then equals
helpers.variants.train with the same settings (tests/test_batched_variants.py).

The fast path is two files: this one checks the arguments, stacks the initial weights and packs
the result; helpers/batched_loop.py holds the training loop itself (in place, nets last).
"""
import functools
from dataclasses import dataclass

import numpy as np

from helpers import data
from helpers.batched_loop import Nets, descend
from helpers.network import MAX_HIDDEN, init_params
from helpers.train import MAX_LR, MAX_STEPS
from helpers.validate import check_bool, check_float, check_int, check_Xy
from helpers.variants import ACTIVATIONS, LOSSES, MAX_SCALE, check_choice, check_momentum

MAX_NETS = 100_000
MAX_VALUES = 50_000_000  # nets * (steps + 1) loss values kept: 400 MB in float64


@dataclass
class BatchRun:
    """What B nets trained side by side did (index b = 0..B-1 is one net).

    hidden, seeds: (B,) each net's hidden size and seed.
    losses: (B, steps + 1) the MSE of net b after k updates, as helpers.train.Run.losses.
    params: the final parameters, nets first and padded to Hmax: W1 (B, 2, Hmax),
        W2 (B, Hmax, 1), and with biases b1 (B, 1, Hmax), b2 (B, 1, 1).
    mask: (B, Hmax) 1.0 for a real unit, 0.0 for a padding unit.
    y_hat: (B, N, 1) final predictions.
    solved_at: (B,) the first step k (0..steps) after which all N points were on the right
        side of 0.5, or -1 if that never happened.
    activation, loss, momentum: the variant trained (helpers/variants.py); scale: (B,) each net's
        initial scale.
    """

    hidden: np.ndarray
    seeds: np.ndarray
    bias: bool
    lr: float
    steps: int
    X: np.ndarray
    y: np.ndarray
    losses: np.ndarray
    params: dict
    mask: np.ndarray
    y_hat: np.ndarray
    solved_at: np.ndarray
    activation: str = "sigmoid"
    loss: str = "squared"
    scale: np.ndarray = None
    momentum: float = 0.0

    @property
    def final_loss(self) -> np.ndarray:
        """(B,) the MSE of each net after the last update."""
        return self.losses[:, -1]

    @property
    def correct(self) -> np.ndarray:
        """(B,) how many points each net ends with on the right side of 0.5."""
        return np.sum((self.y_hat > 0.5) == (self.y > 0.5), axis=(1, 2))

    @property
    def success(self) -> np.ndarray:
        """(B,) True where the net ends with every point on the right side of 0.5."""
        return self.correct == len(self.y)

    def net(self, b: int) -> dict:
        """Net b's final parameters as a single-net dict (helpers/network.py shapes), padding removed."""
        b = check_int("b", b, 0, len(self.hidden) - 1)
        H = int(self.hidden[b])
        net = {"W1": self.params["W1"][b, :, :H].copy(), "W2": self.params["W2"][b, :H].copy()}
        if self.bias:
            net["b1"] = self.params["b1"][b, :, :H].copy()
            net["b2"] = self.params["b2"][b].copy()
        return net


def train_batched(hidden, seeds, bias: bool = True, lr: float = 0.5, steps: int = 10_000, X=None, y=None,
                  progress=None, chunk: int = 1000, activation: str = "sigmoid", loss: str = "squared",
                  scale=0.5, momentum: float = 0.0) -> BatchRun:
    """Train B nets by full-batch gradient descent at once; net b has hidden[b] units and seed seeds[b].

    hidden, seeds: sequences of B integers (or one integer, used for every net).
    Net b starts from helpers.network.init_params(hidden[b], seeds[b], bias, scale[b]), like train.train
    (scale: one number for every net, or B numbers). X: (N, 2), y: (N, 1), default XOR.
    progress: None or a function progress(done, steps), called after every `chunk` updates and at
    the end (a progress bar, say). activation ("sigmoid", "tanh", "relu": the hidden units), loss
    ("squared", "cross_entropy") and momentum (0 <= mu < 1) as in helpers/variants.py; each net
    equals helpers.variants.train with the same settings.
    """
    batch = Batch(hidden, seeds, bias, lr, X, y, activation, loss, scale, momentum, steps=steps)
    steps = check_int("steps", steps, 0, MAX_STEPS)
    if progress is not None and not callable(progress):
        raise TypeError(f"progress must be None or a function progress(done, steps), got {progress!r}")
    losses, all_right, y_hat = batch.advance(steps, progress, check_int("chunk", chunk, 1, MAX_STEPS))
    ever = all_right.any(axis=1)
    return BatchRun(hidden=batch.hidden, seeds=batch.seeds, bias=batch.bias, lr=batch.lr, steps=steps, X=batch.X,
                    y=batch.y, losses=losses, params=batch.params(), mask=batch.mask.T.copy(),
                    y_hat=y_hat.T[:, :, None].copy(), solved_at=np.where(ever, all_right.argmax(axis=1), -1),
                    activation=batch.activation, loss=batch.loss, scale=batch.scale, momentum=batch.momentum)


class Batch:
    """B nets in training, a chunk of steps at a time (the live sweep panel of notebook 03); train_batched
    is one of these run to the end. The arguments are train_batched's; `steps` only sizes the check that the
    loss curves kept fit in memory."""

    def __init__(self, hidden, seeds, bias: bool = True, lr: float = 0.5, X=None, y=None, activation="sigmoid",
                 loss="squared", scale=0.5, momentum: float = 0.0, steps: int = 10_000):
        hidden, seeds, bias, lr, steps, X, y, _, _ = check_batch(hidden, seeds, bias, lr, steps, X, y, None, 1)
        self.activation, self.loss, self.momentum = check_choice("activation", activation, ACTIVATIONS), \
            check_choice("loss", loss, LOSSES), check_momentum(momentum)
        self.hidden, self.seeds, self.bias, self.lr, self.X, self.y = hidden, seeds, bias, lr, X, y
        self.scale = _check_scale(scale, len(hidden))
        W1, W2, b1, b2, self.mask = (a.copy() for a in _init(tuple(hidden), tuple(seeds), bias, tuple(self.scale)))
        if bias:
            # Xb is X with a column of ones and W1 gets a last row b1, so z1 = X W1 + b1 is one product, and the
            # product X^T d_hid that gives dW1 gives db1 = (sum over examples of d_hid) as its last row
            Xb = np.hstack([X, np.ones((len(y), 1))])
            W1 = np.concatenate([W1, b1[None]])                      # (3, Hmax, B)
        else:
            Xb = X
        self.nets = Nets(W1, W2, b2, self.mask, Xb, y, lr, bias, self.activation, self.loss, self.momentum)

    def advance(self, steps: int, progress=None, chunk: int = 1000) -> tuple:
        """`steps` more updates of every net. Returns (losses (B, steps + 1), all_right (B, steps + 1), y_hat (N, B)):
        the MSE and "all points right" before the first of them and after each."""
        return descend(self.nets, steps, progress, chunk)

    def params(self) -> dict:
        """The nets' parameters now, nets first: W1 (B, 2, Hmax), W2 (B, Hmax, 1), b1 (B, 1, Hmax), b2 (B, 1, 1)."""
        W1, W2, b2, B = self.nets.W1, self.nets.W2, self.nets.b2, len(self.hidden)
        params = {"W1": W1[:2].transpose(2, 0, 1).copy(), "W2": W2.T[:, :, None].copy()}
        if self.bias:
            params["b1"] = W1[2].T[:, None, :].copy()
            params["b2"] = b2.reshape(B, 1, 1).copy()
        return params


def check_batch(hidden, seeds, bias, lr, steps, X, y, progress, chunk) -> tuple:
    """train_batched's arguments checked (a clear error naming the bad one) and made arrays; returned in order."""
    bias = check_bool("bias", bias)
    lr = check_float("lr", lr, 0.0, MAX_LR, lo_open=True)
    steps = check_int("steps", steps, 0, MAX_STEPS)
    chunk = check_int("chunk", chunk, 1, MAX_STEPS)
    X, y = check_Xy(data.X if X is None else X, data.y if y is None else y)
    if progress is not None and not callable(progress):
        raise TypeError(f"progress must be None or a function progress(done, steps), got {progress!r}")
    hidden, seeds = _check_nets(hidden, seeds)
    if len(hidden) * (steps + 1) > MAX_VALUES:
        raise ValueError(f"nets * (steps + 1) must be at most {MAX_VALUES:,} (the loss curves are kept), "
                         f"got {len(hidden)} * {steps + 1}")
    return hidden, seeds, bias, lr, steps, X, y, progress, chunk


def _check_nets(hidden, seeds) -> tuple:
    """hidden, seeds -> two int arrays (B,) of equal length, each entry in range."""
    def as_list(name, value):
        if isinstance(value, (int, np.integer)) and not isinstance(value, bool):
            return [value]
        if isinstance(value, (str, bytes, dict)) or not hasattr(value, "__len__"):
            raise TypeError(f"{name} must be an integer or a sequence of integers, got {value!r}")
        return list(np.asarray(value).ravel()) if isinstance(value, np.ndarray) else list(value)

    hidden, seeds = as_list("hidden", hidden), as_list("seeds", seeds)
    if len(hidden) == 1:
        hidden = hidden * len(seeds)
    if len(seeds) == 1:
        seeds = seeds * len(hidden)
    if len(hidden) != len(seeds):
        raise ValueError(f"hidden and seeds must have the same length (one entry per net), "
                         f"got {len(hidden)} and {len(seeds)}")
    if not 1 <= len(hidden) <= MAX_NETS:
        raise ValueError(f"the number of nets must be in 1..{MAX_NETS}, got {len(hidden)}")
    hidden = [check_int("hidden entry", int(h) if isinstance(h, np.integer) else h, 1, MAX_HIDDEN) for h in hidden]
    seeds = [check_int("seeds entry", int(s) if isinstance(s, np.integer) else s, 0, 2**32 - 1) for s in seeds]
    return np.array(hidden), np.array(seeds)


def _check_scale(scale, B: int) -> np.ndarray:
    """scale: one number, or B numbers (one per net), each in [0, MAX_SCALE] -> (B,) floats."""
    if np.ndim(scale) == 0:
        return np.full(B, check_float("scale", scale, 0.0, MAX_SCALE))
    if isinstance(scale, (str, bytes, dict)) or len(scale) != B:
        raise ValueError(f"scale must be one number or one number per net ({B}), got {scale!r}")
    return np.array([check_float("scale entry", float(s) if isinstance(s, np.floating) else s, 0.0, MAX_SCALE)
                     for s in scale])


@functools.lru_cache(maxsize=4)
def _init(hidden: tuple, seeds: tuple, bias: bool, scale: tuple) -> tuple:
    """Stack each net's init_params(hidden, seed, bias, scale), nets last, zero-padded to Hmax.

    Returns W1 (2, Hmax, B), W2 (Hmax, B), b1 (Hmax, B), b2 (B,), mask (Hmax, B), to be copied (training
    changes them in place). Without biases b1, b2 are zeros that never change, so the forward pass is the
    same code. Kept for the last few batches: a new learning rate in notebook 03's sweep panel starts the
    same 800 nets again, and making them one by one is most of the time to its first picture.
    """
    B, Hmax = len(hidden), max(hidden)
    hidden = np.array(hidden)
    W1, W2 = np.zeros((2, Hmax, B)), np.zeros((Hmax, B))
    mask = (np.arange(Hmax)[:, None] < hidden[None, :]).astype(float)
    for b, (H, seed) in enumerate(zip(hidden, seeds)):
        net = init_params(int(H), int(seed), bias, float(scale[b]))
        W1[:, :H, b] = net["W1"]
        W2[:H, b] = net["W2"][:, 0]
    return W1, W2, np.zeros((Hmax, B)), np.zeros(B), mask
