"""What a training run did, in one plain sentence, and what to try next (notebook 01).

    from helpers.analysis.explain import explain
    print(explain(train.train(hidden=2, bias=False, seed=3)))

The kinds, checked in this order (the thresholds are the constants below, nowhere else):
  diverged       the loss ended above where it started, or far above its best, or a number
                 overflowed: the steps overshoot, the learning rate is too high.
  solved         every point on the right side of 0.5 and the loss below SOLVED_LOSS.
  not converged  the loss is still falling at the end: more steps.
  plateau        every output near 0.5 (loss near 0.25): the hidden units have not told
                 the inputs apart yet, from a symmetric or unlucky start.
  saturated      the output sits at 0 or 1 on a point it gets wrong: there sigma' ~ 0, so that
                 point's error hardly reaches the weights, and the loss stays flat although
                 that point is far from its target.
  stuck          a local minimum: the loss is flat with some points wrong, and no wrong point's
                 error is blocked by a saturated output; the points' pulls on the weights cancel
                 (often two inputs of different classes share one hidden code).
The advice names only what the explorer panel can change: learning rate, hidden, seed, steps, biases.
With one hidden unit the sentence says why no setting helps: one unit draws one line, and no line
separates XOR (notebook 02).
"""
import numpy as np

from helpers.network import forward

SOLVED_LOSS = 0.01        # MSE below this (and all points right) counts as solved
DIVERGED_START = 1.1      # final loss above this x the starting loss: training made it worse
DIVERGED_BEST = 2.0       # final loss above this x the best loss of the run: it went back up
DIVERGED_LR_FACTOR = 5    # "try lr <= lr / DIVERGED_LR_FACTOR"
FALLING_TAIL = 0.1        # the last fraction of the steps looked at for "still falling"
FALLING_DROP = 0.01       # the loss fell by more than this fraction over that tail: not converged
PLATEAU_SPREAD = 0.1      # every output within this of 0.5: a plateau
SATURATED_SLOPE = 0.01    # an output with sigma'(z2) = y_hat (1 - y_hat) below this sits at 0 or 1 (largest: 0.25)

KINDS = ("diverged", "solved", "not converged", "plateau", "saturated", "stuck")
POINTS = ("(0,0)", "(0,1)", "(1,0)", "(1,1)")


def _pinned_wrong(run) -> np.ndarray:
    """(N,) True where the output is on the wrong side of 0.5 and sits at 0 or 1 (sigma' below SATURATED_SLOPE)."""
    y_hat = np.asarray(run.y_hat).ravel()
    wrong = (y_hat > 0.5) != (np.asarray(run.y).ravel() > 0.5)
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
    tail = losses[-max(2, int(FALLING_TAIL * len(losses))):]
    if tail[0] - tail[-1] > FALLING_DROP * tail[0]:
        return "not converged"
    if np.all(np.abs(run.y_hat - 0.5) < PLATEAU_SPREAD):
        return "plateau"
    if np.any(_pinned_wrong(run)):
        return "saturated"
    return "stuck"


def _name(i: int, X) -> str:
    return POINTS[i] if len(X) == 4 else f"input {i}"


def _shared_code(run) -> str:
    """'; (1,1) gets the same hidden code as (0,1), ...' for a wrong point that shares one with the other class."""
    a1 = forward(run.params, run.X)[1]["a1"]
    codes = [tuple(row) for row in (a1 > 0.5).astype(int)]
    y, y_hat = np.asarray(run.y).ravel() > 0.5, np.asarray(run.y_hat).ravel()
    for n in np.flatnonzero((y_hat > 0.5) != y):
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
        return (f"Diverged: the loss ended at {losses[-1]:.4f}, above where it started or far above its best, "
                f"so the steps overshoot; the learning rate is too high, try lr <= {run.lr / DIVERGED_LR_FACTOR:.2g}.")
    if what == "solved":
        step = int(np.argmax(losses < SOLVED_LOSS))
        return (f"Solved: all {len(run.y)} points are right, and the loss fell below {SOLVED_LOSS:g} "
                f"at step {step}.")
    if what == "not converged":
        first = len(losses) - max(2, int(FALLING_TAIL * len(losses)))
        return (f"Not converged yet: the loss is still falling ({losses[first]:.4f} at step {first}, "
                f"{losses[-1]:.4f} at the end); try more steps or a larger lr.")
    if what == "plateau":
        return ("Stuck on a plateau: every output is near 0.5 (loss near 0.25), so the hidden units do not tell "
                f"the inputs apart yet (a symmetric or unlucky start); try another seed{biases}, more hidden "
                "units or more steps.")
    if what == "saturated":
        n = int(np.flatnonzero(_pinned_wrong(run))[0])
        return (f"Saturated: the output sits at {float(np.ravel(run.y_hat)[n]):.3f} on {_name(n, run.X)}, which it "
                "gets wrong, and there sigma' is about 0, so that point's error hardly reaches the weights and the "
                "loss stays flat; try another seed or a smaller learning rate.")
    more = "another seed, more hidden units, or turn biases on" if not run.bias else "another seed or more hidden units"
    return (f"Stuck in a local minimum: the loss is flat with {run.correct} of {len(run.y)} points right, and no "
            f"output is pinned at 0 or 1, yet the gradient is about 0: the points' pulls balance out"
            f"{_shared_code(run)}; try {more}.")
