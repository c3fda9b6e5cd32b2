"""tools/misconceptions.py without nbgrader: its definitions on a hand-made course folder, and its arguments.
(tests/test_misconceptions.py runs it on a fake class that nbgrader really autograded.)"""
import sys
from pathlib import Path

import nbformat
import pytest

from helpers.exercises import check
from helpers.exercises.engine import record

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import misconceptions  # noqa: E402

NB = "01_xor_baseline"


def shown(exercise: str, status: str, mistake: str = None, earlier=()):
    verdict = check.sigmoid_grad.verdict(lambda z: z * (1 - z))  # any Verdict: only its record is read
    verdict.exercise, verdict.status, verdict.mistake = exercise, status, mistake
    return nbformat.v4.new_output("display_data", data={"text/plain": str(verdict)},
                                  metadata=record(verdict, list(earlier)))


def notebook(course: Path, where: str, student: str, *outputs) -> None:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("check.x(x)", outputs=[o]) for o in outputs]
    path = course / where / student / NB / f"{NB}.ipynb"
    path.parent.mkdir(parents=True)
    nbformat.write(nb, path)


def test_made_it_and_then_got_it_right_as_the_readme_defines_them(tmp_path):
    # ann: wrong at the end; ben: showed the mistake in his session, fixed it; cat: right throughout;
    # dan: one mistake seen earlier in the session and another at the end
    notebook(tmp_path, "autograded", "ann", shown("backward", "not yet", "b_no_out_prime"))
    notebook(tmp_path, "autograded", "ben", shown("backward", "correct"))
    notebook(tmp_path, "submitted", "ben", shown("backward", "correct", None, ["b_no_out_prime", "b_sign"]))
    notebook(tmp_path, "autograded", "cat", shown("backward", "correct"))
    notebook(tmp_path, "autograded", "dan", shown("backward", "not yet", "b_mean"))
    notebook(tmp_path, "submitted", "dan", shown("backward", "not yet", "b_mean", ["b_sign"]))
    rows = {r["mistake"]: r for r in misconceptions.rows(misconceptions.read_course(tmp_path))}
    assert {k: (r["students"], r["then_right"], r["class_size"]) for k, r in rows.items()} == {
        "b_no_out_prime": (2, 1, 4), "b_sign": (2, 1, 4), "b_mean": (1, 0, 4)}
    assert rows["b_no_out_prime"]["description"] == "forgot sigma' in the output delta"
    assert rows["b_no_out_prime"]["share"] == 0.5
    assert misconceptions.sentence(rows["b_no_out_prime"]) == (
        "2 of 4 forgot sigma' in the output delta (backward) (1 of them then got it right): revisit notebook 01's "
        "section 'The backward pass'.")
    text = misconceptions.report(tmp_path, tmp_path / "out")
    assert "1. forgot sigma' in the output delta (backward): 2 of 4 (50%), 1 then right." in text
    assert (tmp_path / "out" / f"{NB}.png").exists() and (tmp_path / "out" / "announcement.txt").exists()


def test_a_prediction_counts_as_then_right_when_the_final_one_agrees(tmp_path):
    """A prediction is never Correct (its status is recorded): the report reads its record's `agrees`."""
    def predicted(value, earlier=()):
        verdict = check.h2_prediction.verdict(value, 0.2)  # the sweep measured 0.2
        return nbformat.v4.new_output("display_data", data={"text/plain": str(verdict)},
                                      metadata=record(verdict, list(earlier)))
    # eve trusted the text (1.0), then, later in her session, predicted 0.2; fay kept 1.0; gus: 0.2 throughout
    notebook(tmp_path, "autograded", "eve", predicted(0.2))
    notebook(tmp_path, "submitted", "eve", predicted(0.2, ["p_trusted_text"]))
    notebook(tmp_path, "autograded", "fay", predicted(1.0))
    notebook(tmp_path, "autograded", "gus", predicted(0.2))
    rows = {r["mistake"]: r for r in misconceptions.rows(misconceptions.read_course(tmp_path))}
    assert {k: (r["students"], r["then_right"], r["class_size"]) for k, r in rows.items()} == {
        "p_trusted_text": (2, 1, 3)}
    assert misconceptions.right({"status": "recorded", "agrees": True})
    assert not misconceptions.right({"status": "recorded", "agrees": False})


def test_bad_arguments_get_a_message_naming_them(tmp_path, capsys):
    with pytest.raises(SystemExit):
        misconceptions.main([str(tmp_path)])
    assert "has no autograded/ folder: run nbgrader autograde first" in capsys.readouterr().err
    (tmp_path / "autograded").mkdir()
    with pytest.raises(SystemExit):
        misconceptions.main([str(tmp_path), "--top", "0"])
    assert "--top: must be at least 1, got 0" in capsys.readouterr().err
