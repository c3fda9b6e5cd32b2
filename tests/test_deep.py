"""Notebook 07's deep net (helpers/deep.py): gradients against central differences and against notebook 01's
net at L = 1; the starts' scales; the batched twin (helpers/deep_batched.py) equal to it net by net."""
import numpy as np
import pytest

from helpers import data, deep, network
from helpers.deep_batched import train_deep
from helpers.gradcheck import relative_error


def off_zero(params, seed=3):
    """The same net with biases moved off 0, so that no relu input sits exactly at its kink."""
    rng = np.random.default_rng(seed)
    return {k: v + (rng.normal(0, 0.3, v.shape) if k.startswith("b") else 0) for k, v in params.items()}


@pytest.mark.parametrize("activation", deep.ACTIVATIONS)
@pytest.mark.parametrize("depth, width, init", [(1, 3, "naive"), (3, 4, "xavier"), (5, 2, "he")])
def test_gradients_match_central_differences(activation, depth, width, init):
    params = off_zero(deep.init_params(depth, width, init, seed=depth))
    grads = deep.backward(params, deep.forward(params, data.X, activation)[1], data.y, activation)
    numeric = deep.numerical_gradients(params, data.X, data.y, activation)
    assert set(grads) == set(numeric) == {"d" + name for name in params}
    for name in numeric:
        assert grads[name].shape == params[name[1:]].shape
        assert relative_error(grads[name], numeric[name]) <= 1e-6, name


def test_a_wrong_backward_pass_is_caught_by_the_same_check():
    """The check can fail: drop the slope of one layer and the error is large."""
    params = deep.init_params(3, 4, "xavier", seed=0)
    cache = deep.forward(params, data.X)[1]
    cache["a"][1] = np.full_like(cache["a"][1], 0.5)  # sigma'(z_1) read as 1/4 everywhere: a wrong gradient
    grads = deep.backward(params, cache, data.y)
    numeric = deep.numerical_gradients(params, data.X, data.y)
    assert relative_error(grads["dW1"], numeric["dW1"]) > 1e-3


@pytest.mark.parametrize("hidden, seed", [(1, 0), (4, 0), (4, 42), (8, 5)])
def test_at_depth_one_it_is_notebook_01s_net(hidden, seed):
    params = deep.init_params(1, hidden, "naive", seed)
    net = network.init_params(hidden, seed, bias=True, scale=0.5)
    assert params.keys() == net.keys() and all(np.array_equal(params[k], net[k]) for k in net)
    params, net = off_zero(params), off_zero(net)
    y_hat, cache = deep.forward(params, data.X)
    assert np.max(np.abs(y_hat - network.forward(net, data.X)[0])) <= 1e-12
    ours = deep.backward(params, cache, data.y)
    theirs = network.backward(net, network.forward(net, data.X)[1], data.y)
    for name in theirs:
        assert np.max(np.abs(ours[name] - theirs[name])) <= 1e-12, name


def test_the_starts_scales_per_layer():
    assert deep.init_std("naive", 2, 8) == 0.5
    assert deep.init_std("xavier", 8, 8) == pytest.approx(np.sqrt(1 / 8))
    assert deep.init_std("he", 32, 32) == pytest.approx(0.25)
    # the notebook's word: at width 8 the naive start is exactly He's scale, at width 32 it is not
    assert deep.init_std("he", 8, 8) == deep.init_std("naive", 8, 8)
    assert deep.init_std("he", 32, 32) != deep.init_std("naive", 32, 32)
    params = deep.init_params(4, 64, "xavier", seed=0)
    assert [params[f"W{l}"].shape for l in range(1, 6)] == [(2, 64), (64, 64), (64, 64), (64, 64), (64, 1)]
    assert np.std(params["W2"]) == pytest.approx(np.sqrt(2 / 128), rel=0.05)
    assert all(not params[f"b{l}"].any() for l in range(1, 6))


@pytest.mark.parametrize("bad, words", [
    ({"depth": 0}, "depth must be an integer in 1..30"), ({"width": 100}, "width must be an integer in 1..64"),
    ({"init": "lecun"}, "init must be one of 'naive', 'xavier', 'he'"), ({"seed": -1}, "seed must be"),
])
def test_bad_arguments_are_named(bad, words):
    with pytest.raises((TypeError, ValueError), match=words):
        deep.init_params(**{"depth": 3, "width": 4, "init": "naive", "seed": 0, **bad})


def test_the_batched_trainer_checks_its_arguments():
    with pytest.raises(ValueError, match="activation must be one of"):
        train_deep(3, 4, "softmax", "naive", [0], 1.0, 10)
    with pytest.raises(ValueError, match="lr must be a number in"):
        train_deep(3, 4, "tanh", "naive", [0], -1.0, 10)


@pytest.mark.parametrize("activation, init", [("sigmoid", "naive"), ("tanh", "xavier"), ("relu", "he")])
def test_the_batched_trainer_equals_the_single_net_net_by_net(activation, init):
    seeds, lrs = [0, 1, 2, 3], [0.1, 0.5, 1.0, 3.0]
    run = train_deep(4, 6, activation, init, seeds, lrs, 20, keep_norms=True)
    for b, (seed, lr) in enumerate(zip(seeds, lrs)):
        params, first = deep.init_params(4, 6, init, seed), -1
        for k in range(21):
            norms = deep.gradient_norms(params, data.X, data.y, activation)
            assert np.allclose(run.norms[b, k], norms, rtol=1e-8, atol=1e-14), (b, k)
            right = np.array_equal(data.predicted_class(deep.forward(params, data.X, activation)[0]), data.y)
            first = k if first < 0 and right else first
            mse, new, _ = deep.step(params, data.X, data.y, lr, activation)
            assert abs(run.losses[b, k] - mse) <= 1e-10, (b, k)
            params = new if k < 20 else params
        for name, value in params.items():
            assert np.allclose(run.net(b)[name], value, rtol=1e-8, atol=1e-12), (b, name)
        assert run.solved_at[b] == first


def test_until_solved_stops_where_every_net_has_solved_and_changes_nothing_before():
    full = train_deep(2, 8, "tanh", "xavier", range(6), 1.0, 300)
    short = train_deep(2, 8, "tanh", "xavier", range(6), 1.0, 300, until_solved=True)
    assert full.solved.all() and np.array_equal(short.solved_at, full.solved_at)
    assert short.losses.shape[1] == full.solved_at.max() + 1
    assert np.array_equal(short.losses, full.losses[:, :short.losses.shape[1]])
    with pytest.raises(ValueError, match="until_solved and keep_norms"):
        train_deep(2, 8, "tanh", "xavier", [0], 1.0, 10, keep_norms=True, until_solved=True)
