"""Notebook 02's exercises, one declaration each (read by engine.py; judged in nb02.py)."""
from helpers.exercises import nb02 as nb
from helpers.exercises.engine import Exercise, Mistake, fn
from helpers.exercises.variants import violated_variant

AND_WEIGHTS = Exercise(
    "and_weights", "## 2. Drive the line yourself", nb.judge_and_weights,
    hints=(
        "The unit says 1 where w1 x1 + w2 x2 + b > 0. AND is 1 on (1,1) only: the line must cut that corner off "
        "from the other three.",
        "Write one inequality per corner: (0,0): b <= 0; (0,1): w2 + b <= 0; (1,0): w1 + b <= 0; (1,1): w1 + w2 + "
        "b > 0. A corner exactly on the line gives exactly 0.5, which counts as 0 (the lab's one rule).",
        "Shape: and_weights = (w1, w2, b), three numbers that satisfy all four inequalities. Equal positive weights "
        "and a negative b make it easy: how negative must b be?"),
    answer='''and_weights = (1.0, 1.0, -1.5)  # only 1 + 1 - 1.5 is above 0
''',
    mistakes=(
        Mistake("and_is_or", "gave weights that compute OR, not AND",
                "These weights compute OR: (0,1) and (1,0) are on too. Make b more negative so that only w1 + w2 + "
                "b is above 0.", lambda: ((1.0, 1.0, -0.5),)),
        Mistake("and_is_nand", "gave weights that compute NAND, not AND",
                "These weights compute NAND, the opposite of AND: flip the signs of w1, w2 and b.",
                lambda: ((-1.0, -1.0, 1.5),)),
        Mistake("on_the_line", "put (1,1) exactly on AND's line",
                "(1,1) lies exactly on the line (w1 + w2 + b = 0): its output is exactly 0.5, which counts as 0, "
                "and AND needs 1 there. Move the line so that w1 + w2 + b is above 0.", lambda: ((1.0, 1.0, -2.0),)),
    ),
    needs={"and_weights": "the answer cell of Exercise 1 (and_weights = ...)"},
)


OR_WEIGHTS = Exercise(
    "or_weights", "## 2. Drive the line yourself", nb.judge_or_weights,
    hints=(
        "The unit says 1 where w1 x1 + w2 x2 + b > 0. OR is 0 on (0,0) only: the line must cut that corner off from "
        "the other three.",
        "Write one inequality per corner: (0,0): b <= 0; (0,1): w2 + b > 0; (1,0): w1 + b > 0; (1,1): w1 + w2 + b > "
        "0. A corner exactly on the line gives exactly 0.5, which counts as 0 (the lab's one rule).",
        "Shape: or_weights = (w1, w2, b), three numbers that satisfy all four inequalities. Equal positive weights "
        "and a small negative b make it easy: how small must b be?"),
    answer='''or_weights = (1.0, 1.0, -0.5)   # everything but (0,0) is above 0
''',
    mistakes=(
        Mistake("or_is_and", "gave weights that compute AND, not OR",
                "These weights compute AND: only (1,1) is on. Raise b so that w1 + b and w2 + b are above 0 too "
                "(while b stays below 0).", lambda: ((1.0, 1.0, -1.5),)),
        Mistake("or_is_nor", "gave weights that compute NOR, not OR",
                "These weights compute NOR, the opposite of OR: flip the signs of w1, w2 and b.",
                lambda: ((-1.0, -1.0, 0.5),)),
        Mistake("or_on_the_line", "put a corner OR needs as 1 exactly on its line",
                "A corner where OR is 1 lies exactly on the line (z = 0): its output is exactly 0.5, which counts "
                "as 0. OR needs (0,1), (1,0) and (1,1) above 0: move the line, e.g. raise b a little.",
                lambda: ((1.0, 1.0, -1.0),)),
    ),
    needs={"or_weights": "the answer cell of Exercise 1 (or_weights = ...)"},
)


VIOLATED = Exercise(
    "violated", "## 3. The proof", nb.judge_violated,
    hints=(
        "Each inequality says on which side of the line one corner must be. Compute each left-hand side and compare "
        "it with 0.",
        "The left-hand sides are b, w2 + b, w1 + b and w1 + w2 + b; (1) and (4) must be <= 0 (a corner on the line "
        "says 0), (2) and (3) > 0 (exactly 0 breaks them).",
        "Shape: start an empty list; four if-statements, one per inequality, each appending its number (1 to 4) "
        "when the inequality does NOT hold; return the list."),
    answer='''def violated(w1, w2, b):
    """The numbers (1..4) of the XOR inequalities that the line w1 x1 + w2 x2 + b = 0 breaks."""
    holds = {1: b <= 0, 2: w2 + b > 0, 3: w1 + b > 0, 4: w1 + w2 + b <= 0}
    return [k for k, ok in holds.items() if not ok]
''',
    mistakes=(
        Mistake("v_flipped", "returned the inequalities that hold",
                "You returned the inequalities that HOLD; the question asks for the ones that break.",
                fn(violated_variant, flipped=True)),
        Mistake("v_not_strict", "counted equality as holding in (2) and (3)",
                "Your function counts (2) or (3) as holding when its side is exactly 0. A corner exactly on the line "
                "gives exactly 0.5, which counts as 0: so (2) and (3), which need the output 1, are broken at "
                "equality.", fn(violated_variant, strict=False)),
        Mistake("v_all_strict", "counted equality as broken in (1) and (4)",
                "Your function counts (1) or (4) as broken when its side is exactly 0. A corner exactly on the line "
                "gives exactly 0.5, which counts as 0: so (1) and (4), which need the output 0, still hold at "
                "equality.", fn(violated_variant, strict=True)),
        Mistake("v_zero_based", "numbered the inequalities from 0",
                "Your numbers are off by one: the inequalities are numbered 1 to 4, not 0 to 3.",
                fn(violated_variant, first=0)),
        Mistake("v_mask", "returned True/False per inequality, not the numbers",
                "You returned True/False for each inequality; return the numbers of the broken ones, e.g. [4].",
                fn(violated_variant, mask=True)),
    ),
    needs={"violated": "the answer cell of Exercise 2 (def violated)"},
)

EXERCISES = [AND_WEIGHTS, OR_WEIGHTS, VIOLATED]
