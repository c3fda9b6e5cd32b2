"""Solutions to the exercises of notebook 04 (instructors: delete the solutions/ folder before handing out).

The same text as helpers/exercises/answers.py (a test keeps them equal).
"""
import numpy as np

# GATE_NET: unit 0 is 1 unless both inputs are 0, unit 1 unless both are 1,
# unit 2 only when both are 1
gate_names = ["OR", "NAND", "AND"]

# XOR = AND(OR, NAND); weights of about 20 keep each sigmoid within 0.0001 of 0 or 1
xor_params = {
    "W1": np.array([[20.0, -20.0],
                    [20.0, -20.0]]),   # column 0: OR, column 1: NAND
    "b1": np.array([[-10.0, 30.0]]),
    "W2": np.array([[20.0], [20.0]]),  # AND of the two hidden units
    "b2": np.array([[-30.0]]),
}
