"""The instructor's pipeline, end to end, with nbgrader on a throwaway course folder.

tools/nbgrader_course.py builds instructor notebooks from notebooks/ and the answers declared in
helpers/exercises/declarations/;
`nbgrader generate_assignment` must give back the committed student notebooks cell for cell; three fake
students submit (all correct, all placeholders, wrong the ways students are: a wrong formula, a function
that never returns, one that raises, an answer cell that fails, a wrong prediction); `nbgrader autograde`
scores them with the checks; `nbgrader export` writes the CSVs whose scores are asserted here.
"""
import csv
import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

try:
    import nbgrader  # noqa: F401  an instructor tool: requirements-instructor.txt (CI's instructor leg)
except ImportError:
    if os.environ.get("BACKPROP_LAB_REQUIRE_NBGRADER") == "1":
        raise
    pytest.skip("nbgrader is not installed (pip install -r requirements-instructor.txt)", allow_module_level=True)
import nbformat  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import nbgrader_course  # noqa: E402

ASSIGNMENTS = [path.stem for path in nbgrader_course.NOTEBOOKS]
TIMEOUT = 60  # seconds per cell while autograding, as instructors get it: 20 s once failed a cell on a busy CI machine

# what the third student wrote in each answer cell (by the cell's grade_id), the way students get it wrong
WRONG = {
    # sigma(z) (1 - z): the derivative taken of the wrong thing
    "answer_sigmoid_grad": "def sigmoid_grad(z):\n    return network.sigmoid(z) * (1 - z)\n",
    # never returns: waits for a dict nobody fills; tried out in the cell, so the cell itself never ends
    "answer_backward": ("def backward(params, cache, y):\n    grads = {}\n    while len(grads) < 2:\n"
                        "        d_out = (cache[\"y_hat\"] - y) * cache[\"y_hat\"] * (1 - cache[\"y_hat\"])\n"
                        "    return grads\n\n\nbackward(params, cache, data.y)\n"),
    # raises: grads are named dW1, dW2, not W1, W2 (KeyError)
    "answer_gradient_step": ("def gradient_step(params, grads, lr):\n"
                             "    return {name: value - lr * grads[name] for name, value in params.items()}\n"),
    "answer_lr5_prediction": 'lr5_prediction = "diverges"  # ten times the step must blow up\n',
    # AND right, OR with the wrong sign on b
    "answer_and_weights_or_weights": "and_weights = (1, 1, -1.5)\nor_weights = (1, 1, 0.5)\n",
    # the answer cell itself fails: a name that does not exist, when the student tries the function
    "answer_violated": ("def violated(w1, w2, b):\n    return [k for k in (1, 2, 3, 4) if not holds[k]]\n\n\n"
                        "violated(1, 1, -0.5)\n"),
    "answer_h2_prediction": "h2_prediction = 0.9  # 'two hidden neurons are sufficient'\n",
    # right, in another form than the declared answer
    "answer_success_rate": ("def success_rate(y_hat, y):\n"
                            "    return np.mean(np.all((y_hat > 0.5) == (y > 0.5), axis=1))\n"),
    "answer_gate_names": 'gate_names = ["OR", "AND", "NAND"]\n',  # units 1 and 2 swapped
    "answer_xor_params": ('xor_params = {"W1": np.array([[20.0, -20.0], [20.0, -20.0]]),\n'
                          '              "b1": np.array([[-10.0, 30.0]]),\n'
                          '              "W2": np.array([[20.0], [20.0]]), "b2": np.array([[-30.0]])}\n'),
    "answer_match_lr": "match_lr = 0.5 * 0.25  # a quarter of the factor\n",
    "answer_dead_prediction": "dead_prediction = 0.1  # a prediction is recorded, never marked wrong\n",
    # the weights move with the old velocity
    "answer_momentum_step": "def momentum_step(W, v, dW, lr, mu):\n    return W + v, mu * v - lr * dW\n",
    "answer_split_dead": ("def split_dead(start, end, X):\n"
                          "    dead = [np.all(X @ p['W1'] + p['b1'] <= 0, axis=0) for p in (start, end)]\n"
                          "    return dead[0], dead[1] & ~dead[0]\n"),
    # the squared error's delta, not cross-entropy's
    "answer_ce_delta": "def ce_delta(y_hat, y):\n    return (y_hat - y) * y_hat * (1 - y_hat)\n",
    "answer_tanh_grad": "def tanh_grad(z):\n    return 1 - np.tanh(z) ** 2\n",
    # relu's slope 1 at exactly 0 (>=); tanh and log right, so the net below can use them
    "answer_tanh_log_relu": ("def tanh(x):\n    t = math.tanh(x.data)\n    out = Value(t, (x,), \"tanh\")\n\n"
                             "    def _backward():\n        x.grad += (1 - t ** 2) * out.grad\n"
                             "    out._backward = _backward\n    return out\n\n\n"
                             "def log(x):\n    out = Value(math.log(x.data), (x,), \"log\")\n\n"
                             "    def _backward():\n        x.grad += out.grad / x.data\n"
                             "    out._backward = _backward\n    return out\n\n\n"
                             "def relu(x):\n    out = Value(max(x.data, 0.0), (x,), \"relu\")\n\n"
                             "    def _backward():\n        x.grad += (x.data >= 0) * out.grad\n"
                             "    out._backward = _backward\n    return out\n"),
    # right, in another form than the declared answer: one list of hidden units per example
    "answer_tanh_ce_gradients": ("def tanh_ce_gradients(params, X, y):\n    P = autograd_net.to_values(params)\n"
                                 "    L = 0\n    for n in range(len(X)):\n"
                                 "        h = [tanh(X[n, 0] * P[\"W1\"][0][j] + X[n, 1] * P[\"W1\"][1][j]"
                                 " + (P[\"b1\"][j] if \"b1\" in P else 0)) for j in range(len(P[\"W2\"]))]\n"
                                 "        p = sum((hj * w for hj, w in zip(h, P[\"W2\"])), P.get(\"b2\", 0.0))"
                                 ".sigmoid()\n"
                                 "        L = L - (log(p) if y[n, 0] == 1 else log(1 - p))\n"
                                 "    L.backward()\n    return autograd_net.to_arrays(P, \"grad\")\n"),
    "answer_second_backward_prediction": "second_backward_prediction = 1  # each graph is new\n",
    # never zeroed: the gradients of the cell above are still there
    "answer_step_gradients": ("def step_gradients(P, X, y):\n    L, _ = autograd_net.batch_loss(P, X, y)\n"
                              "    L.backward()\n    return autograd_net.to_arrays(P, \"grad\")\n"),
    "answer_fan_out_prediction": "fan_out_prediction = -18  # (a + c) * b\n",
    "answer_f": ("from helpers.autograd import Value\n\na, b, c = Value(2.0), Value(-3.0), Value(4.0)\n"
                 "f = (a * b) * (a + c)\nf.backward()\n"),
    "answer_ratio_prediction": "ratio_prediction = 0.25  # one sigmoid slope\n",
    "answer_xavier_std": "def xavier_std(fan_in, fan_out):\n    return 2 / (fan_in + fan_out)\n",  # the variance
    "answer_he_std": "def he_std(fan_in, fan_out):\n    return (2 / fan_in) ** 0.5\n",  # right, in another form
    # no sweep run: the check asks for it
    "answer_sigmoid_sweep_fails_most_at": "sigmoid_sweep = None\nfails_most_at = 2\n",
}
# exercise (graded cell): score of (ada: all correct, bo: all placeholders, cy: WRONG above). cy's predictions
# (lr_five, h2_prediction, dead_prediction, fan_out, ratio_prediction) disagree with the measurement and still
# score: a prediction is recorded, never marked wrong (--score-agreement changes that:
# test_score_agreement_scores_only_agreeing_predictions)
EXPECTED = {
    "sigmoid_grad": (1, 0, 0), "backward": (1, 0, 0), "gradient_step": (1, 0, 0), "lr_five": (1, 0, 1),
    "and_weights_or_weights": (2, 0, 1), "violated": (1, 0, 0),
    "h2_prediction": (1, 0, 1), "success_rate": (1, 0, 1),
    "gate_names": (1, 0, 0), "xor_by_hand": (1, 0, 1),
    "ce_delta": (1, 0, 0), "match_lr": (1, 0, 0), "dead_prediction": (1, 0, 1), "momentum_step": (1, 0, 0),
    "split_dead": (1, 0, 1), "tanh_grad": (1, 0, 1),
    "value_ops": (1, 0, 0), "tanh_ce_net": (1, 0, 1), "zero_grad_fix": (1, 0, 0),
    "fan_out": (1, 0, 1),  # a prediction is recorded, never marked wrong: the computation scores
    "ratio_prediction": (1, 0, 1), "xavier_std": (1, 0, 0), "he_std": (1, 0, 1), "fails_most_depth": (1, 0, 0),
}
STUDENTS = ("ada", "bo", "cy")


def nbgrader(course: Path, *args: str) -> str:
    """Run the nbgrader command line in the course folder (its nbgrader_config.py, its sqlite gradebook)."""
    env = {**os.environ, "PATH": os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", ""),
           "PYTHONPATH": str(ROOT / "tools")}  # alembic (nbgrader's database) from this venv; nbgrader_export
    result = subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=course, env=env,
                            capture_output=True, text=True, timeout=600)
    if result.returncode and args[0] == "autograde" and "Address already in use" in result.stdout + result.stderr:
        # a kernel lost jupyter_client's race for a free port to another kernel starting at the same moment
        # (a known upstream race, jupyter/jupyter_client#487): grade those submissions again, once
        result = subprocess.run([sys.executable, "-m", "nbgrader", *args, "--force"], cwd=course, env=env,
                                capture_output=True, text=True, timeout=600)
    # the first error with its traceback, then the end of the log
    first = (result.stdout + result.stderr).find("ERROR")
    assert result.returncode == 0, (result.stdout + result.stderr)[max(0, first - 3000):first + 500] + \
        "\n...\n" + result.stderr[-2000:]
    return result.stdout + result.stderr


@pytest.fixture(scope="module")
def course(tmp_path_factory) -> Path:
    course = tmp_path_factory.mktemp("course")
    assert nbgrader_course.build(course, timeout=TIMEOUT) == ASSIGNMENTS
    nbgrader(course, "generate_assignment", "*")
    return course


def cells_by_id(path: Path) -> dict:
    nb = nbformat.read(path, as_version=4)
    return {c.metadata["nbgrader"]["grade_id"]: c for c in nb.cells if "nbgrader" in c.metadata}


def test_generated_student_notebooks_are_the_committed_ones(course):
    for name in ASSIGNMENTS:
        released = nbformat.read(course / "release" / name / f"{name}.ipynb", as_version=4)
        committed = nbformat.read(ROOT / "notebooks" / f"{name}.ipynb", as_version=4)
        assert len(released.cells) == len(committed.cells), name
        for i, (r, c) in enumerate(zip(released.cells, committed.cells)):
            assert (r.cell_type, r.source) == (c.cell_type, c.source), f"{name} cell {i}"
        assert (course / "release" / name / "helpers" / "exercises" / "__init__.py").exists()


def test_hidden_checks_leave_students_no_verdict_and_the_rest_unchanged(tmp_path):
    nbgrader_course.build(tmp_path, hide=True)
    nbgrader(tmp_path, "generate_assignment", "*")
    for name in ASSIGNMENTS:
        released = nbformat.read(tmp_path / "release" / name / f"{name}.ipynb", as_version=4)
        committed = nbformat.read(ROOT / "notebooks" / f"{name}.ipynb", as_version=4)
        source = cells_by_id(tmp_path / "source" / name / f"{name}.ipynb")
        for r, c in zip(released.cells, committed.cells, strict=True):
            gid = r.metadata.get("nbgrader", {}).get("grade_id", "")
            if gid.startswith("check_"):  # the check calls are hidden tests now; imports and the rest stay
                calls = [line for line in c.source.split("\n") if nbgrader_course.CHECK_CALL.match(line)]
                assert calls and r.source == "\n".join(ln for ln in c.source.split("\n") if ln not in calls)
                assert all(line in source[gid].source for line in calls)
            else:
                assert r.source == c.source


def test_score_agreement_scores_only_agreeing_predictions(tmp_path):
    """The hidden test of a prediction's check cell, run against the verdicts a student's check left."""
    from types import SimpleNamespace

    from helpers.exercises import check
    from helpers.exercises.nb06 import fan
    for agreement, points in ((False, {-24: 1.0, -18: 1.0}), (True, {-24: 1.0, -18: 0.0})):
        cell = nbformat.v4.new_code_cell("check.fan_out(fan_out_prediction, a, f)\n")
        nbgrader_course.grade_cell(cell, ["fan_out"], hide=False, agreement=agreement)
        hidden = cell.source.split(nbgrader_course.BEGIN_HIDDEN)[1].split(nbgrader_course.END_HIDDEN)[0]
        for prediction, want in points.items():
            last = check.fan_out.verdict(*fan(prediction))
            assert last.status == "recorded"
            assert eval(hidden.strip().splitlines()[-1], {"check": SimpleNamespace(fan_out=SimpleNamespace(
                last=last))}) == want, (agreement, prediction, hidden)
    # the command line's option puts it in every check cell of a prediction, and only there
    assert nbgrader_course.main([str(tmp_path), "--score-agreement"]) == 0
    cells = {gid: c.source for name in ASSIGNMENTS
             for gid, c in cells_by_id(tmp_path / "source" / name / f"{name}.ipynb").items()}
    assert "check.fan_out.last.earns(agreement=True)" in cells["check_fan_out"]
    assert "check.lr_five.last.earns(agreement=True)" in cells["check_lr_five"]


def test_every_answer_and_check_is_graded(course):
    graded = [gid for name in ASSIGNMENTS for gid in cells_by_id(course / "source" / name / f"{name}.ipynb")]
    assert sorted(g.removeprefix("check_") for g in graded if g.startswith("check_")) == sorted(EXPECTED)
    assert sorted(g for g in graded if g.startswith("answer_")) == sorted(WRONG)
    solutions = "".join(c.source for name in ASSIGNMENTS
                        for c in cells_by_id(course / "source" / name / f"{name}.ipynb").values())
    for name, text in nbgrader_course.SOLUTIONS.items():  # the declared answers, line for line, in the instructors'
        assert all(line in solutions for line in text.splitlines()), name


def submit(course: Path, student: str, name: str) -> None:
    """A student's submission: the released folder with the notebook's answer cells filled in."""
    folder = course / "submitted" / student / name
    shutil.copytree(course / "release" / name, folder)
    path = folder / f"{name}.ipynb"
    nb = nbformat.read(path, as_version=4)
    instructor = cells_by_id(course / "source" / name / f"{name}.ipynb")
    for cell in nb.cells:
        gid = cell.metadata.get("nbgrader", {}).get("grade_id", "")
        if not gid.startswith("answer_") or student == "bo":
            continue
        if student == "ada":  # the instructor's cell: placeholder, then the declared answer
            lines = instructor[gid].source.split("\n")
            cell.source = "\n".join(ln for ln in lines if ln not in (nbgrader_course.BEGIN, nbgrader_course.END))
        else:
            cell.source = WRONG[gid]
    nbformat.write(nb, path)


def test_three_students_graded_and_exported(course):
    for student in STUDENTS:
        for name in ASSIGNMENTS:
            submit(course, student, name)
    for student in STUDENTS:  # known to the gradebook first: two processes adding the same student collide
        nbgrader(course, "db", "student", "add", student)
    # two nbgrader processes, four and three assignments (the gradebook is sqlite, with a wait for its lock)
    with ThreadPoolExecutor(2) as pool:
        list(pool.map(lambda some: nbgrader(course, "autograde", some), ["0[1357]_*", "0[246]_*"]))
    nbgrader(course, "export", "--to=grades.csv")
    nbgrader(course, "export", "--exporter=nbgrader_export.ExerciseCsv", "--to=exercises.csv")

    rows = list(csv.DictReader((course / "exercises.csv").read_text().splitlines()))
    got = {(r["student_id"], r["exercise"]): float(r["score"]) for r in rows}
    want = {(s, e): float(scores[i]) for e, scores in EXPECTED.items() for i, s in enumerate(STUDENTS)}
    assert got == want
    assert {r["exercise"]: float(r["max_score"]) for r in rows} == {e: float(s[0]) for e, s in EXPECTED.items()}

    totals = {(r["student_id"], r["assignment"]): float(r["score"])  # nbgrader's own CSV: one row per assignment
              for r in csv.DictReader((course / "grades.csv").read_text().splitlines())}
    for i, student in enumerate(STUDENTS):
        assert sum(totals[student, a] for a in ASSIGNMENTS) == sum(scores[i] for scores in EXPECTED.values())

    # the endless answer cell was stopped by nbgrader's cell timeout, and grading went on after it
    graded = nbformat.read(course / "autograded" / "cy" / "01_xor_baseline" / "01_xor_baseline.ipynb", as_version=4)
    endless = next(c for c in graded.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "answer_backward")
    assert [o.get("ename") for o in endless.outputs] == ["KeyboardInterrupt", "CellTimeoutError"], endless.outputs
    # and the graded cell shows the check's own verdict (the check's timer stopped the call), then the score
    checked = next(c for c in graded.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "check_backward")
    assert "Not yet [backward]: Your function was stopped after" in checked.outputs[0].data["text/plain"]
    assert checked.outputs[-1].data["text/plain"] == "0.0"
