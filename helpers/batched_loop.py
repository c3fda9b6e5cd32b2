"""The inner loop of helpers/batched.py: B nets' training steps, in place, nets on the LAST axis.

This is the fast path's engine room; helpers/batched.py checks arguments, stacks the initial
weights and packs the result. The equations are those of helpers/variants.py with one more axis:

    -z1 = (-Xb) W1                      (N, Hmax, B)   Xb = X with a column of ones when there are biases
    a1 = f(z1)                          f = sigmoid, tanh or relu, computed in place from -z1
    z2 = sum_h a1 W2 + b2; y_hat = sigmoid(z2)                       (N, B)
    d_out = (y_hat - y) y_hat (1 - y_hat)   (squared)   or   y_hat - y   (cross_entropy)
    dW2 = sum_n a1 d_out;  d_hid = f'(z1) d_out W2;  dW1 = Xb^T d_hid  (its last row is db1)
    W <- W - lr dW   (momentum 0), or   v <- mu v - lr dW;  W <- W + v

Every big array is written in place (a fresh 200 KB temporary per operation costs more than the
arithmetic on it). Padding units (mask 0) have lr 0 for their outgoing weight, so they never learn.
With sigmoid, squared and momentum 0 these are exactly the operations notebook 03's sweep ran.
"""
import numpy as np

BLOCK = 100  # steps whose predictions are kept, to work out their losses together


class Nets:
    """The B nets' weights, velocities and work arrays. W1: (2 or 3, Hmax, B), W2: (Hmax, B), b2: (B,)."""

    def __init__(self, W1, W2, b2, mask, Xb, y, lr, bias, activation, loss, momentum):
        self.W1, self.W2, self.b2, self.Xb, self.y, self.bias = W1, W2, b2, Xb, y, bias
        self.minus_Xb = -Xb                  # (-X) W1 is -z1 exactly: negation never rounds
        self.lr, self.lr_mask = lr, lr * mask  # (Hmax, B): lr for a real unit, 0 for padding
        self.activation, self.loss, self.momentum = activation, loss, momentum
        N, (Hmax, B) = len(y), mask.shape
        self.a1, self.a1_d_out, self.d_hid = np.empty((N, Hmax, B)), np.empty((N, Hmax, B)), np.empty((N, Hmax, B))
        self.dW1 = np.empty_like(W1)
        if momentum:
            self.vW1, self.vW2, self.vb2 = np.zeros_like(W1), np.zeros_like(W2), np.zeros_like(b2)

    def forward(self, y_hat: np.ndarray) -> None:
        """a1 = f(z1) and y_hat = sigmoid(z2), written into self.a1 and y_hat (N, B)."""
        a1, N = self.a1, len(self.y)
        np.matmul(self.minus_Xb, self.W1.reshape(len(self.W1), -1), out=a1.reshape(N, -1))  # -z1
        if self.activation == "sigmoid":
            _sigmoid_of_minus(a1)
        elif self.activation == "tanh":
            np.tanh(a1, out=a1)
            np.negative(a1, out=a1)          # tanh(z1) = -tanh(-z1)
        else:
            np.negative(a1, out=a1)
            np.maximum(a1, 0.0, out=a1)      # relu(z1) = max(z1, 0)
        z2 = np.einsum("nhb,hb->nb", a1, self.W2)  # a1 W2: sum over hidden units, (N, B)
        if self.bias:
            z2 += self.b2
        np.negative(z2, out=y_hat)
        _sigmoid_of_minus(y_hat)

    def backward_and_update(self, y_hat: np.ndarray) -> None:
        """One update from the y_hat `forward` just wrote."""
        a1, a1_d_out, d_hid, dW1, N = self.a1, self.a1_d_out, self.d_hid, self.dW1, len(self.y)
        if self.loss == "squared":
            d_out = 1 - y_hat
            d_out *= y_hat
            d_out *= y_hat - self.y              # d_out = (y_hat - y) y_hat (1 - y_hat), (N, B)
        else:
            d_out = y_hat - self.y               # cross-entropy: sigma'(z2) cancels
        np.multiply(a1, d_out[:, None, :], out=a1_d_out)  # (N, Hmax, B)
        dW2 = a1_d_out.sum(axis=0)               # a1^T d_out: a sum over examples, (Hmax, B)
        if self.activation == "sigmoid":
            np.subtract(1, a1, out=d_hid)
            d_hid *= a1_d_out                    # a1 (1 - a1) d_out, sharing a1 d_out with dW2
        else:
            if self.activation == "tanh":
                np.multiply(a1, a1, out=d_hid)
                np.subtract(1, d_hid, out=d_hid)  # tanh'(z1) = 1 - a1^2
            else:
                np.sign(a1, out=d_hid)           # relu'(z1) = 1 where a1 > 0, else 0 (a1 >= 0)
            d_hid *= d_out[:, None, :]
        d_hid *= self.W2                         # d_hid = f'(z1) d_out W2, (N, Hmax, B)
        np.matmul(self.Xb.T, d_hid.reshape(N, -1), out=dW1.reshape(len(dW1), -1))  # dW1 = X^T d_hid (and db1)
        # a bias touches every example: sum over N (without biases b2 is a zero that never changes)
        db2 = d_out.sum(axis=0) if self.bias else np.zeros_like(self.b2)
        if not self.momentum:
            dW1 *= self.lr
            self.W1 -= dW1                       # W1 <- W1 - lr dW1 (and b1 <- b1 - lr db1)
            dW2 *= self.lr_mask
            self.W2 -= dW2                       # padding units never learn: their lr is 0
            self.b2 -= self.lr * db2
            return
        mu = self.momentum
        for W, v, dW, lr in ((self.W1, self.vW1, dW1, self.lr), (self.W2, self.vW2, dW2, self.lr_mask),
                             (self.b2, self.vb2, db2, self.lr)):
            dW *= lr
            v *= mu
            v -= dW                              # v <- mu v - lr dW
            W += v                               # W <- W + v


def descend(nets: Nets, steps: int, progress, chunk: int) -> tuple:
    """Run `steps` updates. Returns (losses (B, steps + 1) the MSE, all_right (B, steps + 1), y_hat (N, B))."""
    y, B = nets.y, nets.W2.shape[1]
    N = len(y)
    # the predictions of a block of steps are kept, and their losses and right/wrong worked out together
    # after the block: a few NumPy calls per block instead of a few per step. A block is at most 32 MB.
    block = max(1, min(steps + 1, BLOCK, 2**22 // (N * B)))
    y_hats = np.empty((block, N, B))
    losses = np.empty((B, steps + 1))
    all_right = np.empty((B, steps + 1), dtype=bool)
    with np.errstate(over="ignore"):  # exp(-z) overflows to inf for z < -709; then 1 / (1 + inf) = 0, as it should
        for first in range(0, steps + 1, block):
            last = min(first + block, steps + 1)  # steps first .. last - 1
            for k in range(first, last):
                y_hat = y_hats[k - first]
                nets.forward(y_hat)
                if k == steps:
                    break
                nets.backward_and_update(y_hat)
                if progress is not None and (k + 1) % chunk == 0 and k + 1 < steps:
                    progress(k + 1, steps)   # updates done so far
            block_y_hats = y_hats[:last - first]  # (steps in the block, N, B)
            losses[:, first:last] = (((block_y_hats - y) ** 2).sum(axis=1) / N).T  # the MSE, as train.train
            all_right[:, first:last] = ((block_y_hats > 0.5) == (y > 0.5)).all(axis=1).T
    if progress is not None:
        progress(steps, steps)
    return losses, all_right, y_hat


def _sigmoid_of_minus(minus_z: np.ndarray) -> np.ndarray:
    """In place: minus_z holds -z and becomes sigmoid(z) = 1 / (1 + exp(-z)). Call within
    np.errstate(over="ignore"): exp(-z) is inf for z < -709, and then the result is 0, as it should be."""
    np.exp(minus_z, out=minus_z)
    minus_z += 1
    np.divide(1, minus_z, out=minus_z)
    return minus_z
