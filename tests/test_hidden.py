"""Hidden activations, hidden space, the PCA plane and the per-unit maps, against independent sums."""
import numpy as np
import pytest

from helpers import data, network, train
from helpers.analysis import hidden_layer, single_layer


def by_hand(params):
    """a1 and z2 with the textbook sigmoid 1 / (1 + exp(-z)), independent of helpers.network."""
    a1 = 1 / (1 + np.exp(-(data.X @ params["W1"] + params["b1"])))
    return a1, a1 @ params["W2"] + params["b2"]


@pytest.fixture(scope="module")
def solved():
    """An H = 2 net with biases that solves XOR (the first such seed)."""
    for seed in range(20):
        run = train.train(hidden=2, seed=seed)
        if run.correct == 4:
            return run
    raise AssertionError("no seed in 0..19 solved XOR with H = 2")


def test_activations_match_the_textbook_formula(solved):
    a1, _ = by_hand(solved.params)
    assert hidden_layer.activations(solved.params).shape == (4, 2)
    np.testing.assert_allclose(hidden_layer.activations(solved.params), a1, rtol=1e-12)


def test_in_hidden_space_one_line_separates_xor(solved):
    """The point of notebook 04: after the hidden layer, the output's line splits the targets."""
    proj = hidden_layer.projection(solved.params)
    Q = proj(hidden_layer.activations(solved.params))
    w, c = hidden_layer.boundary_in_plane(solved.params, proj)
    assert proj.explained is None
    np.testing.assert_allclose(c + Q @ w, by_hand(solved.params)[1].ravel(), rtol=1e-10)
    assert np.array_equal(c + Q @ w > 0, data.y.ravel() > 0.5)
    assert hidden_layer.sides_agree(solved.params, proj).all()


def test_pca_against_the_covariance_eigenvalues():
    rng = np.random.default_rng(3)
    A = rng.normal(size=(4, 5)) * [3.0, 1.0, 0.5, 0.1, 0.01]
    mean, axes, explained = hidden_layer.pca(A, k=2)
    eigenvalues = np.sort(np.linalg.eigvalsh(np.cov(A.T)))[::-1]
    np.testing.assert_allclose(explained, eigenvalues[:2] / eigenvalues.sum(), rtol=1e-10)
    np.testing.assert_allclose(axes @ axes.T, np.eye(2), atol=1e-12)
    np.testing.assert_allclose(mean, A.mean(axis=0))
    # the variance along each axis is what `explained` says
    spread = ((A - mean) @ axes.T).var(axis=0) / (A - mean).var(axis=0).sum()
    np.testing.assert_allclose(spread, explained, rtol=1e-10)
    assert all(row[np.argmax(np.abs(row))] > 0 for row in axes)  # sign convention


def test_pca_of_points_on_a_line_and_of_one_point():
    A = np.outer([0.0, 1.0, 2.0, 3.0], [1.0, 2.0, 2.0])
    _, axes, explained = hidden_layer.pca(A)
    np.testing.assert_allclose(explained, [1.0, 0.0], atol=1e-12)
    np.testing.assert_allclose(axes[0], [1 / 3, 2 / 3, 2 / 3], atol=1e-12)
    assert np.all(hidden_layer.pca(np.ones((4, 3)))[2] == 0)


def test_pca_plane_for_more_units_and_where_it_is_exact():
    run = train.train(hidden=4, seed=0)
    proj = hidden_layer.projection(run.params)
    A = hidden_layer.activations(run.params)
    assert proj.explained.shape == (2,) and 0 < proj.explained.sum() <= 1
    assert "PC1" in proj.labels[0] and "% of variance" in proj.labels[0]
    # a point in the plane: the in-plane boundary is the true pre-activation there
    q = np.array([[0.3, -0.2]])
    h = proj.mean + q @ proj.axes
    w, c = hidden_layer.boundary_in_plane(run.params, proj)
    z2 = h @ run.params["W2"] + run.params["b2"]
    np.testing.assert_allclose(c + q @ w, z2.ravel(), rtol=1e-12)
    # what the plane drops: the residual variance is 1 - explained
    residual = A - proj.mean - proj(A) @ proj.axes
    total = ((A - proj.mean) ** 2).sum()
    np.testing.assert_allclose((residual**2).sum() / total, 1 - proj.explained.sum(), atol=1e-10)


def test_one_unit_is_drawn_along_one_axis():
    run = train.train(hidden=1, seed=1)
    proj = hidden_layer.projection(run.params)
    Q = proj(hidden_layer.activations(run.params))
    assert np.all(Q[:, 1] == 0)
    np.testing.assert_allclose(Q[:, 0], hidden_layer.activations(run.params)[:, 0])


@pytest.mark.parametrize("w, c, xs, ys", [
    ((1.0, 0.0), -0.5, [0.5, 0.5], [0.0, 1.0]),      # vertical x = 0.5
    ((0.0, 2.0), -1.0, [0.0, 1.0], [0.5, 0.5]),      # horizontal y = 0.5
    ((1.0, -1.0), 0.0, [0.0, 1.0], [0.0, 1.0]),      # the diagonal, through two corners
])
def test_line_in_box(w, c, xs, ys):
    got_x, got_y = single_layer.line_in_box(w, c, (0.0, 1.0, 0.0, 1.0))
    order = np.argsort(got_x + 1e-9 * got_y)
    np.testing.assert_allclose(got_x[order], xs, atol=1e-12)
    np.testing.assert_allclose(got_y[order], ys, atol=1e-12)


def test_a_line_that_misses_the_box_draws_nothing():
    assert np.isnan(single_layer.line_in_box((1.0, 1.0), 5.0, (0.0, 1.0, 0.0, 1.0))[0]).all()
    assert np.isnan(single_layer.line_in_box((0.0, 0.0), 1.0, (0.0, 1.0, 0.0, 1.0))[1]).all()


def test_unit_grids_are_each_units_activation_over_the_plane(solved):
    n = 21
    grids = hidden_layer.unit_grids(solved.params, n)
    assert grids.shape == (2, n, n)
    G, x1, x2 = data.grid(n)
    i, j = 7, 15  # row i is x2[i], column j is x1[j]
    a1 = network.forward(solved.params, np.array([[x1[j], x2[i]]]))[1]["a1"]
    np.testing.assert_allclose(grids[:, i, j], a1.ravel(), rtol=1e-12)


@pytest.mark.parametrize("call, error, name", [
    (lambda: hidden_layer.activations({"W1": np.zeros((2, 2))}), TypeError, "params"),
    (lambda: hidden_layer.activations(network.init_params(2), X=np.zeros((4, 3))), ValueError, "X"),
    (lambda: hidden_layer.pca(np.zeros((4, 3)), k=4), ValueError, "k"),
    (lambda: hidden_layer.pca("abc"), TypeError, "A"),
    (lambda: hidden_layer.unit_grids(network.init_params(2), n=1), ValueError, "n"),
])
def test_bad_arguments_are_rejected(call, error, name):
    with pytest.raises(error, match=name):
        call()


def test_the_parallelogram_gap_is_the_corners_sum_and_near_zero_for_small_input_weights():
    params = network.init_params(3, seed=1, bias=True)
    a1 = by_hand(params)[0]
    np.testing.assert_allclose(hidden_layer.parallelogram_gap(params), a1[0] + a1[3] - a1[1] - a1[2], atol=1e-12)
    tiny = dict(params, W1=params["W1"] * 1e-3, b1=params["b1"] * 0)
    assert np.abs(hidden_layer.parallelogram_gap(tiny)).max() < 1e-7


def test_the_loss_stays_at_a_quarter_while_the_hidden_points_lie_on_a_parallelogram():
    run = train.train(hidden=2, seed=0, snapshot_steps=range(0, 10_001, 50))
    gaps = {s: np.abs(hidden_layer.parallelogram_gap(p)).max() for s, p in run.snapshots.items()}
    assert all(run.losses[s] > 0.249 for s, g in gaps.items() if g < 0.005)
    assert gaps[10_000] > 0.5 and run.losses[10_000] < 0.01


def test_the_plateau_grows_as_the_input_weights_shrink_and_barely_moves_with_the_output_weights():
    start = network.init_reference()
    steps = {(f1, f2): hidden_layer.steps_below({"W1": f1 * start["W1"], "W2": f2 * start["W2"]}, level=0.2)
             for f1, f2 in ((0.25, 1), (1, 1), (4, 1), (1, 0.25), (1, 4))}
    assert steps[(0.25, 1)] > 5 * steps[(1, 1)]
    assert steps[(1, 1)] > 2 * steps[(4, 1)]
    for f2 in (0.25, 4):
        assert abs(steps[(1, f2)] - steps[(1, 1)]) < 0.25 * steps[(1, 1)]
    W1 = start["W1"] / np.linalg.norm(start["W1"], axis=0)
    assert (W1.T @ W1)[np.triu_indices(4, 1)].min() < -0.9   # the units do not start alike
