"""Notebook 07's exercises, one declaration each (read by engine.py; judged in nb07.py)."""
import math

import numpy as np

from helpers.exercises import nb07 as nb
from helpers.exercises.engine import Exercise, Mistake


def _sweep(solved, n=20):
    """A sigmoid + naive sweep's result with `solved` nets of n at depths 1, 2, ... (what depth_sweep returns)."""
    depths = list(range(1, len(solved) + 1))
    return {"activation": "sigmoid", "init": "naive",
            "table": {"depth": np.array(depths), "solved": np.array(solved), "n": np.array([n] * len(solved))}}


SOLVED = [20, 17, 12, 6, 0, 0]  # an example sweep: some fail from depth 2, most from 4, all from 5


RATIO_PREDICTION = Exercise(
    "ratio_prediction", "## 2 · Gradient norms at the start, layer by layer", nb.judge_ratio_prediction,
    hints=(
        "Follow the signal delta from layer 10 down to layer 1: how many times does it pass a sigmoid's slope?",
        "delta_{l-1} = (delta_l W_l^T) * sigma'(z_{l-1}) and sigma' <= 1/4; between layer 10 and layer 1 there are "
        "nine such steps. Take the weights as neither growing nor shrinking the signal.",
        "Write ratio_prediction as one number: a power of 1/4 (Python: 0.25 ** k), or whatever your reasoning gives."),
    answer='''# nine sigmoid slopes between layer 10 and layer 1, each at most 1/4; the weights counted as neutral
ratio_prediction = 0.25 ** 9
''',
    mistakes=(
        Mistake("rp_exponent", "gave the exponent (a negative number), not the ratio",
                "A ratio of two norms is positive: this looks like an exponent of 10. Write the ratio itself, e.g. "
                "10 ** -5 or 1e-5.", lambda: (-6, 1e-5)),
    ),
    needs={"ratio_prediction": "the prediction cell in section 2 (ratio_prediction = ...)",
           "sigmoid_median": "the measurement cell in section 2 (sigmoid_median = ...)"},
)


XAVIER_STD = Exercise(
    "xavier_std", "## 3 · Why: each layer multiplies the signal", nb.judge_xavier_std,
    hints=(
        "Xavier keeps a tanh-like unit's signal the same size both ways: forward it wants fan_in Var(w) = 1, "
        "backward fan_out Var(w) = 1. It cannot have both when fan_in != fan_out, so it takes a compromise.",
        "The compromise: Var(w) = 1 / (the average of fan_in and fan_out). The function returns the standard "
        "deviation, the square root of the variance.",
        "One line: the square root (math.sqrt or np.sqrt or ** 0.5) of 2 divided by the sum of the two fans."),
    answer='''def xavier_std(fan_in, fan_out):
    """Xavier (Glorot): Var(w) = 2 / (fan_in + fan_out); returns the standard deviation."""
    return np.sqrt(2 / (fan_in + fan_out))
''',
    mistakes=(
        Mistake("xs_variance", "returned the variance, not the standard deviation",
                "That is the variance 2 / (fan_in + fan_out); N(0, s^2) is drawn with the standard deviation s, "
                "its square root.", lambda: (lambda fi, fo: 2 / (fi + fo),)),
        Mistake("xs_uniform", "gave the uniform start's limit sqrt(6 / (fan_in + fan_out))",
                "sqrt(6 / (fan_in + fan_out)) is the edge a of Xavier's UNIFORM start U(-a, a) (whose variance is "
                "a^2 / 3); here the weights are normal, and the function returns their standard deviation.",
                lambda: (lambda fi, fo: math.sqrt(6 / (fi + fo)),)),
        Mistake("xs_no_two", "forgot the 2: sqrt(1 / (fan_in + fan_out))",
                "The 2 is missing: 1 / Var(w) is the AVERAGE of fan_in and fan_out, (fan_in + fan_out) / 2.",
                lambda: (lambda fi, fo: math.sqrt(1 / (fi + fo)),)),
        Mistake("xs_fan_in_only", "used fan_in only (LeCun's sqrt(1 / fan_in))",
                "sqrt(1 / fan_in) keeps only the forward signal (LeCun's start); Xavier also looks backward, so "
                "fan_out enters too.", lambda: (lambda fi, fo: math.sqrt(1 / fi),)),
        Mistake("xs_he", "wrote He's scale for Xavier",
                "sqrt(2 / fan_in) is He's start, made for relu (which passes half its inputs); Xavier's is for units "
                "with slope 1 near 0 and uses both fans.", lambda: (lambda fi, fo: math.sqrt(2 / fi),)),
    ),
    needs={"xavier_std": "the answer cell of Exercise 2 (def xavier_std)"},
)


HE_STD = Exercise(
    "he_std", "## 3 · Why: each layer multiplies the signal", nb.judge_he_std,
    hints=(
        "He keeps a relu layer's forward signal the same size: what fraction of its inputs does a relu pass on?",
        "Forward, the signal's size is multiplied by fan_in Var(w) E[f'(z)^2]; for relu E[f'^2] = 1/2 (half the "
        "units have slope 1, half 0). Set the product to 1 and solve for Var(w).",
        "One line: the square root of a number over fan_in (fan_out is not used)."),
    answer='''def he_std(fan_in, fan_out):
    """He (Kaiming): Var(w) = 2 / fan_in, for relu; returns the standard deviation."""
    return np.sqrt(2 / fan_in)
''',
    mistakes=(
        Mistake("hs_variance", "returned the variance 2 / fan_in",
                "That is the variance; return its square root, the standard deviation.",
                lambda: (lambda fi, fo: 2 / fi,)),
        Mistake("hs_no_two", "forgot relu's factor 2: sqrt(1 / fan_in)",
                "sqrt(1 / fan_in) would keep the signal for a unit that passes everything; relu passes half, so the "
                "variance must be twice that.", lambda: (lambda fi, fo: math.sqrt(1 / fi),)),
        Mistake("hs_fan_out", "used fan_out instead of fan_in",
                "He's rule counts the inputs a unit sums over, fan_in (the forward signal); you used fan_out.",
                lambda: (lambda fi, fo: math.sqrt(2 / fo),)),
        Mistake("hs_xavier", "wrote Xavier's scale for He",
                "sqrt(2 / (fan_in + fan_out)) is Xavier's start; He's uses fan_in alone, with relu's factor 2.",
                lambda: (lambda fi, fo: math.sqrt(2 / (fi + fo)),)),
    ),
    needs={"he_std": "the answer cell of Exercise 2 (def he_std)"},
)


FAILS_MOST_DEPTH = Exercise(
    "fails_most_depth", "## 4 · Does it train? Success and steps against depth", nb.judge_fails_most_depth,
    hints=(
        "Run the same sweep as section 4 for sigmoid with the naive start, from depth 1 up, and read the table.",
        "At each depth the table gives solved and n at that depth's tuned lr; you want the first depth where "
        "solved < n / 2.",
        "sigmoid_sweep = depth.depth_sweep('sigmoid', 'naive', depths=range(1, 9), ...) with section 4's seeds, lrs "
        "and steps; print its table; set fails_most_at to the depth you read."),
    answer='''sigmoid_sweep = depth.depth_sweep("sigmoid", "naive", depths=range(1, 9), seeds=SEEDS20, lrs=LRS,
                                    steps=STEPS)
t = sigmoid_sweep["table"]
for L, k, n in zip(t["depth"], t["solved"], t["n"]):
    print(f"depth {L}: {k} of {n} solve XOR")
fails_most_at = next(int(L) for L, k, n in zip(t["depth"], t["solved"], t["n"]) if k < n / 2)
''',
    mistakes=(
        Mistake("fm_rate", "gave a success rate, not a depth",
                "That is a rate; the question asks for a depth (a whole number of hidden layers).",
                lambda: (0.3, _sweep(SOLVED))),
        Mistake("fm_any_failure", "gave the first depth with any failure, not with most failing",
                "That is the first depth where SOME runs fail; the question is where MOST do (fewer than half "
                "solve).", lambda: (2, _sweep(SOLVED))),
        Mistake("fm_last_success", "gave the last depth where most still succeed",
                "At that depth most runs still solve XOR; the answer is the next one, the first where fewer than "
                "half do.", lambda: (3, _sweep(SOLVED))),
        Mistake("fm_all_fail", "gave the first depth where every run fails",
                "There every run fails; most runs already fail at a shallower depth (fewer than half solve).",
                lambda: (5, _sweep(SOLVED))),
    ),
    needs={"fails_most_at": "the answer cell of Exercise 3 (fails_most_at = ...)",
           "sigmoid_sweep": "the answer cell of Exercise 3 (sigmoid_sweep = ...)"},
)

EXERCISES = [RATIO_PREDICTION, XAVIER_STD, HE_STD, FAILS_MOST_DEPTH]
