"""docs/equations.md, the one-page equations sheet: every equation checked against the lab's code, every
section it cites present in its notebook, every pitfall it lists shown to happen, and the sheet linked.

Each equation of the sheet comes with the same in NumPy, in a ```python block whose first line is
`# checks: NAME`. The blocks run in order in one namespace (as a notebook's cells would), on random
inputs, and CHECKS[NAME] compares what the block computed with helpers.network / variants / train /
gradcheck, or with central differences where the code has no such function.
"""
import re
from pathlib import Path

import nbformat
import numpy as np
import pytest

from helpers import gradcheck, network, train, variants
from helpers.autograd import Value

ROOT = Path(__file__).resolve().parents[1]
SHEET = (ROOT / "docs" / "equations.md").read_text(encoding="utf-8")
BLOCK = re.compile(r"```python\n# checks: (\w+)[^\n]*\n(.*?)```", re.S)
CITE = re.compile(r"\[(\d\d) § ([^\]]+)\]\(\.\./notebooks/([^)]+)\)")


def same(a, b, tol=1e-9) -> None:
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    assert a.shape == b.shape and np.allclose(a, b, rtol=tol, atol=tol), (a, b)


def slope(f, z, eps=1e-6):
    """Central differences of an elementwise f at every entry of z."""
    return (f(z + eps) - f(z - eps)) / (2 * eps)


def inputs(seed: int) -> dict:
    """Random X (N, 2), y in {0, 1}, a net with biases (H = 3), lr, mu and a velocity for W1."""
    rng = np.random.default_rng(seed)
    N, H = 6, 3
    params = {"W1": rng.normal(0, 1, (2, H)), "b1": rng.normal(0, 1, (1, H)), "W2": rng.normal(0, 1, (H, 1)),
              "b2": rng.normal(0, 1, (1, 1))}
    return {"np": np, "X": rng.normal(0, 1, (N, 2)), "y": rng.integers(0, 2, (N, 1)).astype(float), **params,
            "lr": 0.3, "mu": 0.9, "v1": rng.normal(0, 0.1, (2, H))}


def params_of(ns: dict) -> dict:
    return {name: ns[name] for name in network.PARAM_NAMES}


def check_forward(ns, start):
    _, cache = network.forward(params_of(start), start["X"])
    for name in ("z1", "a1", "z2", "y_hat"):
        same(ns[name], cache[name])


def check_losses(ns, start):
    X, y, params = start["X"], start["y"], params_of(start)
    y_hat, cache = network.forward(params, X)
    same(ns["mse"], network.mse(y, y_hat))
    same(ns["L"], network.loss(y, y_hat))
    same(ns["mse"], 2 / len(y) * ns["L"])  # the printed loss is 2/N times the differentiated one
    same(ns["L_ce"], variants.loss(cache, y, "cross_entropy"))


def check_output_delta(ns, start):
    X, y, params = start["X"], start["y"], params_of(start)
    _, cache = variants.forward(params, X)
    z2 = cache["z2"]
    squared = lambda z: 0.5 * (network.sigmoid(z) - y) ** 2  # noqa: E731 -- per example: dL/dz2 is elementwise
    entropy = lambda z: y * np.logaddexp(0, -z) + (1 - y) * np.logaddexp(0, z)  # noqa: E731
    same(ns["d_out"], slope(squared, z2), tol=1e-6)
    same(ns["d_out_ce"], slope(entropy, z2), tol=1e-6)
    for loss, d_out in (("squared", ns["d_out"]), ("cross_entropy", ns["d_out_ce"])):
        grads = variants.backward(params, cache, y, "sigmoid", loss)
        same(grads["dW2"], cache["a1"].T @ d_out)
        same(grads["db2"], d_out.sum(axis=0, keepdims=True))


def check_slopes(ns, start):
    z1 = ns["z1"]
    same(ns["sigmoid_slope"], slope(network.sigmoid, z1), tol=1e-6)
    same(ns["tanh_slope"], slope(np.tanh, z1), tol=1e-6)
    same(ns["relu_slope"], slope(lambda z: variants.activate(z, "relu"), z1), tol=1e-6)  # z1 is never 0 here
    same(ns["relu_slope"] * 0 + (z1 > 0), ns["relu_slope"])
    X, y, params = start["X"], start["y"], params_of(start)
    for activation, name in (("sigmoid", "sigmoid_slope"), ("tanh", "tanh_slope"), ("relu", "relu_slope")):
        _, cache = variants.forward(params, X, activation)
        d_out = (cache["y_hat"] - y) * cache["y_hat"] * (1 - cache["y_hat"])
        d_hid = (d_out @ params["W2"].T) * ns[name]  # the hidden delta with this slope
        same(variants.backward(params, cache, y, activation)["dW1"], X.T @ d_hid)


def check_gradients(ns, start):
    params = params_of(start)
    grads = network.backward(params, network.forward(params, start["X"])[1], start["y"])
    for name in ("dW1", "db1", "dW2", "db2"):
        same(ns[name], grads[name])


def check_updates(ns, start):
    X, y, params = start["X"], start["y"], params_of(start)
    same(ns["W1_plain"], train.gradient_descent(params, X, y, start["lr"], 1)[1]["W1"])
    velocity = {name: np.zeros_like(value) for name, value in params.items()} | {"W1": start["v1"]}
    _, after, v = variants.descend(params, velocity, X, y, start["lr"], 1, momentum=start["mu"])
    same(ns["v1"], v["W1"])
    same(ns["W1_momentum"], after["W1"])


def check_gradient_check(ns, start):
    X, y, params = start["X"], start["y"], params_of(start)
    numeric = gradcheck.numerical_gradients(params, X, y)
    for name, value in params.items():
        def loss_of(W, name=name):
            return network.loss(y, network.forward({**params, name: W}, X)[0])
        mine = np.array([ns["central"](loss_of, value, i) for i in np.ndindex(value.shape)]).reshape(value.shape)
        same(mine, numeric["d" + name], tol=1e-12)
    a, b = numeric["dW1"], numeric["dW1"] * 1.01
    same(ns["relative_error"](a, b), gradcheck.relative_error(a, b))


CHECKS = {"forward": check_forward, "losses": check_losses, "output_delta": check_output_delta,
          "slopes": check_slopes, "gradients": check_gradients, "updates": check_updates,
          "gradient_check": check_gradient_check}


def test_every_numpy_block_is_checked_and_every_check_has_its_block():
    names = [name for name, _ in BLOCK.findall(SHEET)]
    assert names == list(CHECKS)
    assert SHEET.count("```python") == len(names)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_every_equation_gives_what_the_code_gives(seed):
    start = inputs(seed)
    ns = dict(start)
    for name, code in BLOCK.findall(SHEET):
        exec(compile(code, f"docs/equations.md ({name})", "exec"), ns)
        CHECKS[name](ns, start)


def notebook(number: str) -> Path:
    found = sorted((ROOT / "notebooks").glob(f"{number}_*.ipynb"))
    assert len(found) == 1, number
    return found[0]


def test_every_cited_section_is_a_heading_of_its_notebook():
    cites = CITE.findall(SHEET)
    assert len(cites) >= 15
    for number, heading, file in cites:
        path = notebook(number)
        assert file == path.name, (number, file)
        headings = {line.strip() for c in nbformat.read(path, as_version=4).cells if c.cell_type == "markdown"
                    for line in c.source.splitlines() if line.startswith("## ")}
        assert f"## {heading}" in headings, f"{path.name} has no heading '## {heading}'"


def test_each_equation_cites_its_section_and_each_pitfall_too():
    equations = SHEET.split("## Equations", 1)[1].split("\n## Pitfalls", 1)[0].split("\n### ")[1:]
    assert len(equations) == len(CHECKS)
    for section in equations:
        assert CITE.search(section) and section.count("```python") == 1, section[:60]
    pitfalls = [p for p in SHEET.split("## Pitfalls", 1)[1].split("\n- ") if p.strip()]
    assert len(pitfalls) == 6 and all(CITE.search(p) for p in pitfalls)
    for words in ("gradient check", "`=` for `+=`", "not zeroed", "log(0)", "relu′(0)", "symmetric start"):
        assert any(words in p for p in pitfalls), words


def test_it_is_short_enough_for_one_printed_page():
    """A proxy (nothing here prints): what is printed, links shown as their text, fits in about a page of
    55 lines of 75 characters; the NumPy blocks are in closed <details>, which browsers do not print."""
    printed = re.sub(r"<details>.*?</details>", "", SHEET, flags=re.S)
    printed = re.sub(r"\]\([^)]*\)", "]", printed)
    assert len(printed) <= 4000 and len([line for line in printed.splitlines() if line.strip()]) <= 55


def test_it_is_linked_from_the_readme_and_notebook_00():
    assert "(docs/equations.md)" in (ROOT / "README.md").read_text(encoding="utf-8")
    index = "\n".join(c.source for c in nbformat.read(ROOT / "notebooks" / "00_index.ipynb", as_version=4).cells)
    assert "(../docs/equations.md)" in index


# ---- the pitfalls happen as the sheet says -----------------------------------------------------------------

def test_a_gradient_check_against_the_printed_loss_is_off_by_2_over_n():
    start = inputs(3)
    params, X, y = params_of(start), start["X"], start["y"]
    W = params["W2"]
    def printed(W2):
        return network.mse(y, network.forward({**params, "W2": W2}, X)[0])
    of_mse = np.array([(printed(W + e) - printed(W - e)) / 2e-5 for e in np.eye(W.size).reshape(-1, *W.shape) * 1e-5])
    same(of_mse.reshape(W.shape), 2 / len(y) * network.backward(params, network.forward(params, X)[1], y)["dW2"],
         tol=1e-7)


def test_gradients_add_up_unless_zeroed_and_equals_keeps_one_share():
    a = Value(2.0)
    f = a * a  # a used twice: df/da = 2a = 4
    f.backward()
    assert a.grad == 4.0
    f.backward()  # not zeroed: the second backward adds to the first
    assert a.grad == 8.0


def test_log_of_zero_and_the_relu_kink():
    z2 = np.array([[40.0]])  # sigma(40) rounds to 1: log(1 - y_hat) is -inf
    with np.errstate(divide="ignore"):
        assert np.isinf(np.log(1 - network.sigmoid(z2))).all()
    y_hat, cache = variants.forward({"W1": np.zeros((2, 1)), "W2": np.array([[40.0]]), "b2": np.zeros((1, 1)),
                                     "b1": np.ones((1, 1))}, np.zeros((1, 2)))
    assert np.isfinite(variants.loss(cache, np.zeros((1, 1)), "cross_entropy"))
    params = {"W1": np.zeros((2, 2)), "b1": np.zeros((1, 2)), "W2": np.ones((2, 1)), "b2": np.zeros((1, 1))}
    X, y = np.ones((1, 2)), np.ones((1, 1))  # z1 is exactly 0: on the kink
    grads = variants.backward(params, variants.forward(params, X, "relu")[1], y, "relu")
    assert (grads["dW1"] == 0).all()  # relu'(0) taken as 0; a central difference says 1/2 of the way
    errors = variants.grad_check(params, X, y, "relu")
    assert errors["dW1"] > gradcheck.BUG


def test_a_symmetric_start_stays_symmetric():
    rng = np.random.default_rng(4)
    params = {"W1": np.repeat(rng.normal(0, 1, (2, 1)), 3, axis=1), "W2": np.full((3, 1), 0.7)}
    run = train.gradient_descent(params, train.data.X, train.data.y, 0.5, 200)[1]
    assert np.allclose(run["W1"], run["W1"][:, :1]) and np.allclose(run["W2"], run["W2"][0])
