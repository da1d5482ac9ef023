"""Real-browser test: JupyterLab in headless Chromium runs every lesson.

For each notebook in notebooks/ it opens the lesson in JupyterLab, runs all cells, waits for
the kernel to be idle, and checks what a learner sees: no error outputs, every plotly figure
drawn, every widget drawn (none stuck on "Loading widget..." or showing "Error displaying
widget"), the lesson's main control changes a figure's data in the page, no uncaught page
errors, and not a single request to a host other than this machine (the collection must work
offline). A screenshot of each lesson goes to screenshots/ (git-ignored) and the time from
opening to everything rendered is printed.

Needs Debian's Chromium (``apt-get install chromium``) and Playwright for Python (in
requirements-test.txt); no browser is downloaded. Skips, saying how to install, where either
is missing. ``.ci/run`` installs Chromium and sets PEACEOPS_REQUIRE_BROWSER=1, so CI never
skips it. The control operated is the one labelled ``metadata.peaceops.main_control`` in the
lesson, if set, else the first drop-down, multiple selection, toggle or slider in the lesson.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
SCREENSHOTS = ROOT / "screenshots"
CHROMIUM = os.environ.get("PEACEOPS_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}
RUN_TIMEOUT_S = 240
DEBUG = os.environ.get("PEACEOPS_BROWSER_DEBUG")

pytestmark = pytest.mark.browser

try:
    from playwright.sync_api import sync_playwright
except ImportError:  # pragma: no cover - depends on the machine
    sync_playwright = None


def _skip_reason() -> str | None:
    if sync_playwright is None:
        return "Playwright for Python is not installed: run `make test` (requirements-test.txt installs it)"
    if not CHROMIUM:
        return ("Chromium not found: install Debian's browser with `sudo apt-get install chromium` "
                "(or set PEACEOPS_CHROMIUM to a Chromium binary) to run the real-browser test")
    return None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def lab():
    """A JupyterLab server on 127.0.0.1, a free port and a random token, stopped afterwards."""
    reason = _skip_reason()
    if reason and os.environ.get("PEACEOPS_REQUIRE_BROWSER"):
        pytest.fail(f"PEACEOPS_REQUIRE_BROWSER is set but {reason}")
    if reason:
        pytest.skip(reason)
    port, token = _free_port(), secrets.token_hex(16)
    state = Path(tempfile.mkdtemp(prefix="peaceops-lab-"))
    settings = state / "settings" / "@jupyterlab" / "notebook-extension"
    settings.mkdir(parents=True)
    # Render every cell (no virtual scrolling), so every output is in the page to be checked.
    (settings / "tracker.jupyterlab-settings").write_text(json.dumps({"windowingMode": "none"}))
    # Never write to a lesson: no autosave (the lessons are also served from a copy, below).
    docmanager = state / "settings" / "@jupyterlab" / "docmanager-extension"
    docmanager.mkdir(parents=True)
    (docmanager / "plugin.jupyterlab-settings").write_text(json.dumps({"autosave": False}))
    served = state / "root"
    shutil.copytree(ROOT / "notebooks", served / "notebooks",
                    ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    apputils = state / "settings" / "@jupyterlab" / "apputils-extension"
    apputils.mkdir(parents=True)
    (apputils / "notification.jupyterlab-settings").write_text(json.dumps({"fetchNews": "false"}))
    env = dict(os.environ, JUPYTER_RUNTIME_DIR=str(state / "runtime"), JUPYTER_CONFIG_DIR=str(state / "config"))
    command = [
        sys.executable, "-m", "jupyterlab", "--no-browser",
        "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={served}",
        f"--LabApp.user_settings_dir={state / 'settings'}", f"--LabApp.workspaces_dir={state / 'workspaces'}",
        "--LabApp.expose_app_in_browser=True",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        "--LabApp.extension_manager=readonly",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")  # CI runs as root in a throwaway container
    log = (state / "server.log").open("w")
    server = subprocess.Popen(command, cwd=served, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2)
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("JupyterLab did not start:\n" + (state / "server.log").read_text()) from None
                time.sleep(0.3)
        yield {"base": base, "token": token}
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
        shutil.rmtree(state, ignore_errors=True)


@pytest.fixture(scope="module")
def browser(lab):
    with sync_playwright() as p:
        chromium = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--disable-dev-shm-usage"],
        )
        yield chromium
        chromium.close()


# JavaScript run in the page ------------------------------------------------------------------

JS_STATE = """() => {
  const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
  if (!panel) return {ready: false};
  const prompts = [...panel.querySelectorAll('.jp-CodeCell .jp-InputPrompt')].map(p => p.textContent.trim());
  const app = window.jupyterapp;
  const widget = app && app.shell.currentWidget;
  const kernel = widget && widget.sessionContext && widget.sessionContext.session
      && widget.sessionContext.session.kernel;
  return {
    ready: true,
    status: kernel ? kernel.status : 'none',
    pending: prompts.filter(t => t.includes('*')).length,
    unrun: prompts.filter(t => /\\[\\s*\\]/.test(t)).length,
    cells: prompts.length,
    // Run All stops at a cell that raises: then the rest stay unrun, and waiting longer is pointless.
    failed: panel.querySelectorAll('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]').length,
  };
}"""

JS_RENDERED = """() => {
  const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
  // Only code-cell outputs: a lesson's own text may mention these messages.
  const text = [...panel.querySelectorAll('.jp-CodeCell .jp-OutputArea')].map(o => o.innerText).join(' ');
  const plots = [...panel.querySelectorAll('.js-plotly-plot')];
  return {
    errors: [...panel.querySelectorAll('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')]
      .map(e => e.innerText).filter(t => /Traceback|Error/.test(t)),
    tracebacks: [...panel.querySelectorAll('.jp-RenderedText[data-mime-type="application/vnd.jupyter.error"]')]
      .map(e => e.innerText.slice(0, 500)),
    plots: plots.length,
    drawn: plots.filter(p => p.querySelector('.main-svg') && Array.isArray(p.data)).length,
    widgets: panel.querySelectorAll('.jupyter-widgets').length,
    // A legend entry "trace 3" or a literal "_undefined_" means an update lost a trace's settings.
    lostSettings: [...panel.querySelectorAll('.legendtext')].map(t => t.textContent).filter(t => /^trace \\d+$/.test(t))
      .concat(plots.filter(p => JSON.stringify(p.data || []).includes('_undefined_')).map(() => '_undefined_')),
    loading: (text.match(/Loading widget/g) || []).length,
    widgetErrors: (text.match(/Error displaying widget/g) || []).length,
    widgetErrorText: [...panel.querySelectorAll('.jp-CodeCell .jp-OutputArea-output')]
      .filter(o => /Error displaying widget|Loading widget/.test(o.innerText))
      .map(o => o.innerText.slice(0, 300)),
  };
}"""

JS_PLOT_DATA = """() => [...document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .js-plotly-plot')]
  .map(p => JSON.stringify((p.data || []).map(t => [t.x, t.y, t.z, t.text, t.visible])))"""


def _main_control_label(notebook: Path) -> str | None:
    """The label of the lesson's main control, from metadata.peaceops.main_control, if given."""
    meta = json.loads(notebook.read_text(encoding="utf-8")).get("metadata", {}).get("peaceops", {})
    return meta.get("main_control")


CONTROL_KINDS = ".widget-dropdown, .widget-select-multiple, .widget-toggle-buttons, .widget-slider"


def _operate_main_control(page, label: str | None) -> str:
    """Change the lesson's main control (its label named in the metadata, else the first control
    found), as a learner would; return what was done. The control is scrolled into view, so the
    screenshot shows it with its figure."""
    panel = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)")
    controls = panel.locator(CONTROL_KINDS)
    if label:
        controls = controls.filter(has=page.locator(".widget-label", has_text=label))
        assert controls.count(), f"no control labelled {label!r} (metadata.peaceops.main_control)"
    control = controls.first
    assert control.count(), "no dropdown, multiple selection, toggle or slider found to operate"
    control.evaluate("el => el.scrollIntoView({block: 'start'})")
    classes = control.get_attribute("class") or ""
    if "widget-dropdown" in classes:
        select = control.locator("select")
        current = select.input_value()
        options = select.locator("option")
        for i in range(options.count()):
            value = options.nth(i).get_attribute("value")
            if value != current:
                select.select_option(value=value)
                return f"dropdown -> {options.nth(i).inner_text()}"
    if "widget-select-multiple" in classes:
        select = control.locator("select")
        options = select.locator("option")
        values = [options.nth(i).get_attribute("value") for i in range(options.count())]
        chosen = select.evaluate("s => [...s.selectedOptions].map(o => o.value)")
        target = values[:1] if chosen != values[:1] else values[:2]
        select.select_option(value=target)
        return f"multiple selection -> {len(target)} option(s)"
    if "widget-toggle-buttons" in classes:
        button = control.locator("button:not(.mod-active)").first
        text = button.inner_text()
        button.click()
        return f"toggle -> {text}"
    handle = control.locator(".noUi-handle").first  # a range slider's first handle is its lower end
    before = handle.get_attribute("aria-valuenow")
    handle.focus()
    for key in ("ArrowRight", "ArrowLeft"):
        for _ in range(3):
            handle.press(key)
        if handle.get_attribute("aria-valuenow") != before:
            return f"slider -> {before} to {handle.get_attribute('aria-valuenow')}"
    raise AssertionError("the slider did not move with the arrow keys")


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_lesson_in_a_real_browser(lab, browser, notebook):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    outside: list[str] = []
    page_errors: list[str] = []
    page.on("pageerror", lambda exc: page_errors.append(str(exc)))

    def route(route):
        host = urlparse(route.request.url).hostname or ""
        if host in LOCAL_HOSTS or route.request.url.startswith(("data:", "blob:")):
            return route.continue_()
        outside.append(route.request.url)
        return route.abort()

    page.route("**/*", route)
    (SCREENSHOTS / f"{notebook.stem}-FAILED.png").unlink(missing_ok=True)

    def wait(expression: str, what: str, timeout_s: float, arg=None) -> None:
        try:
            page.wait_for_function(expression, arg=arg, timeout=timeout_s * 1000)
        except Exception as exc:  # noqa: BLE001 - re-raised with what the page shows
            SCREENSHOTS.mkdir(exist_ok=True)
            page.screenshot(path=str(SCREENSHOTS / f"{notebook.stem}-FAILED.png"))
            state = page.evaluate(JS_STATE) if page.evaluate("() => !!document.body") else {}
            rendered = page.evaluate(f"() => document.querySelector('.jp-NotebookPanel') ? ({JS_RENDERED})() : null")
            raise AssertionError(
                f"{notebook.name}: timed out after {timeout_s:.0f} s waiting for {what}.\n"
                f"  kernel and cells: {state}\n  rendered: {rendered}\n"
                f"  requests blocked: {outside}\n  page errors: {page_errors}\n"
                f"  screenshot: screenshots/{notebook.stem}-FAILED.png"
            ) from exc

    try:
        started = time.monotonic()
        page.goto(f"{lab['base']}/lab/tree/notebooks/{notebook.name}?reset&token={lab['token']}")
        wait("() => window.jupyterapp && document.querySelector('.jp-NotebookPanel')", "JupyterLab to load", 60)
        wait(f"() => ({JS_STATE})().status === 'idle'", "the kernel to start", 60)
        page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
        wait(
            f"() => {{ const s = ({JS_STATE})(); return s.ready && s.status === 'idle' && s.pending === 0"
            " && s.cells > 0 && (s.unrun === 0 || s.failed > 0); }",
            "every cell to run and the kernel to be idle",
            RUN_TIMEOUT_S,
        )
        rendered = page.evaluate(JS_RENDERED)
        assert rendered["tracebacks"] == [], f"{notebook.name}: error outputs:\n" + "\n".join(rendered["tracebacks"])
        assert rendered["errors"] == [], f"{notebook.name}: a cell failed:\n" + "\n".join(rendered["errors"])
        wait(
            f"() => {{ const r = ({JS_RENDERED})(); return r.plots > 0 && r.drawn === r.plots && r.loading === 0; }}",
            "every figure and widget to render",
            60,
        )
        rendered = page.evaluate(JS_RENDERED)
        elapsed = time.monotonic() - started

        assert rendered["tracebacks"] == [], f"{notebook.name}: error outputs:\n" + "\n".join(rendered["tracebacks"])
        assert rendered["errors"] == [], f"{notebook.name}: error text on stderr:\n" + "\n".join(rendered["errors"])
        assert rendered["widgetErrors"] == 0, f"{notebook.name}: 'Error displaying widget' in the page"
        assert rendered["loading"] == 0, f"{notebook.name}: a widget is stuck on 'Loading widget...'"
        assert rendered["widgets"] > 0, f"{notebook.name}: no widget was drawn"
        assert rendered["drawn"] == rendered["plots"] > 0, f"{notebook.name}: a plotly figure is blank: {rendered}"

        before = page.evaluate(JS_PLOT_DATA)
        action = _operate_main_control(page, _main_control_label(notebook))
        wait(f"(before) => JSON.stringify(({JS_PLOT_DATA})()) !== JSON.stringify(before)",
             f"a figure to change after operating the main control ({action})", 30, arg=before)
        after = page.evaluate(JS_PLOT_DATA)
        assert after != before, f"{notebook.name}: operating the main control ({action}) changed no figure"
        wait(f"() => ({JS_STATE})().status === 'idle'", "the kernel to finish the update", 30)
        page.wait_for_timeout(300)  # let the last panel repaint before the screenshot
        lost = page.evaluate(JS_RENDERED)["lostSettings"]
        assert lost == [], f"{notebook.name}: after {action}, figures lost trace settings in the page: {lost}"

        SCREENSHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{notebook.stem}.png"))
        print(f"\n{notebook.name}: open to rendered {elapsed:.1f} s; {rendered['plots']} figures, "
              f"{rendered['widgets']} widgets; {action}")
        assert outside == [], (
            f"{notebook.name}: requests left the machine (the collection must work offline): {outside}"
        )
        assert page_errors == [], f"{notebook.name}: uncaught errors in the page: {page_errors}"
    finally:
        try:
            page.evaluate("() => window.jupyterapp.commands.execute('kernelmenu:shutdown')")
        except Exception:  # noqa: BLE001 - best effort, the server stops anyway
            pass
        context.close()
