"""The XOR data set and a grid over the input plane (introduced in notebook 01)."""
import numpy as np

from helpers.validate import check_float, check_int

# the four corners of the unit square, in the reference program's order
X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])

# targets: XOR is 1 when exactly one input is 1; AND and OR for comparison (notebook 02)
y = np.array([[0.0], [1.0], [1.0], [0.0]])
TARGETS = {
    "XOR": y,
    "AND": np.array([[0.0], [0.0], [0.0], [1.0]]),
    "OR": np.array([[0.0], [1.0], [1.0], [1.0]]),
}

# The one rule for reading an output as a class, used by the text, the tasks, the hints and the checks:
# an output above THRESHOLD says 1; an output of exactly THRESHOLD (z = 0: a point on the line) says 0,
# as a unit that "says 1 when z > 0" does.
THRESHOLD = 0.5


def predicted_class(y_hat) -> np.ndarray:
    """The class each output stands for: 1 where y_hat > THRESHOLD, else 0 (exactly 0.5 is class 0).

    y_hat: any shape of outputs in [0, 1]; returns an int array of the same shape.
    """
    return (np.asarray(y_hat) > THRESHOLD).astype(int)


GRID_N = 81  # grid points per side for pictures of the plane: smooth enough to look at, cheap to compute


def grid(n: int = 101, lo: float = -0.5, hi: float = 1.5) -> tuple:
    """A square grid over the input plane, for drawing what a net does between the points.

    Returns (G, x1, x2): G is (n*n, 2), the grid points one per row; x1 and x2 are the
    1-D coordinates (n,), so a (n*n,) result reshapes to (n, n) with rows along x2.
    """
    n = check_int("n", n, 2, 1000)
    lo = check_float("lo", lo, -1e3, 1e3)
    hi = check_float("hi", hi, -1e3, 1e3)
    if not lo < hi:
        raise ValueError(f"lo must be less than hi, got lo={lo}, hi={hi}")
    x1 = np.linspace(lo, hi, n)
    x2 = np.linspace(lo, hi, n)
    g1, g2 = np.meshgrid(x1, x2)
    return np.column_stack([g1.ravel(), g2.ravel()]), x1, x2
