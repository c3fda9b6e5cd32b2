"""Every picture in words (issue 24): the words say what the picture draws, with the data's own numbers.

tests/test_figures.py runs every notebook figure and every panel at its extremes and fails when an
Axes that draws data gets no words. Here: the words' numbers against the data, computed again
from the network (not read back from the figure), and how a figure reaches the page (alt text).
"""
import html
import re
from pathlib import Path

import matplotlib
import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from helpers import data, network, train
from helpers.analysis import hidden_layer
from helpers.pictures import hidden_plots, plots, shapes, words

matplotlib.use("agg")


def new_figure(**kwargs) -> Figure:
    fig = Figure(**kwargs)
    FigureCanvasAgg(fig)
    return fig


def numbers_in(text: str) -> list:
    return [float(t.replace(",", "")) for t in re.findall(r"-?\d[\d,]*(?:\.\d+)?(?:e[-+]?\d+)?", text)]


def shading_there(text: str) -> list:
    """The shading's values the words give at the points: [(x, y, value), ...], in order."""
    part = text.split("the shading there ", 1)[1]
    number = r"(-?\d+(?:\.\d+)?(?:e-?\d+)?)"
    return [tuple(float(v) for v in m) for m in re.findall(rf"\({number}, {number}\) {number}", part)][:4]


def said(text: str, value: float) -> bool:
    """Does the text give `value` as the words give numbers (3 significant digits, whole numbers exactly)?"""
    return float(words.number(value).replace(",", "")) in numbers_in(text)


@pytest.fixture(scope="module")
def reference():
    return train.train(**train.REFERENCE)


def test_a_run_overview_says_the_loss_the_output_at_each_point_and_the_predictions(reference):
    fig = plots.overview(reference, new_figure(figsize=(11, 3.4)))
    point, text = words.message(fig), words.describe(fig)
    losses = reference.losses
    # the plateau, computed again: the first step the loss is more than 0.1 decades from where it started
    left = int(np.argmax(np.abs(np.log10(losses) - np.log10(losses[0])) > 0.1))
    assert point.startswith(f"The loss stays near {words.number(losses[0])} until step {left:,}, then falls to "
                            f"{words.number(losses[-1])} by step {len(losses) - 1:,}"), point
    y_hat = network.forward(reference.params, data.X)[0].ravel()  # the data, computed again
    assert f"gets all 4 XOR points right (outputs {', '.join(f'{v:.2f}' for v in y_hat)})" in point, point
    assert len(point) <= words.MAX_ALT and point not in text
    readme = " ".join((Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8").split())
    quoted = re.search(r'\("(The loss stays near [^"]*)"\)', readme).group(1)  # the README's example is this one
    assert point.startswith(quoted), (quoted, point)
    for x, value in zip(data.X, y_hat):
        name = f"({x[0]:g},{x[1]:g})"
        assert f"{name} {words.number(value)}" in text, (name, text)  # the bars
    # the shading's value under each point is the net's output there, to the grid's resolution
    values = [v for _, _, v in shading_there(text)]
    assert np.allclose(values, y_hat, atol=0.02), (values, y_hat)
    assert f"{reference.correct} of 4 correct" in text
    assert "blue at (0, 0), (1, 1); orange at (0, 1), (1, 0)" in text  # the points, by their targets' colours
    assert not re.search(r"#[0-9a-fA-F]{6}", text + point)


# ---------------------------------------------------------------- shape words, against data whose shape is known

def test_a_plateau_then_a_drop_is_said_with_where_it_ends():
    steps = np.arange(3000)
    losses = np.where(steps < 1200, 0.25, 0.25 * np.exp(-(steps - 1200) / 200.0))
    # 0.25 e^(-k/200) is 0.1 decades under 0.25 at k = 200 ln(10^0.1) = 46.05: first at step 1,200 + 47
    left = 1200 + int(np.ceil(200 * np.log(10 ** 0.1)))
    end = 0.25 * np.exp(-1799 / 200)
    assert shapes.curve(steps, losses, log=True) == (f"stays near 0.25 until step {left:,}, then falls to "
                                                     f"{end:.3g} by step 2,999")
    assert shapes.is_flat(np.full(40, 0.25)) and not shapes.is_flat(losses, log=True)


def test_an_oscillation_is_counted_with_its_largest_swing():
    t = np.arange(41)
    y = 0.25 + 0.05 * (-1.0) ** t * (t < 10)  # ten swings of 0.1, then still
    turns, largest = shapes.swings(y)
    assert turns == 9 and np.isclose(largest, 0.1)
    assert "oscillating (9 swings, the largest 0.1)" in shapes.curve(t, y)
    assert shapes.swings(np.linspace(1, 0, 50)) == (0, 0.0)  # a fall only: no swing


def test_two_curves_cross_where_their_difference_changes_sign_and_the_highest_bar_is_named():
    x = np.arange(10)
    assert shapes.crossings(x, x, 9 - x) == [5.0]  # equal at 4.5: the first point after is x = 5
    assert shapes.extremes(["a", "b", "c"], [0.2, 0.9, 0.1]) == "highest b 0.9; lowest c 0.1"


def test_hidden_space_says_where_the_four_inputs_land():
    run = train.train(hidden=2, seed=0)
    fig = new_figure(figsize=(4, 4))
    hidden_plots.hidden_space(fig.subplots(), run.params)
    text = words.describe(fig)
    A = hidden_layer.activations(run.params)  # (4, 2): each input's point in hidden space
    for point in A:
        assert f"({words.number(point[0])}, {words.number(point[1])})" in text, (point, text)
    assert "x: h1" in text and "y: h2" in text


def test_a_single_units_picture_says_its_line_and_which_side_each_point_is_on():
    fig = new_figure(figsize=(4, 4))
    plots.draw_unit(fig.subplots(), np.array([20.0, 20.0]), -10.0)  # the OR line, x1 + x2 = 0.5
    text = words.describe(fig)
    assert "line from (-0.5, 1) to (1, -0.5)" in text, text
    values = [v for _, _, v in shading_there(text)]
    assert [v > 0.5 for v in values] == [False, True, True, True]


def test_error_bars_are_read_at_their_ticks_with_their_intervals():
    fig = new_figure(figsize=(4, 3))
    ax = fig.subplots()
    ax.errorbar(np.array([1, 2]) + 0.1, [0.2, 0.9], yerr=[[0.1, 0.05], [0.1, 0.05]], fmt="o-", label="biases")
    ax.set_xticks([1, 2])
    text = words.describe(fig)
    assert "biases: 1: 0.2 (0.1 to 0.3), 2: 0.9 (0.85 to 0.95)" in text, text


def test_the_figure_reaches_the_page_as_an_image_whose_alt_is_its_point_and_whose_details_differ(reference):
    fig = plots.overview(reference, new_figure(figsize=(11, 3.4)))
    page = words.figure_html(fig)
    alt, details = re.search(r'<img src="data:image/png;base64,[A-Za-z0-9+/=]+" alt="([^"]*)">'
                             r"<details><summary>The figure in words</summary><p>(.*)</p></details>", page).groups()
    assert html.unescape(alt) == words.message(fig) and html.unescape(details) == words.describe(fig)
    assert alt not in details  # heard once


def test_a_stated_point_holds_only_while_its_axes_draw_the_same_data():
    fig = new_figure(figsize=(4, 3))
    ax = fig.subplots()
    (line,) = ax.plot([0, 1, 2, 3], [0.25, 0.25, 0.1, 0.01], label="loss")
    words.say(ax, "The loss falls after step 1.")
    ax.set_title("set after drawing")  # a title is not data: the point holds
    assert words.message(fig) == "The loss falls after step 1."
    line.set_ydata([0.25, 0.25, 0.25, 0.25])  # a panel moved the curve: the point is read off the new data
    assert words.message(fig) == "Loss stays near 0.25 from x 0 to x 3, ending at 0.25."


def test_an_axes_drawing_something_the_words_cannot_say_is_reported():
    from matplotlib.patches import Rectangle
    from test_figures import _axes_without_words
    fig = new_figure(figsize=(3, 2))
    ax = fig.subplots()
    ax.add_patch(Rectangle((0, 0), 1, 1))
    ax.set_title("a square")
    assert _axes_without_words(fig) == ["axes 'a square' draws data but has no words (helpers.pictures.words)"]
    ax.plot([0, 1, 2], [1, 0, 2], label="loss")
    assert _axes_without_words(fig) == []


# ---------------------------------------------------------------- panels: every frame in words

def _words_of_explorer_frame(panel):
    n = panel.shown
    params = panel.path.params_at(n)
    losses = panel.path.losses[:n + 1]
    assert panel.alt.startswith("Loss (MSE) ") and said(panel.alt, losses[-1]), panel.alt
    assert f"step {n:,}" in panel.alt  # the loss curve so far
    for x, value in zip(data.X, network.forward(params, data.X)[0].ravel()):
        assert f"({x[0]:g},{x[1]:g}) {words.number(value)}" in panel.alt, panel.alt
    assert len(panel.alt) <= words.MAX_ALT


def test_each_frame_of_the_explorer_carries_its_own_words():
    """Shown (the button down), the words follow every frame; hidden, a frame of a run that plays says so,
    and the frame a run pauses at is put in words."""
    from helpers.panels.base import PLAYING_WORDS, SCREEN_READERS_ONLY
    from helpers.panels.explorer import explore_training
    from helpers.panels.live import PLAYING
    panel = explore_training(steps=2_000, speed=500)
    panel.words_button.value = True  # a sighted reader asks for the words: shown under the picture
    setattr(panel.play, PLAYING, True)  # `_playing` in ipywidgets 7.7.1
    for frame in (1, 2):
        panel.play.value = frame
        _words_of_explorer_frame(panel)
        assert SCREEN_READERS_ONLY not in panel.words.value and html.escape(panel.alt) in panel.words.value
        # shown, the longer words follow the point, and differ from it
        assert panel.details and panel.alt not in panel.details and html.escape(panel.details) in panel.words.value
        assert f"step {panel.shown:,}: loss {panel.path.losses[panel.shown]:.4f}" in panel.details
    panel.words_button.value = False
    panel.play.value = 3
    assert panel.alt == PLAYING_WORDS and panel.shown == 1_500
    assert SCREEN_READERS_ONLY in panel.words.value and html.escape(PLAYING_WORDS) in panel.words.value
    setattr(panel.play, PLAYING, False)  # the student pauses: the frame that stays is put in words
    _words_of_explorer_frame(panel)
    assert SCREEN_READERS_ONLY in panel.words.value and html.escape(panel.alt) in panel.words.value


def test_the_status_line_is_a_live_region_quiet_only_while_a_run_plays():
    from helpers.panels.explorer import explore_training
    panel = explore_training(steps=1_000, speed=500)
    sent = panel.status.get_state()["value"]  # what the browser gets
    assert sent.startswith('<div role="status" aria-live="polite"') and panel.status.value in sent
    assert not panel.status.value.startswith("<div role=")  # the kernel's value stays the line itself
    panel.play_button.click() if panel.play.has_trait("playing") else setattr(panel.play, "_playing", True)
    assert panel.playing and panel.play_button.description == ("Pause" if panel.play.has_trait("playing") else "Play")
    panel.play.value = 1  # step 500 of 1,000: playing, so not read out
    assert 'aria-live="off"' in panel.status.get_state()["value"]
    panel.play.value = 2  # the end: said, and the run pauses
    assert not panel.playing and panel.play_button.description == "Play"
    assert 'aria-live="polite"' in panel.status.get_state()["value"]
    if panel.play.has_trait("playing"):  # ipywidgets 8: Play's unnamed icon buttons are hidden; play_button drives it
        assert panel.play.layout.display == "none" and panel.play_button.layout.display is None
    else:  # 7.7.1 (Colab): only Play's own button starts its timer in the browser
        assert panel.play.layout.display is None and panel.play_button.layout.display == "none"
