"""The network diagram: draws for H = 1..8 without warnings; colour = sign, width = magnitude."""
import io
import warnings

import matplotlib.colors as mcolors
import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from helpers import data, network
from helpers.pictures import diagram, plots


def new_ax():
    fig = Figure(figsize=(4.6, 3.9), dpi=80)
    FigureCanvasAgg(fig)
    return fig, fig.add_subplot()


def net(H, bias, seed=0):
    params = network.init_params(H, seed=seed, bias=bias, scale=1.5)
    if bias:
        params["b1"] = np.linspace(-1, 1, H)[None, :]
        params["b2"] = np.array([[0.3]])
    return params


@pytest.mark.parametrize("H", range(1, 9))
@pytest.mark.parametrize("bias", [False, True])
@pytest.mark.parametrize("x", [None, data.X[1]])
def test_draws_every_size_without_warnings(H, bias, x):
    fig, ax = new_ax()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        # except a library's deprecations from inside matplotlib (3.10.0 calls pyparsing 3.3's old names)
        warnings.filterwarnings("ignore", category=DeprecationWarning, module="(matplotlib|pyparsing)")
        drawn = diagram.draw_network(ax, net(H, bias), x=x, highlight=("hidden", "W2"))
        fig.savefig(io.BytesIO(), format="png")  # rendering is where font and layout warnings appear
    assert len(drawn["edges"]) == 3 * H + (H + 1 if bias else 0)
    assert len(drawn["nodes"]) == 2 + H + 1 + (2 if bias else 0)


@pytest.mark.parametrize("bias", [False, True])
def test_colour_is_the_sign_and_width_the_magnitude(bias):
    params = net(5, bias, seed=4)
    _, ax = new_ax()
    edges = diagram.draw_network(ax, params)["edges"]
    widths = []
    for (group, i, j), line in edges.items():
        w = params[group][i, j]
        expected = plots.ORANGE if w >= 0 else plots.BLUE
        assert mcolors.same_color(line.get_color(), expected), (group, i, j)
        widths.append((abs(w), line.get_linewidth()))
    widths.sort()
    assert all(a[1] <= b[1] for a, b in zip(widths, widths[1:]))  # wider for larger |w|
    assert widths[-1][1] > 3 * widths[0][1]


def test_highlight_fades_everything_else():
    _, ax = new_ax()
    drawn = diagram.draw_network(ax, net(3, True), highlight=["W1", "hidden"])
    for (group, _, _), line in drawn["edges"].items():
        assert line.get_alpha() == (1.0 if group == "W1" else diagram.FADED_LINE)
    # faded nodes are lighter but opaque, so the lines pass behind them, not across them
    for name in ("h1", "out", "b2"):
        assert drawn["nodes"][name].get_alpha() in (None, 1.0)
        assert drawn["nodes"][name].get_zorder() > max(line.get_zorder() for line in drawn["edges"].values())
    bright, faded = (drawn["nodes"][name].get_edgecolor()[0] for name in ("h1", "out"))
    assert tuple(bright[:3]) == (0.0, 0.0, 0.0) and min(faded[:3]) > 0.5


def test_edges_can_show_gradients_instead_of_weights():
    params = net(3, True, seed=1)
    grads = {"dW2": np.array([[0.002], [-0.004], [0.001]])}
    _, ax = new_ax()
    drawn = diagram.draw_network(ax, params, edges={"W2": grads["dW2"]}, edge_name="dL/dW2")
    colours = [drawn["edges"][("W2", j, 0)].get_color() for j in range(3)]
    assert colours == [diagram.ORANGE, diagram.BLUE, diagram.ORANGE]  # the gradient's sign, not the weight's
    widths = [drawn["edges"][("W2", j, 0)].get_linewidth() for j in range(3)]
    assert widths[1] == max(widths) and widths[2] == min(widths)
    assert drawn["edges"][("W1", 0, 0)].get_color() == "gray"  # no number given for W1
    assert any("dL/dW2" in t.get_text() for t in drawn["texts"])


def test_nodes_are_filled_with_the_activations_of_the_chosen_input():
    params = net(4, True, seed=2)
    _, ax = new_ax()
    drawn = diagram.draw_network(ax, params, x=data.X[2])
    y_hat, cache = network.forward(params, data.X[2:3])
    np.testing.assert_allclose(drawn["nodes"]["out"].get_facecolor()[0], plots.CMAP(y_hat[0, 0]))
    np.testing.assert_allclose(drawn["nodes"]["h3"].get_facecolor()[0], plots.CMAP(cache["a1"][0, 2]))
    shown = [t.get_text() for t in drawn["texts"]]
    assert f"{cache['a1'][0, 2]:.2f}" in shown and f"{y_hat[0, 0]:.2f}" in shown


@pytest.mark.parametrize("kwargs, error, words", [
    ({"highlight": "W1"}, TypeError, ["highlight", "list"]),
    ({"highlight": ["W3"]}, ValueError, ["highlight", "W3"]),
    ({"highlight": [1]}, TypeError, ["highlight"]),
    ({"x": [0, 1, 1]}, ValueError, ["x", "(2)"]),
    ({"x": "01"}, TypeError, ["x"]),
    ({"params": network.init_params(17, seed=0)}, ValueError, ["1..16", "17"]),
    ({"params": {"W1": np.zeros((2, 2))}}, TypeError, ["params"]),
])
def test_bad_arguments_are_rejected(kwargs, error, words):
    _, ax = new_ax()
    kwargs = {"params": net(2, True), **kwargs}
    with pytest.raises(error) as info:
        diagram.draw_network(ax, **kwargs)
    for word in words:
        assert word in str(info.value)
