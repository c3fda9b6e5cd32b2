"""Feedback a student can trust, round 3 (issue 38): answers written as students write them, by kind.

1 a right answer in float32 (or float16, or ints where exact) is Correct, and numbers shown as different
  print differently; 3 the probes include the notebook's own cases; 4 a message names what the answer did;
  5 the common mistakes are catalogued (a number as text is refused the same way by every exercise that
  takes one); 6 no message shows a line of the exercise's declared answer; 7 plain words (one number, short
  echoes, Python's errors translated, solution(3)); 8 every check cell needs only its own imports, the
  setup cell and the names the check says where to find.
ROUND3 joins the corpus (tests/test_feedback_corpus.py), so its catalogued mistakes count there too.
"""
import ast
import builtins
import json
import re
from pathlib import Path

import numpy as np
import pytest

from helpers import network
from helpers.exercises import CATALOGUE, EXERCISES, NEEDS, SOLUTIONS, check, hint, solution
from helpers.exercises.words import two

ROOT = Path(__file__).resolve().parents[1]
F32 = np.float32


# ---- answers as students write them ----------------------------------------------------------------------

def sg_float32(z):
    s = 1 / (1 + np.exp(-z.astype(F32)))
    return s * (1 - s)


def sg_float16(z):
    s = network.sigmoid(z).astype(np.float16)
    return s * (1 - s)


def bw_float32(params, cache, y):
    X, a1, y_hat = (cache[k].astype(F32) for k in ("X", "a1", "y_hat"))
    d_out = (y_hat - y.astype(F32)) * y_hat * (1 - y_hat)
    d_hid = (d_out @ params["W2"].astype(F32).T) * a1 * (1 - a1)
    grads = {"dW1": X.T @ d_hid, "dW2": a1.T @ d_out}
    if "b1" in params:
        grads["db1"] = d_hid.sum(axis=0, keepdims=True)
        grads["db2"] = d_out.sum(axis=0, keepdims=True)
    return grads


def bw_sign_in_prime(params, cache, y):  # the sign flipped inside sigma', not in y_hat - y
    X, a1, y_hat = cache["X"], cache["a1"], cache["y_hat"]
    d_out = (y_hat - y) * y_hat * (y_hat - 1)
    d_hid = (d_out @ params["W2"].T) * a1 * (1 - a1)
    grads = {"dW1": X.T @ d_hid, "dW2": a1.T @ d_out}
    if "b1" in params:
        grads.update(db1=d_hid.sum(axis=0, keepdims=True), db2=d_out.sum(axis=0, keepdims=True))
    return grads


def bw_no_transpose(params, cache, y):
    X, a1, y_hat = cache["X"], cache["a1"], cache["y_hat"]
    d_out = (y_hat - y) * y_hat * (1 - y_hat)
    d_hid = (d_out @ params["W2"]) * a1 * (1 - a1)
    return {"dW1": X.T @ d_hid, "dW2": a1.T @ d_out}


def gs_float32(params, grads, lr):
    return {k: (v - lr * grads["d" + k]).astype(F32) for k, v in params.items()}


lr = 0.5  # the notebook's learning rate, as a student's earlier cell leaves it


def gs_global_lr(params, grads, step):
    return {k: v - lr * grads["d" + k] for k, v in params.items()}


def gs_global_small(params, grads, learning_rate):
    return {k: v - 0.1 * grads["d" + k] for k, v in params.items()}


def gs_same_dict(params, grads, lr):
    new = params
    for name in list(params):
        new[name] = params[name] - lr * grads["d" + name]
    return new


def gs_upper_keys(params, grads, lr):
    return {name.upper(): value - lr * grads["d" + name] for name, value in params.items()}


def gs_grads_by_name(params, grads, lr):
    return {name: value - lr * grads[name] for name, value in params.items()}


def ce_float32(y_hat, y):
    return (y_hat - y).astype(F32)


def ce_each_loss(y_hat, y):
    return -(y * np.log(y_hat) + (1 - y) * np.log(1 - y_hat))


def ce_each_loss_where(y_hat, y):
    return np.where(y == 1, -np.log(y_hat), -np.log(1 - y_hat))


def tanh_float32(z):
    t = np.tanh(z.astype(F32))
    return 1 - t ** 2


def sr_where_geq(y_hat, y):
    classes = np.where(y_hat >= 0.5, 1, 0)
    return np.mean(np.all(classes == y, axis=1))


def sr_where(y_hat, y):
    classes = np.where(y_hat > 0.5, 1, 0)
    return np.mean(np.all(classes == y, axis=1))


def sr_text(y_hat, y):
    return f"{((y_hat > 0.5) == (y > 0.5)).all(axis=1).mean():.3f}"


def sr_per_net(y_hat, y):
    return ((y_hat > 0.5) == (y > 0.5)).all(axis=1)


def sr_float32(y_hat, y):
    return F32(((y_hat > 0.5) == (y > 0.5)).all(axis=1).mean())


def split_ints(start, end, X):
    z0, z1 = X @ start["W1"] + start["b1"], X @ end["W1"] + end["b1"]
    dead0, dead1 = (z0 <= 0).all(axis=0).astype(int), (z1 <= 0).all(axis=0).astype(int)
    return dead0, dead1 * (1 - dead0)


def momentum_float32(W, v, dW, lr, mu):
    v = (mu * v - lr * dW).astype(F32)
    return W + v, v


def v_reversed(w1, w2, b):
    broken = []
    if not w1 + w2 + b <= 0:
        broken.append(4)
    if not w1 + b > 0:
        broken.append(3)
    if not w2 + b > 0:
        broken.append(2)
    if not b <= 0:
        broken.append(1)
    return broken


def v_geq_form(w1, w2, b):  # equality counted as breaking (1) and (4), written without any <
    return [k for k, broken in ((1, b >= 0), (2, not w2 + b > 0), (3, not w1 + b > 0), (4, w1 + w2 + b >= 0))
            if broken]


def bw_always_biases(params, cache, y):  # right on a net with biases; notebook 01's reference net has none
    X, a1, y_hat = cache["X"], cache["a1"], cache["y_hat"]
    d_out = (y_hat - y) * y_hat * (1 - y_hat)
    d_hid = d_out.dot(params["W2"].T) * a1 * (1 - a1)
    return {"dW1": X.T.dot(d_hid), "dW2": a1.T.dot(d_out), "db1": d_hid.sum(0, keepdims=True) + 0 * params["b1"],
            "db2": d_out.sum(0, keepdims=True)}


def gs_named_loop(params, grads, lr):
    return {name: params[name] - lr * grads["d" + name] for name in ("W1", "b1", "W2", "b2")}


def sg_over_z(z):  # right except at z = 0, where it divides 0 by 0
    s = network.sigmoid(z)
    return s * (1 - s) * z / z


def tanh_cosh(z):
    return 1 / np.cosh(z) ** 2


def value_ops(**replace):
    """notebook 06's tanh, log, relu as a student writes them: the solution with some text changed."""
    import math

    from helpers.autograd import Value
    source = SOLUTIONS["value_ops"]
    for old, new in replace.values():
        assert old in source, old
        source = source.replace(old, new)
    scope = {"math": math, "Value": Value}
    exec(source, scope)
    return scope["tanh"], scope["log"], scope["relu"]


RELU_SLOPE = "(1.0 if x.data > 0 else 0.0) * result.grad"


def momentum_global_mu(W, v, dW, lr, mu_):
    v = 0.5 * v - lr * dW  # mu from an earlier cell
    return W + v, v


def momentum_global_lr(W, v, dW, step, mu):
    v = mu * v - lr * dW * 0.01  # a learning rate of the student's own
    return W + v, v


ROUND3 = [  # (exercise, answer, status, mistake key or None, words the message must contain)
    # 1: the right formula in another number type is right
    ("sigmoid_grad", (sg_float32,), "correct", None, "float32"),
    ("sigmoid_grad", (sg_float16,), "correct", None, "float16"),
    ("backward", (bw_float32,), "correct", None, "float32"),
    ("gradient_step", (gs_float32,), "correct", None, "float32"),
    ("ce_delta", (ce_float32,), "correct", None, "float32"),
    ("tanh_grad", (tanh_float32,), "correct", None, "float32"),
    ("success_rate", (sr_float32,), "correct", None, "exactly 0.5 is class 0"),
    ("success_rate", (sr_where,), "correct", None, "exactly 0.5 is class 0"),
    ("momentum_step", (momentum_float32,), "correct", None, "v <- mu v - lr dW"),
    ("split_dead", (split_ints,), "correct", None, "died in training"),
    ("and_weights", (np.array([2, 2, -3], dtype=np.int64),), "correct", None, "separates"),
    ("or_weights", ((F32(1.0), F32(1.0), F32(-0.5)),), "correct", None, "separates"),
    ("match_lr", (F32(2.0),), "correct", None, "lr 2"),
    # 2: an order the task never asked for
    ("violated", (v_reversed,), "correct", None, "No line computes XOR"),
    ("violated", (lambda w1, w2, b: set(v_reversed(w1, w2, b)),), "correct", None, "No line computes XOR"),
    ("violated", (lambda w1, w2, b: np.array(sorted(v_reversed(w1, w2, b)), dtype=int),), "correct", None,
     "No line computes XOR"),
    # 3: the notebook's own cases: notebook 01's reference net has no biases
    ("backward", (bw_always_biases,), "not yet", None, "the reference net has no biases"),
    ("gradient_step", (gs_named_loop,), "not yet", None, "the reference net has no biases"),
    ("sigmoid_grad", (sg_over_z,), "not yet", None, "NaN"),
    ("tanh_grad", (lambda z: np.tanh(z) / z * z * 0 + 1 - np.tanh(z) ** 2,), "not yet", None, "NaN"),
    ("tanh_grad", (tanh_cosh,), "correct", None, "1 - tanh(z)^2"),
    ("value_ops", value_ops(a=(RELU_SLOPE, "(result.data / x.data) * result.grad")), "not yet", None,
     "At x = 0 your slope divides by zero"),
    ("value_ops", value_ops(a=("(1 - t * t)", "(1 - math.tanh(x.data) ** 2)"),
                            b=(RELU_SLOPE, "float(x.data > 0) * result.grad")), "correct", None, ""),
    ("xavier_std", (lambda fan_in, fan_out: np.float32(np.sqrt(2 / (fan_in + fan_out))),), "correct", None, ""),
    ("he_std", (lambda fan_in, fan_out: (2 / fan_in) ** 0.5,), "correct", None, ""),
    ("he_std", (lambda fan_in, fan_out: str(np.sqrt(2 / fan_in)),), "not yet", None, "returned the text"),
    ("xavier_std", (lambda fan_in, fan_out: np.sqrt(2 / (fan_in + fan_out)) * (1 + 2e-6),), "not yet", None,
     "you return 0.4472145; the start's standard deviation there is 0.4472136"),
    ("zero_grad_fix", ("2", None), "not yet", None, "'2' (in quotes), not a number"),
    # 4: what the answer did, or plainly what the check cannot tell
    ("violated", (v_geq_form,), "not yet", "v_all_strict", "counts (1) or (4) as broken when its side is exactly 0"),
    ("backward", (bw_sign_in_prime,), "not yet", "b_sign", "cannot tell which"),
    ("gradient_step", (gs_same_dict,), "not yet", "g_same_dict", "same dict a second name"),
    ("gradient_step", (gs_upper_keys,), "not yet", None, "b1 and b2 are missing (names are case-sensitive)"),
    ("xor_by_hand", ({"W1": np.array([[20.0, -20.0], [20.0, -20.0]]), "B1": np.array([[-10.0, 30.0]]),
                      "W2": np.array([[20.0], [20.0]]), "B2": np.array([[-30.0]])},),
     "not yet", None, "the names are W1, b1, W2, b2"),
    # 5: catalogued common mistakes
    ("ce_delta", (ce_each_loss,), "not yet", "ce_loss_each", "each example's loss"),
    ("ce_delta", (ce_each_loss_where,), "not yet", "ce_loss_each", "each example's loss"),
    ("success_rate", (sr_where_geq,), "not yet", "r_geq", "exactly 0.5 counts as class 0"),
    ("gradient_step", (gs_global_lr,), "not yet", "g_global_lr", "a step of 0.5 times"),
    ("gradient_step", (gs_global_small,), "not yet", "g_global_lr", "a step of 0.1 times"),
    ("momentum_step", (momentum_global_mu,), "not yet", "mom_global", "momentum's with lr 0.01 and mu 0.5"),
    ("momentum_step", (momentum_global_lr,), "not yet", "mom_global", "with lr 0.005 and mu 0.9"),
    ("h2_prediction", (35, 0.2), "not yet", "p_percent", "You wrote 35: as a fraction that is 0.35"),
    # 5: a number as text, refused the same way everywhere
    ("h2_prediction", ("0.3", 0.2), "not yet", None, "'0.3' (in quotes), not a number"),
    ("match_lr", ("2.0",), "not yet", None, "'2.0' (in quotes), not a number"),
    ("dead_prediction", (" 0.1",), "not yet", None, "(in quotes), not a number"),
    ("and_weights", (("1", "1", "-1.5"),), "not yet", None, "'1' (in quotes), not a number"),
    ("or_weights", ((1.0, 1.0, "-0.5"),), "not yet", None, "'-0.5' (in quotes), not a number"),
    ("success_rate", (sr_text,), "not yet", None, "the digits of a number, as text"),
    # 7: plain words
    ("success_rate", (sr_per_net,), "not yet", None, "return one number"),
    ("backward", (bw_no_transpose,), "not yet", None, "a missing or extra .T"),
    ("backward", (lambda params, cache, y: {"dW1": cache["X"] * cache["a1"], "dW2": 0},), "not yet", None,
     "have shapes (4,2) and (4,3), which do not line up"),
    ("gradient_step", (gs_grads_by_name,), "not yet", None, "the gradients are named 'd' + the parameter's name"),
    ("ce_delta", (lambda y_hat: y_hat,), "not yet", None, "takes 1 argument(s), but the check calls it with 2"),
    ("and_weights", ({"w1": 1.0, "w2": 1.0, "b": -1.5, **{f"k{i}": i for i in range(200)}},), "not yet", None,
     "a dict with keys w1, w2, b"),
]


@pytest.mark.parametrize("exercise, answer, status, key, words", ROUND3,
                         ids=[f"{e}-{i}" for i, (e, *_rest) in enumerate(ROUND3)])
def test_each_round3_answer_gets_its_message(exercise, answer, status, key, words):
    verdict = getattr(check, exercise).verdict(*answer)
    assert (verdict.status, verdict.mistake) == (status, key), verdict
    assert words in verdict.text, verdict
    assert len(verdict.text) < 700, verdict  # never a long echo


# ---- 1: numbers shown as different print differently ----------------------------------------------------

@pytest.mark.parametrize("got, want", [(0.06744, 0.067441), (1.0, 1.0000001), (-0.98, -0.9800004), (3, 3.5)])
def test_two_numbers_that_differ_never_print_the_same(got, want):
    a, b = two(got, want)
    assert a != b and float(a) == pytest.approx(got, rel=1e-12, abs=0) or float(a) == got


def test_fixed_decimals_grow_until_the_numbers_differ():
    assert two(1.7, -1.1, fixed=True) == ("1.7000", "-1.1000")
    assert two(0.12341, 0.12344, fixed=True) == ("0.12341", "0.12344")


def test_a_nearly_right_answer_is_shown_with_the_digits_that_differ():
    verdict = check.sigmoid_grad.verdict(lambda z: network.sigmoid(z) * (1 - network.sigmoid(z)) * (1 + 3e-6))
    assert verdict.status == "not yet"
    got, want = re.search(r"you return (\S+); sigma'\(z\) is (\S+) ", verdict.text).groups()
    assert got != want, verdict


# ---- 6: no message gives the answer away ----------------------------------------------------------------

TOKEN = re.compile(r"[A-Za-z_][A-Za-z_0-9.]*|\d+\.?\d*|\*\*|[-+*/@]=|[=<>!]=|\S")


def tokens(text: str) -> list:
    """The text as code tokens, np. and network. dropped (s = sigmoid(z) is s = network.sigmoid(z))."""
    return [re.sub(r"^(np|network)\.(?=\w)", "", t) for t in TOKEN.findall(text)]


def answer_lines(source: str) -> list:
    """(line, tokens) for each non-trivial line of a declared answer: the line without `return`, and for an
    assignment its right-hand side too; trivial means fewer than 5 tokens (y_hat - y, return grads)."""
    lines, doc = [], False
    for line in source.splitlines():
        code = line.split("#")[0].strip()
        if code.count('"""') == 1:
            doc = not doc
            continue
        if doc or not code or code.startswith(("def ", '"""')):
            continue
        toks = tokens(code)
        toks = toks[1:] if toks[:1] == ["return"] else toks
        forms = [toks] + ([toks[toks.index("=") + 1:]] if "=" in toks else [])
        lines += [(code, f) for f in forms if len(f) >= 5]
    return lines


def every_message() -> dict:
    """exercise -> the texts its check can show for answers that are not right: the catalogue's messages, each
    mistake's own example, every wrong answer of the two corpora and of notebooks 05's and 06's check tests, and
    the junk answers of test_exercises."""
    from test_checks05 import CE_ANSWERS
    from test_checks06 import ANSWERS
    from test_exercises import JUNK
    from test_feedback_corpus import CORPUS
    texts = {name: set() for name in EXERCISES}
    for m in CATALOGUE.values():
        texts[m.exercise] |= {m.message, getattr(check, m.exercise).verdict(*m.example()).text}
    answers = [(e, a() if callable(a) else a) for e, a, *_ in CORPUS] + [(e, a) for e, a, *_ in ROUND3]
    answers += [(name, (f,)) for name, f, _ in JUNK] + [("ce_delta", (f,)) for f, *_ in CE_ANSWERS]
    answers += [(e, a) for e, a, *_ in ANSWERS]
    for exercise, args in answers:
        verdict = getattr(check, exercise).verdict(*args)
        if verdict.status != "correct":
            texts[exercise].add(verdict.text)
    return texts


def contains(hay: list, needle: list) -> bool:
    return any(hay[i:i + len(needle)] == needle for i in range(len(hay) - len(needle) + 1))


def test_no_message_contains_a_line_of_the_declared_answer():
    leaks = [(name, line, text) for name, texts in every_message().items() for text in texts
             for line, form in answer_lines(EXERCISES[name].answer) if contains(tokens(text), form)]
    assert not leaks, leaks


def test_the_leak_rule_catches_the_solutions_code_in_a_message():
    lines = answer_lines(EXERCISES["sigmoid_grad"].answer)
    said = tokens("At z = 1.00 you return 0.5; sigma'(z) is 0.1966. Compute s = sigmoid(z), then s * (1 - s).")
    assert any(contains(said, form) for _, form in lines)
    assert not any(contains(tokens("dL/dz2 = y_hat - y"), form) for _, form in answer_lines(
        EXERCISES["ce_delta"].answer))  # trivial: three tokens


# ---- 7: solution(3), hint(3) ------------------------------------------------------------------------------

@pytest.mark.parametrize("call", [lambda: solution(3), lambda: hint(3), lambda: hint(["backward"]),
                                  lambda: solution(check.backward)])
def test_a_name_that_is_not_a_string_is_answered_like_a_misspelt_one(capsys, call):
    call()
    out = capsys.readouterr().out
    assert "Give the exercise's name as a string" in out and "The exercises are: sigmoid_grad" in out
    assert "Traceback" not in out and len(out) < 900


# ---- 8: every check cell runs alone after a restart and the setup cell ----------------------------------

def code_cells(notebook: Path) -> list:
    cells = json.loads(notebook.read_text())["cells"]
    return ["".join(c["source"]) for c in cells if c["cell_type"] == "code"]


def free_names(source: str) -> set:
    """Names a cell reads that it neither assigns, imports, nor defines (IPython magics removed)."""
    tree = ast.parse("\n".join(line for line in source.splitlines() if not line.lstrip().startswith(("%", "!"))))
    bound, read = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            (read if isinstance(node.ctx, ast.Load) else bound).add(node.id)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            bound |= {(a.asname or a.name).split(".")[0] for a in node.names}
        elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            bound.add(node.name)
        elif isinstance(node, ast.arg):
            bound.add(node.arg)
    return read - bound - set(dir(builtins))


NOTEBOOK_FILES = sorted((ROOT / "notebooks").glob("0[1-9]_*.ipynb"))


@pytest.mark.parametrize("notebook", NOTEBOOK_FILES, ids=[p.stem for p in NOTEBOOK_FILES])
def test_every_check_cell_needs_only_the_setup_cell_and_names_the_check_explains(notebook):
    cells = code_cells(notebook)
    setup = _assigned(cells[0])  # the setup cell: the one a restarted kernel runs first
    checks = [c for c in cells if re.search(r"\bcheck\.\w+\(|\bhint\(|\bsolution\(", c)]
    assert checks
    for cell in checks:
        missing = free_names(cell) - setup - set(NEEDS)
        assert not missing, (notebook.name, missing, cell)


def _assigned(source: str) -> set:
    """The names a cell defines (what a later cell may rely on when that cell is the setup cell)."""
    tree = ast.parse("\n".join(line for line in source.splitlines() if not line.lstrip().startswith(("%", "!"))))
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
            out.add(node.id)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            out |= {(a.asname or a.name).split(".")[0] for a in node.names}
        elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            out.add(node.name)
    return out


def test_the_check_cell_rule_catches_a_name_from_an_earlier_cell():
    assert free_names("check.ce_delta(ce_delta)") == {"check", "ce_delta"}
    assert free_names("from helpers.exercises import check\ncheck.x(run5)") - set(NEEDS) == {"run5"}


def test_no_message_leads_with_a_raw_error_or_cites_a_name_never_introduced():
    for name, texts in every_message().items():
        for text in texts:
            first = text.split("\n(Python said: ")[0]
            assert "gufunc" not in first and "Run.correct" not in text, (name, text)
            assert len(text) < 900, (name, text)


BIG = {f"k{i}": np.ones((50, 50)) for i in range(30)}


@pytest.mark.parametrize("args", [(BIG,), (BIG, BIG), (np.ones((200, 200)),), ("x" * 3000,)],
                         ids=["dict", "two dicts", "array", "long text"])
def test_a_big_value_in_the_wrong_place_gets_a_short_message(args):
    for name in check.names():
        verdict = getattr(check, name).verdict(*args)
        assert verdict.status != "correct" and len(verdict.text) < 400, verdict
