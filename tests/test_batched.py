"""The batched trainer equals the single-net trainer, net for net; padding is inert; Wilson intervals."""
import numpy as np
import pytest

from helpers import batched, data, network, train
from helpers.analysis import sweep

STEPS = 1500
HIDDEN = [h for h in range(1, 9) for s in range(4)]
SEEDS = [s for h in range(1, 9) for s in range(4)]


@pytest.fixture(scope="module", params=[False, True], ids=["no-bias", "bias"])
def pair(request):
    """A batched run of hidden 1..8 x seeds 0..3 and the same 32 nets trained one at a time."""
    bias = request.param
    run = batched.train_batched(HIDDEN, SEEDS, bias=bias, lr=0.5, steps=STEPS)
    singles = [train.train(hidden=h, lr=0.5, steps=STEPS, seed=s, bias=bias) for h, s in zip(HIDDEN, SEEDS)]
    return run, singles


def test_every_net_equals_its_single_net_run(pair):
    run, singles = pair
    assert run.losses.shape == (len(HIDDEN), STEPS + 1)
    for b, single in enumerate(singles):
        assert np.abs(run.losses[b] - single.losses).max() <= 1e-10, b
        net = run.net(b)
        assert set(net) == set(single.params)
        for name, value in single.params.items():
            assert net[name].shape == value.shape
            assert np.abs(net[name] - value).max() <= 1e-10, (b, name)
        assert np.abs(run.y_hat[b] - single.y_hat).max() <= 1e-10
        assert run.correct[b] == single.correct
    # the comparison is not vacuous: the sweep has nets that succeed and nets that fail
    assert run.success.any() and not run.success.all()


def test_solved_at_is_the_first_step_with_all_four_right(pair):
    run, singles = pair
    solved = np.flatnonzero(run.success)
    for b in solved[[0, len(solved) // 2, -1]]:  # the smallest, a middle and the largest solved net
        k = int(run.solved_at[b])
        assert k > 0
        before = train.train(hidden=int(run.hidden[b]), steps=k - 1, seed=int(run.seeds[b]), bias=run.bias)
        at = train.train(hidden=int(run.hidden[b]), steps=k, seed=int(run.seeds[b]), bias=run.bias)
        assert before.correct < 4 and at.correct == 4
    never = run.solved_at == -1
    assert never.any() and not run.success[never].any()
    assert np.all(run.solved_at[run.success] >= 0)


def test_padding_units_never_change_and_never_contribute(pair):
    run, _ = pair
    pad = run.mask == 0.0
    assert run.mask.shape == (len(HIDDEN), 8)
    assert np.array_equal(run.mask.sum(axis=1), HIDDEN)
    assert pad.any()
    assert np.all(run.params["W2"][..., 0][pad] == 0.0)                # outgoing weights stay exactly 0
    assert np.all(run.params["W1"].transpose(0, 2, 1)[pad] == 0.0)     # incoming ones get zero gradient
    if run.bias:
        assert np.all(run.params["b1"][:, 0, :][pad] == 0.0)
    # a 1-unit net padded to 8 gives exactly what the same net gives trained alone
    alone = batched.train_batched([1], [0], bias=run.bias, steps=STEPS)
    assert np.abs(alone.losses[0] - run.losses[0]).max() <= 1e-12
    assert alone.params["W1"].shape == (1, 2, 1)


def test_without_the_mask_padding_units_would_learn():
    """Why the mask is needed: a padding unit outputs sigmoid(0) = 0.5, so dL/dW2 for it is not 0."""
    params = network.init_params(1, seed=0, bias=False)
    padded = {"W1": np.hstack([params["W1"], np.zeros((2, 1))]), "W2": np.vstack([params["W2"], [[0.0]]])}
    y_hat, cache = network.forward(padded, data.X)
    assert np.all(cache["a1"][:, 1] == 0.5)
    assert network.backward(padded, cache, data.y)["dW2"][1, 0] != 0.0


def test_progress_is_reported_in_chunks_and_at_the_end():
    calls = []
    batched.train_batched([2, 3], [0, 1], steps=1000, progress=lambda done, total: calls.append((done, total)),
                          chunk=300)
    assert calls == [(300, 1000), (600, 1000), (900, 1000), (1000, 1000)]


def test_one_hidden_size_or_seed_is_used_for_every_net():
    run = batched.train_batched(3, [0, 1, 2], steps=10)
    assert list(run.hidden) == [3, 3, 3] and list(run.seeds) == [0, 1, 2]


def test_summary_counts_and_sentence():
    run = sweep.run_sweep(hidden_sizes=[1, 2, 4], seeds=range(10), bias=False, steps=2000)
    table = sweep.summarize(run)
    assert list(table["hidden"]) == [1, 2, 4] and list(table["n"]) == [10, 10, 10]
    for i, H in enumerate([1, 2, 4]):
        assert table["solved"][i] == run.success[run.hidden == H].sum()
        assert table["low"][i] <= table["rate"][i] <= table["high"][i]
    k = table["solved"][1]
    assert sweep.sentence(table, 2, False).startswith(f"With 2 hidden units and no biases, {k} of 10 inits solve XOR")
    assert sweep.sentence(table, 1, True).startswith("With 1 hidden unit and biases,")


# Wilson intervals: published values, the closed forms at the ends, and the defining equation

def test_wilson_known_values():
    low, high = sweep.wilson(50, 100)
    assert (round(float(low), 4), round(float(high), 4)) == (0.4038, 0.5962)
    low, high = sweep.wilson(0, 10)
    z2 = sweep.Z95 ** 2
    assert low == 0.0 and high == pytest.approx(z2 / (10 + z2))   # 0.2775
    assert round(float(high), 4) == 0.2775
    low, high = sweep.wilson(100, 100)
    assert high == 1.0 and low == pytest.approx(100 / (100 + z2))  # 0.9630
    low, high = sweep.wilson(1, 10)
    assert (round(float(low), 4), round(float(high), 4)) == (0.0179, 0.4042)


def test_wilson_bounds_solve_the_score_equation():
    k, n = np.array([3, 20, 74, 99]), np.array([10, 100, 100, 100])
    low, high = sweep.wilson(k, n)
    z2 = sweep.Z95 ** 2
    for p in (low, high):
        assert np.allclose((k / n - p) ** 2, z2 * p * (1 - p) / n)
    assert np.all(low < k / n) and np.all(k / n < high)


BAD = [
    (lambda: batched.train_batched([1, 2], [0, 1, 2]), ValueError, ["same length", "2", "3"]),
    (lambda: batched.train_batched([0], [0]), ValueError, ["hidden", "1..64"]),
    (lambda: batched.train_batched([2.5], [0]), TypeError, ["hidden", "integer"]),
    (lambda: batched.train_batched("4", [0]), TypeError, ["hidden", "sequence"]),
    (lambda: batched.train_batched([2], [-1]), ValueError, ["seeds", "0.."]),
    (lambda: batched.train_batched([], []), ValueError, ["number of nets", "1.."]),
    (lambda: batched.train_batched([2], [0], lr=0), ValueError, ["lr", "(0, 100]"]),
    (lambda: batched.train_batched([2], [0], steps=-1), ValueError, ["steps", "0..200000"]),
    (lambda: batched.train_batched([2], [0], bias="yes"), TypeError, ["bias", "True or False"]),
    (lambda: batched.train_batched([2], [0], progress="bar"), TypeError, ["progress", "function"]),
    (lambda: batched.train_batched([2], [0], chunk=0), ValueError, ["chunk", "1.."]),
    (lambda: batched.train_batched([2], [0], X=np.zeros((4, 3))), ValueError, ["X", "(N, 2)"]),
    (lambda: batched.train_batched([2] * 10_000, range(10_000), steps=10_000), ValueError, ["nets * (steps + 1)"]),
    (lambda: batched.train_batched([2], [0], steps=5).net(1), ValueError, ["b", "0..0"]),
    (lambda: sweep.run_sweep(hidden_sizes=[], steps=10), ValueError, ["hidden_sizes", "at least one"]),
    (lambda: sweep.run_sweep(hidden_sizes=[0], steps=10), ValueError, ["hidden size", "1..64"]),
    (lambda: sweep.summarize("run"), TypeError, ["BatchRun"]),
    (lambda: sweep.wilson(5, 4), ValueError, ["0 <= k <= n"]),
    (lambda: sweep.wilson(1, 0), ValueError, ["n >= 1"]),
    (lambda: sweep.wilson([1, 2], [3]), ValueError, ["same shape"]),
    (lambda: sweep.wilson(1, 3, z=0), ValueError, ["z", "(0, 10]"]),
]


@pytest.mark.parametrize("call, error, words", BAD, ids=[str(i) for i in range(len(BAD))])
def test_bad_arguments_are_named(call, error, words):
    with pytest.raises(error) as info:
        call()
    for word in words:
        assert word in str(info.value), (word, str(info.value))


def test_saturated_and_diverging_nets_give_no_warning_and_no_nan():
    """The batched sigmoid is 1 / (1 + exp(-z)): exp overflows for z < -709, which must stay silent and give 0."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        run = batched.train_batched(HIDDEN, SEEDS, bias=True, lr=train.MAX_LR, steps=3000)
        huge = batched.train_batched([2], [0], bias=False, steps=1,
                                     X=np.array([[20000.0, 0.0], [-20000.0, 0.0]]), y=np.array([[1.0], [0.0]]))
    assert np.all(np.isfinite(run.losses)) and np.all(np.isfinite(run.params["W1"]))
    assert np.all(np.isfinite(huge.losses))
    single = train.train(hidden=2, steps=1, seed=0, bias=False, X=np.array([[20000.0, 0.0], [-20000.0, 0.0]]),
                         y=np.array([[1.0], [0.0]]))
    assert np.abs(huge.losses[0] - single.losses).max() <= 1e-12
