"""Where a student calls in (train, run_from, the initialisers, gradcheck, the panels), a bad argument gets an
error that names the argument and the allowed range, never a traceback from deep inside NumPy."""
import math

import numpy as np
import pytest

from helpers import data, gradcheck, network, train
from helpers.panels.explorer import explore_training

GOOD = network.init_params(2, seed=0, bias=True)
X_NAN = data.X.copy()
X_NAN[1, 0] = np.nan
Y_INF = data.y.copy()
Y_INF[2, 0] = np.inf

CASES = [
    # (call, error type, words the message must contain)
    (lambda: train.train(hidden=0), ValueError, ["hidden", "1..64", "0"]),
    (lambda: train.train(hidden=-1), ValueError, ["hidden", "1..64"]),
    (lambda: train.train(hidden=2.5), TypeError, ["hidden", "integer", "2.5"]),
    (lambda: train.train(hidden="4"), TypeError, ["hidden", "integer", "'4'"]),
    (lambda: train.train(hidden=True), TypeError, ["hidden", "integer"]),
    (lambda: train.train(hidden=65), ValueError, ["hidden", "1..64"]),
    (lambda: train.train(lr=0), ValueError, ["lr", "(0, 100]"]),
    (lambda: train.train(lr=-1), ValueError, ["lr", "(0, 100]"]),
    (lambda: train.train(lr=math.nan), ValueError, ["lr", "(0, 100]", "nan"]),
    (lambda: train.train(lr=math.inf), ValueError, ["lr", "(0, 100]", "inf"]),
    (lambda: train.train(lr="0.5"), TypeError, ["lr", "number"]),
    (lambda: train.train(steps=-1), ValueError, ["steps", "0..200000"]),
    (lambda: train.train(steps=10.5), TypeError, ["steps", "integer"]),
    (lambda: train.train(seed=-1), ValueError, ["seed", "0.."]),
    (lambda: train.train(bias="yes"), TypeError, ["bias", "True or False"]),
    (lambda: train.train(init="legacy"), ValueError, ["init", "'random' or 'reference'"]),
    (lambda: train.train(steps=10, snapshot_steps=[20]), ValueError, ["snapshot_steps", "0..10"]),
    (lambda: train.train(X=np.zeros((4, 3))), ValueError, ["X", "(N, 2)", "(4, 3)"]),
    (lambda: train.train(X=np.zeros(4)), ValueError, ["X", "(N, 2)"]),
    (lambda: train.train(X=X_NAN), ValueError, ["X", "finite"]),
    (lambda: train.train(X=[["a", "b"]] * 4), TypeError, ["X", "numbers"]),
    (lambda: train.train(y=np.zeros(4)), ValueError, ["y", "(N, 1)", "(4,)"]),
    (lambda: train.train(y=Y_INF), ValueError, ["y", "finite"]),
    (lambda: train.train(y=np.zeros((3, 1))), ValueError, ["same number of rows", "4", "3"]),
    (lambda: network.init_params(hidden=0), ValueError, ["hidden", "1..64"]),
    (lambda: network.init_params(scale=-0.5), ValueError, ["scale", "[0, 100]"]),
    (lambda: network.init_reference(hidden="4"), TypeError, ["hidden", "integer"]),
    (lambda: train.run_from({"W1": np.zeros((2, 3))}, data.X, data.y, 0.5, 1), TypeError, ["params", "W2"]),
    (lambda: train.run_from({"W1": np.zeros((2, 3)), "W2": np.zeros((2, 1))}, data.X, data.y, 0.5, 1), ValueError,
     ["W2", "(3, 1)"]),
    (lambda: train.run_from({**GOOD, "b2": None} | {"b1": GOOD["b1"]}, data.X, data.y, 0.5, 1), TypeError, ["b2"]),
    (lambda: train.run_from({"W1": GOOD["W1"], "W2": GOOD["W2"], "b1": GOOD["b1"]}, data.X, data.y, 0.5, 1), ValueError,
     ["b1 and b2"]),
    (lambda: train.run_from({**GOOD, "W3": 1}, data.X, data.y, 0.5, 1), ValueError, ["unknown", "W3"]),
    (lambda: train.run_from(GOOD, np.zeros((4, 1)), data.y, 0.5, 1), ValueError, ["X", "(N, 2)"]),
    (lambda: train.run_from(GOOD, np.zeros((0, 2)), data.y, 0.5, 1), ValueError, ["X", "(N, 2)"]),
    (lambda: gradcheck.grad_check(GOOD, data.X, data.y, eps=0), ValueError, ["eps", "(0, 1]"]),
    (lambda: gradcheck.grad_check(GOOD, data.X, np.zeros((4, 2))), ValueError, ["y", "(N, 1)"]),
    (lambda: data.grid(n=1), ValueError, ["n", "2..1000"]),
    (lambda: data.grid(lo=2.0, hi=1.0), ValueError, ["lo must be less than hi"]),
    (lambda: explore_training(hidden=9), ValueError, ["hidden", "1..8"]),
    (lambda: explore_training(lr=0.0), ValueError, ["lr", "[0.01, 10]"]),
    (lambda: explore_training(steps=100), ValueError, ["steps", "500..50000"]),
]


@pytest.mark.parametrize("call, error, words", CASES, ids=[f"case{i}" for i in range(len(CASES))])
def test_bad_argument_is_named_with_its_range(call, error, words):
    with pytest.raises(error) as info:
        call()
    message = str(info.value)
    for word in words:
        assert word in message, f"{word!r} not in {message!r}"
