"""The checks in a notebook's kernel: the time budget enforced (or said not to be), a failed answer cell
noticed, check cells that run on their own after a restart, misspelt names, hints that stop short of
the answer, solution(), and predictions that reveal nothing before they are made. The kernel is an
IPython InteractiveShell, as in a notebook."""
import json
import re
import signal
import threading
import time
from pathlib import Path

import numpy as np
import pytest

from helpers import exercises, train
from helpers.exercises import SOLUTIONS, check, hint, kernel, solution, verdicts

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = {"01_xor_baseline": ("sigmoid_grad", "backward", "gradient_step", "lr_five"),
             "02_single_layer": ("and_weights", "or_weights", "violated"),
             "03_hidden_size_sweep": ("success_rate", "h2_prediction"),
             "04_hidden_representations": ("gate_names", "xor_by_hand"),
             "06_autograd_by_hand": ("value_ops", "tanh_ce_net", "zero_grad_fix", "fan_out")}


@pytest.fixture
def shell(capsys):
    """A fresh IPython shell, the NameError hints installed, removed afterwards."""
    from IPython.core.interactiveshell import InteractiveShell
    ip = InteractiveShell.instance()
    ip.reset()
    assert kernel.explain_missing_names(exercises.NEEDS)
    yield ip
    ip.set_custom_exc((), None)
    InteractiveShell.clear_instance()


def run(ip, source: str):
    return ip.run_cell(source, store_history=True)


# ---- the time budget -----------------------------------------------------------------------------------

def forever(z):
    while True:
        try:
            z = z + 0
        except Exception:  # a student's blanket except must not swallow the timer  # noqa: BLE001
            pass


@pytest.mark.skipif(int(np.__version__.split(".")[0]) < 2, reason="NumPy 1.x (the oldest leg's floor) holds back the "
                    "timer's signal while this loop of NumPy calls runs; Colab and the newest releases have NumPy 2")
def test_a_function_that_never_returns_is_stopped_within_the_budget(monkeypatch):
    monkeypatch.setattr(verdicts, "TIME_BUDGET", 0.2)
    start = time.perf_counter()
    verdict = check.sigmoid_grad.verdict(forever)
    assert time.perf_counter() - start < 2.0
    assert verdict.status == "not yet" and "stopped after 0.20 s" in verdict.text
    assert "loop that never ends" in verdict.text


def test_the_timer_puts_back_what_it_found():
    before = signal.getsignal(signal.SIGALRM)
    check.sigmoid_grad.verdict(lambda z: z)
    assert signal.getsignal(signal.SIGALRM) is before and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def slow(z):
    time.sleep(0.1)
    return z


def test_where_no_timer_can_interrupt_the_check_says_so_and_measures_after(monkeypatch):
    monkeypatch.setattr(verdicts, "TIME_BUDGET", 0.02)
    got = []
    thread = threading.Thread(target=lambda: got.append(check.sigmoid_grad.verdict(slow)))  # not the main thread
    thread.start()
    thread.join()
    assert "took 0.1" in got[0].text and "cannot interrupt a function here" in got[0].text
    monkeypatch.delattr(signal, "setitimer")  # a platform without it (Windows)
    verdict = check.sigmoid_grad.verdict(slow)
    assert "cannot interrupt a function here" in verdict.text and "measured after it returned" in verdict.text


# ---- the answer cell's latest run ------------------------------------------------------------------------

def test_a_failed_run_of_the_answer_cell_is_noticed_and_named(shell):
    run(shell, "def sigmoid_grad(z):\n    return z\n")
    bad = run(shell, "from helpers import network\n\ndef sigmoid_grad(z):\n    s = network.sigmoid(z)\n"
                     "    return s * (1 - s\n")
    assert isinstance(bad.error_before_exec, SyntaxError)
    run(shell, "from helpers.exercises import check\nv = check.sigmoid_grad.verdict(sigmoid_grad)\n")
    text = shell.user_ns["v"].text
    assert shell.user_ns["v"].status == "not yet"
    assert re.search(r"The latest run of the cell that defines sigmoid_grad \(In \[\d+\]\) failed with "
                     r"SyntaxError", text)
    assert "earlier run" in text and "took" not in text  # the old version is not run, so nothing else is blamed
    run(shell, "from helpers import network\n\n"
               "def sigmoid_grad(z):\n    s = network.sigmoid(z)\n    return s * (1 - s)\n")
    run(shell, "v = check.sigmoid_grad.verdict(sigmoid_grad)\n")
    assert shell.user_ns["v"].status == "correct"


def test_an_error_after_the_definition_is_not_blamed_on_the_function(shell):
    run(shell, "def gradient_step(params, grads, lr):\n"
               "    return {k: v - lr * grads['d' + k] for k, v in params.items()}\n\nprint(undefined_name)\n")
    run(shell, "from helpers.exercises import check\nv = check.gradient_step.verdict(gradient_step)\n")
    assert shell.user_ns["v"].status == "correct"


# ---- check cells on their own, after a restart -----------------------------------------------------------

def check_cells(notebook: str) -> list:
    cells = json.loads((ROOT / "notebooks" / f"{notebook}.ipynb").read_text())["cells"]
    sources = ["".join(c["source"]) for c in cells if c["cell_type"] == "code"]
    return [s for s in sources if re.search(r"^check\.\w+\(", s, flags=re.M)]


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_each_check_cell_imports_what_it_needs_and_names_the_cell_to_run_first(shell, capsys, notebook):
    cells = check_cells(notebook)
    assert len(cells) >= len(NOTEBOOKS[notebook]) - 1  # and_weights and or_weights share a cell
    for cell in cells:
        shell.reset()  # a restarted kernel
        capsys.readouterr()
        result = run(shell, cell)
        out = capsys.readouterr().out
        error = result.error_in_exec
        if error is not None:
            assert isinstance(error, NameError) and error.name in exercises.NEEDS, (cell, out)
            assert f"{error.name} is not defined in this kernel yet" in out and " first, then this cell again" in out


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_each_check_cell_passes_the_solution_after_a_restart(shell, notebook):
    for cell in check_cells(notebook):
        shell.reset()
        run(shell, "import math\nimport numpy as np\nfrom helpers import network\nfrom helpers.analysis import "
            "autograd_net\nfrom helpers.autograd import Value, zero_grad\n")  # what the setup cells import
        for name in NOTEBOOKS[notebook]:
            run(shell, SOLUTIONS[name])
        run(shell, 'tables = {False: {"solved": [0, 20], "n": [100, 100]}}')  # notebook 03's sweep, in short
        result = run(shell, cell)
        assert result.error_in_exec is None, (cell, result.error_in_exec)
        name = re.search(r"^check\.(\w+)\(", cell, flags=re.M).group(1)
        assert getattr(check, name).last.earns(agreement=True), getattr(check, name).last  # Correct, or agreed


# ---- names, hints, solutions ------------------------------------------------------------------------------

def test_a_misspelt_check_lists_the_valid_names(capsys):
    check.gate_name(["OR"], exercises.GATE_NET)
    out = capsys.readouterr().out
    assert "There is no exercise called 'gate_name'. Did you mean gate_names?" in out
    assert "The exercises are: sigmoid_grad" in out
    check.gate_name.hint()
    hint("gate_name", 2)
    solution("gate_name")
    assert capsys.readouterr().out.count("Did you mean gate_names?") == 3
    assert not hasattr(check, "_repr_html_") and not hasattr(check, "_ipython_display_")


def solution_lines(name: str) -> list:
    """The lines of an answer that carry code (not comments, docstrings, or a bare def line)."""
    lines = [line.split("#")[0].strip() for line in SOLUTIONS[name].splitlines()]
    return [line for line in lines if len(line) > 8 and not line.startswith(('"""', "def ")) and '"""' not in line]


@pytest.mark.parametrize("name", check.names())
def test_hints_are_a_ladder_of_three_that_stop_short_of_the_answer(name):
    hints = exercises.HINTS[name]
    assert len(hints) == 3 and len(set(hints)) == 3
    for line in solution_lines(name):
        assert not any(line in h for h in hints), (name, line)
    assert not any("Think of a" in h for h in hints)
    assert check.names() and getattr(check, name).hint_text(3).startswith(f"Hint 3 for {name}:")


@pytest.mark.parametrize("name", check.names())
def test_solution_says_it_is_the_answer_and_the_answer_passes(capsys, name):
    solution(name)
    out = capsys.readouterr().out
    assert out.startswith(f"The answer to {name} (this is the full solution, not a hint")
    assert SOLUTIONS[name].strip() in out


# ---- predictions reveal nothing before they are made -------------------------------------------------------

def test_no_prediction_no_measurement():
    fast = train.train(**{**train.REFERENCE, "lr": 5.0})
    for guess in (..., None, "explodes", 5):
        text = check.lr_five.verdict(guess, fast).text
        assert "Measured" not in text and not re.search(r"\d\.\d{4}", text) and "steps" not in text, text
    text = check.h2_prediction.verdict(..., 0.2).text
    assert "0.20" not in text and "the sweep measured" not in text


def test_a_prediction_written_after_the_sweep_is_called_what_it_is(shell):
    run(shell, "h2_prediction = 0.5\n")
    run(shell, "# runs = sweep.run_sweep(HIDDEN_SIZES, SEEDS)  (a cell that ran the sweep)\n")
    run(shell, "from helpers.exercises import check\nv = check.h2_prediction.verdict(h2_prediction, 0.2)\n")
    assert "not a prediction" not in shell.user_ns["v"].text
    run(shell, "h2_prediction = 0.2\n")
    run(shell, "v = check.h2_prediction.verdict(h2_prediction, 0.2)\n")
    assert "after the sweep ran" in shell.user_ns["v"].text and "not a prediction" in shell.user_ns["v"].text


# ---- the wrong messages the issue found, each gone ---------------------------------------------------------

def test_the_messages_the_issue_found_wrong_are_right_now():
    or_on_line = check.or_weights.verdict((1, 1, -1))
    assert or_on_line.exercise == "or_weights" and "and_weights" not in str(or_on_line)
    strict = check.success_rate.verdict(lambda y_hat, y: (np.abs(y_hat - y) < 0.2).all(axis=1).mean())
    assert "axis 0" not in strict.text and strict.mistake == "r_confident"
    geq = check.success_rate.verdict(lambda y_hat, y: ((y_hat >= 0.5) == (y > 0.5)).all(axis=1).mean())
    assert geq.status == "not yet" and geq.mistake == "r_geq"
    diverges = check.lr_five.verdict("diverges", train.train(**{**train.REFERENCE, "lr": 5.0}))
    assert "Nothing can blow up" not in diverges.text and "lr 50 run" in diverges.text

    def in_place(params, grads, lr):
        for k in params:
            params[k] -= lr * grads["d" + k]
        return params
    assert check.gradient_step.verdict(in_place).status == "not yet"
    small = {"W1": np.array([[2.0, -2.0], [2.0, -2.0]]), "b1": np.array([[-1.0, 3.0]]),
             "W2": np.array([[2.0], [2.0]]), "b2": np.array([[-3.0]])}
    assert not check.xor_by_hand.verdict(small).text.startswith("The hidden units are right")


# ---- what a shown verdict records for the instructor (tools/misconceptions.py) ---------------------------

def test_a_shown_verdict_records_its_mistake_and_the_earlier_ones_and_reads_the_same(shell):
    from IPython.utils.capture import capture_output
    run(shell, "from helpers.exercises import check\n")
    tries = ["def sigmoid_grad(z):\n    return z * (1 - z)\n",  # sg_from_z
             "def sigmoid_grad(z):\n    return -network.sigmoid(z) * (1 - network.sigmoid(z))\n",  # sg_sign
             "def sigmoid_grad(z):\n    s = network.sigmoid(z)\n    return s * (1 - s)\n"]  # right
    shown = []
    for source in tries:
        run(shell, "from helpers import network\n" + source)
        with capture_output() as captured:
            run(shell, "check.sigmoid_grad(sigmoid_grad)\n")
        shown += captured.outputs
    records = [o.metadata["backprop_lab"] for o in shown]
    assert records == [{"exercise": "sigmoid_grad", "status": "not yet", "mistake": "sg_from_z", "earlier": []},
                       {"exercise": "sigmoid_grad", "status": "not yet", "mistake": "sg_sign",
                        "earlier": ["sg_from_z"]},
                       {"exercise": "sigmoid_grad", "status": "correct", "mistake": None,
                        "earlier": ["sg_from_z", "sg_sign"]}]
    # what the student reads is the verdict itself, as before: the record is metadata only
    assert shown[0].data["text/plain"].startswith("Not yet [sigmoid_grad]: You computed z * (1 - z)")
    assert shown[1].data["text/plain"].startswith("Not yet [sigmoid_grad]: Right size, wrong sign")
    assert shown[2].data["text/plain"].startswith("Correct [sigmoid_grad]: sigma'(z) = sigma(z) (1 - sigma(z))")
    assert set(shown[0].data) == {"text/plain", "text/html"}
