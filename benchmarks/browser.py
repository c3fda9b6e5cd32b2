"""Every live panel as a student sees it: frames per second in the browser, and the time from a key
press on a slider to the first new picture, measured in JupyterLab with Chromium.

    .venv/bin/python benchmarks/browser.py                          # this working tree, 3 runs
    .venv/bin/python benchmarks/browser.py --before HEAD~3 --runs 5  # a commit and this tree, interleaved

For each version (the working tree, and with --before a commit of this repository), its helpers/ and
notebooks/ are copied side by side into one temporary JupyterLab; each notebook with a live panel
(01 explorer, 03 sweep, 04 representation, 05 two runs, 07 depth) is opened and run (Run All) in its own
tab. Then, run after run, each panel of each version in turn (so a busy moment of the machine falls
on both): Stop and Play, frames counted until the run ends or SECONDS pass; then MOVES presses of an
arrow key on a settings slider's handle (paused before each), the time from the keydown to the next
new picture. The page counts frames itself (tests/browser_frames.py: a MutationObserver on the
picture's `src`, times from performance.now()). Prints medians and 95th percentiles, and the load
average (other work on the machine slows everything).
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from browser_frames import first_picture_ms, frames_per_second, now, watch  # noqa: E402
from test_browser import CHROMIUM, CHROMIUM_ARGS, copy_lab, jupyter_lab, open_and_run_all  # noqa: E402

# panel: (notebook, the slider a key moves)
PANELS = {"01 explorer": ("01_xor_baseline.ipynb", "seed"),
          "03 sweep": ("03_hidden_size_sweep.ipynb", "learning rate"),
          "04 representation": ("04_hidden_representations.ipynb", "seed"),
          "05 two runs": ("05_what_fixed_it.ipynb", "seed"),
          "07 depth": ("07_depth.ipynb", "seed")}
SECONDS = 6

# Where a frame's time goes, seen from the page: every Play tick the page sends (a widget update of
# `value` alone) and every picture it receives (a widget message over 20 kB) are timed at the page's
# websocket, and a 5 ms timer notes how late it runs, which is how long the page's main thread was busy
# (layout, painting, decoding, JupyterLab's and the widgets' scripts). Where a tick asks for a frame (before
# 716ed50), its time to the picture is the kernel's work plus the way there and back; since the kernel keeps
# the time (helpers/panels/live.py), a tick is a heartbeat every 250 ms, and that column says little.
WHERE_JS = """
(() => {
  const log = window.__where = {ticks: [], pictures: [], busy: []};
  const text = d => typeof d === 'string' ? d.slice(0, 3000)
    : new TextDecoder().decode(new Uint8Array(d instanceof ArrayBuffer ? d : d.buffer).slice(0, 3000));
  const send = WebSocket.prototype.send;
  WebSocket.prototype.send = function (d) {
    const t = text(d);
    if (t.includes('comm_msg') && /"state": ?\\{"value"/.test(t)) log.ticks.push(performance.now());
    if (!this.__where) {
      this.__where = true;
      this.addEventListener('message', e => {
        if ((e.data.byteLength || e.data.length || 0) > 20000) log.pictures.push(performance.now());
      });
    }
    return send.call(this, d);
  };
  let last = performance.now();
  setInterval(() => {
    const now = performance.now();
    if (now - last > 5) log.busy.push([now, now - last - 5]);
    last = now;
  }, 5);
})();
"""


def where(page, start: float, end: float) -> tuple:
    """While the panel played between page times start and end (from its first tick to its last): (the
    median ms from a tick to the next picture the page receives, ms the page's main thread was busy per
    picture received)."""
    log = page.evaluate("() => window.__where")
    ticks = [t for t in log["ticks"] if start <= t <= end]
    if len(ticks) < 2:
        return float("nan"), float("nan")
    pictures = [p for p in log["pictures"] if ticks[0] <= p]
    waits = [min(p for p in pictures if p > tick) - tick for tick in ticks if any(p > tick for p in pictures)]
    received = sum(ticks[0] < p <= ticks[-1] for p in pictures)
    busy = sum(late for t, late in log["busy"] if ticks[0] < t <= ticks[-1])
    return statistics.median(waits), busy / max(received, 1)


def cpu_times() -> tuple:
    """(busy, total) CPU time of the whole machine so far, in clock ticks, from /proc/stat (Linux); (0, 0)
    elsewhere. Two readings give the share of the machine's cores that was busy in between: near 100%, the
    frames wait for CPU time (the kernel, the server and the browser share the cores), not for each other."""
    try:
        with open("/proc/stat") as stat:
            fields = [int(v) for v in stat.readline().split()[1:]]
    except OSError:
        return 0, 0
    idle = fields[3] + fields[4]  # idle and iowait
    return sum(fields) - idle, sum(fields)


def versions(before: str, work: Path) -> dict:
    """{label: folder with helpers/ and notebooks/}: this tree, and the commit `before` if given."""
    found = {}
    if before:
        source = work / "source-before"
        source.mkdir()
        archive = subprocess.run(["git", "archive", before, "helpers", "notebooks"], cwd=ROOT, check=True,
                                 capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(source)], input=archive, check=True)
        found["before"] = source
    found["after" if before else "this tree"] = ROOT
    return found


def open_panel(browser, base: str, lab: Path, label: str, notebook: str, slider: str):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.add_init_script(WHERE_JS)
    open_and_run_all(page, base, lab / label / "notebooks" / notebook, folder=f"{label}/notebooks")
    panel = page.locator(".jp-OutputArea-output .backprop-panel", has=page.locator(".widget-play")).first
    panel.scroll_into_view_if_needed()
    watch(panel)
    found = panel.locator(".widget-hslider", has=page.locator("label.widget-label", has_text=slider)).first
    return page, panel, found


def p95(values: list) -> float:
    return float(np.percentile(values, 95)) if values else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--before", default="", help="a commit to measure beside the working tree")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--moves", type=int, default=4, help="key presses per run and panel")
    parser.add_argument("--panel", action="append", choices=list(PANELS), help="only these panels")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    work = Path(tempfile.mkdtemp(prefix="backprop-lab-frames-"))
    try:
        labels = versions(args.before, work)
        for label, source in labels.items():
            copy_lab(source, work / "lab" / label.replace(" ", "-"))
        chosen = args.panel or list(PANELS)
        results = {(label, name): {"fps": [], "intervals": [], "first": [], "wait": [], "busy": [], "cpu": []}
                   for label in labels for name in chosen}
        loads = [os.getloadavg()[0]]
        with jupyter_lab(work / "lab", work) as base, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            opened = {(label, name): open_panel(browser, base, work / "lab", label.replace(" ", "-"),
                                                      *PANELS[name])
                      for name in chosen for label in labels}
            for run in range(args.runs):
                for name in chosen:
                    for label in labels:
                        page, panel, slider = opened[label, name]
                        page.bring_to_front()
                        start, cpu = now(panel), cpu_times()
                        fps, intervals = frames_per_second(panel, SECONDS)
                        cpu = [b - a for a, b in zip(cpu, cpu_times())]
                        busy_cpu = 100 * cpu[0] / cpu[1] if cpu[1] else float("nan")
                        wait, busy = where(page, start, now(panel))
                        first = first_picture_ms(panel, slider, args.moves)
                        entry = results[label, name]
                        entry["fps"].append(fps)
                        entry["intervals"] += intervals
                        entry["first"] += first
                        entry["wait"].append(wait)
                        entry["busy"].append(busy)
                        entry["cpu"].append(busy_cpu)
                        print(f"run {run + 1} {name:18s} {label:9s} {fps:5.1f} frames/s, first picture "
                              f"{', '.join(f'{t:.0f}' for t in first)} ms; tick to picture {wait:.0f} ms, page "
                              f"busy {busy:.0f} ms a frame; machine's CPU {busy_cpu:.0f}% busy", flush=True)
                        loads.append(os.getloadavg()[0])
            browser.close()
        print(f"\nload average (1 min) during the runs: {min(loads):.2f} to {max(loads):.2f}")
        print(f"{'panel':18s} {'version':9s} {'frames/s median (min)':>22s} {'frame p95 ms':>12s} "
              f"{'first picture median, p95 ms':>30s} {'tick to picture ms':>18s} {'page busy ms/frame':>18s} "
              f"{'CPU busy %':>10s}")
        for (label, name), entry in results.items():
            print(f"{name:18s} {label:9s} {statistics.median(entry['fps']):14.1f} ({min(entry['fps']):4.1f}) "
                  f"{p95(entry['intervals']):12.0f} {statistics.median(entry['first']):20.0f}, "
                  f"{p95(entry['first']):<4.0f} {statistics.median(entry['wait']):13.0f} "
                  f"{statistics.median(entry['busy']):18.0f} {statistics.median(entry['cpu']):10.0f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
