"""The JupyterLite site as a student meets it: its size, the time from opening the page to a ready kernel,
Run All per notebook, and the explorer's frames per second, in Chromium with every other host refused.

    python3 tools/lab.py lite                            # build _site/ first
    .venv/bin/python benchmarks/lite.py                  # every notebook, the explorer played 3 times
    .venv/bin/python benchmarks/lite.py --notebooks 01 --plays 5

The site is served on 127.0.0.1 (tests/lite_site.py, as tests/test_lite.py does). The first notebook is opened
by loading the page on it (page open to an idle kernel: what a student waits for the first time); each next
one in the same page (a new kernel each). Frames are counted in the page (tests/browser_frames.py): Reset,
then Play, for up to 6 s, best and median of --plays. Prints the load average too: other work on the machine
slows everything.
"""
import argparse
import os
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from browser_frames import frames_per_second, watch  # noqa: E402
from lite_site import Offline, served, site_size  # noqa: E402


def explorer_rates(browser, plays: int) -> list:
    page = browser.page
    panel = page.locator(".jp-OutputArea-output .backprop-panel", has=page.locator(".widget-play")).first
    panel.scroll_into_view_if_needed()
    watch(panel)
    return [frames_per_second(panel)[0] for _ in range(plays)]


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=ROOT / "_site")
    parser.add_argument("--notebooks", nargs="*", default=None, help="numbers, e.g. 01 03 (default: all)")
    parser.add_argument("--plays", type=int, default=3, help="plays of the explorer (notebook 01)")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    notebooks = sorted(p.name for p in (args.site / "files" / "notebooks").glob("*.ipynb")
                       if args.notebooks is None or p.name[:2] in args.notebooks)
    print(f"site {args.site.name}/: {site_size(args.site) / 2**20:.1f} MiB; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    with served(args.site) as base, sync_playwright() as playwright:
        browser = Offline(playwright, base, args.chromium)
        try:
            for i, name in enumerate(notebooks):
                run = browser.run_all(f"notebooks/{name}")
                how = "page open to an idle kernel" if i == 0 else "notebook open to an idle kernel"
                print(f"{name}: {how} {run.ready_s:.1f} s, Run All {run.run_all_s:.1f} s", flush=True)
                if name.startswith("01_") and args.plays:
                    rates = explorer_rates(browser, args.plays)
                    print(f"  explorer: {max(rates):.1f} frames/s best, {statistics.median(rates):.1f} median "
                          f"of {len(rates)} plays ({', '.join(f'{r:.1f}' for r in rates)})", flush=True)
                browser.close()
        finally:
            browser.quit()
    print(f"refused: {len(browser.refused)} requests to other hosts; page errors: {len(browser.errors)}; "
          f"load average now {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
