"""Notebook 04's exercises, one declaration each (read by engine.py; judged in nb04.py)."""
import numpy as np

from helpers.exercises import nb04 as nb
from helpers.exercises.engine import Exercise, Mistake
from helpers.exercises.nb04 import GATE_NET, gate_tables, gates_table


def _gate_names_example(kind):
    def example():
        names = [gates_table()[t] for t in gate_tables(GATE_NET)]
        if kind == "complement":
            names[0] = gates_table()[tuple(1 - v for v in gate_tables(GATE_NET)[0])]
        else:
            names = names[1:] + names[:1]
        return names, GATE_NET
    return example


def _net(W1, b1, W2, b2):
    return lambda: ({"W1": np.array(W1, float), "b1": np.array([b1], float), "W2": np.array(W2, float),
                     "b2": np.array([[b2]], float)},)


_OR_NAND = ([[20, -20], [20, -20]], [-10, 30])



GATE_NAMES = Exercise(
    "gate_names", "## What each hidden unit computes", nb.judge_gate_names,
    hints=(
        "A unit's gate is its truth table: on which of the four inputs is it on (activation above 0.5)?",
        "Read each column of the printed activations from top to bottom, (0,0), (0,1), (1,0), (1,1); write 1 where "
        "it is above 0.5, else 0; look the four bits up in gates.GATE_NAMES (for example (0, 1, 1, 1) is OR).",
        "Shape: gate_names = a list of strings, one per hidden unit in column order, each a name from GATE_NAMES."),
    answer='''# GATE_NET: unit 0 is 1 unless both inputs are 0, unit 1 unless both are 1,
# unit 2 only when both are 1
gate_names = ["OR", "NAND", "AND"]
''',
    mistakes=(
        Mistake("n_complement", "named the opposite gate (AND for NAND...)",
                "At least one name is the opposite gate (AND for NAND, OR for NOR...): read the truth table as "
                "(x1,x2) = (0,0), (0,1), (1,0), (1,1) and check which inputs give 1.",
                _gate_names_example("complement")),
        Mistake("n_order", "named the right gates in the wrong order",
                "The right gates, in the wrong order: name unit 0 first (column 0 of W1), then unit 1, and so on.",
                _gate_names_example("order")),
    ),
    needs={"gate_names": "the answer cell of Exercise 1 (gate_names = ...)"},
)


XOR_BY_HAND = Exercise(
    "xor_by_hand", "## What each hidden unit computes", nb.judge_xor_by_hand,
    hints=(
        "XOR(x1, x2) = AND(OR(x1, x2), NAND(x1, x2)): two hidden gates, then one output gate that ANDs them.",
        "A unit is on where its weighted sum plus bias is > 0. OR: b < 0 and each weight + b > 0. NAND: b > 0, each "
        "weight + b > 0, both weights + b < 0. AND of the hidden units: b2 < 0, each W2[j] + b2 < 0, W2[0] + W2[1] "
        "+ b2 > 0. Large numbers (tens) keep every sigmoid near 0 or 1.",
        "Shape: a dict of float arrays: 'W1' (2, 2) with column 0 OR's two input weights and column 1 NAND's, 'b1' "
        "(1, 2), 'W2' (2, 1), 'b2' (1, 1). Scale the numbers up until every hidden activation is within 0.01 of 0 "
        "or 1."),
    answer='''# XOR = AND(OR, NAND); weights of about 20 keep each sigmoid within 0.0001 of 0 or 1
xor_params = {
    "W1": np.array([[20.0, -20.0],
                    [20.0, -20.0]]),   # column 0: OR, column 1: NAND
    "b1": np.array([[-10.0, 30.0]]),
    "W2": np.array([[20.0], [20.0]]),  # AND of the two hidden units
    "b2": np.array([[-30.0]]),
}
''',
    mistakes=(
        Mistake("x_no_bias", "built XOR without biases",
                "Without biases every unit sits at 0.5 for (0,0), so OR and NAND are out of reach: give b1 (1, 2) "
                "and b2 (1, 1).", lambda: ({"W1": np.ones((2, 2)), "W2": np.ones((2, 1))},)),
        Mistake("x_W1_rows", "wrote each hidden unit's weights as a row of W1",
                "You wrote each hidden unit's weights as a ROW of W1; they are its COLUMNS (z1 = X @ W1, so W1[:, "
                "j] feeds unit j). Transpose W1.", _net(np.array(_OR_NAND[0]).T, [-10, 30], [[20], [20]], -30)),
        Mistake("x_hidden_flipped", "made a hidden unit compute the opposite gate",
                "A hidden unit computes the opposite gate (NOR for OR, or AND for NAND): flip the signs of its "
                "weights and its bias.", _net([[20, 20], [20, 20]], [-10, -30], [[20], [20]], -30)),
        Mistake("x_output_or", "made the output OR the hidden units",
                "The hidden units compute OR and NAND, but the output ORs them (it is 1 for all four inputs): AND "
                "needs b2 more negative, so that only W2[0] + W2[1] + b2 > 0.", _net(*_OR_NAND, [[20], [20]], -10)),
        Mistake("x_small_weights", "used weights too small to reach 0 and 1",
                "The hidden units have the right truth tables (OR and NAND at the 0.5 threshold), and your output "
                "would AND them if they were exactly 0 and 1, but with weights this small they stay near 0.5, where "
                "the output cannot tell the inputs apart. Scale every weight and bias up (about 10 times) so each "
                "hidden activation gets near 0 or 1.", _net([[2, -2], [2, -2]], [-1, 3], [[2], [2]], -3)),
    ),
    needs={"xor_params": "the answer cell of Exercise 2 (xor_params = ...)"},
)

EXERCISES = [GATE_NAMES, XOR_BY_HAND]
