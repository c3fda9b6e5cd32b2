"""The network's forward and backward passes, against an independent straightforward version."""
import warnings

import numpy as np
import pytest

from helpers import data, network, train


def reference_step(W1, W2, X, y):
    """The reference program's own lines (no biases), written independently of helpers."""
    h = 1 / (1 + np.exp(-(X @ W1)))
    yhat = 1 / (1 + np.exp(-(h @ W2)))
    d_out = -(y - yhat) * yhat * (1 - yhat)
    d_hid = d_out @ W2.T * h * (1 - h)
    return yhat, X.T @ d_hid, h.T @ d_out


def test_shapes():
    for hidden in (1, 4, 8):
        params = network.init_params(hidden, seed=0, bias=True)
        y_hat, cache = network.forward(params, data.X)
        assert y_hat.shape == (4, 1)
        assert cache["a1"].shape == (4, hidden)
        grads = network.backward(params, cache, data.y)
        assert {name: g.shape for name, g in grads.items()} == {
            "dW1": (2, hidden), "dW2": (hidden, 1), "db1": (1, hidden), "db2": (1, 1)}


def test_no_bias_means_no_bias_gradients():
    params = network.init_params(3, seed=0, bias=False)
    assert set(params) == {"W1", "W2"}
    grads = network.backward(params, network.forward(params, data.X)[1], data.y)
    assert set(grads) == {"dW1", "dW2"}


def test_forward_and_backward_match_the_reference_programs_lines():
    params = network.init_params(4, seed=7, bias=False)
    y_hat, cache = network.forward(params, data.X)
    grads = network.backward(params, cache, data.y)
    ref_y_hat, ref_dW1, ref_dW2 = reference_step(params["W1"], params["W2"], data.X, data.y)
    np.testing.assert_allclose(y_hat, ref_y_hat, rtol=1e-13)
    np.testing.assert_allclose(grads["dW1"], ref_dW1, rtol=1e-11, atol=1e-15)
    np.testing.assert_allclose(grads["dW2"], ref_dW2, rtol=1e-11, atol=1e-15)


def test_reference_init_reproduces_the_legacy_global_stream():
    saved = np.random.get_state()
    try:
        np.random.seed(42)
        W1 = np.random.randn(2, 4) * 0.5
        W2 = np.random.randn(4, 1) * 0.5
    finally:
        np.random.set_state(saved)
    params = network.init_reference()
    assert np.array_equal(params["W1"], W1) and np.array_equal(params["W2"], W2)
    assert set(params) == {"W1", "W2"}


def test_reference_init_leaves_global_state_alone():
    before = np.random.get_state()[1].copy()
    network.init_reference()
    assert np.array_equal(np.random.get_state()[1], before)


def test_init_params_is_seeded():
    a, b, c = (network.init_params(4, seed=s) for s in (3, 3, 4))
    assert all(np.array_equal(a[k], b[k]) for k in a)
    assert not np.array_equal(a["W1"], c["W1"])


def test_sigmoid_matches_the_textbook_formula():
    z = np.linspace(-30, 30, 601)
    np.testing.assert_allclose(network.sigmoid(z), 1 / (1 + np.exp(-z)), rtol=1e-12, atol=1e-15)


def test_sigmoid_is_stable_for_any_input():
    z = np.array([-1e308, -1e6, -800.0, -40.0, 0.0, 40.0, 800.0, 1e6, 1e308])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        s = network.sigmoid(z)
    assert np.all(np.isfinite(s)) and np.all((s >= 0) & (s <= 1))
    assert s[0] == 0.0 and s[-1] == 1.0 and s[4] == 0.5


def test_loss_is_half_sum_and_mse_is_mean():
    y_hat = np.array([[0.1], [0.8], [0.6], [0.3]])
    e = y_hat - data.y
    assert network.loss(data.y, y_hat) == pytest.approx(0.5 * np.sum(e**2))
    assert network.mse(data.y, y_hat) == pytest.approx(np.mean(e**2))
    assert network.loss(data.y, y_hat) == pytest.approx(2 * network.mse(data.y, y_hat))  # N = 4


def test_the_reference_program_ends_at_our_weights_and_only_the_sigmoid_differs():
    # notebook 01's summary: final weights equal to within 1e-9; with network.sigmoid in the program, exactly
    def program(sigmoid):
        X, y = data.X, data.y
        W1, W2 = (network.init_reference()[k].copy() for k in ("W1", "W2"))
        for _ in range(10_001):
            h = sigmoid(X @ W1)
            out = sigmoid(h @ W2)
            d_out = -(y - out) * out * (1 - out)
            d_W2 = h.T @ d_out
            d_h = d_out @ W2.T * h * (1 - h)
            W2 -= 0.5 * d_W2
            W1 -= 0.5 * (X.T @ d_h)
        return W1, W2

    ours = train.train(**train.REFERENCE).params
    W1, W2 = program(lambda x: 1 / (1 + np.exp(-x)))
    assert max(np.abs(W1 - ours["W1"]).max(), np.abs(W2 - ours["W2"]).max()) < 1e-9
    W1, W2 = program(network.sigmoid)
    assert np.array_equal(W1, ours["W1"]) and np.array_equal(W2, ours["W2"])
