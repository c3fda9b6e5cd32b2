"""The setting line under every panel: pasted into a fresh Python (a new process, nothing shared with
the panel that wrote it) it opens a panel with bitwise the same picture and the same status line, for
each panel at its defaults, with its controls moved, mid-run after Play's frames, at the end, after Step.

A live panel's picture must depend only on what the line says, never on how the panel got there
(frames of 250 steps or one jump, a run played further and stepped back): these tests fail otherwise.
"""
import ast
import base64
import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from player import drop, press_play, tick

from helpers.network import init_params
from helpers.panels.explorer import explore_training
from helpers.panels.fixes import LiveRun, compare_fixes
from helpers.panels.line import drive_a_line
from helpers.panels.live import PLAYING
from helpers.panels.one_step import step_through
from helpers.panels.representation import watch_it_form
from helpers.panels.sweep import explore_sweep
from helpers.train import run_from, train

ROOT = Path(__file__).resolve().parents[1]

# what a fresh kernel does with the pasted line: run it as a cell (the last line's value is the panel)
FRESH = """
import ast, base64, json, sys
cell = sys.stdin.read()
*body, last = ast.parse(cell).body
namespace = {}
exec(compile(ast.Module(body=body, type_ignores=[]), "<cell>", "exec"), namespace)
panel = eval(compile(ast.Expression(last.value), "<cell>", "eval"), namespace)
print(json.dumps({"png": base64.b64encode(panel.image.value).decode(), "status": panel.status.value,
                  "line": panel.setting_line, "error": repr(panel.error)}))
"""


def paste(line: str) -> dict:
    """Run `line` as a cell in a new Python process (the repository importable, as a notebook's setup
    cell makes it); returns the panel's picture bytes, status line, own setting line and error."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", FRESH], input=line, capture_output=True, text=True, env=env,
                          cwd=ROOT, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout.splitlines()[-1])
    result["png"] = base64.b64decode(result["png"])
    return result


def same_in_a_fresh_kernel(panel) -> str:
    """Assert the panel's setting line recreates it bitwise in a fresh process; returns the line."""
    if hasattr(panel, "play"):  # the student presses Pause: what they share is the frame on screen, now as PNG
        setattr(panel.play, PLAYING, False)  # (frames of a run that plays go as JPEG)
    line = panel.setting_line
    assert panel.error is None
    assert "\n" not in line and ast.parse(line)  # one line of Python a student pastes
    assert line in panel.setting.value.replace("&quot;", '"').replace("&#x27;", "'")  # what the page shows
    fresh = paste(line)
    assert fresh["error"] == "None"
    assert fresh["status"] == panel.status.value
    assert fresh["line"] == line  # the recreated panel says the same setting
    assert fresh["png"] == bytes(panel.image.value), f"pictures differ for {line}"
    return line


def test_explorer():
    panel = explore_training()
    assert same_in_a_fresh_kernel(panel) == ("from helpers.panels.explorer import explore_training; "
                                             "explore_training(hidden=4, lr=0.5, steps=10_000, seed=0, bias=True, "
                                             "step=0)")
    panel.hidden.value, panel.seed.value, panel.bias.value = 3, 7, False
    panel.lr.value = 10 ** 0.3  # a log slider's value: 1.9952623149688795, written to round-trip exactly
    for _ in range(5):
        tick(panel)  # Play's frames: `speed` steps each
    assert panel.shown == 5 * panel.speed.value and "lr=1.9952623149688795" in same_in_a_fresh_kernel(panel)
    panel.step_button.click()
    assert panel.shown == 5 * panel.speed.value + 1
    same_in_a_fresh_kernel(panel)
    panel.speed.value = 2500
    press_play(panel)
    while panel.shown < panel.total:
        tick(panel)
    line = same_in_a_fresh_kernel(panel)
    assert line.endswith("speed=2_500, step=10_000)")  # speed only when not the default; it never changes the picture
    panel.reset_button.click()
    panel.steps.value = 2000  # a run longer than the one on screen was trained: the same picture as one this long
    same_in_a_fresh_kernel(panel)


def test_while_a_run_plays_the_line_is_the_runs_and_the_frame_it_stays_at_has_its_step():
    panel = explore_training(steps=2_000, speed=250)  # the default speed: the line leaves it out
    press_play(panel)
    assert panel.shown == 250 and panel.setting_line.endswith("seed=0, bias=True)")  # no step: stale in a frame
    assert "this run again, from its start" in panel.setting.value
    setattr(panel.play, PLAYING, False)  # the student pauses
    assert panel.setting_line.endswith("bias=True, step=250)") and "this picture again" in panel.setting.value
    press_play(panel)
    while panel.shown < panel.total:
        tick(panel)
    assert panel.setting_line.endswith("bias=True, step=2_000)") and "this picture again" in panel.setting.value


def test_step_through():
    panel = step_through()
    assert same_in_a_fresh_kernel(panel).endswith("step_through(example='all', stage=1, lr=0.5)")
    panel.example.value = 2
    panel.next.click()
    panel.next.click()
    same_in_a_fresh_kernel(panel)
    run = train(hidden=3, lr=2.0, steps=3000, seed=7, snapshot_steps=[0, 1000])
    panel = step_through(run=run, step=1000, stage=6)  # the seed and steps that made the run
    line = same_in_a_fresh_kernel(panel)
    assert "train(hidden=3, lr=2.0, steps=3_000, seed=7, bias=True, init='random', snapshot_steps=[1000])" in line
    panel = step_through(run=train(**{"hidden": 4, "lr": 0.5, "steps": 500, "seed": 42, "bias": False,
                                      "init": "reference"}), step=500, example=0, stage=11)
    same_in_a_fresh_kernel(panel)
    # weights given by hand, and other data: written out in full, every float round-trips
    params = {"W1": np.random.default_rng(3).normal(size=(2, 2)), "W2": np.array([[1 / 3], [-2 / 7]])}
    panel = step_through(params=params, X=np.array([[0.0, 1.0], [1.0, 1.0]]), y=np.array([[1.0], [0.0]]), lr=0.3)
    assert "import numpy as np; " in same_in_a_fresh_kernel(panel)


def test_step_through_run_from_given_weights():
    """A run from weights given by hand cannot be made again from a seed: the line writes its weights at
    the step, so the picture is the same and the status names them as given weights."""
    start = {"W1": np.full((2, 2), 0.3), "W2": np.full((2, 1), -0.2)}
    panel = step_through(run=run_from(start, np.array([[0.0, 0.0], [1.0, 1.0]]), np.array([[0.0], [1.0]]), 0.5, 20),
                         step=20, stage=4)
    fresh = paste(panel.setting_line)
    assert fresh["png"] == panel.image.value and "given weights" in fresh["status"]


def test_line():
    panel = drive_a_line()
    assert same_in_a_fresh_kernel(panel).endswith("drive_a_line(w1=0.0, w2=0.0, b=0.0, target='XOR')")
    for slider, value in ((panel.w1, 1.0), (panel.w2, 1.0), (panel.b, -0.5)):
        drop(slider, value)  # 3 of 4 on XOR
    same_in_a_fresh_kernel(panel)
    drop(panel.b, -2.35)  # 2 of 4 now, best so far 3: the line says best=3
    assert "best=3" in same_in_a_fresh_kernel(panel)
    panel.target.value = "AND"
    drop(panel.w1, 0.7000000000000001)  # a value as a float sum gives it
    assert "w1=0.7000000000000001" in same_in_a_fresh_kernel(panel)
    panel = drive_a_line(w1=25.0, limit=30.0)
    assert "limit=30.0" in same_in_a_fresh_kernel(panel)


def test_sweep():
    panel = explore_sweep(seeds=10, speed=250)
    same_in_a_fresh_kernel(panel)
    panel.lr.value = 2.0
    for _ in range(3):
        tick(panel)
    assert panel.shown == 750
    same_in_a_fresh_kernel(panel)
    panel.step_button.click()
    same_in_a_fresh_kernel(panel)
    panel.bias.value = True  # the other setting, played to step 751, shows in gray from here on
    for _ in range(2):
        tick(panel)
    assert panel.shown == 500 and "compare=True" in same_in_a_fresh_kernel(panel)
    panel.speed.value = 2500
    press_play(panel)
    while panel.shown < panel.total:
        tick(panel)
    assert "compare=True" not in same_in_a_fresh_kernel(panel)  # the other setting was not played that far


def test_sweep_defaults_played():
    panel = explore_sweep(steps=3000)
    for _ in range(4):
        tick(panel)
    same_in_a_fresh_kernel(panel)


def test_representation():
    panel = watch_it_form()
    same_in_a_fresh_kernel(panel)
    panel.hidden.value, panel.seed.value = 3, 5  # PCA plane of the step on screen while training
    for _ in range(3):
        tick(panel)
    assert panel.shown == 750 and "trained" not in same_in_a_fresh_kernel(panel)
    panel.step_button.click()
    same_in_a_fresh_kernel(panel)
    drop(panel.step, 300)  # back: the loss curve still shows the 751 steps computed
    assert "step=300, trained=751" in same_in_a_fresh_kernel(panel)
    panel.speed.value = 2500
    press_play(panel)
    while panel.shown < panel.total:
        tick(panel)
    same_in_a_fresh_kernel(panel)
    drop(panel.step, 4000)  # a run computed to its end: its last PCA plane at every step
    assert "step=4_000, trained=10_000" in same_in_a_fresh_kernel(panel)


def test_fixes():
    panel = compare_fixes()
    same_in_a_fresh_kernel(panel)
    panel.activation.value, panel.momentum.value = "tanh", 0.9
    panel.scale.value = 10 ** 0.4
    for _ in range(4):
        tick(panel)
    same_in_a_fresh_kernel(panel)
    panel.step_button.click()
    panel.step_button.click()
    same_in_a_fresh_kernel(panel)
    panel.speed.value = 1000
    press_play(panel)
    while panel.shown < panel.total:
        tick(panel)
    same_in_a_fresh_kernel(panel)


def test_fixes_run_overflowing_is_the_same_in_frames_or_at_once():
    """A run whose weights overflow is trained on after it (its losses are nan), so frames of 100 steps and one
    jump to the step give the same run. The panel's controls never get there (momentum 1.5 is past the
    slider's 0.99): the run is driven directly."""
    start = init_params(8, 0, bias=True, scale=8.0)
    framed, at_once = (LiveRun(start, 5.0, "relu", "squared", 1.5) for _ in range(2))
    for _ in range(20):
        framed.advance(100)
    at_once.advance(2000)
    assert framed.diverged and at_once.diverged
    assert len(framed.losses) == len(at_once.losses) == 2001
    np.testing.assert_array_equal(framed.losses, at_once.losses)  # nan where nan, bitwise elsewhere


def test_bad_step_is_named():
    with pytest.raises(ValueError, match="step"):
        explore_training(steps=1000, step=1001)
    with pytest.raises(ValueError, match="trained"):
        watch_it_form(step=500, trained=100)
    with pytest.raises(ValueError, match="best"):
        drive_a_line(best=5)
