"""The lab as a JupyterLite site, in a browser with no network: what a student gets from a course page.

The site built by `python3 tools/lab.py lite` (_site/, or BACKPROP_LAB_LITE_SITE) is served on 127.0.0.1 and
opened in Debian's chromium; every request to any other address is refused. In one browser, one notebook at
a time: every notebooks/*.ipynb is opened and run with Run All, and its printed outputs are compared with the
stored ones as nbval compares them (tests/sanitize.cfg, NBVAL_IGNORE_OUTPUT cells skipped, figures by their
text); a difference listed in KNOWN, with its reason, is reported, any other fails. In notebook 01 the explorer
is played (frames counted in the page) and exercise 1 is answered and checked.

About 10 minutes, so they run only when asked: BACKPROP_LAB_LITE_SITE=_site (a built site's folder) runs them,
skipping without chromium or `playwright`; BACKPROP_LAB_REQUIRE_LITE=1 (CI's lite leg, .ci/run) runs them on
_site/ and fails instead of skipping. `python3 tools/lab.py test` alone skips them.
"""
import configparser
import os
import re
from pathlib import Path

import pytest
from browser_frames import frames_per_second, watch
from lite_site import KERNEL_IDLE, Offline, served

ROOT = Path(__file__).resolve().parents[1]
SITE = Path(os.environ.get("BACKPROP_LAB_LITE_SITE", ROOT / "_site"))
ASKED = "BACKPROP_LAB_LITE_SITE" in os.environ or os.environ.get("BACKPROP_LAB_REQUIRE_LITE") == "1"
CHROMIUM = os.environ.get("BACKPROP_LAB_CHROMIUM", "/usr/bin/chromium")
REQUIRED = os.environ.get("BACKPROP_LAB_REQUIRE_LITE") == "1"
# every notebook with code to run (the index has none: nothing to compare, and a kernel start saved)
NOTEBOOKS = sorted(p for p in (ROOT / "notebooks").glob("*.ipynb") if '"cell_type": "code"' in p.read_text("utf-8"))
FRAMES_PER_SECOND_FLOOR = 3  # as tests/test_browser.py: a busy CI machine passes, a stalled panel does not
# What JupyterLite prints differently, by design: (a pattern for the lines it adds or changes, the reason)
KNOWN = [
    (r"Matplotlib is building the font cache; this may take a moment\.\n",
     "a new Pyodide kernel has no font cache yet: matplotlib builds it at its first import, and says so"),
    (r"Running in your browser \(JupyterLite\)[^\n]*\n",
     "the setup cell says where it runs, and what works differently there (helpers/: notebook_tools.SETUP)"),
]
SKIPPED_MIME = re.compile(r"^(image/|application/vnd\.jupyter\.widget|application/javascript)")
ANSWER = "def sigmoid_grad(z):\n    s = network.sigmoid(z)\n    return s * (1 - s)\n"


def sanitizers() -> list:
    config = configparser.ConfigParser()
    config.read(ROOT / "tests" / "sanitize.cfg")
    return [(re.compile(config[s]["regex"]), config[s]["replace"]) for s in config.sections()]


SANITIZE = sanitizers()


def printed(outputs: list) -> list:
    """nbformat outputs -> [(kind, text)]: streams joined per name, text forms of the rest, sanitized."""
    shown, streams = [], {}
    for out in outputs:
        kind = out.get("output_type") or out.get("type")
        if kind == "clear_output":
            shown, streams = [], {}
        elif kind == "stream":
            text = "".join(out["text"])
            if out["name"] in streams:
                shown[streams[out["name"]]] = (out["name"], shown[streams[out["name"]]][1] + text)
            else:
                streams[out["name"]] = len(shown)
                shown.append((out["name"], text))
        elif kind == "error":
            shown.append(("error", f"{out['ename']}: {out['evalue']}"))
        elif kind in ("display_data", "execute_result"):
            for mime, value in sorted(out.get("data", {}).items()):
                if not SKIPPED_MIME.match(mime):
                    shown.append((mime, "".join(value)))
    return [(kind, clean(text)) for kind, text in shown]


def clean(text: str) -> str:
    for pattern, replace in SANITIZE:
        text = pattern.sub(replace, text)
    return text


def cells_run(run) -> list:
    """[(source, outputs)] from the kernel's iopub messages, in the order the cells ran."""
    cells, by_parent = [], {}
    for m in run.messages:
        if m["type"] == "execute_input":
            by_parent[m["parent"]] = len(cells)
            cells.append((m["content"]["code"], []))
        elif m["parent"] in by_parent and m["type"] in ("stream", "display_data", "execute_result", "error",
                                                        "clear_output"):
            cells[by_parent[m["parent"]]][1].append({"output_type": m["type"], **m["content"]})
    return cells


def differences(path: Path, run) -> tuple:
    """([(cell, why)] unexplained, [(cell, reason)] known) between the stored outputs and the browser's."""
    import nbformat
    stored = [c for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code" and c.source.strip()]
    ran = cells_run(run)
    unexplained, known = [], []
    for i, cell in enumerate(stored):
        if i >= len(ran):
            unexplained.append((i, "never ran: Run All stopped before it"))
            continue
        source, outputs = ran[i]
        if source != cell.source:
            unexplained.append((i, "ran out of order (another cell's source)"))
            continue
        if "NBVAL_IGNORE_OUTPUT" in cell.source:
            continue
        got = printed(outputs)
        for pattern, reason in KNOWN:
            fixed = [(kind, re.sub(pattern, "", text)) for kind, text in got]
            fixed = [(kind, text) for kind, text in fixed if text or kind not in ("stdout", "stderr")]
            if fixed != got:
                known.append((i, reason))
                got = fixed
        want = printed(cell.outputs)
        if got != want:
            unexplained.append((i, f"stored {want!r:.400}\n  in the browser {got!r:.400}"))
    return unexplained, known


@pytest.fixture(scope="module")
def lite():
    """Every notebook run in the site, one at a time in one browser; notebook 01 also played and answered."""
    if not ASKED:
        pytest.skip("the JupyterLite site's test runs when asked (BACKPROP_LAB_LITE_SITE=_site): CI's lite leg")
    if not (SITE / "jupyter-lite.json").exists():
        unavailable(f"no built site at {SITE.name}/ (python3 tools/lab.py lite builds it)")
    if not os.path.exists(CHROMIUM):
        unavailable(f"no chromium at {CHROMIUM}")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("the playwright package is not installed")
    runs = {}
    with served(SITE) as base, sync_playwright() as playwright:
        browser = Offline(playwright, base, CHROMIUM)
        try:
            for path in NOTEBOOKS:
                run = runs[path.name] = browser.run_all(f"notebooks/{path.name}")
                print(f"{run.name}: kernel ready {run.ready_s:.1f} s, Run All {run.run_all_s:.1f} s", flush=True)
                if path.name.startswith("01_"):
                    try:
                        run.extra.update(student(browser))
                    except Exception as exc:  # noqa: BLE001 -- reported by the tests that need it
                        run.extra["failed"] = f"{type(exc).__name__}: {exc}"[:2000]
                    print(f"  {run.extra}", flush=True)
                browser.close()
        finally:
            browser.quit()
    return runs, browser


def student(browser) -> dict:
    """In notebook 01 (after Run All): play the explorer; answer exercise 1 and run its check."""
    page = browser.page
    panel = page.locator(".jp-OutputArea-output .backprop-panel", has=page.locator(".widget-play")).first
    panel.scroll_into_view_if_needed()
    watch(panel)
    fps = frames_per_second(panel)[0]
    cells = page.evaluate("() => window.jupyterapp.shell.currentWidget.content.widgets"
                          ".map(c => c.model.sharedModel.getSource())")
    answer = next(i for i, s in enumerate(cells) if s.startswith("def sigmoid_grad("))
    browser.run_cell(answer, ANSWER)
    browser.run_cell(answer + 1)
    verdict = page.evaluate("i => window.jupyterapp.shell.currentWidget.content.widgets[i].outputArea.node"
                            ".innerText", answer + 1)
    return {"frames_per_second": fps, "verdict": verdict, "after_endless_loop": restart_after_endless_loop(page)}


ENDLESS = """async () => { const k = window.jupyterapp.shell.currentWidget.sessionContext.session.kernel;
    k.requestExecute({code: 'while True:\\n    pass'});
    await new Promise(r => setTimeout(r, 3000));
    const busy = k.status;
    await Promise.race([k.restart(), new Promise((_, no) => setTimeout(() => no(new Error('no restart')), 120000))]);
    return busy; }"""
ANSWERS = """async () => { const k = window.jupyterapp.shell.currentWidget.sessionContext.session.kernel;
    const out = []; const f = k.requestExecute({code: 'print(6 * 7)'});
    f.onIOPub = m => { if (m.header.msg_type === 'stream') out.push(m.content.text); };
    await f.done; return out.join(''); }"""


def restart_after_endless_loop(page) -> str:
    """What the setup cell tells a student to do when a cell never ends (no check can stop it in Pyodide, which
    has no signal.setitimer): Kernel > Restart Kernel. Returns the kernel's status during the loop and what a
    cell prints after the restart, e.g. 'busy, then 42'."""
    busy = page.evaluate(ENDLESS)
    page.wait_for_function(KERNEL_IDLE, timeout=300_000)
    return f"{busy}, then {page.evaluate(ANSWERS).strip()}"


def unavailable(reason: str):
    if REQUIRED:
        pytest.fail(f"JupyterLite test required (BACKPROP_LAB_REQUIRE_LITE=1) but {reason}")
    pytest.skip(reason)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_every_notebook_prints_what_it_stored_when_run_in_the_browser(lite, path):
    runs, _ = lite
    unexplained, known = differences(path, runs[path.name])
    for cell, reason in known:
        print(f"{path.name} code cell {cell}: differs as known: {reason}")
    assert not unexplained, "\n".join(f"{path.name} code cell {cell}: {why}" for cell, why in unexplained)


def test_nothing_was_fetched_from_outside_and_no_page_error(lite):
    _, browser = lite
    # the notebooks' Colab and Binder badges are images on other hosts: refused, they show their alt text
    outside = [url for url in browser.refused if not re.match(r"https://(colab\.research\.google\.com|mybinder"
                                                               r"\.org)/(assets|badge)", url)]
    assert not outside, f"the site asked other hosts for: {outside[:10]}"
    # the harness stops each notebook's kernel when done with it; JupyterLite's session poller then rejects
    # "Session <id> not found" once per stopped session (nothing a student sees: no dialog, no output)
    errors = [e for e in browser.errors if not re.fullmatch(r"Session [0-9a-f-]+ not found", e)]
    assert not errors, errors


def test_the_explorer_plays_and_an_exercise_is_checked_in_the_browser(lite):
    run = lite[0]["01_xor_baseline.ipynb"]
    assert "failed" not in run.extra, run.extra["failed"]
    assert run.extra["frames_per_second"] >= FRAMES_PER_SECOND_FLOOR, run.extra
    assert run.extra["verdict"].startswith("Correct"), run.extra["verdict"]


def test_a_cell_that_never_ends_is_stopped_by_restarting_the_kernel_as_the_setup_cell_says(lite):
    extra = lite[0]["01_xor_baseline.ipynb"].extra
    assert extra.get("after_endless_loop") == "busy, then 42", extra


def build_script():
    import importlib.util
    spec = importlib.util.spec_from_file_location("lite_build", ROOT / "tools" / "lite.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_file_unlike_the_pinned_one_stops_the_build_and_names_it(tmp_path):
    lite_build = build_script()
    wheel = tmp_path / "numpy-2.0.2-cp312-cp312-pyodide_2024_0_wasm32.whl"
    wheel.write_bytes(b"not the official file")
    with pytest.raises(SystemExit) as stopped:
        lite_build.checked(wheel, "0" * 64, "numpy 2.0.2, by Pyodide's lock")
    message = str(stopped.value)
    assert wheel.name in message and "0" * 64 in message and lite_build.sha256(wheel) in message
    assert "nothing was built" in message


def test_the_site_carries_what_the_kernel_and_the_notebooks_import_and_their_dependencies():
    lite_build = build_script()
    lock = {"packages": {"numpy": {"depends": []}, "matplotlib": {"depends": ["numpy", "python-dateutil"]},
                         "python-dateutil": {"depends": ["six"]}, "six": {"depends": []},
                         "traitlets": {"depends": []}, "ipython": {"depends": ["traitlets"]}}}
    assert lite_build.closure(lock, ["matplotlib"]) == ["ipython", "matplotlib", "numpy", "python-dateutil", "six",
                                                        "traitlets"]  # ipython, traitlets: for ipywidgets, comm
    with pytest.raises(SystemExit, match="jedi is not in Pyodide's lock"):
        lite_build.closure(lock, ["jedi"])
