"""Training: the reference program's printed figures, determinism, records, stability."""
import warnings

import numpy as np

from helpers import data, network, train

# what the reference program prints (NumPy 2.x, x86-64), see DESIGN.md
PRINTED = ["Step 0 | Loss: 0.2557", "Step 2000 | Loss: 0.0128", "Step 4000 | Loss: 0.0027",
           "Step 6000 | Loss: 0.0013", "Step 8000 | Loss: 0.0009", "Step 10000 | Loss: 0.0006"]


def test_reference_run_prints_the_reference_figures():
    run = train.train(**train.REFERENCE)
    assert [f"Step {k} | Loss: {run.losses[k]:.4f}" for k in range(0, 10_001, 2000)] == PRINTED
    assert [f"{p:.3f}" for p in run.y_hat.ravel()] == ["0.026", "0.975", "0.975", "0.023"]
    assert run.correct == 4


def test_losses_are_recorded_after_every_update():
    run = train.train(hidden=3, steps=50, seed=1)
    assert run.losses.shape == (51,)
    assert run.losses[0] == network.mse(data.y, network.predict(network.init_params(3, 1), data.X))
    assert run.losses[-1] == network.mse(data.y, run.y_hat)
    assert run.final_loss == run.losses[-1]


def test_one_step_is_one_gradient_descent_update():
    params = network.init_params(2, seed=5, bias=True)
    run = train.train(hidden=2, seed=5, bias=True, steps=1, lr=0.3)
    grads = network.backward(params, network.forward(params, data.X)[1], data.y)
    for name in params:
        np.testing.assert_allclose(run.params[name], params[name] - 0.3 * grads["d" + name], rtol=1e-14)


def test_same_config_gives_a_bitwise_identical_run():
    a = train.train(hidden=5, lr=0.8, steps=2000, seed=11, bias=True, snapshot_steps=[0, 1000])
    b = train.train(hidden=5, lr=0.8, steps=2000, seed=11, bias=True, snapshot_steps=[0, 1000])
    assert np.array_equal(a.losses, b.losses)
    assert all(np.array_equal(a.params[k], b.params[k]) for k in a.params)
    assert all(np.array_equal(a.snapshots[1000][k], b.snapshots[1000][k]) for k in a.params)


def test_snapshots_hold_the_parameters_after_that_many_steps():
    run = train.train(hidden=3, steps=300, seed=2, snapshot_steps=[0, 100, 300])
    assert sorted(run.snapshots) == [0, 100, 300]
    start = network.init_params(3, seed=2)
    assert all(np.array_equal(run.snapshots[0][k], start[k]) for k in start)
    assert all(np.array_equal(run.snapshots[300][k], run.params[k]) for k in start)
    shorter = train.train(hidden=3, steps=100, seed=2)
    assert all(np.array_equal(run.snapshots[100][k], shorter.params[k]) for k in start)


def test_training_does_not_change_the_initial_parameters():
    params = network.init_params(4, seed=0)
    copy = {k: v.copy() for k, v in params.items()}
    train.run_from(params, data.X, data.y, lr=0.5, steps=10)
    assert all(np.array_equal(params[k], copy[k]) for k in params)


def test_no_runtime_warning_at_lr_10_for_10k_steps():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for bias in (False, True):
            run = train.train(hidden=8, lr=10.0, steps=10_000, seed=3, bias=bias)
            assert np.all(np.isfinite(run.losses))


def test_label_names_the_configuration():
    run = train.train(hidden=2, lr=0.25, steps=10, seed=9, bias=False)
    assert run.label() == "hidden=2 lr=0.25 steps=10 seed=9 bias=off"
