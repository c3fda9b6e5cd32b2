"""Notebook 01's 2-H-1 XOR net rebuilt from Values (helpers/autograd.py), for notebook 06.

The same equations and loss as helpers/network.py, one number at a time, for one example x:
    z1[j] = x1 W1[0,j] + x2 W1[1,j] + b1[j]     a1[j] = sigmoid(z1[j])      j = 0..H-1
    z2 = sum_j a1[j] W2[j] + b2                 y_hat = sigmoid(z2)
    L = sum over the examples of 1/2 (y_hat - y)^2
Nobody writes a backward pass here: L.backward() works out every gradient from the graph the
forward pass built. `gradients` returns them in network.backward's form, and `train` runs the
same gradient descent as train.train, so both can be compared number for number.

Parameters as Values ("P"): W1 a list of 2 rows of H Values, W2 a list of H Values, and when
the net has biases b1 a list of H Values and b2 one Value.
"""
import numpy as np

from helpers import data
from helpers.autograd import Value, topological_order, zero_grad
from helpers.network import check_params, init_params, init_reference
from helpers.train import MAX_LR, Run
from helpers.validate import check_bool, check_float, check_int, check_Xy

MAX_STEPS = 20_000  # a step costs about a thousand times the matrix code's at H = 64


def to_values(params: dict) -> dict:
    """The parameter arrays (W1 (2, H), W2 (H, 1), optional b1 (1, H), b2 (1, 1)) as Values."""
    params = check_params(params)
    W1, W2 = params["W1"], params["W2"]
    H = W1.shape[1]
    P = {"W1": [[Value(W1[i, j], label=f"W1[{i},{j}]") for j in range(H)] for i in range(2)],
         "W2": [Value(W2[j, 0], label=f"W2[{j}]") for j in range(H)]}
    if "b1" in params:
        P["b1"] = [Value(params["b1"][0, j], label=f"b1[{j}]") for j in range(H)]
        P["b2"] = Value(params["b2"][0, 0], label="b2")
    return P


def parameters(P: dict) -> list:
    """Every parameter Value, in the order W1 (row by row), b1, W2, b2."""
    values = P["W1"][0] + P["W1"][1] + P.get("b1", []) + P["W2"]
    return values + ([P["b2"]] if "b2" in P else [])


def to_arrays(P: dict, what: str = "data") -> dict:
    """The Values' numbers as network's arrays: what="data" gives params, what="grad" gives
    {"dW1" (2, H), "dW2" (H, 1), "db1" (1, H), "db2" (1, 1)} as network.backward returns them."""
    def get(v):
        return getattr(v, what)
    prefix = "d" if what == "grad" else ""
    out = {prefix + "W1": np.array([[get(v) for v in row] for row in P["W1"]]),
           prefix + "W2": np.array([[get(v)] for v in P["W2"]])}
    if "b1" in P:
        out[prefix + "b1"] = np.array([[get(v) for v in P["b1"]]])
        out[prefix + "b2"] = np.array([[get(P["b2"])]])
    return out


def example_loss(P: dict, x, y: float, names: bool = False) -> tuple:
    """L_n = 1/2 (y_hat - y)^2 for one example x = (x1, x2) with target y, built from Values.

    Returns (L_n, y_hat), both Values. names=True labels every Value for a picture of the graph.
    """
    def named(v, name):  # labels only for pictures; training skips them
        if names:
            v.label = name
        return v
    x1, x2 = named(Value(x[0]), "x1"), named(Value(x[1]), "x2")
    z2 = None
    for j in range(len(P["W2"])):
        z1 = (named(x1 * P["W1"][0][j], f"x1·W1[0,{j}]") + named(x2 * P["W1"][1][j], f"x2·W1[1,{j}]"))
        if "b1" in P:
            z1 = named(z1, f"x·W1[:,{j}]") + P["b1"][j]
        a1 = named(named(z1, f"z1[{j}]").sigmoid(), f"a1[{j}]")
        term = named(a1 * P["W2"][j], f"a1[{j}]·W2[{j}]")
        z2 = term if z2 is None else named(z2 + term, "a1·W2" if j == len(P["W2"]) - 1 else f"sum to {j}")
    if "b2" in P:
        z2 = z2 + P["b2"]
    y_hat = named(named(z2, "z2").sigmoid(), "y_hat")
    e = named(y_hat - named(Value(y), "y"), "y_hat - y")
    return named(named(Value(0.5), "1/2") * named(e ** 2, "(y_hat - y)²"), "L"), y_hat


def batch_loss(P: dict, X: np.ndarray, y: np.ndarray) -> tuple:
    """L = sum of example_loss over the rows of X (N, 2), y (N, 1). Returns (L, y_hat (N, 1) array)."""
    L, outputs = None, []
    for x, t in zip(X.tolist(), y[:, 0].tolist()):
        L_n, y_hat = example_loss(P, x, t)
        L = L_n if L is None else L + L_n
        outputs.append([y_hat.data])
    return L, np.array(outputs)


def gradients(params: dict, X=None, y=None) -> dict:
    """dL/dparam for every parameter, by L.backward() on the graph of the forward pass.

    The same dict as network.backward: {"dW1" (2, H), "dW2" (H, 1)} and with biases "db1", "db2".
    X (N, 2), y (N, 1) default to XOR.
    """
    X, y = check_Xy(data.X if X is None else X, data.y if y is None else y)
    P = to_values(params)
    L, _ = batch_loss(P, X, y)
    L.backward()
    return to_arrays(P, "grad")


def gradient_descent(params: dict, X: np.ndarray, y: np.ndarray, lr: float, steps: int) -> tuple:
    """`steps` updates p <- p - lr dL/dp from `params` (unchanged), as train.gradient_descent does.

    Returns (losses (steps + 1,) the MSE after k updates, final params as arrays). Unchecked: see `train`.
    """
    P = to_values(params)
    values = parameters(P)
    losses = np.empty(steps + 1)
    for k in range(steps + 1):
        zero_grad(values)  # backward adds to .grad, so clear last step's gradients first
        L, y_hat = batch_loss(P, X, y)
        losses[k] = np.mean((y - y_hat) ** 2)  # the printed loss, as in train.gradient_descent
        if k == steps:
            break
        L.backward()
        for p in values:
            p.data -= lr * p.grad  # W <- W - lr * dL/dW, one number at a time
    return losses, to_arrays(P)


def train(hidden: int = 4, lr: float = 0.5, steps: int = 1000, seed: int = 0, bias: bool = True,
          init: str = "random", X=None, y=None) -> Run:
    """train.train's run, with gradients from Values instead of network.backward. Returns a train.Run."""
    hidden = check_int("hidden", hidden, 1, 64)
    lr = check_float("lr", lr, 0.0, MAX_LR, lo_open=True)
    steps = check_int("steps", steps, 0, MAX_STEPS)
    seed = check_int("seed", seed, 0, 2**32 - 1)
    bias = check_bool("bias", bias)
    if init not in ("random", "reference"):
        raise ValueError(f"init must be 'random' or 'reference', got {init!r}")
    X, y = check_Xy(data.X if X is None else X, data.y if y is None else y)
    params = init_params(hidden, seed, bias) if init == "random" else init_reference(hidden, bias, seed)
    losses, final = gradient_descent(params, X, y, lr, steps)
    _, y_hat = batch_loss(to_values(final), X, y)
    return Run(hidden=hidden, lr=lr, steps=steps, seed=seed, bias=bias, init=init, X=X, y=y,
               losses=losses, params=final, y_hat=y_hat)


def graph_size(params: dict, X=None, y=None) -> dict:
    """How many Values one training step builds: {"graph": all Values behind L, "made": those
    made in the step (the graph without the parameters, which live across steps)}."""
    X, y = check_Xy(data.X if X is None else X, data.y if y is None else y)
    P = to_values(params)
    L, _ = batch_loss(P, X, y)
    graph = len(topological_order(L))
    return {"graph": graph, "made": graph - len(parameters(P))}
