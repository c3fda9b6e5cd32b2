"""Many deep nets (helpers/deep.py) trained at once, the nets being a first array axis (notebook 07).

B nets of the same depth L, width H and activation, each with its own seed and learning rate. The
equations are deep.py's with one more axis b in front, a_l (B, N, H), and NumPy's stacked matrix
product for the B products at once. Every net here equals deep.py's net trained alone, step for step
(tests/test_deep.py). The speed tricks live here and nowhere else:
- each layer's bias rides as a last row of its weights, against a column of ones kept after each a_l,
  so one product gives a_{l-1} W_l + b_l and one product gives dW_l and db_l together;
- activations are written into those kept arrays in place, updates are made in place;
- the sigmoid is written 1 / (1 + exp(-z)) (it agrees with network.sigmoid to a rounding or so).
"""
from dataclasses import dataclass

import numpy as np

from helpers import data
from helpers.deep import ACTIVATIONS, INITS, MAX_DEPTH, MAX_WIDTH, check_choice, init_params, sizes
from helpers.validate import check_float, check_int

MAX_NETS, MAX_STEPS = 20_000, 100_000


@dataclass
class DeepRun:
    """What B deep nets did (net b = 0..B-1). seeds, lrs: (B,). losses: (B, steps + 1) the MSE after k updates.
    solved_at: (B,) the first k after which all four points are on the right side of 0.5 (-1: never).
    norms: (B, steps + 1, L + 1) each layer's weight-gradient norm after k updates (when asked for, else None).
    params: the final parameters, nets first: W_l (B, fan_in, fan_out), b_l (B, 1, fan_out)."""

    depth: int
    width: int
    activation: str
    init: str
    seeds: np.ndarray
    lrs: np.ndarray
    losses: np.ndarray
    solved_at: np.ndarray
    norms: np.ndarray
    params: dict

    @property
    def solved(self) -> np.ndarray:
        """(B,) True where the net got all four points right within its steps."""
        return self.solved_at >= 0

    def net(self, b: int) -> dict:
        """Net b's final parameters as deep.py's dict."""
        return {name: value[b] for name, value in self.params.items()}


def _activate(activation: str, z: np.ndarray, out: np.ndarray) -> None:
    if activation == "sigmoid":
        with np.errstate(over="ignore"):  # exp(800) is inf, and 1 / (1 + inf) is the right 0
            np.exp(-z, out=out)
        out += 1.0
        np.reciprocal(out, out=out)
    elif activation == "tanh":
        np.tanh(z, out=out)
    else:
        np.maximum(z, 0.0, out=out)


def train_deep(depth: int, width: int, activation: str, init: str, seeds, lrs, steps: int,
               keep_norms: bool = False, until_solved: bool = False) -> DeepRun:
    """Train one net per (seed, lr) pair on XOR, `steps` steps of full-batch gradient descent each, as
    deep.step does. seeds, lrs: equal-length sequences (or one of them a single value). Returns a DeepRun.
    until_solved: stop at the first step at which every net has solved (losses then end there)."""
    depth, width = check_int("depth", depth, 1, MAX_DEPTH), check_int("width", width, 1, MAX_WIDTH)
    activation, init = check_choice("activation", activation, ACTIVATIONS), check_choice("init", init, INITS)
    steps = check_int("steps", steps, 0, MAX_STEPS)
    seeds, lrs = np.broadcast_arrays(np.atleast_1d(np.asarray(seeds)), np.atleast_1d(np.asarray(lrs, dtype=float)))
    if seeds.ndim != 1 or not 1 <= len(seeds) <= MAX_NETS:
        raise ValueError(f"seeds and lrs must give 1..{MAX_NETS} nets, got shape {seeds.shape}")
    if until_solved and keep_norms:
        raise ValueError("until_solved and keep_norms cannot both be True (norms are kept for every step)")
    for lr in set(lrs.tolist()):
        check_float("lr", lr, 0.0, 100.0, lo_open=True)
    X, y = data.X, data.y
    L, B, N = depth, len(seeds), len(X)
    starts = [init_params(depth, width, init, int(s)) for s in seeds]
    # W~_l = [W_l; b_l]: (B, fan_in + 1, fan_out); A_l = [a_l, 1]: (B, N, size + 1)
    Wt = [None] + [np.concatenate([np.stack([p[f"W{l}"] for p in starts]), np.stack([p[f"b{l}"] for p in starts])],
                                  axis=1) for l in range(1, L + 2)]
    A = [np.ones((B, N, n + 1)) for n in sizes(depth, width)]
    A[0][:, :, :2] = X
    lr = lrs[:, None, None]
    losses, ok, ever = np.empty((B, steps + 1)), np.zeros((B, steps + 1), bool), np.zeros(B, bool)
    norms = np.empty((B, steps + 1, L + 1)) if keep_norms else None
    for k in range(steps + 1):
        z = [None]
        for l in range(1, L + 2):
            z.append(A[l - 1] @ Wt[l])                                    # z_l = a_{l-1} W_l + b_l
            _activate("sigmoid" if l == L + 1 else activation, z[l], A[l][:, :, :-1])
        y_hat = A[L + 1][:, :, :1]
        losses[:, k] = np.mean((y - y_hat) ** 2, axis=(1, 2))
        ok[:, k] = np.all((y_hat > data.THRESHOLD) == (y > data.THRESHOLD), axis=(1, 2))
        ever |= ok[:, k]
        if (k == steps and not keep_norms) or (until_solved and ever.all()):
            losses, ok = losses[:, :k + 1], ok[:, :k + 1]
            break
        delta = (y_hat - y) * y_hat * (1 - y_hat)                        # delta_{L+1}
        for l in range(L + 1, 0, -1):
            dW = np.swapaxes(A[l - 1], 1, 2) @ delta                      # [dW_l; db_l]
            if keep_norms:
                norms[:, k, l - 1] = np.sqrt(np.sum(dW[:, :-1] ** 2, axis=(1, 2)))
            if l > 1:                                                     # delta_{l-1} (with the old W_l)
                delta = delta @ np.swapaxes(Wt[l][:, :-1], 1, 2)
                a = A[l - 1][:, :, :-1]
                if activation == "sigmoid":
                    delta *= a * (1 - a)
                elif activation == "tanh":
                    delta *= 1 - a * a
                else:
                    delta *= z[l - 1] > 0
            if k < steps:
                dW *= lr
                Wt[l] -= dW
    first = np.where(ok.any(axis=1), ok.argmax(axis=1), -1)
    params = {}
    for l in range(1, L + 2):
        params[f"W{l}"], params[f"b{l}"] = Wt[l][:, :-1].copy(), Wt[l][:, -1:].copy()
    return DeepRun(depth, width, activation, init, seeds.copy(), lrs.copy(), losses, first, norms, params)
