"""Drive the JupyterLite site (tools/lite.py) in a real browser with the network refused: for tests/test_lite.py
and benchmarks/lite.py.

The site is served on 127.0.0.1 by Python's http.server (the harness, not the lab); Debian's chromium opens it
and every request to any other address is aborted (and listed). The page's own jupyter-lite.json is answered
with `exposeAppInBrowser` added, so the harness reaches JupyterLab's application object (window.jupyterapp),
and every cell kept in the page (windowingMode "none"); the site as published does neither. Each notebook is
opened, run with Run All, and what its kernel sent (the iopub messages, as nbval reads them) is kept for
comparing with the stored outputs.
"""
import contextlib
import json
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage",
                 # no name resolves (127.0.0.1 needs none): a request that escaped the page's routing fails too
                 "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]
KERNEL_IDLE = """() => { const w = window.jupyterapp && window.jupyterapp.shell.currentWidget;
    const k = w && w.sessionContext && w.sessionContext.session && w.sessionContext.session.kernel;
    return !!k && k.status === 'idle' && w.sessionContext.kernelDisplayStatus === 'idle'; }"""
LISTEN = """() => { const k = window.jupyterapp.shell.currentWidget.sessionContext.session.kernel;
    window.__iopub = [];
    k.iopubMessage.connect((_, m) => window.__iopub.push(
        {parent: m.parent_header.msg_id, type: m.header.msg_type, content: m.content})); }"""
RUN_ALL = "async () => await window.jupyterapp.commands.execute('notebook:run-all-cells')"


@dataclass
class Run:
    """One notebook's Run All in the browser: seconds to a ready kernel and for Run All, and what the kernel sent."""

    name: str
    ready_s: float
    run_all_s: float
    messages: list
    extra: dict = field(default_factory=dict)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def served(site: Path):
    """The base URL of `site` served by http.server on 127.0.0.1 (stopped by its PID afterwards)."""
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "http.server", "--bind", "127.0.0.1", "--directory",
                               str(site), str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}/"
        for _ in range(100):
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
                break
            time.sleep(0.1)
        yield base
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()


class Offline:
    """A browser page on the site, every request outside it refused (`refused` lists them), errors collected."""

    def __init__(self, playwright, base: str, chromium: str):
        self.base, self.refused, self.errors = base, [], []
        self.browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        self.context = self.browser.new_context(viewport={"width": 1400, "height": 1000}, service_workers="allow")
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))

    def _route(self, route):
        url = route.request.url
        if not url.startswith(self.base):
            self.refused.append(url)
            return route.abort("internetdisconnected")
        if url.split("?")[0] == self.base + "jupyter-lite.json":
            response = route.fetch()
            config = response.json()
            config["jupyter-config-data"]["exposeAppInBrowser"] = "true"
            # every cell in the page, not only those on screen (as tests/test_browser.py sets JupyterLab)
            config["jupyter-config-data"].setdefault("settingsOverrides", {})[
                "@jupyterlab/notebook-extension:tracker"] = {"windowingMode": "none"}
            return route.fulfill(response=response, body=json.dumps(config))
        return route.continue_()

    def open(self, path: str, timeout: float = 300) -> float:
        """Open notebooks/`path` (the first time: load the page on it); seconds until its kernel is idle."""
        start = time.monotonic()
        if not self.page.url.startswith(self.base):
            self.page.goto(f"{self.base}lab/index.html?path={path}")
        else:
            self.page.evaluate("async p => { await window.jupyterapp.commands.execute('docmanager:open', {path: p}); }",
                               path)
        self.page.wait_for_function(f"() => window.jupyterapp && window.jupyterapp.shell.currentWidget"
                                    f" && window.jupyterapp.shell.currentWidget.context.path === {json.dumps(path)}",
                                    timeout=timeout * 1000)
        self.page.wait_for_function(KERNEL_IDLE, timeout=timeout * 1000)
        return time.monotonic() - start

    def run_all(self, path: str, timeout: float = 300) -> Run:
        ready = self.open(path, timeout)
        self.page.evaluate(LISTEN)
        start = time.monotonic()
        self.page.evaluate(RUN_ALL)
        self.page.wait_for_function(KERNEL_IDLE, timeout=timeout * 1000)
        return Run(Path(path).name, ready, time.monotonic() - start, self.page.evaluate("() => window.__iopub"))

    def run_cell(self, index: int, source: str = None) -> None:
        """Give code cell `index` of the open notebook a new source (as typed), run it, wait for the kernel."""
        self.page.evaluate("""([i, s]) => { const nb = window.jupyterapp.shell.currentWidget.content;
            if (s !== null) nb.widgets[i].model.sharedModel.setSource(s);
            nb.activeCellIndex = i; }""", [index, source])
        self.page.evaluate("async () => await window.jupyterapp.commands.execute('notebook:run-cell')")
        self.page.wait_for_function(KERNEL_IDLE, timeout=60_000)

    def close(self) -> None:
        """Close the open notebook and stop its kernel (each Pyodide kernel holds its own memory)."""
        self.page.evaluate("""async () => { const app = window.jupyterapp, w = app.shell.currentWidget;
            const id = w.sessionContext.session.id;
            w.context.model.dirty = false; w.dispose(); await app.serviceManager.sessions.shutdown(id); }""")

    def quit(self) -> None:
        self.browser.close()


def site_size(site: Path) -> int:
    return sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
