"""Reading units as logic gates: the 16 names, thresholding, and reading whole nets."""
import itertools
import re

import numpy as np
import pytest

from helpers import data, network, train
from helpers.analysis import gates

# an independent reading of each name: evaluate it as a Python expression of x1, x2
WORDS = {"XOR": "(x1 != x2)", "XNOR": "(x1 == x2)", "NAND": "not (x1 and x2)", "NOR": "not (x1 or x2)",
         "FALSE": "False", "TRUE": "True"}


def evaluate(name: str, x1: int, x2: int) -> int:
    if name in WORDS:
        expr = WORDS[name]
    elif name in ("AND", "OR"):
        expr = f"x1 {name.lower()} x2"
    else:  # "x1 AND NOT x2", "x2 OR NOT x1", "NOT x1", "x2", ...
        expr = re.sub(r"\b(AND|OR|NOT)\b", lambda m: m.group(1).lower(), name)
    return int(bool(eval(expr, {}, {"x1": bool(x1), "x2": bool(x2)})))


def test_all_16_functions_have_distinct_names():
    tables = list(itertools.product((0, 1), repeat=4))
    assert sorted(gates.GATE_NAMES) == tables
    assert len(set(gates.GATE_NAMES.values())) == 16


@pytest.mark.parametrize("table", list(itertools.product((0, 1), repeat=4)))
def test_each_name_means_its_truth_table(table):
    name = gates.GATE_NAMES[table]
    assert tuple(evaluate(name, int(a), int(b)) for a, b in data.X) == table
    # activations near 0 and 1, as a trained unit gives them
    activations = np.where(np.array(table) == 1, 0.93, 0.04)
    assert gates.truth_table(activations) == table
    assert gates.gate_name(activations) == name
    assert gates.gate_name(activations.reshape(4, 1)) == name


def test_examples_from_the_issue():
    names = gates.GATE_NAMES
    assert names[(0, 1, 1, 1)] == "OR" and names[(1, 1, 1, 0)] == "NAND" and names[(0, 0, 0, 1)] == "AND"
    assert names[(0, 1, 1, 0)] == "XOR" and names[(0, 0, 1, 0)] == "x1 AND NOT x2"
    assert names[(0, 0, 0, 0)] == "FALSE" and names[(0, 0, 1, 1)] == "x1"


def test_threshold_is_strictly_above_one_half():
    assert gates.truth_table([0.5, 0.5000001, 0.0, 1.0]) == (0, 1, 0, 1)
    assert all(isinstance(v, int) for v in gates.truth_table([0.2, 0.7, 0.2, 0.7]))


@pytest.mark.parametrize("bad, error", [
    ([0.1, 0.9, 0.9], ValueError), (np.zeros((2, 2)), ValueError), ([0.1, np.nan, 0.9, 0.1], ValueError),
    ([0.1, 1.5, 0.9, 0.1], ValueError), ([-0.1, 0.5, 0.9, 0.1], ValueError), ("0110", TypeError),
    (None, TypeError),
])
def test_bad_values_are_rejected_by_name(bad, error):
    with pytest.raises(error, match="values"):
        gates.truth_table(bad)
    with pytest.raises(error, match="values"):
        gates.gate_name(bad)


def or_nand_and(extra_units: int = 0) -> dict:
    """A hand-built XOR net: h1 = OR, h2 = NAND, output = AND(h1, h2); extra units are ignored (W2 = 0)."""
    W1 = np.array([[20.0, -20.0], [20.0, -20.0]])
    b1 = np.array([[-10.0, 30.0]])
    W2 = np.array([[20.0], [20.0]])
    if extra_units:
        W1 = np.hstack([W1, np.full((2, extra_units), 5.0)])
        b1 = np.hstack([b1, np.full((1, extra_units), -2.0)])
        W2 = np.vstack([W2, np.zeros((extra_units, 1))])
    return {"W1": W1, "b1": b1, "W2": W2, "b2": np.array([[-30.0]])}


def test_reads_the_textbook_decomposition():
    reading = gates.read_network(or_nand_and())
    assert reading["hidden"] == ["OR", "NAND"]
    assert reading["output"] == "XOR"
    assert reading["reads"] == (0, 1) and reading["output_gate"] == "AND"
    assert reading["formula"] == "XOR = AND(OR, NAND)"


def test_with_more_units_it_says_which_it_reads():
    reading = gates.read_network(or_nand_and(extra_units=2))
    assert reading["hidden"][:2] == ["OR", "NAND"] and len(reading["hidden"]) == 4
    assert reading["reads"] == (0, 1)
    assert reading["formula"] == "XOR = AND(h1: OR, h2: NAND)"


def test_a_one_sided_gate_is_spelled_in_the_units():
    # h1 = AND, h2 = OR, output = h2 AND NOT h1; the code (1, 0) never occurs, the output unit decides it
    params = {"W1": np.array([[20.0, 20.0], [20.0, 20.0]]), "b1": np.array([[-30.0, -10.0]]),
              "W2": np.array([[-30.0], [20.0]]), "b2": np.array([[-10.0]])}
    reading = gates.read_network(params)
    assert reading["hidden"] == ["AND", "OR"]
    assert reading["output_gate"] == "h2 AND NOT h1" and reading["output_table"] == (0, 1, 0, 0)
    assert reading["formula"] == "XOR = h2 AND NOT h1  (h1 = AND, h2 = OR)"


def test_units_too_near_one_half_do_not_decide_the_output():
    W1, b1 = np.array([[0.02], [0.04]]), np.array([[-0.08]])  # every activation just below 0.5: code 0
    params = {"W1": W1, "b1": b1, "W2": np.array([[1000.0]]),
              "b2": np.array([[-1000.0 * float(network.sigmoid(-0.05))]])}
    reading = gates.read_network(params)
    assert reading["hidden"] == ["FALSE"] and reading["output"] == "x2"
    assert reading["reads"] is None and reading["output_gate"] is None
    assert "not decided" in reading["formula"]


@pytest.mark.parametrize("hidden", [2, 3, 4])
def test_the_reading_reproduces_the_net_on_trained_nets(hidden):
    """Apply the output gate to the units' truth tables: it must give the net's own truth table."""
    inverse = {name: table for table, name in gates.GATE_NAMES.items()}
    for seed in range(8):
        run = train.train(hidden=hidden, seed=seed, steps=4000)
        reading = gates.read_network(run.params)
        assert len(reading["hidden"]) == hidden
        if reading["output_gate"] is None or len(reading["reads"]) != 2:
            continue
        i, j = reading["reads"]
        g = reading["output_table"]
        h_i, h_j = (inverse[reading["hidden"][k]] for k in (i, j))
        composed = tuple(g[2 * a + b] for a, b in zip(h_i, h_j))
        assert composed == gates.truth_table(run.y_hat), (hidden, seed, reading)
        assert reading["output"] == gates.gate_name(run.y_hat)


def test_no_gate_is_read_while_every_output_is_near_one_half():
    run = train.train(hidden=2, seed=0, snapshot_steps=[0, 10_000])
    start = gates.read_network(run.snapshots[0])
    assert np.all(np.abs(network.predict(run.snapshots[0], data.X) - 0.5) < gates.UNDECIDED)
    assert start["hidden"] == [None, None] and start["output_gate"] is None
    assert start["formula"].startswith("no reading yet: every output is within 0.1 of 0.5")
    assert gates.read_network(run.snapshots[10_000])["output"] == "XOR"


def test_hidden_units_are_never_called_by_the_inputs_names():
    for seed in range(12):
        reading = gates.read_network(train.train(hidden=2, seed=seed).params)
        gate = reading["output_gate"] or ""
        assert "x1" not in gate and "x2" not in gate, reading
        assert "x1" not in reading["formula"].split("(")[0].split("=")[-1], reading


def test_bad_params_are_rejected():
    with pytest.raises(TypeError, match="params"):
        gates.read_network({"W1": np.zeros((2, 2))})
    with pytest.raises(ValueError, match="W2"):
        gates.read_network({"W1": np.zeros((2, 2)), "W2": np.zeros((3, 1))})
