"""The scalar autograd of notebook 06: each operation against closed forms and central differences,
the chain rule at a fan-out, clear errors for bad operands, the XOR net from Values against
helpers/network.py and helpers/train.py, and the drawn graph's text."""
import itertools
import math

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.text import Text

from helpers import data, network, train
from helpers.analysis import autograd_net
from helpers.autograd import Value, topological_order, zero_grad
from helpers.pictures import graph_plot


def sig(t):
    """The logistic function on a Value or, independently of network.sigmoid's logaddexp form, on a float."""
    return t.sigmoid() if isinstance(t, Value) else 1.0 / (1.0 + math.exp(-t))


def exp(t):
    return t.exp() if isinstance(t, Value) else math.exp(t)


# f(a, b) written once, run on floats (the reference) and on Values; with the closed-form gradients
OPS = {
    "add": (lambda a, b: a + b, lambda a, b: (1.0, 1.0)),
    "mul": (lambda a, b: a * b, lambda a, b: (b, a)),
    "sub": (lambda a, b: a - b, lambda a, b: (1.0, -1.0)),
    "neg": (lambda a, b: -a, lambda a, b: (-1.0, 0.0)),
    "pow2": (lambda a, b: a ** 2, lambda a, b: (2 * a, 0.0)),
    "pow3": (lambda a, b: a ** 3, lambda a, b: (3 * a * a, 0.0)),
    "pow-1": (lambda a, b: a ** -1, lambda a, b: (-1 / a ** 2, 0.0)),
    "pow0.5": (lambda a, b: b ** 0.5, lambda a, b: (0.0, 0.5 / math.sqrt(b))),
    "exp": (lambda a, b: exp(a), lambda a, b: (math.exp(a), 0.0)),
    "sigmoid": (lambda a, b: sig(a), lambda a, b: (sig(a) * (1 - sig(a)), 0.0)),
    "radd": (lambda a, b: 2.5 + a, lambda a, b: (1.0, 0.0)),
    "rmul": (lambda a, b: -3 * a, lambda a, b: (-3.0, 0.0)),
    "rsub": (lambda a, b: 1 - a, lambda a, b: (-1.0, 0.0)),
    "mixed": (lambda a, b: sig(a * b - b ** 2) * exp(-a) + 0.5 * a,
              lambda a, b: (None, None)),  # no closed form written out: differences only
}
POINTS = [(1.5, 0.7), (-0.8, 2.3), (0.3, 4.0)]


def value_and_grads(f, a, b):
    A, B = Value(a), Value(b)
    out = f(A, B)
    out.backward()
    return out.data, A.grad, B.grad


@pytest.mark.parametrize("name", OPS)
@pytest.mark.parametrize("a, b", POINTS)
def test_forward_matches_plain_floats(name, a, b):
    f, _ = OPS[name]
    assert value_and_grads(f, a, b)[0] == pytest.approx(f(a, b), rel=1e-14, abs=1e-15)


@pytest.mark.parametrize("name", OPS)
@pytest.mark.parametrize("a, b", POINTS)
def test_backward_matches_closed_form_and_central_differences(name, a, b):
    f, closed = OPS[name]
    _, da, db = value_and_grads(f, a, b)
    eps = 1e-6
    numeric = ((f(a + eps, b) - f(a - eps, b)) / (2 * eps), (f(a, b + eps) - f(a, b - eps)) / (2 * eps))
    assert (da, db) == pytest.approx(numeric, rel=1e-7, abs=1e-8)
    if closed(a, b)[0] is not None:
        assert (da, db) == pytest.approx(closed(a, b), rel=1e-14, abs=1e-15)


def test_fan_out_gradients_add():
    a, b = Value(2.0), Value(-3.0)
    f = a * b + a            # a reaches f along two paths: through * (gives b) and through + (gives 1)
    f.backward()
    assert (a.grad, b.grad) == (-2.0, 2.0)
    x = Value(3.0)
    (x * x).backward()       # both inputs of * are the same Value
    assert x.grad == 6.0
    x = Value(3.0)
    (x + x + x).backward()
    assert x.grad == 3.0


def test_gradients_accumulate_over_backward_calls_until_zeroed():
    a = Value(2.0)
    f = a * a
    f.backward()
    f.backward()
    assert a.grad == 8.0     # 2 a, twice
    zero_grad([a])
    f.backward()
    assert a.grad == 4.0


def test_a_weights_gradient_is_a_sum_of_one_share_per_example():
    """Notebook 06's fan-out for a weight: W2[j] is used once per example, and its gradient is the sum of
    the examples' gradients, the sum inside a1.T @ d_out."""
    params = network.init_reference(2)
    P = autograd_net.to_values(params)
    L, _ = autograd_net.batch_loss(P, data.X, data.y)
    w = P["W2"][0]
    assert sum(child is w for v in topological_order(L) for child in v._prev) == len(data.X)
    L.backward()
    per_example = [autograd_net.gradients(params, data.X[n:n + 1], data.y[n:n + 1])["dW2"][0, 0] for n in range(4)]
    assert w.grad == pytest.approx(sum(per_example), abs=1e-15)
    assert all(abs(share - w.grad) > 1e-3 for share in per_example)  # no one example's share is the gradient


def test_a_second_backward_without_zeroing_doubles_on_a_new_graph_and_more_on_the_same():
    """Notebook 06's Exercise 3: a training step's new graph adds the same gradient again (twice, to rounding);
    the same graph again gives more, and more for W1 (further from L) than for W2."""
    P = autograd_net.to_values(network.init_reference(2))
    grads = []
    for _ in range(2):
        L, _ = autograd_net.batch_loss(P, data.X, data.y)
        L.backward()
        grads.append([p.grad for p in autograd_net.parameters(P)])
    assert grads[1] == pytest.approx([2 * g for g in grads[0]], rel=1e-12)
    P = autograd_net.to_values(network.init_reference(2))
    L, _ = autograd_net.batch_loss(P, data.X, data.y)
    L.backward()
    once = {p.label: p.grad for p in autograd_net.parameters(P)}
    L.backward()
    times = {p.label: p.grad / once[p.label] for p in autograd_net.parameters(P)}
    W1 = [t for name, t in times.items() if name.startswith("W1")]
    W2 = [t for name, t in times.items() if name.startswith("W2")]
    assert min(W2) > 2 and min(W1) > max(W2)


def test_a_long_chain_needs_no_recursion():
    x = Value(0.5)
    out = x
    for _ in range(5000):
        out = out + x
    out.backward()
    assert x.grad == 5001.0
    assert len(topological_order(out)) == 5001


@pytest.mark.parametrize("bad", ["2", None, np.array([1.0, 2.0]), True, np.bool_(False), [1.0], 1 + 2j],
                         ids=["str", "None", "array", "bool", "numpy-bool", "list", "complex"])
@pytest.mark.parametrize("expr", ["a + bad", "bad + a", "a * bad", "bad * a", "a - bad", "bad - a", "a ** bad",
                                  "Value(bad)"])
def test_bad_operand_gets_a_clear_type_error(bad, expr):
    a = Value(1.0)
    with pytest.raises(TypeError) as e:
        eval(expr, {"a": a, "bad": bad, "Value": Value})
    message = str(e.value)
    assert "plain number (int or float)" in message
    shown = "NumPy array of shape (2,)" if isinstance(bad, np.ndarray) else type(bad).__name__
    assert shown in message, message


def test_other_bad_uses_name_the_problem():
    a = Value(-2.0)
    with pytest.raises(TypeError, match="not a Value, got Value"):
        a ** Value(2.0)
    with pytest.raises(TypeError, match="exponent of \\*\\* must be a plain number"):
        2 ** a
    with pytest.raises(ValueError, match="finite number, got nan"):
        a + float("nan")
    with pytest.raises(ValueError, match="fractional power"):
        a ** 0.5
    with pytest.raises(OverflowError, match="too large"):
        Value(800.0).exp()
    assert Value(-800.0).sigmoid().data == 0.0 and Value(800.0).sigmoid().data == 1.0  # no overflow


def test_numpy_numbers_are_plain_numbers():
    a = Value(np.float64(2.0)) * np.int64(3) + np.float32(0.5)
    assert a.data == 6.5
    b = np.float64(2.0) * Value(3.0) - np.int64(1)  # a NumPy number on the left hands over to Value too
    assert isinstance(b, Value) and b.data == 5.0


# ---- the XOR net from Values against helpers/network.py ------------------------------------------

def net(hidden, bias, seed):
    """A net with non-zero biases (init_params starts them at 0, which would hide a bias bug)."""
    params = network.init_params(hidden, seed, bias, scale=1.0)
    if bias:
        rng = np.random.default_rng(1000 + seed)
        params["b1"], params["b2"] = rng.normal(0, 1, (1, hidden)), rng.normal(0, 1, (1, 1))
    return params


@pytest.mark.parametrize("bias", [False, True])
@pytest.mark.parametrize("hidden", range(1, 9))
def test_net_gradients_equal_network_backward(hidden, bias):
    for seed in range(3):
        params = net(hidden, bias, seed)
        ours = autograd_net.gradients(params)
        _, cache = network.forward(params, data.X)
        theirs = network.backward(params, cache, data.y)
        assert set(ours) == set(theirs)
        for k in theirs:
            assert ours[k].shape == theirs[k].shape
            assert np.max(np.abs(ours[k] - theirs[k])) <= 1e-12, (k, hidden, bias, seed)


def test_net_gradients_on_other_data():
    X = np.random.default_rng(3).normal(0, 2, (7, 2))
    y = np.random.default_rng(4).uniform(0, 1, (7, 1))
    params = net(3, True, 5)
    _, cache = network.forward(params, X)
    theirs = network.backward(params, cache, y)
    ours = autograd_net.gradients(params, X, y)
    assert all(np.max(np.abs(ours[k] - theirs[k])) <= 1e-12 for k in theirs)


@pytest.mark.parametrize("kwargs", [dict(hidden=4, seed=1, bias=True), dict(hidden=3, seed=0, bias=False),
                                    dict(hidden=4, seed=42, bias=False, init="reference")])
def test_training_equals_train_step_by_step(kwargs):
    ours = autograd_net.train(lr=0.5, steps=300, **kwargs)
    theirs = train.train(lr=0.5, steps=300, **kwargs)
    assert ours.losses.shape == theirs.losses.shape == (301,)
    assert np.max(np.abs(ours.losses - theirs.losses)) <= 1e-12
    assert set(ours.params) == set(theirs.params)
    assert all(np.max(np.abs(ours.params[k] - theirs.params[k])) <= 1e-12 for k in theirs.params)
    assert np.max(np.abs(ours.y_hat - theirs.y_hat)) <= 1e-12
    assert ours.losses[-1] < ours.losses[0]  # it did train


def test_net_arguments_are_checked():
    with pytest.raises(TypeError, match="params must be a dict"):
        autograd_net.gradients([1, 2])
    with pytest.raises(ValueError, match="W2 must have shape"):
        autograd_net.gradients({"W1": np.ones((2, 3)), "W2": np.ones((2, 1))})
    with pytest.raises(ValueError, match="hidden must be an integer in 1..64"):
        autograd_net.train(hidden=0)
    with pytest.raises(ValueError, match="steps must be an integer"):
        autograd_net.train(steps=10**6)


@pytest.mark.parametrize("hidden, bias", list(itertools.product([1, 4, 64], [False, True])))
def test_values_per_step_follow_the_count(hidden, bias):
    # per example: 2 inputs; per hidden unit 2 products, 1 sum, a sigmoid, a product with W2 (and a bias sum);
    # H - 1 sums; then sigmoid, y, y_hat - y, the square, 1/2, the product (and the b2 sum); N - 1 sums
    per_example = 2 + (5 + bias) * hidden + hidden - 1 + 6 + bias
    count = autograd_net.graph_size(network.init_params(hidden, 0, bias))
    assert count["made"] == 4 * per_example + 3
    assert count["graph"] == count["made"] + (3 + bias) * hidden + bias  # W1, W2 (, b1, b2)


# ---- the drawing ------------------------------------------------------------------------------------

@pytest.fixture
def drawn():
    params = net(2, False, 0)
    fig = graph_plot.graph_figure(params, data.X[3], data.y[3, 0])
    fig.canvas.draw()
    yield fig, params
    plt.close(fig)


def test_graph_text_is_readable_and_never_overlaps(drawn):
    fig, _ = drawn
    renderer = fig.canvas.get_renderer()
    texts = [t for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]
    assert len(texts) > 30
    boxes = [t.get_window_extent(renderer) for t in texts]
    whole = fig.bbox
    for t, b in zip(texts, boxes):
        assert t.get_fontsize() >= 9, t.get_text()
        assert whole.x0 <= b.x0 and b.x1 <= whole.x1 and whole.y0 <= b.y0 and b.y1 <= whole.y1, t.get_text()
    for (t1, b1), (t2, b2) in itertools.combinations(zip(texts, boxes), 2):
        assert not b1.overlaps(b2), (t1.get_text(), t2.get_text())


def test_graph_shows_the_values_and_gradients_of_the_example(drawn):
    fig, params = drawn
    shown = [t.get_text() for t in fig.findobj(Text)]
    x, y = data.X[3:4], data.y[3:4]
    y_hat, cache = network.forward(params, x)
    grads = network.backward(params, cache, y)
    assert f"L\nvalue {network.loss(y, y_hat):.4f}\ngrad 1.0000" in shown
    assert f"y_hat\nvalue {y_hat[0, 0]:.4f}\ngrad {y_hat[0, 0] - y[0, 0]:.4f}" in shown
    assert f"W1[1,0]\nvalue {params['W1'][1, 0]:.4f}\ngrad {grads['dW1'][1, 0]:.4f}" in shown
    assert f"W2[1]\nvalue {params['W2'][1, 0]:.4f}\ngrad {grads['dW2'][1, 0]:.4f}" in shown


def test_graph_refuses_nets_too_wide_to_read():
    with pytest.raises(ValueError, match="1..2 hidden units, got 3"):
        graph_plot.graph_figure(network.init_params(3), data.X[0], 0.0)
