"""Solutions to the exercises of notebook 02 (instructors: delete the solutions/ folder before handing out).

The same text as helpers/exercises/answers.py (a test keeps them equal).
"""


and_weights = (1.0, 1.0, -1.5)  # only 1 + 1 - 1.5 is above 0

or_weights = (1.0, 1.0, -0.5)   # everything but (0,0) is above 0


def violated(w1, w2, b):
    """The numbers (1..4) of the XOR inequalities that the line w1 x1 + w2 x2 + b = 0 breaks."""
    holds = {1: b < 0, 2: w2 + b > 0, 3: w1 + b > 0, 4: w1 + w2 + b < 0}
    return [k for k, ok in holds.items() if not ok]
