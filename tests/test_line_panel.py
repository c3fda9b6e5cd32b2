"""The line panel of notebook 02, driven from Python the way the frontend drives it: by setting .value."""
import math

import numpy as np
import pytest

from helpers.panels.line import drive_a_line

PNG = b"\x89PNG\r\n\x1a\n"


def set_line(panel, w1, w2, b):
    panel.w1.value, panel.w2.value, panel.b.value = w1, w2, b


def test_opens_with_no_line_and_two_of_four():
    p = drive_a_line()
    assert p.error is None
    assert "w1 = 0.00, w2 = 0.00, b = 0.00" in p.status.value
    assert "<b>2 of 4</b> right" in p.status.value and "best so far: <b>2 of 4</b>" in p.status.value
    assert "no line" in p.status.value
    assert np.isnan(p.line.get_xydata()).all()  # no line is drawn
    assert p.image.value[:8] == PNG and p.redraws == 1


def test_the_or_line_gets_three_of_xor_and_moves_the_counter():
    p = drive_a_line()
    before_best, before_image, before_redraws = p.best["XOR"], p.image.value, p.redraws
    set_line(p, 1.0, 1.0, -0.5)
    assert "w1 = 1.00, w2 = 1.00, b = -0.50" in p.status.value
    assert "<b>3 of 4</b> right" in p.status.value
    assert p.correct == 3 and before_best == 2 and p.best["XOR"] == 3
    assert "best so far: <b>3 of 4</b>" in p.status.value
    assert "4 of 4 is impossible" in p.status.value
    assert p.redraws > before_redraws and p.image.value != before_image
    # the one wrong corner, (1, 1), carries the cross; the line passes through (0.5, 0) and (0, 0.5)
    np.testing.assert_array_equal(p.crosses.get_offsets(), [[1.0, 1.0]])
    assert [t.get_text() for t in p.labels] == ["right", "right", "right", "wrong"]
    xs, ys = p.line.get_data()
    np.testing.assert_allclose(np.asarray(xs) + np.asarray(ys), 0.5)


def test_a_worse_line_keeps_the_best_so_far():
    p = drive_a_line(w1=1.0, w2=1.0, b=-0.5)
    set_line(p, -1.0, -1.0, 0.5)
    assert p.correct == 1 and p.best["XOR"] == 3
    assert "<b>1 of 4</b> right; best so far: <b>3 of 4</b>" in p.status.value
    assert "impossible" not in p.status.value


def test_each_target_keeps_its_own_counter_and_or_is_separable():
    p = drive_a_line(w1=1.0, w2=1.0, b=-0.5)
    p.target.value = "OR"
    assert p.correct == 4 and p.best == {"XOR": 3, "AND": 0, "OR": 4}
    assert "on <b>OR</b>" in p.status.value and "separates OR" in p.status.value
    assert p.crosses.get_offsets().shape == (0, 2)
    p.target.value = "AND"
    set_line(p, 1.0, 1.0, -1.5)
    assert p.best["AND"] == 4


@pytest.mark.parametrize("line", [(100, 100, 100), (-100, -100, -100), (100, -100, 0), (-100, 100, 100),
                                  (0, 0, 0), (0, 0, 100), (0, 0, -100), (100, 0, 0), (0, -100, 100)])
def test_extreme_values_draw_without_error(line):
    p = drive_a_line(w1=1.0, w2=1.0, b=-0.5, limit=100)  # start elsewhere, so every slider moves
    redraws = p.redraws
    set_line(p, *line)
    assert p.error is None, p.status.value
    assert (p.w1.value, p.w2.value, p.b.value) == line  # nothing was clamped
    assert p.redraws > redraws and p.image.value[:8] == PNG
    assert "Error" not in p.status.value
    if line[:2] == (0, 0):
        assert "no line" in p.status.value


def test_sliders_span_the_limit():
    p = drive_a_line(limit=3)
    assert (p.w1.min, p.w1.max, p.b.min, p.b.max) == (-3, 3, -3, 3)
    assert not p.w1.continuous_update  # redraw on release




@pytest.mark.parametrize("kwargs, error, words", [
    ({"limit": 0.5}, ValueError, ["limit", "[1, 100]"]),
    ({"limit": 101}, ValueError, ["limit", "[1, 100]"]),
    ({"w1": 11.0}, ValueError, ["w1", "[-10, 10]"]),
    ({"b": -150, "limit": 100}, ValueError, ["b", "[-100, 100]"]),
    ({"w2": math.nan}, ValueError, ["w2", "[-10, 10]"]),
    ({"w1": "1"}, TypeError, ["w1", "number"]),
    ({"target": "NAND"}, ValueError, ["target", "XOR, AND, OR"]),
])
def test_bad_arguments_are_named_with_their_range(kwargs, error, words):
    with pytest.raises(error) as info:
        drive_a_line(**kwargs)
    for word in words:
        assert word in str(info.value), f"{word!r} not in {str(info.value)!r}"
