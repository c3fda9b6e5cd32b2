"""The fast path trains notebook 05's variants: each net equals helpers.variants.train, net by net."""
import numpy as np
import pytest

from helpers import batched, variants

STEPS = 1200
HIDDEN = [1, 2, 2, 3, 4, 5, 8, 8]
SEEDS = [0, 1, 2, 3, 4, 5, 6, 7]
SETTINGS = [
    dict(activation="tanh"), dict(activation="relu"), dict(loss="cross_entropy"),
    dict(activation="relu", loss="cross_entropy", momentum=0.9), dict(momentum=0.9),
    dict(activation="tanh", loss="cross_entropy", scale=2.0), dict(scale=0.01),
]


@pytest.mark.parametrize("bias", [False, True], ids=["no-bias", "bias"])
@pytest.mark.parametrize("setting", SETTINGS, ids=["-".join(f"{k}={v}" for k, v in s.items()) for s in SETTINGS])
def test_every_net_equals_the_single_net_variant(setting, bias):
    run = batched.train_batched(HIDDEN, SEEDS, bias=bias, lr=0.5, steps=STEPS, **setting)
    assert run.activation == setting.get("activation", "sigmoid") and run.loss == setting.get("loss", "squared")
    for b, (H, seed) in enumerate(zip(HIDDEN, SEEDS)):
        single = variants.train(hidden=H, seed=seed, bias=bias, lr=0.5, steps=STEPS, **setting)
        assert np.abs(run.losses[b] - single.losses).max() <= 1e-10, b
        net = run.net(b)
        assert set(net) == set(single.params)
        for name, value in single.params.items():
            assert np.abs(net[name] - value).max() <= 1e-10, (b, name)
        # right/wrong agrees, except for an output within rounding of 0.5 (a relu net without biases can end
        # with every output at 0.5 +- 1e-16: which side it falls on is rounding)
        clear = np.abs(single.y_hat - 0.5) > 1e-12
        right = (single.y_hat > 0.5) == (single.y > 0.5)
        assert np.array_equal(((run.y_hat[b] > 0.5) == (single.y > 0.5))[clear], right[clear])


def test_one_scale_per_net():
    scales = [0.01, 0.5, 2.0, 8.0]
    run = batched.train_batched([3] * 4, [5] * 4, steps=300, scale=scales, activation="tanh")
    assert list(run.scale) == scales
    for b, s in enumerate(scales):
        single = variants.train(hidden=3, seed=5, steps=300, scale=s, activation="tanh")
        assert np.abs(run.losses[b] - single.losses).max() <= 1e-10


def test_padding_stays_inert_with_momentum_and_relu():
    run = batched.train_batched([1, 4], [0, 1], bias=True, steps=500, activation="relu", momentum=0.9)
    pad = run.mask == 0.0
    assert np.all(run.params["W2"][..., 0][pad] == 0.0)
    assert np.all(run.params["W1"].transpose(0, 2, 1)[pad] == 0.0)


def test_without_biases_b2_stays_zero_with_momentum():
    run = batched.train_batched([2, 3], [0, 1], bias=False, steps=200, momentum=0.9, loss="cross_entropy")
    assert "b1" not in run.params and "b2" not in run.net(0)


BAD = [
    (dict(activation="gelu"), ValueError, ["activation", "'sigmoid', 'tanh', 'relu'"]),
    (dict(loss="hinge"), ValueError, ["loss", "'squared', 'cross_entropy'"]),
    (dict(momentum=1.5), ValueError, ["momentum", "[0, 1]"]),
    (dict(scale=[0.5, 0.5, 0.5]), ValueError, ["scale", "one number per net (2)"]),
    (dict(scale=[0.5, -1.0]), ValueError, ["scale entry", "[0, 100]"]),
    (dict(scale="big"), TypeError, ["scale", "a number in [0, 100]"]),
]


@pytest.mark.parametrize("kwargs, error, words", BAD, ids=[str(i) for i in range(len(BAD))])
def test_bad_variant_arguments_are_named(kwargs, error, words):
    with pytest.raises(error) as info:
        batched.train_batched([2, 3], [0, 1], steps=5, **kwargs)
    for word in words:
        assert word in str(info.value), (word, str(info.value))
