"""The variants of notebook 05: the plain setting is bitwise helpers.train; every variant's gradients
agree with central differences; cross-entropy's output delta is y_hat - y; momentum is v <- mu v - lr g."""
import itertools

import numpy as np
import pytest

from helpers import data, network, train, variants

SETTINGS = list(itertools.product(variants.ACTIVATIONS, variants.LOSSES))


@pytest.mark.parametrize("hidden, seed, bias", [(4, 0, True), (2, 3, False), (8, 5, True), (1, 7, False)])
def test_sigmoid_squared_plain_is_bitwise_train(hidden, seed, bias):
    plain = train.train(hidden=hidden, lr=0.5, steps=2000, seed=seed, bias=bias)
    ours = variants.train(hidden=hidden, lr=0.5, steps=2000, seed=seed, bias=bias, activation="sigmoid",
                          loss="squared", scale=0.5, momentum=0.0)
    assert np.array_equal(ours.losses, plain.losses)
    assert set(ours.params) == set(plain.params)
    assert all(np.array_equal(ours.params[k], plain.params[k]) for k in plain.params)
    assert np.array_equal(ours.y_hat, plain.y_hat)


def test_the_reference_run_is_reproduced():
    ref = train.train(**train.REFERENCE)
    start = network.init_reference(4, bias=False)
    zero = {k: np.zeros_like(v) for k, v in start.items()}
    losses, params, _ = variants.descend(start, zero, data.X, data.y, 0.5, train.REFERENCE["steps"])
    assert np.array_equal(losses, ref.losses) and np.array_equal(params["W1"], ref.params["W1"])


def random_params(hidden: int, bias: bool, seed: int) -> dict:
    """Weights (and biases) away from 0, so no ReLU input sits on its kink at 0."""
    rng = np.random.default_rng(seed)
    params = {"W1": rng.normal(0, 1, (2, hidden)), "W2": rng.normal(0, 1, (hidden, 1))}
    if bias:
        params["b1"], params["b2"] = rng.normal(0, 1, (1, hidden)), rng.normal(0, 1, (1, 1))
    return params


@pytest.mark.parametrize("activation, loss", SETTINGS)
@pytest.mark.parametrize("bias", [False, True], ids=["no-bias", "bias"])
def test_gradients_agree_with_central_differences(activation, loss, bias):
    for hidden in range(1, 9):
        params = random_params(hidden, bias, seed=10 * hidden + bias)
        z1 = data.X @ params["W1"] + params.get("b1", 0.0)
        # without biases z1 = 0 at (0, 0) whatever W1: differences never cross relu's kink there
        assert np.all((np.abs(z1) > 1e-3) | (z1 == 0))
        errors = variants.grad_check(params, data.X, data.y, activation, loss)
        assert set(errors) == {"d" + k for k in params}
        assert max(errors.values()) < 1e-7, (hidden, errors)


def test_the_gradient_check_catches_a_wrong_delta():
    """The check can fail: squared error's delta used for cross-entropy's loss is far off."""
    params = random_params(3, True, seed=1)
    _, cache = variants.forward(params, data.X)
    wrong = variants.backward(params, cache, data.y, loss="squared")
    right = variants.backward(params, cache, data.y, loss="cross_entropy")
    assert variants.grad_check(params, data.X, data.y, loss_name="cross_entropy")["dW2"] < 1e-7
    assert np.linalg.norm(wrong["dW2"] - right["dW2"]) > 0.1 * np.linalg.norm(right["dW2"])


def test_cross_entropy_output_delta_is_y_hat_minus_y():
    params = random_params(3, True, seed=4)
    y_hat, cache = variants.forward(params, data.X, "tanh")
    grads = variants.backward(params, cache, data.y, "tanh", "cross_entropy")
    assert np.allclose(grads["db2"], np.sum(y_hat - data.y), rtol=1e-14)
    assert np.allclose(grads["dW2"], cache["a1"].T @ (y_hat - data.y), rtol=1e-14)
    # the loss is the textbook formula where that is finite
    textbook = -np.sum(data.y * np.log(y_hat) + (1 - data.y) * np.log(1 - y_hat))
    assert variants.loss(cache, data.y, "cross_entropy") == pytest.approx(textbook, rel=1e-12)


def test_cross_entropy_is_finite_when_an_output_saturates():
    params = {"W1": np.full((2, 1), 1.0), "W2": np.array([[900.0]])}  # z2 = 900 * a1: y_hat rounds to 1
    y_hat, cache = variants.forward(params, data.X, "sigmoid")
    assert y_hat[3, 0] == 1.0
    value = variants.loss(cache, data.y, "cross_entropy")
    assert np.isfinite(value) and value > 600  # (1, 1) is confidently wrong: a huge loss, not inf


def test_activations_and_their_derivatives():
    z = np.linspace(-3, 3, 7).reshape(1, 7)
    assert np.array_equal(variants.activate(z, "sigmoid"), network.sigmoid(z))
    assert np.allclose(variants.activate(z, "tanh"), (np.exp(z) - np.exp(-z)) / (np.exp(z) + np.exp(-z)))
    assert np.array_equal(variants.activate(z, "relu"), np.where(z > 0, z, 0.0))


def test_momentum_is_v_mu_v_minus_lr_g_then_w_plus_v():
    start = network.init_params(3, seed=2, bias=True)
    lr, mu = 0.4, 0.9
    run = variants.train(hidden=3, seed=2, lr=lr, steps=2, momentum=mu, activation="tanh", loss="cross_entropy")
    params, v = {k: x.copy() for k, x in start.items()}, {k: np.zeros_like(x) for k, x in start.items()}
    for _ in range(2):
        _, cache = variants.forward(params, data.X, "tanh")
        grads = variants.backward(params, cache, data.y, "tanh", "cross_entropy")
        for k in params:
            v[k] = mu * v[k] - lr * grads["d" + k]
            params[k] = params[k] + v[k]
    for k in params:
        np.testing.assert_allclose(run.params[k], params[k], rtol=1e-14)
        np.testing.assert_allclose(run.velocity[k], v[k], rtol=1e-14)
    assert "momentum 0.9" in run.label() and "tanh + cross_entropy" in run.label()


def test_scale_sets_the_initial_spread():
    small = variants.train(hidden=8, seed=0, steps=0, scale=0.01)
    big = variants.train(hidden=8, seed=0, steps=0, scale=8.0)
    assert np.allclose(big.params["W1"], 800 * small.params["W1"], rtol=1e-12)


def test_cross_entropy_leaves_the_plateau_sooner_on_the_reference_start():
    """The point of notebook 05, on one net: same start, same lr, the delta without sigma'(z2) moves faster."""
    squared = variants.train(hidden=4, seed=42, bias=False, steps=3000)
    entropy = variants.train(hidden=4, seed=42, bias=False, steps=3000, loss="cross_entropy")
    assert entropy.final_loss < squared.final_loss


BAD = [
    (dict(activation="softmax"), ValueError, ["activation", "'sigmoid', 'tanh', 'relu'", "softmax"]),
    (dict(activation=None), ValueError, ["activation", "'relu'"]),
    (dict(loss="mse"), ValueError, ["loss", "'squared', 'cross_entropy'", "mse"]),
    (dict(momentum=1.0), ValueError, ["momentum", "[0, 1)"]),
    (dict(momentum=-0.1), ValueError, ["momentum", "[0, 1]"]),
    (dict(momentum="0.9"), TypeError, ["momentum", "number"]),
    (dict(scale=-1), ValueError, ["scale", "[0, 100]"]),
    (dict(hidden=0), ValueError, ["hidden", "1..64"]),
    (dict(lr=0), ValueError, ["lr", "(0, 100]"]),
]


@pytest.mark.parametrize("kwargs, error, words", BAD, ids=[str(i) for i in range(len(BAD))])
def test_bad_arguments_are_named(kwargs, error, words):
    with pytest.raises(error) as info:
        variants.train(steps=1, **kwargs)
    for word in words:
        assert word in str(info.value), (word, str(info.value))


def test_grad_check_names_a_bad_choice():
    with pytest.raises(ValueError, match="loss must be one of"):
        variants.grad_check(random_params(2, False, 0), data.X, data.y, "tanh", "hinge")
