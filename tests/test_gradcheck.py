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


def saturated_net():
    """A net saturated by construction, like the notebook's lr-50 net: 4 hidden units with biases and every output
    weight 13, so every output is 1 to within 1e-11 and every right gradient is below 2e-11, under the rounding
    floor. (The lr-50 net itself comes from a chaotic run whose last digits differ between NumPy builds.)"""
    params = network.init_params(4, seed=0, bias=True)
    return {**params, "W2": np.full_like(params["W2"], 13.0)}


def test_right_gradients_below_the_rounding_floor_are_not_called_a_bug():
    params = saturated_net()
    errors = gradcheck.grad_check(params, data.X, data.y)
    assert max(errors.values()) > 0.5  # the relative errors of right gradients reach ~1 here ...
    verdicts = gradcheck.verdicts(params, data.X, data.y)
    assert {word for _, word in verdicts.values()} == {"too small to tell"}  # ... and are not called a bug
    floor = gradcheck.rounding_floor(params, data.X, data.y)
    assert 1e-12 < floor < 1e-10  # 1e-16 * L / eps with L = 1 (all four outputs at 1)


def test_verdicts_say_right_and_bug_where_the_gradients_are_well_above_the_floor():
    params = network.init_params(3, seed=2, bias=True)
    assert {word for _, word in gradcheck.verdicts(params, data.X, data.y).values()} == {"right"}

    def doubled(p, cache, y):
        return {k: 2 * v for k, v in network.backward(p, cache, y).items()}
    verdicts = gradcheck.verdicts(params, data.X, data.y, backward_pass=doubled)
    assert {word for _, word in verdicts.values()} == {"bug"}
    assert all(abs(err - 1 / 3) < 1e-6 for err, _ in verdicts.values())


def test_a_wrong_backward_pass_with_large_gradients_is_still_a_bug_on_the_saturated_net():
    params = saturated_net()

    def no_sigma_prime(p, cache, y):  # forgets sigma'(z2): gradients ~1, far above the floor
        d_out = cache["y_hat"] - y
        return {"dW1": cache["X"].T @ ((d_out @ p["W2"].T) * cache["a1"] * (1 - cache["a1"])),
                "dW2": cache["a1"].T @ d_out, "db1": ((d_out @ p["W2"].T) * cache["a1"] * (1 - cache["a1"])).sum(0),
                "db2": d_out.sum(axis=0, keepdims=True)}
    verdicts = gradcheck.verdicts(params, data.X, data.y, backward_pass=no_sigma_prime)
    assert verdicts["dW2"][1] == "bug" and verdicts["db2"][1] == "bug"
