"""One training step, stage by stage: every number equals the helpers' own forward/backward values."""
import inspect

import numpy as np
import pytest

from helpers import data, gradcheck, network, train
from helpers.analysis import stepthrough
from helpers.pictures import diagram

NETS = [(H, bias) for H in range(1, 9) for bias in (False, True)]
EXAMPLES = ["all", 0, 1, 2, 3]


def random_net(H, bias, seed=0):
    params = network.init_params(H, seed=seed, bias=bias, scale=1.5)
    if bias:  # zero biases would hide a forgotten bias term
        rng = np.random.default_rng(seed + 100)
        params["b1"] = rng.normal(0, 1, (1, H))
        params["b2"] = rng.normal(0, 1, (1, 1))
    return params


def by_key(stages):
    return {s.key: s for s in stages}


@pytest.mark.parametrize("H, bias", NETS)
@pytest.mark.parametrize("example", EXAMPLES)
def test_every_stage_equals_the_helpers_values(H, bias, example):
    params = random_net(H, bias, seed=H)
    rows = slice(None) if example == "all" else slice(example, example + 1)
    X, y = data.X[rows], data.y[rows]
    lr = 0.7
    s = by_key(stepthrough.stages(params, data.X, data.y, lr, example))
    assert list(s) == list(stepthrough.STAGE_KEYS)
    y_hat, cache = network.forward(params, X)
    grads = network.backward(params, cache, y)
    for key in ("z1", "a1", "z2"):
        np.testing.assert_array_equal(s[key].values[key], cache[key])
    np.testing.assert_array_equal(s["y_hat"].values["y_hat"], y_hat)
    assert float(s["loss"].values["L"]) == network.loss(y, y_hat)
    assert float(s["loss"].values["MSE"]) == network.mse(y, y_hat)
    for key, name in (("dW2", "dW2"), ("dW2", "db2"), ("dW1", "dW1"), ("dW1", "db1")):
        if bias or name.startswith("dW"):
            np.testing.assert_array_equal(s[key].values[name], grads[name])
        else:
            assert name not in s[key].values
    # the deltas, against the textbook formulas (an independent computation) ...
    delta_out = (y_hat - y) * y_hat * (1 - y_hat)
    delta_hid = (delta_out @ params["W2"].T) * cache["a1"] * (1 - cache["a1"])
    np.testing.assert_allclose(s["delta_out"].values["delta_out"], delta_out, rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(s["delta_hid"].values["delta_hid"], delta_hid, rtol=1e-12, atol=1e-15)
    # ... and against the gradients they produce
    np.testing.assert_allclose(cache["a1"].T @ s["delta_out"].values["delta_out"], grads["dW2"], atol=1e-14)
    np.testing.assert_allclose(X.T @ s["delta_hid"].values["delta_hid"], grads["dW1"], atol=1e-14)
    # the update moves each parameter by -lr * gradient
    for name in params:
        np.testing.assert_allclose(s["update"].values[name + " after"], params[name] - lr * grads["d" + name],
                                   rtol=0, atol=1e-15)


@pytest.mark.parametrize("H, bias", NETS)
@pytest.mark.parametrize("example", ["all", 2])
def test_loss_after_the_step_equals_a_fresh_forward_pass(H, bias, example):
    params = random_net(H, bias, seed=10 + H)
    s = by_key(stepthrough.stages(params, lr=0.5, example=example))
    new = {name: s["update"].values[name + " after"] for name in params}
    rows = slice(None) if example == "all" else slice(example, example + 1)
    y_hat = network.predict(new, data.X[rows])
    assert float(s["loss_after"].values["L"]) == pytest.approx(network.loss(data.y[rows], y_hat), rel=1e-13)
    assert float(s["loss_after"].values["MSE"]) == pytest.approx(network.mse(data.y[rows], y_hat), rel=1e-13)
    # and it matches what training itself records after one update
    run = train.run_from(params, data.X[rows], data.y[rows], lr=0.5, steps=1)
    assert float(s["loss_after"].values["MSE"]) == pytest.approx(run.losses[1], rel=1e-13)


@pytest.mark.parametrize("H, bias", [(1, True), (4, False), (8, True)])
def test_gradient_stages_carry_the_numerical_estimates(H, bias):
    params = random_net(H, bias, seed=3)
    s = by_key(stepthrough.stages(params, example="all"))
    numeric = gradcheck.numerical_gradients(params, data.X, data.y)
    for key in ("dW2", "dW1"):
        assert set(s[key].numeric) == {n for n in s[key].values if n[:2] in ("dW", "db")}
        for name, estimate in s[key].numeric.items():
            np.testing.assert_array_equal(estimate, numeric[name])
            assert gradcheck.relative_error(s[key].values[name], estimate) < 1e-7


def test_reference_numbers_match_notebook_01_first_step():
    s = by_key(stepthrough.stages(network.init_reference(), data.X, data.y, 0.5))
    assert f"{float(s['loss'].values['MSE']):.4f}" == "0.2557"
    assert float(s["loss_after"].values["L"]) < float(s["loss"].values["L"])
    one = by_key(stepthrough.stages(network.init_reference(), example=1))
    np.testing.assert_array_equal(one["z1"].values["z1"], network.init_reference()["W1"][1:2])  # x = [0 1]


def test_every_code_line_is_verbatim_in_the_helpers_source():
    source = {"helpers/network.py": inspect.getsource(network), "helpers/train.py": inspect.getsource(train)}
    for bias in (False, True):
        for stage in stepthrough.stages(random_net(3, bias)):
            file = stage.where.split(",")[0]
            lines = [line.split("#")[0].strip() for line in source[file].splitlines()]
            for code in stage.code:
                assert code in lines, (stage.key, code)


def test_stages_name_their_equation_and_diagram_parts():
    for stage in stepthrough.stages(random_net(2, True)) + stepthrough.stages(random_net(2, False)):
        assert stage.equation.startswith("$") and stage.equation.count("$") % 2 == 0
        assert "$$" not in stage.equation  # "$a$$b$" would read as display math
        assert stage.parts and set(stage.parts) <= set(diagram.PARTS)
        assert stage.title and stage.code


def test_biases_appear_only_for_a_net_with_biases():
    plain = by_key(stepthrough.stages(random_net(2, False)))
    assert "b_1" not in plain["z1"].equation and "db1" not in plain["dW1"].values
    biased = by_key(stepthrough.stages(random_net(2, True)))
    assert "b_1" in biased["z1"].equation and "db1" in biased["dW1"].values


@pytest.mark.parametrize("kwargs, error, words", [
    ({"example": 4}, ValueError, ["example", "0..3"]),
    ({"example": -1}, ValueError, ["example", "0..3"]),
    ({"example": "some"}, ValueError, ["example", "'all'", "0..3"]),
    ({"example": 1.5}, TypeError, ["example", "'all'"]),
    ({"example": True}, TypeError, ["example"]),
    ({"lr": 0}, ValueError, ["lr", "(0, 100]"]),
    ({"lr": "0.5"}, TypeError, ["lr"]),
    ({"X": np.zeros((4, 3))}, ValueError, ["X", "(N, 2)"]),
    ({"params": {"W1": np.zeros((2, 3))}}, TypeError, ["params"]),
])
def test_bad_arguments_are_rejected(kwargs, error, words):
    kwargs = {"params": random_net(2, True), **kwargs}
    with pytest.raises(error) as info:
        stepthrough.stages(**kwargs)
    for word in words:
        assert word in str(info.value)
