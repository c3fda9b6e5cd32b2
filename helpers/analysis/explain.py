"""What a training run did, in one plain sentence, and what to try next (notebook 01).

    from helpers.analysis.explain import explain
    print(explain(train.train(hidden=1)))

The kinds, checked in this order (the thresholds are the constants below, nowhere else):
  diverged       the loss ended above where it started, or far above its best, or a number
                 overflowed: the steps overshoot, the learning rate is too high.
  solved         every point on the right side of 0.5 and the loss below SOLVED_LOSS.
  not converged  the loss is still falling at the end: more steps.
  plateau        every output near 0.5 (loss near 0.25): the hidden units have not told
                 the inputs apart yet, from a symmetric or unlucky start.
  saturated      most hidden units sit at 0 or 1, or the output sits at 0 or 1 on a wrong point:
                 there sigma' ~ 0 and the gradients vanish.
  stuck          none of these: a local minimum with some points wrong.
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
SATURATED_SLOPE = 0.01    # a unit with sigma'(z) = a (1 - a) below this is saturated (the largest is 0.25)
SATURATED_FRACTION = 0.5  # at least this fraction of (input, hidden unit) pairs saturated: saturated

KINDS = ("diverged", "solved", "not converged", "plateau", "saturated", "stuck")


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
    a1 = forward(run.params, run.X)[1]["a1"]
    y_hat = np.asarray(run.y_hat)
    confidently_wrong = (y_hat * (1 - y_hat) < SATURATED_SLOPE) & ((y_hat > 0.5) != (run.y > 0.5))
    if np.mean(a1 * (1 - a1) < SATURATED_SLOPE) >= SATURATED_FRACTION or np.any(confidently_wrong):
        return "saturated"
    return "stuck"


def explain(run) -> str:
    """One plain sentence: what happened in the run and what to try. run: a helpers.train.Run."""
    losses = np.asarray(run.losses, dtype=float)
    what = kind(run)
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
        biases = "" if run.bias else ", turn biases on"
        return ("Stuck on a plateau: every output is near 0.5 (loss near 0.25), so the hidden units do not tell "
                f"the inputs apart yet (a symmetric or unlucky start); try another seed{biases}, more hidden "
                "units or more steps.")
    if what == "saturated":
        return ("Saturated: units sit at 0 or 1 (most hidden units, or the output on a wrong point), where "
                "sigma' is about 0, so the gradients "
                "vanish; try smaller initial weights or a smaller lr, or another seed.")
    return (f"Stuck in a local minimum with {run.correct} of {len(run.y)} points right and the loss flat; "
            f"try another seed, more hidden units, or biases.")
