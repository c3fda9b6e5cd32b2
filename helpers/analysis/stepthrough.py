"""One training step taken apart, stage by stage, with the real numbers (notebook 01).

    from helpers import data, network
    from helpers.analysis import stepthrough
    for stage in stepthrough.stages(network.init_reference(), data.X, data.y, lr=0.5):
        print(stage.key, stage.values)

Every number comes from the helpers themselves, never from a second implementation:
the forward values from `network.forward`, the gradients from `network.backward`, the
update and the loss after it from `train.gradient_descent`, the numerical estimates from
`gradcheck.numerical_gradients`. Each stage also carries its equation (LaTeX), the helpers
line that computes it (verbatim), and the parts of the network diagram it involves
(names understood by `helpers.pictures.diagram.draw_network`).
"""
from dataclasses import dataclass, field
from types import SimpleNamespace

import numpy as np

from helpers import data
from helpers.gradcheck import numerical_gradients
from helpers.network import backward, check_params, forward, loss, mse
from helpers.train import MAX_LR, gradient_descent
from helpers.validate import check_float, check_int, check_Xy

STAGE_KEYS = ("z1", "a1", "z2", "y_hat", "loss", "delta_out", "dW2", "delta_hid", "dW1", "update", "loss_after")
NETWORK = "helpers/network.py"
TRAIN = "helpers/train.py"
ALL = "all"


@dataclass
class Stage:
    """One stage of a training step.

    key: one of STAGE_KEYS; title: a few words; equation: LaTeX with $...$ delimiters;
    code: the helpers source lines that compute it (verbatim); where: "file, function";
    values: {name: array} the numbers; numeric: {name: array} central-difference estimates
    (gradient stages only); parts: diagram parts to highlight (see helpers/pictures/diagram.py).
    """

    key: str
    title: str
    equation: str
    code: tuple
    where: str
    values: dict
    numeric: dict = field(default_factory=dict)
    parts: tuple = ()


def select(X, y, example="all") -> tuple:
    """The rows a step uses: example = "all" (the whole batch) or a row index 0..N-1.

    Returns (X_sel (n, 2), y_sel (n, 1)) with n = N for "all" and 1 for one input.
    """
    X, y = check_Xy(X, y)
    if isinstance(example, str):
        if example != ALL:
            raise ValueError(f"example must be 'all' or an input index 0..{len(X) - 1}, got {example!r}")
        return X, y
    if isinstance(example, np.integer):
        example = int(example)
    try:
        i = check_int("example", example, 0, len(X) - 1)
    except TypeError:
        raise TypeError(f"example must be 'all' or an input index 0..{len(X) - 1}, got {example!r}") from None
    return X[i:i + 1], y[i:i + 1]


def _deltas(params: dict, cache: dict, y: np.ndarray) -> tuple:
    """(delta_out (n, 1), delta_hid (n, H)), read off `backward` itself.

    A bias gradient is its delta summed over the batch, so for a batch of one row the
    bias gradients *are* the deltas: run `backward` row by row on a copy of the net with
    zero biases added (they change nothing backward reads; the cache stays the real one).
    """
    H = params["W1"].shape[1]
    with_bias = {"W1": params["W1"], "W2": params["W2"], "b1": np.zeros((1, H)), "b2": np.zeros((1, 1))}
    rows = []
    for i in range(len(y)):
        row_cache = {name: value[i:i + 1] for name, value in cache.items()}
        rows.append(backward(with_bias, row_cache, y[i:i + 1]))
    return np.vstack([g["db2"] for g in rows]), np.vstack([g["db1"] for g in rows])


def stages(params: dict, X=None, y=None, lr: float = 0.5, example="all", eps: float = 1e-5) -> list:
    """Every stage of one gradient-descent step on the chosen rows, in order (see STAGE_KEYS).

    params: a net (W1 (2, H), W2 (H, 1), optional b1, b2); X (N, 2), y (N, 1) default to XOR;
    lr: learning rate in (0, 100]; example: "all" or a row index (the step then uses only
    that input's gradient). Returns a list of Stage, len(STAGE_KEYS) long.
    """
    params = check_params(params)
    X_sel, y_sel = select(data.X if X is None else X, data.y if y is None else y, example)
    lr = check_float("lr", lr, 0.0, MAX_LR, lo_open=True)
    bias = "b1" in params
    y_hat, cache = forward(params, X_sel)
    grads = backward(params, cache, y_sel)
    delta_out, delta_hid = _deltas(params, cache, y_sel)
    numeric = numerical_gradients(params, X_sel, y_sel, eps)
    losses, new, _ = gradient_descent(params, X_sel, y_sel, lr, 1)
    y_hat_after = forward(new, X_sel)[0]
    n = SimpleNamespace(params=params, X_sel=X_sel, y_sel=y_sel, cache=cache, y_hat=y_hat, grads=grads, lr=lr,
                        delta_out=delta_out, delta_hid=delta_hid, numeric=numeric, losses=losses, new=new,
                        y_hat_after=y_hat_after, bias=bias)
    return _forward_stages(n) + _backward_stages(n)


FWD, BWD = f"{NETWORK}, forward", f"{NETWORK}, backward"


def _b(n, text: str) -> str:
    """The bias term of an equation, or nothing for a net without biases."""
    return text if n.bias else ""


def _pick(source: dict, *names: str) -> dict:
    return {name: source[name] for name in names if name in source}


def _forward_stages(n) -> list:
    """z1, a1, z2, y_hat, loss: the forward pass and the loss, with their numbers."""
    return [

        Stage("z1", "hidden pre-activations", f"$z_1 = X W_1{_b(n, ' + b_1')}$",
              ('z1 = X @ params["W1"] + b1',),
              FWD, {"X": n.X_sel, "W1": n.params["W1"], **_pick(n.params, "b1"), "z1": n.cache["z1"]},
              parts=("input", "W1", "b1", "hidden")),
        Stage("a1", "hidden activations", r"$a_1 = \sigma(z_1)$", ("a1 = sigmoid(z1)",), FWD,
              {"z1": n.cache["z1"], "a1": n.cache["a1"]}, parts=("hidden",)),
        Stage("z2", "output pre-activation", f"$z_2 = a_1 W_2{_b(n, ' + b_2')}$",
              ('z2 = a1 @ params["W2"] + b2',),
              FWD, {"a1": n.cache["a1"], "W2": n.params["W2"], **_pick(n.params, "b2"), "z2": n.cache["z2"]},
              parts=("hidden", "W2", "b2", "output")),
        Stage("y_hat", "prediction", r"$\hat y = \sigma(z_2)$", ("y_hat = sigmoid(z2)",), FWD,
              {"z2": n.cache["z2"], "y_hat": n.y_hat, "y": n.y_sel}, parts=("output",)),
        Stage("loss", "loss", r"$L = \tfrac12 \sum_i (\hat y_i - y_i)^2 \qquad"
              r"\text{MSE} = \tfrac1N \sum_i (\hat y_i - y_i)^2 = \tfrac{2}{N} L$",
              ("return float(0.5 * np.sum((y_hat - y) ** 2))", "return float(np.mean((y - y_hat) ** 2))"),
              f"{NETWORK}, loss and mse",
              {"y_hat": n.y_hat, "y": n.y_sel, "L": np.array(loss(n.y_sel, n.y_hat)),
               "MSE": np.array(mse(n.y_sel, n.y_hat))},
              parts=("output",)),
    ]


def _backward_stages(n) -> list:
    """delta_out, dW2, delta_hid, dW1, update, loss_after: the chain rule back, the step and its effect."""
    return [
        Stage("delta_out", "output error signal",
              r"$\delta_2 = \dfrac{\partial L}{\partial z_2} = (\hat y - y) \odot \hat y \odot (1 - \hat y)$",
              ("d_out = (y_hat - y) * y_hat * (1 - y_hat)",), BWD,
              {"y_hat": n.y_hat, "y": n.y_sel, "delta_out": n.delta_out}, parts=("output",)),
        Stage("dW2", "output-layer gradients",
              r"$\dfrac{\partial L}{\partial W_2} = a_1^\top \delta_2"
              + _b(n, r" \qquad \dfrac{\partial L}{\partial b_2} = \sum_i \delta_{2,i}") + "$",
              ('grads = {"dW1": X.T @ d_hid, "dW2": a1.T @ d_out}',)
              + (('grads["db2"] = d_out.sum(axis=0, keepdims=True)',) if n.bias else ()),
              BWD, {"a1": n.cache["a1"], "delta_out": n.delta_out, **_pick(n.grads, "dW2", "db2")},
              _pick(n.numeric, "dW2", "db2"), parts=("hidden", "W2", "b2", "output")),
        Stage("delta_hid", "hidden error signal",
              r"$\delta_1 = \dfrac{\partial L}{\partial z_1} = (\delta_2 W_2^\top) \odot a_1 \odot (1 - a_1)$",
              ('d_hid = (d_out @ params["W2"].T) * a1 * (1 - a1)',), BWD,
              {"delta_out": n.delta_out, "W2": n.params["W2"], "a1": n.cache["a1"], "delta_hid": n.delta_hid},
              parts=("output", "W2", "hidden")),
        Stage("dW1", "hidden-layer gradients",
              r"$\dfrac{\partial L}{\partial W_1} = X^\top \delta_1"
              + _b(n, r" \qquad \dfrac{\partial L}{\partial b_1} = \sum_i \delta_{1,i}") + "$",
              ('grads = {"dW1": X.T @ d_hid, "dW2": a1.T @ d_out}',)
              + (('grads["db1"] = d_hid.sum(axis=0, keepdims=True)',) if n.bias else ()),
              BWD, {"X": n.X_sel, "delta_hid": n.delta_hid, **_pick(n.grads, "dW1", "db1")},
              _pick(n.numeric, "dW1", "db1"), parts=("input", "W1", "b1", "hidden")),
        Stage("update", "gradient-descent update",
              rf"$W \leftarrow W - \eta \, \dfrac{{\partial L}}{{\partial W}}$ for every parameter, $\eta$ = {n.lr:g}",
              ('params = {name: value - lr * grads["d" + name] for name, value in params.items()}',),
              f"{TRAIN}, gradient_descent",
              _before_after(n.params, n.grads, n.new), parts=("W1", "b1", "W2", "b2")),
        Stage("loss_after", "loss after the step",
              r"$L' = \tfrac12 \sum_i (\hat y'_i - y_i)^2$ with $\hat y'$ from a fresh forward pass",
              ("y_hat, cache = forward(params, X)",), f"{TRAIN}, gradient_descent",
              {"y_hat": n.y_hat_after, "L": np.array(loss(n.y_sel, n.y_hat_after)), "MSE": np.array(n.losses[1]),
               "L before": np.array(loss(n.y_sel, n.y_hat))},
              parts=("input", "W1", "b1", "hidden", "W2", "b2", "output")),
    ]


def _before_after(params: dict, grads: dict, new: dict) -> dict:
    """{"W1": old, "dW1": gradient, "W1 after": new, ...} for every parameter."""
    out = {}
    for name in params:
        out.update({name: params[name], "d" + name: grads["d" + name], name + " after": new[name]})
    return out
