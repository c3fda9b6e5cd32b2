"""The gradient check: our backward pass against central differences of L."""
import numpy as np
import pytest

from helpers import data, gradcheck, network


@pytest.mark.parametrize("bias", [False, True])
@pytest.mark.parametrize("hidden", range(1, 9))
def test_backward_agrees_with_central_differences(hidden, bias):
    params = network.init_params(hidden, seed=hidden + 10 * bias, bias=bias, scale=1.5)
    errors = gradcheck.grad_check(params, data.X, data.y)
    assert set(errors) == {"d" + name for name in params}
    assert max(errors.values()) < 1e-7, errors


def test_a_backward_pass_without_sigma_prime_is_caught():
    def forgot_sigma_prime(params, cache, y):
        d_out = cache["y_hat"] - y  # missing * y_hat * (1 - y_hat)
        d_hid = (d_out @ params["W2"].T) * cache["a1"] * (1 - cache["a1"])
        return {"dW1": cache["X"].T @ d_hid, "dW2": cache["a1"].T @ d_out}

    errors = gradcheck.grad_check(network.init_params(4, seed=0, bias=False), data.X, data.y,
                                  backward_pass=forgot_sigma_prime)
    assert min(errors.values()) > 1e-2


def test_the_printed_mse_has_half_the_gradient_of_L():
    # the 2x trap: with N = 4, dL/dW = 2 dMSE/dW, so checking against MSE would fail
    params = network.init_reference()
    grads = network.backward(params, network.forward(params, data.X)[1], data.y)
    numeric = gradcheck.numerical_gradients(params, data.X, data.y)
    np.testing.assert_allclose(grads["dW2"], numeric["dW2"], rtol=1e-6)
    eps = 1e-6
    up, down = dict(params), dict(params)
    up["W2"] = params["W2"] + np.array([[eps], [0], [0], [0]])
    down["W2"] = params["W2"] - np.array([[eps], [0], [0], [0]])
    mse_slope = (network.mse(data.y, network.predict(up, data.X)) - network.mse(data.y, network.predict(down, data.X)))
    assert grads["dW2"][0, 0] / (mse_slope / (2 * eps)) == pytest.approx(2.0, rel=1e-6)


def test_relative_error_of_equal_and_of_zero_arrays():
    a = np.array([1.0, -2.0])
    assert gradcheck.relative_error(a, a) == 0.0
    assert gradcheck.relative_error(np.zeros(2), np.zeros(2)) == 0.0
    assert gradcheck.relative_error(a, -a) == 1.0
