"""What the hidden layer computes (notebook 04): activations, hidden space and a PCA plane.

The output unit only ever sees the hidden activations a1 (N, H): it draws one straight
boundary, W2 . h + b2 = 0, in *hidden* space. For H = 2 that space is a plane we can draw
as it is. For H > 2 we look at it through a 2-D plane: the mean of the four points plus the
two directions of greatest variance (PCA, done here with an SVD). The output's boundary,
a hyperplane in H dimensions, meets that plane in a line, which is what we draw.
"""
from dataclasses import dataclass

import numpy as np

from helpers import data
from helpers.network import check_params, forward, sigmoid
from helpers.train import gradient_descent
from helpers.validate import check_array, check_int


def activations(params: dict, X=None) -> np.ndarray:
    """The hidden activations a1 (N, H) for inputs X (N, 2) (default: the four XOR inputs)."""
    params = check_params(params)
    X = data.X if X is None else check_array("X", X, (None, 2))
    return forward(params, X)[1]["a1"]


def pca(A, k: int = 2) -> tuple:
    """Principal components of the rows of A (N, H), in NumPy.

    Returns (mean (H,), axes (k, H), explained (k,)): the rows of `axes` are the unit
    directions of greatest variance, `explained` the fraction of the total variance along
    each (0 when the points do not spread at all). Each axis's largest entry is made
    positive, so the same points always give the same picture.
    """
    A = check_array("A", A, (None, None))
    k = check_int("k", k, 1, A.shape[1])
    mean = A.mean(axis=0)
    _, s, Vt = np.linalg.svd(A - mean, full_matrices=True)
    variance = np.zeros(A.shape[1])
    variance[: len(s)] = s**2
    total = variance.sum()
    explained = variance[:k] / total if total > 0 else np.zeros(k)
    axes = Vt[:k].copy()
    flip = np.sign(axes[np.arange(k), np.argmax(np.abs(axes), axis=1)])
    return mean, axes * flip[:, None], explained


@dataclass
class Projection:
    """A plane in hidden space: h = mean + q @ axes, with q = (q1, q2) its coordinates.

    mean: (H,); axes: (2, H) orthonormal rows; explained: (2,) the variance fraction of
    each axis for a PCA plane, None when the plane is the hidden space itself (H <= 2).
    """

    mean: np.ndarray
    axes: np.ndarray
    explained: object
    labels: tuple

    def __call__(self, A: np.ndarray) -> np.ndarray:
        """Coordinates in the plane (N, 2) of hidden points A (N, H)."""
        return (np.asarray(A) - self.mean) @ self.axes.T


def projection(params: dict) -> Projection:
    """The plane to look at hidden space through: itself for H = 1, 2; the PCA plane for H > 2.

    H = 1 draws h1 along the horizontal axis (the vertical axis is empty).
    """
    A = activations(params)
    H = A.shape[1]
    if H == 1:
        return Projection(np.zeros(1), np.array([[1.0], [0.0]]), None, ("$h_1$", ""))
    if H == 2:
        return Projection(np.zeros(2), np.eye(2), None, ("$h_1$", "$h_2$"))
    mean, axes, explained = pca(A, 2)
    return Projection(mean, axes, explained,
                      tuple(f"PC{i + 1} ({100 * e:.1f}% of variance)" for i, e in enumerate(explained)))


def boundary_in_plane(params: dict, proj: Projection) -> tuple:
    """The output's pre-activation restricted to the plane: z2(q) = c + w . q. Returns (w (2,), c).

    Its zero set is the line where the output's boundary hyperplane cuts the plane.
    """
    params = check_params(params)
    W2 = params["W2"].ravel()
    b2 = float(params["b2"].item()) if "b2" in params else 0.0
    return proj.axes @ W2, float(proj.mean @ W2) + b2


def sides_agree(params: dict, proj: Projection) -> np.ndarray:
    """For each input (4,): is its projected point on the same side of the in-plane line as
    the point itself is of the real boundary? Always all True for H <= 2."""
    params = check_params(params)
    y_hat, cache = forward(params, data.X)
    w, c = boundary_in_plane(params, proj)
    in_plane = c + proj(cache["a1"]) @ w
    return (in_plane > 0) == (cache["z2"].ravel() > 0)


def output_in_plane(w, c: float, box: tuple, n: int = 41) -> np.ndarray:
    """sigmoid(c + w . q) over the box, as an (n, n) image (rows along q2), for shading."""
    q1 = np.linspace(box[0], box[1], n)
    q2 = np.linspace(box[2], box[3], n)
    return sigmoid(c + w[0] * q1[None, :] + w[1] * q2[:, None])


def unit_grids(params: dict, n: int = data.GRID_N) -> np.ndarray:
    """Each hidden unit's activation over the input plane [-0.5, 1.5]^2: (H, n, n), rows along x2."""
    params = check_params(params)
    n = check_int("n", n, 2, 1000)
    G, _, _ = data.grid(n)
    a1 = forward(params, G)[1]["a1"]  # (n*n, H)
    return a1.T.reshape(-1, n, n)


def parallelogram_gap(params: dict) -> np.ndarray:
    """h(0,0) + h(1,1) - h(0,1) - h(1,0) for each hidden unit: (H,), from the four XOR inputs.

    An affine map (nearly what the hidden layer is while its input weights are small: each unit's input
    changes little across the corners, so its sigmoid is nearly straight there) sends the four corners
    to a parallelogram, where this is 0 for every unit;
    then the output sees an affine function of x, as notebook 02's single unit does, and its best answer
    is 0.5 everywhere. XOR needs it away from 0 (notebook 04).
    """
    a1 = activations(params)                 # rows: (0,0), (0,1), (1,0), (1,1)
    return a1[0] + a1[3] - a1[1] - a1[2]


def steps_below(params: dict, level: float = 0.2, lr: float = 0.5, max_steps: int = 20_000,
                chunk: int = 500) -> int:
    """Steps of gradient descent on XOR from params until the MSE is first below `level`; -1 if not
    within max_steps. Trains `chunk` steps at a time and stops at the first chunk that gets there."""
    params = check_params(params)
    max_steps = check_int("max_steps", max_steps, 1, 1_000_000)
    done = 0
    while done < max_steps:
        n = min(chunk, max_steps - done)
        losses, params, _ = gradient_descent(params, data.X, data.y, lr, n)
        below = np.flatnonzero(losses < level)
        if len(below):
            return done + int(below[0])
        done += n
    return -1
