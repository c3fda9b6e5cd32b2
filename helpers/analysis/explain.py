"""What a training run did, in one plain sentence, and what to try next (notebook 01).

    from helpers.analysis.explain import explain
    print(explain(train.train(hidden=2, bias=False, seed=3)))

The kinds, checked in this order (the thresholds are the constants below, nowhere else):
  diverged       the loss ended above where it started, or far above its best, or a number
                 overflowed: the steps overshoot, the learning rate is too high (often one step
                 throws the outputs to 0 or 1, where sigma' ~ 0, and the run stays there).
  solved         every point on the right side of 0.5 and the loss below SOLVED_LOSS.
  not converged  the loss is still falling at the end: more steps.
  plateau        every output near 0.5 (loss near 0.25): the input weights are still small, so
                 the hidden layer is nearly linear and the net acts like one unit, whose best
                 answer is 0.5 everywhere (helpers/analysis/plateau.py).
  saturated      the output sits at 0 or 1 on a point it gets wrong: there sigma' ~ 0, so that
                 point's error hardly reaches the weights, and the loss stays flat although
                 that point is far from its target. A loss flat from step 0 on says the start
                 itself was saturated (large initial weights), and the advice is another seed,
                 not a smaller learning rate.
  stuck          the loss is nearly flat with some points wrong, and no wrong point's error is
                 blocked by a saturated output (often two inputs of different classes share one
                 hidden code). If the loss still falls at every step while each step makes the
                 weights larger, it is a valley running off to infinity, never called a minimum;
                 only a loss that no longer falls is called a local minimum (or a flat stretch).
The advice names only what the explorer panel can change: learning rate, hidden, seed, steps, biases.
With one hidden unit the sentence says why no setting helps: one unit draws one line, and no line
separates XOR (notebook 02).
"""
import numpy as np

from helpers.data import predicted_class
from helpers.network import backward, forward

SOLVED_LOSS = 0.01        # MSE below this (and all points right) counts as solved
DIVERGED_START = 1.1      # final loss above this x the starting loss: training made it worse
DIVERGED_BEST = 2.0       # final loss above this x the best loss of the run: it went back up
DIVERGED_LR_FACTOR = 5    # "try lr <= lr / DIVERGED_LR_FACTOR"
FALLING_TAIL = 0.1        # the last fraction of the steps looked at for "still falling"
FALLING_DROP = 0.01       # the loss fell by more than this fraction over that tail: not converged
PLATEAU_SPREAD = 0.1      # every output within this of 0.5: a plateau
SATURATED_SLOPE = 0.01    # an output with sigma'(z2) = y_hat (1 - y_hat) below this sits at 0 or 1 (largest: 0.25)
LINEAR_Z1 = 1.0           # every |z1| below this: the hidden sigmoids are nearly straight lines (a plateau's cause)
STILL_FALLING = 1e-6      # a tail whose loss fell at every step, by more than this fraction: not a minimum

KINDS = ("diverged", "solved", "not converged", "plateau", "saturated", "stuck")
POINTS = ("(0,0)", "(0,1)", "(1,0)", "(1,1)")


def _pinned_wrong(run) -> np.ndarray:
    """(N,) True where the output is on the wrong side of 0.5 and sits at 0 or 1 (sigma' below SATURATED_SLOPE)."""
    y_hat = np.asarray(run.y_hat).ravel()
    wrong = predicted_class(y_hat) != predicted_class(np.asarray(run.y).ravel())
    return wrong & (y_hat * (1 - y_hat) < SATURATED_SLOPE)


def kind(run) -> str:
    """Which of KINDS the run is (see the module docstring). run: a helpers.train.Run."""
    losses = np.asarray(run.losses, dtype=float)
    final = losses[-1]
    finite = np.all(np.isfinite(losses)) and all(np.all(np.isfinite(v)) for v in run.params.values())
    if not finite or final > DIVERGED_START * losses[0] or final > DIVERGED_BEST * losses.min():
        return "diverged"
    if run.correct == len(run.y) and final < SOLVED_LOSS:
        return "solved"
    tail = _tail(losses)
    if tail[0] - tail[-1] > FALLING_DROP * tail[0]:
        return "not converged"
    if np.all(np.abs(run.y_hat - 0.5) < PLATEAU_SPREAD):
        return "plateau"
    if np.any(_pinned_wrong(run)):
        return "saturated"
    return "stuck"


def _tail(losses: np.ndarray) -> np.ndarray:
    """The last FALLING_TAIL of the loss curve (at least two values)."""
    return losses[-max(2, int(FALLING_TAIL * len(losses))):]


def still_falling(run) -> bool:
    """True when the loss fell at every step of the tail, by more than STILL_FALLING of its value in all: however
    slowly, the run is still going downhill, so it is not at a minimum."""
    tail = _tail(np.asarray(run.losses, dtype=float))
    return bool(np.all(np.diff(tail) < 0) and tail[0] - tail[-1] > STILL_FALLING * tail[0])


def growing(run) -> bool:
    """True when the next gradient-descent step makes the weights larger: -grad . params > 0."""
    grads = backward(run.params, forward(run.params, run.X)[1], run.y)
    return sum(float(np.sum(run.params[k] * grads["d" + k])) for k in run.params) < 0


def _name(i: int, X) -> str:
    return POINTS[i] if len(X) == 4 else f"input {i}"


def _shared_code(run) -> str:
    """'; (1,1) gets the same hidden code as (0,1), ...' for a wrong point that shares one with the other class."""
    a1 = forward(run.params, run.X)[1]["a1"]
    codes = [tuple(row) for row in predicted_class(a1)]  # each unit read with the one 0.5 rule
    y, y_hat = predicted_class(np.asarray(run.y).ravel()), np.asarray(run.y_hat).ravel()
    for n in np.flatnonzero(predicted_class(y_hat) != y):
        twins = [m for m in range(len(codes)) if m != n and codes[m] == codes[n] and y[m] != y[n]]
        if twins:
            others = " and ".join(_name(m, run.X) for m in twins)
            return (f"; {_name(n, run.X)} gets the same hidden code (each unit above or below 0.5) as {others}, "
                    "so the output cannot tell them apart")
    return ""


def explain(run) -> str:
    """One plain sentence: what happened in the run and what to try. run: a helpers.train.Run."""
    losses = np.asarray(run.losses, dtype=float)
    what = kind(run)
    biases = "" if run.bias else ", turn biases on"
    if run.hidden == 1 and getattr(run, "target", "XOR") == "XOR" and what != "solved":
        return (f"One hidden unit cannot do it ({what}, {run.correct} of {len(run.y)} right): one unit draws one "
                "line, its output is a function of which side of that line a point is on, and notebook 02 proved "
                "that no line separates XOR; no seed, learning rate or number of steps changes that, so use 2 or "
                "more hidden units.")
    if what == "diverged":
        return _diverged(run, losses)
    if what == "solved":
        step = int(np.argmax(losses < SOLVED_LOSS))
        return (f"Solved: all {len(run.y)} points are right, and the loss fell below {SOLVED_LOSS:g} "
                f"at step {step}.")
    first = len(losses) - len(_tail(losses))
    if what == "not converged":
        return (f"Not converged yet: the loss is still falling ({losses[first]:.4f} at step {first}, "
                f"{losses[-1]:.4f} at the end); try more steps or a larger lr.")
    if what == "plateau":
        z1 = np.ceil(100 * np.abs(forward(run.params, run.X)[1]["z1"]).max()) / 100  # rounded up: "below" stays true
        why = (f"the hidden units' inputs are still small (every |z1| below {z1:.2f}), so the hidden layer is nearly "
               "linear and the net acts like one unit, whose best answer is 0.5 everywhere" if z1 < LINEAR_Z1 else
               "the output does not tell the inputs apart yet")
        return (f"On the plateau after {run.steps:,} steps: every output is near 0.5 (loss near 0.25) and {why}; try "
                f"more steps, another seed{biases} or more hidden units.")
    if what == "saturated":
        n = int(np.flatnonzero(_pinned_wrong(run))[0])
        pinned = (f"Saturated: the output sits at {float(np.ravel(run.y_hat)[n]):.3f} on {_name(n, run.X)}, which "
                  "it gets wrong, and there sigma' is about 0, so that point's error hardly reaches the weights")
        if abs(losses[0] - losses[-1]) < FALLING_DROP * losses[0]:
            return (f"{pinned}; the loss was {losses[0]:.4f} at step 0 and is {losses[-1]:.4f} now, so the start "
                    "itself was saturated (its initial weights are large), not the steps; try another seed.")
        return (f"{pinned}, so the loss stays flat ({losses[0]:.4f} at step 0, {losses[-1]:.4f} now); try another seed "
                "or a smaller learning rate.")
    more = "another seed, more hidden units, or turn biases on" if not run.bias else "another seed or more hidden units"
    if still_falling(run) and not growing(run):
        return (f"Stuck on a very gentle slope, not at a minimum: {run.correct} of {len(run.y)} points right and the "
                f"loss still falls at every step, slowly ({losses[first]:.5f} at step {first}, {losses[-1]:.5f} at "
                f"the end){_shared_code(run)}; try more steps, {more}.")
    if still_falling(run):
        tail = _tail(losses)
        half = len(tail) // 2
        slowing = ", ever more slowly" if tail[0] - tail[half] > tail[half] - tail[-1] else ""
        return (f"Stuck in a valley, not at a minimum: {run.correct} of {len(run.y)} points right and the loss still "
                f"falls at every step{slowing} ({losses[first]:.5f} at step {first}, {losses[-1]:.5f} "
                "at the end), while each step makes the weights larger (largest now "
                f"{max(np.abs(v).max() for v in run.params.values()):.1f}): the valley runs off toward infinitely "
                f"large weights{_shared_code(run)}; try {more}.")
    return (f"Stuck where the gradient is about 0 (a local minimum or a very flat stretch): the loss no longer falls, "
            f"with {run.correct} of {len(run.y)} points right and no output pinned at 0 or 1, so the points' pulls "
            f"balance out{_shared_code(run)}; try {more}.")


def _diverged(run, losses: np.ndarray) -> str:
    """The sentence for a diverged run; says so when one step threw the outputs to 0 or 1 and they stayed there."""
    advice = f"the learning rate is too high, try lr <= {run.lr / DIVERGED_LR_FACTOR:.2g}."
    y_hat = np.asarray(run.y_hat, dtype=float).ravel()
    finite = np.all(np.isfinite(losses)) and np.all(np.isfinite(y_hat))
    if finite and np.all(y_hat * (1 - y_hat) < SATURATED_SLOPE):  # it ends with every output at 0 or 1
        k = int(np.argmax(losses > DIVERGED_START * losses[0]))
        near = int(np.sum(losses[k:] > (1 - 2 * FALLING_DROP) * losses[-1]))  # steps at about the final loss
        grads = backward(run.params, forward(run.params, run.X)[1], run.y)
        largest = max(float(np.abs(g).max()) for g in grads.values())
        return (f"Diverged into saturation: {'one step' if k == 1 else f'step {k}'} took the loss from "
                f"{losses[k - 1]:.4f} to {losses[k]:.4f}; the run ends with every output at 0 or 1, where sigma' is "
                f"about 0 (largest gradient {largest:.0e}), and "
                + ("the loss stayed at that level" if near == len(losses) - k else
                   f"the loss sat at about {losses[-1]:.4f} on {near:,} of the {len(losses) - k:,} steps after it")
                + f"; {advice}")
    return (f"Diverged: the loss ended at {losses[-1]:.4f}, above where it started or far above its best, "
            f"so the steps overshoot; {advice}")
