"""What notebooks 02-04 promise a student about their own layout and rules (issues 36, 37)."""
import json
from pathlib import Path

from helpers import data
from helpers.exercises import check
from helpers.exercises.variants import violated_variant

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"


def cells(name):
    return json.loads((NOTEBOOKS / f"{name}.ipynb").read_text())["cells"]


def index(cs, snippet):
    found = [i for i, c in enumerate(cs) if snippet in "".join(c["source"])]
    assert len(found) == 1, (snippet, found)
    return found[0]


def test_the_text_and_the_checks_share_one_rule_for_exactly_one_half(monkeypatch):
    for name in ("02_single_layer", "03_hidden_size_sweep"):
        text = " ".join("".join(c["source"]) for c in cells(name) if c["cell_type"] == "markdown")
        assert "data.THRESHOLD" in text and "exactly 0.5" in text and "class 0" in text
    assert data.THRESHOLD == 0.5
    # (1, 1, -1) puts (0,1) and (1,0) on the line: output exactly 0.5, class 0, so it computes AND
    assert check.and_weights.verdict((1, 1, -1)).status == "correct"
    assert check.or_weights.verdict((1, 1, 0)).status == "correct"
    assert violated_variant(0.0, 0.0, 0.0) == [2, 3]            # (0,0) on the line keeps (1), breaks (2), (3)
    # the checks read the constant: move it and the verdict on a corner exactly on the line follows
    monkeypatch.setattr(data, "THRESHOLD", 0.4)
    assert check.and_weights.verdict((1, 1, -1)).status == "not yet"


def test_violated_may_list_the_numbers_in_any_order():
    def backwards(w1, w2, b):
        return sorted(violated_variant(w1, w2, b), reverse=True)
    assert check.violated.verdict(backwards).status == "correct"
    assert check.violated.verdict(lambda w1, w2, b: set(violated_variant(w1, w2, b))).status == "correct"


def test_notebook_02_never_prints_the_and_or_weights_before_exercise_1():
    cs = cells("02_single_layer")
    before = cs[:index(cs, "check.and_weights(and_weights)")]
    shown = " ".join("".join(c["source"]) + " ".join("".join(o.get("text", "")) for o in c.get("outputs", []))
                     for c in before)
    for w in ("w1 = +1.0, w2 = +1.0, b = -1.5", "w1 = +1.0, w2 = +1.0, b = -0.5", "(1.0, 1.0, -1.5)",
              "(1.0, 1.0, -0.5)"):
        assert w not in shown


def test_the_sweep_table_comes_after_the_prediction_is_recorded():
    cs = cells("03_hidden_size_sweep")
    prediction = index(cs, "h2_prediction = ...")
    recorded = index(cs, "check.h2_prediction(h2_prediction, h2_measured)")
    table = index(cs, 'print("         |')
    assert prediction < recorded < table
    between = " ".join(" ".join("".join(o.get("text", "")) for o in c.get("outputs", []))
                       for c in cs[prediction:recorded])
    assert "/100" not in between and "of 100" not in between


def test_the_detours_of_notebook_03_are_in_the_optional_section():
    cs = cells("03_hidden_size_sweep")
    hood = index(cs, "## Under the hood (optional)")
    for detour in ("np.einsum", "\\sqrt{\\frac{k(n-k)}{n}", "together = batched.train_batched"):
        assert index(cs, detour) >= hood
    assert "course text" not in " ".join("".join(c["source"]) for c in cs)


def test_notebook_02_explains_the_corner_markers_in_a_legend():
    cs = cells("02_single_layer")
    for snippet in ('lines = {"a vertical line"', 'plots.draw_unit(ax, run.params["w"]'):
        source = "".join(cs[index(cs, snippet)]["source"])
        assert "fig.legend" in source and "target 0" in source and "target 1" in source


def test_the_histograms_of_solved_steps_are_shares():
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from helpers.analysis import sweep
    from helpers.pictures.sweep_plots import draw_curves, draw_solved_steps
    run = sweep.run_sweep([2, 3], range(30), bias=True, steps=3000)
    fig, (ax, ax2) = plt.subplots(1, 2)
    draw_solved_steps(ax, run)
    assert ax.get_ylabel() == "share of the solved nets"
    for patch in ax.patches:                     # a step outline: (b0, 0), (b0, h0), (b1, h0), (b1, h1), ...
        heights = patch.get_xy()[1:-1:2, 1]
        assert abs(heights.sum() - 1) < 1e-9     # each size's bars add up to all of its solved nets
    draw_curves(ax2, run, hidden=2)
    failed = [line for line in ax2.get_lines() if line.get_label().startswith("not solved")]
    assert len(failed) >= 2 and len({line.get_marker() for line in failed}) == len(failed)
    plt.close(fig)
