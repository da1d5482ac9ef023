"""Real-browser test: JupyterLab in headless Chromium runs every lesson.

For each notebook in notebooks/ it opens the lesson in JupyterLab, runs all cells, waits for
the kernel to be idle, and checks what a learner sees: no error outputs, every plotly figure
drawn, every widget drawn (none stuck on "Loading widget..." or showing "Error displaying
widget"), the lesson's main control changes a figure's data in the page, no uncaught page
errors, not a single request to a host other than this machine (the collection must work
offline), and no serious or critical accessibility violation in the lesson's outputs: axe-core
runs its WCAG 2 A and AA rules (2.0, 2.1 and 2.2) over every code cell's output area, after Run
All and after the main control was operated. A screenshot of each lesson goes to screenshots/
(git-ignored) and the time from opening to everything rendered is printed.

``test_accessible_controls_in_a_real_browser`` checks peaceops.controls the same way, in a
notebook written into the server's temporary folder: axe finds nothing serious in them, a screen
reader's name for each slider is its label, the keyboard moves them, a range's ends cannot cross,
and the kernel gets each new value; beside them, ipywidgets' own slider must still be flagged
(``aria-input-field-name``), which shows that the check can fail.

Needs Debian's Chromium (``apt-get install chromium``), Playwright for Python (in
requirements-test.txt) and axe-core from the npm registry (pinned in tests/browser/package.json;
``make test`` runs ``npm ci --prefix tests/browser`` where npm is installed); no browser is
downloaded and axe is injected from node_modules, never from a CDN. Skips, saying how to install,
where Chromium or Playwright is missing; without axe-core the lessons are still checked, then the
test is reported skipped for its accessibility part. ``.ci/run`` installs Chromium and npm and
sets PEACEOPS_REQUIRE_BROWSER=1, so CI never skips any of it. The control operated is the one
labelled ``metadata.peaceops.main_control`` in the lesson (or the button it names, as
``button:<text>``), if set, else the first drop-down,
multiple selection, toggle or slider (an ipywidgets one or a peaceops.controls one) in the lesson.
"""

from __future__ import annotations

import json
import os
import re
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

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
SCREENSHOTS = ROOT / "screenshots"
CHROMIUM = os.environ.get("PEACEOPS_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}
RUN_TIMEOUT_S = 240
AXE = Path(os.environ.get("PEACEOPS_AXE") or ROOT / "tests" / "browser" / "node_modules" / "axe-core" / "axe.min.js")
# WCAG 2.0, 2.1 and 2.2, levels A and AA: axe-core's tags for them.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_FAILING = {"serious", "critical"}
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


def _axe_missing() -> str | None:
    if AXE.is_file():
        return None
    return (f"axe-core not found at {AXE.relative_to(ROOT) if AXE.is_relative_to(ROOT) else AXE}: "
            "install it with `npm ci --prefix tests/browser` (`make test` does so where npm is installed; "
            "on Debian, `sudo apt-get install npm`) to run the accessibility check")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def lab():
    """A JupyterLab server on 127.0.0.1, a free port and a random token, stopped afterwards."""
    reason = _skip_reason()
    if os.environ.get("PEACEOPS_REQUIRE_BROWSER") and (reason or _axe_missing()):
        pytest.fail(f"PEACEOPS_REQUIRE_BROWSER is set but {reason or _axe_missing()}")
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
        yield {"base": base, "token": token, "root": served}
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


# axe-core over the given output areas only (JupyterLab's own interface is not the lessons' to fix):
# the violations, each element with its selector, its cell and its control's label.
JS_AXE = """async ({scope, tags}) => {
  const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
  const include = [...panel.querySelectorAll(scope)];
  if (!include.length) return {version: axe.version, scanned: 0, violations: []};
  const result = await axe.run({include}, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
  const cells = [...panel.querySelectorAll('.jp-Cell')];
  // Where a flagged element is, in a learner's terms: the cell, and the label of its control.
  const where = (selector) => {
    let el = null;
    try { el = document.querySelector(selector); } catch (e) { return ''; }
    if (!el) return '';
    const cell = el.closest('.jp-Cell');
    const control = el.closest('.widget-slider, .widget-inline-hbox, .peaceops-slider');
    const label = control && control.querySelector('.widget-label, .peaceops-control-label');
    const name = label && label.textContent.trim();
    return [cell ? `cell ${cells.indexOf(cell) + 1}` : '', name ? `control "${name}"` : ''].filter(Boolean).join(', ');
  };
  return {
    version: axe.version,
    scanned: include.length,
    violations: result.violations.map(v => ({
      rule: v.id, impact: v.impact, help: v.help, url: v.helpUrl,
      targets: v.nodes.map(n => { const t = [].concat(...n.target).join(' '); const w = where(t);
                                  return w ? `${t}  (${w})` : t; }),
    })),
  };
}"""


def _axe(page, scope: str = ".jp-CodeCell .jp-OutputArea") -> dict:
    """Run axe-core (injected from node_modules) over the output areas matched by ``scope``."""
    if not page.evaluate("() => !!window.axe"):
        page.add_script_tag(path=str(AXE))
    return page.evaluate(JS_AXE, {"scope": scope, "tags": AXE_TAGS})


def _failing(result: dict) -> list[dict]:
    return [v for v in result["violations"] if v["impact"] in AXE_FAILING]


def _axe_report(where: str, result: dict) -> str:
    """The serious and critical violations, one rule a line with the elements it flags."""
    failing = _failing(result)
    lines = [f"{where}: {len(failing)} serious or critical accessibility violation(s) "
             f"(axe-core {result['version']}, WCAG 2 A/AA):"]
    for v in failing:
        shown = v["targets"][:5] + ([f"... and {len(v['targets']) - 5} more"] if len(v["targets"]) > 5 else [])
        lines.append(f"  - {v['rule']} ({v['impact']}), {len(v['targets'])} element(s): {v['help']}.")
        lines += [f"      {target}" for target in shown]
        lines.append(f"      how to fix: {v['url'].split('?')[0]}")
    return "\n".join(lines)


def _axe_summary(result: dict) -> str:
    """Every violation found, of any impact: rule (impact, elements)."""
    rules = ", ".join(f"{v['rule']} ({v['impact']}, {len(v['targets'])})" for v in result["violations"])
    return f"axe: {rules}" if rules else "axe: no violations"


def _main_control_label(notebook: Path) -> str | None:
    """The label of the lesson's main control, from metadata.peaceops.main_control, if given."""
    meta = json.loads(notebook.read_text(encoding="utf-8")).get("metadata", {}).get("peaceops", {})
    return meta.get("main_control")


CONTROL_KINDS = (".widget-dropdown, .widget-select-multiple, .widget-toggle-buttons, .widget-slider,"
                 " .peaceops-slider")
CONTROL_LABELS = ".widget-label, .peaceops-control-label"


#: metadata.peaceops.main_control of a lesson whose main interaction is its first question (a
#: self-check or a compare-your-view item of the question bank) rather than an explorer.
SELF_CHECK = "self-check"
#: Prefix of a main_control that is a button, named by its text ("button:Propose this package").
BUTTON = "button:"


def _operate_self_check(page) -> str:
    """Answer the lesson's first question as a learner would (first option, then the button) and
    wait for the feedback or the positions to appear."""
    panel = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)")
    radio = panel.locator(".widget-radio-box input[type=radio]").first
    assert radio.count(), "no question with options found to answer (main_control is 'self-check')"
    radio.evaluate("el => el.scrollIntoView({block: 'center'})")
    radio.check()
    box = radio.locator("xpath=ancestor::div[contains(@class, 'widget-vbox')][.//button][1]")
    button = box.locator("button", has_text=re.compile(r"^(Check|Compare my view)$")).first
    assert button.count(), "no Check or Compare button beside the question"
    text = button.inner_text()
    button.click()
    status = box.locator("[role=status]").first
    status.wait_for(state="visible", timeout=30_000)
    page.wait_for_function("el => el.textContent.trim().length > 0", arg=status.element_handle(), timeout=30_000)
    return f"question answered -> {text!r}: {status.inner_text()[:60]!r}"


def _operate_main_control(page, label: str | None) -> str:
    """Change the lesson's main control (its label named in the metadata, else the first control
    found), as a learner would; return what was done. The control is scrolled into view, so the
    screenshot shows it with its figure."""
    panel = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)")
    if label and label.startswith(BUTTON):  # a lesson whose main control is a button (lesson 13's "Propose")
        text = label[len(BUTTON):]
        button = panel.locator("button", has_text=re.compile(rf"^{re.escape(text)}$")).first
        assert button.count(), f"no button {text!r} (metadata.peaceops.main_control)"
        button.evaluate("el => el.scrollIntoView({block: 'center'})")
        button.click()
        return f"button {text!r} clicked"
    controls = panel.locator(CONTROL_KINDS)
    if label:
        controls = controls.filter(has=page.locator(CONTROL_LABELS, has_text=label))
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
    if "peaceops-slider" in classes:  # peaceops.controls: native range inputs; a range's first is "from"
        slider = control.locator("input[type=range]").first
        before = slider.input_value()
        slider.focus()
        for key in ("ArrowRight", "ArrowLeft"):
            for _ in range(3):
                slider.press(key)
            if slider.input_value() != before:
                return f"slider {slider.get_attribute('aria-label')!r} -> {before} to {slider.input_value()}"
        raise AssertionError("the slider did not move with the arrow keys")
    handle = control.locator(".noUi-handle").first  # a range slider's first handle is its lower end
    before = handle.get_attribute("aria-valuenow")
    handle.focus()
    for key in ("ArrowRight", "ArrowLeft"):
        for _ in range(3):
            handle.press(key)
        if handle.get_attribute("aria-valuenow") != before:
            return f"slider -> {before} to {handle.get_attribute('aria-valuenow')}"
    raise AssertionError("the slider did not move with the arrow keys")


def _close(context, page) -> None:
    """Shut the page's kernel down (best effort: the server stops anyway) and close the context."""
    try:
        page.evaluate("() => window.jupyterapp.commands.execute('kernelmenu:shutdown')")
    except Exception:  # noqa: BLE001
        pass
    context.close()


def _offline_page(browser):
    """A new page that blocks every request leaving the machine: (context, page, the blocked
    requests, the page's JavaScript errors), both lists filled as the page runs."""
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
    return context, page, outside, page_errors


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_lesson_in_a_real_browser(lab, browser, notebook):
    context, page, outside, page_errors = _offline_page(browser)
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

        label = _main_control_label(notebook)
        if label == SELF_CHECK:  # a lesson whose main interaction is a question, not an explorer
            action = _operate_self_check(page)
        else:
            before = page.evaluate(JS_PLOT_DATA)
            action = _operate_main_control(page, label)
            wait(f"(before) => JSON.stringify(({JS_PLOT_DATA})()) !== JSON.stringify(before)",
                 f"a figure to change after operating the main control ({action})", 30, arg=before)
            after = page.evaluate(JS_PLOT_DATA)
            assert after != before, f"{notebook.name}: operating the main control ({action}) changed no figure"
        wait(f"() => ({JS_STATE})().status === 'idle'", "the kernel to finish the update", 30)
        page.wait_for_timeout(300)  # let the last panel repaint before the screenshot
        lost = page.evaluate(JS_RENDERED)["lostSettings"]
        assert lost == [], f"{notebook.name}: after {action}, figures lost trace settings in the page: {lost}"
        axe_started = time.monotonic()
        axe = None if _axe_missing() else _axe(page)
        axe_s = time.monotonic() - axe_started

        SCREENSHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{notebook.stem}.png"))
        checked = f"{_axe_summary(axe)} ({axe_s:.1f} s)" if axe else "axe-core not installed"
        print(f"\n{notebook.name}: open to rendered {elapsed:.1f} s; {rendered['plots']} figures, "
              f"{rendered['widgets']} widgets; {action}; {checked}")
        assert outside == [], (
            f"{notebook.name}: requests left the machine (the collection must work offline): {outside}"
        )
        assert page_errors == [], f"{notebook.name}: uncaught errors in the page: {page_errors}"
        if axe is None:
            pytest.skip(f"{notebook.name}: rendering and controls checked; accessibility not: {_axe_missing()}")
        assert axe["scanned"] > 0, f"{notebook.name}: no output area found for axe-core to check"
        if _failing(axe):
            pytest.fail(_axe_report(notebook.name, axe), pytrace=False)
    finally:
        _close(context, page)


# The accessible controls (peaceops.controls), in an explorer-like box, beside ipywidgets' own sliders.
CONTROLS_CELLS = [
    '''import ipywidgets as widgets
import plotly.graph_objects as go

from peaceops.controls import RangeSlider, Slider

style = {"description_width": "initial"}
window = Slider(value=3, min=1, max=10, description="Years either side", unit="years", style=style,
                continuous_update=False)
years = RangeSlider(value=(1990, 2005), min=1945, max=2025, step=1, description="Years", style=style,
                    continuous_update=False, layout=widgets.Layout(width="460px"))
case = widgets.Dropdown(options=["Cyprus", "Sudan"], description="Case", style=style)
figure = go.FigureWidget(go.Scatter(x=[1990, 2005], y=[3, 3], name="window"))
figure.update_layout(title="The window chosen", xaxis_title="Year", yaxis_title="Years either side", height=300)
echo = widgets.HTML()


def redraw(_change=None):
    lower, upper = years.value
    with figure.batch_update():
        figure.data[0].x, figure.data[0].y = [lower, upper], [window.value, window.value]
    echo.value = f"<p>window={window.value}; years={lower}-{upper}</p>"


for control in (window, years):
    control.observe(redraw, names="value")
case.observe(lambda change: setattr(window, "disabled", change["new"] == "Sudan"), names="value")
redraw()
box = widgets.VBox([widgets.HBox([window, years, case], layout=widgets.Layout(flex_flow="row wrap")), echo, figure])
box.add_class("peaceops-check-controls")
box''',
    '''old = widgets.VBox([widgets.IntSlider(value=3, min=1, max=10, description="Years either side"),
                   widgets.IntRangeSlider(value=(1990, 2005), min=1945, max=2025, description="Years")])
old.add_class("peaceops-check-ipywidgets")
old''',
]


def test_accessible_controls_in_a_real_browser(lab, browser):
    if _axe_missing():
        pytest.skip(_axe_missing())
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(src) for src in CONTROLS_CELLS])
    notebook.metadata["kernelspec"] = {"display_name": "Python 3 (ipykernel)", "language": "python",
                                       "name": "python3"}
    nbformat.write(notebook, lab["root"] / "controls_check.ipynb")  # the server's temporary copy only

    context, page, outside, page_errors = _offline_page(browser)
    try:
        page.goto(f"{lab['base']}/lab/tree/controls_check.ipynb?reset&token={lab['token']}")
        page.wait_for_function("() => window.jupyterapp && document.querySelector('.jp-NotebookPanel')",
                               timeout=60_000)
        page.wait_for_function(f"() => ({JS_STATE})().status === 'idle'", timeout=60_000)
        page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
        page.wait_for_function(
            f"() => {{ const s = ({JS_STATE})(); return s.ready && s.status === 'idle' && s.pending === 0"
            " && s.cells > 0 && (s.unrun === 0 || s.failed > 0); }", timeout=RUN_TIMEOUT_S * 1000)
        page.wait_for_function(
            f"() => {{ const r = ({JS_RENDERED})(); return r.plots === 1 && r.drawn === 1 && r.loading === 0"
            " && document.querySelectorAll('.peaceops-check-controls .peaceops-slider').length === 2"
            " && document.querySelectorAll('.peaceops-check-ipywidgets .noUi-handle').length === 3; }",
            timeout=60_000)
        rendered = page.evaluate(JS_RENDERED)
        assert rendered["tracebacks"] == [] and rendered["errors"] == [], rendered

        box = page.locator(".peaceops-check-controls")
        assert box.locator(".peaceops-control-label").all_inner_texts() == ["Years either side", "Years"]
        # The names a screen reader announces, as the browser computes them.
        window = box.get_by_role("slider", name="Years either side", exact=True)
        start = box.get_by_role("slider", name="Years from", exact=True)
        end = box.get_by_role("slider", name="Years to", exact=True)
        assert (window.count(), start.count(), end.count()) == (1, 1, 1)
        assert box.get_by_role("group", name="Years", exact=True).count() == 1
        assert window.get_attribute("aria-valuetext") == "3 years"

        ours = _axe(page, ".peaceops-check-controls")
        theirs = _axe(page, ".peaceops-check-ipywidgets")
        print(f"\npeaceops.controls: {_axe_summary(ours)}\nipywidgets sliders: {_axe_summary(theirs)}")
        assert ours["scanned"] == 1, "the controls' box was not found for axe-core to check"
        if _failing(ours):
            pytest.fail(_axe_report("peaceops.controls", ours), pytrace=False)
        assert "aria-input-field-name" in {v["rule"] for v in _failing(theirs)}, (
            "axe-core no longer flags ipywidgets' unnamed slider handles: the check may be broken, or "
            f"ipywidgets now names them (then peaceops.controls may no longer be needed): {theirs}")

        figure_before = page.evaluate(JS_PLOT_DATA)
        echo = box.locator(".widget-html")

        def kernel_sees(text: str) -> None:
            page.wait_for_function("(t) => document.querySelector('.peaceops-check-controls .widget-html')"
                                   ".innerText.includes(t)", arg=text, timeout=30_000)

        window.focus()
        window.press("ArrowRight")
        kernel_sees("window=4;")
        assert window.get_attribute("aria-valuetext") == "4 years"
        assert window.locator("xpath=following-sibling::*[1]").inner_text() == "4"  # the visible value
        start.focus()
        start.press("End")  # the lower end stops at the upper one: they cannot cross
        kernel_sees("years=2005-2005")
        end.focus()
        end.press("Home")
        assert end.input_value() == "2005"
        end.press("ArrowRight")
        end.press("ArrowRight")
        kernel_sees("years=2005-2007")
        start.press("Home")
        kernel_sees("years=1945-2007")
        assert "window=4; years=1945-2007" in echo.inner_text()
        action = _operate_main_control(page, "Years either side")  # as for a lesson whose main control it is
        assert action == "slider 'Years either side' -> 4 to 7", action
        kernel_sees("window=7;")
        box.get_by_role("combobox", name="Case").select_option("Sudan")  # the kernel disables the window
        page.wait_for_function("() => document.querySelector('.peaceops-check-controls input[type=range]').disabled",
                               timeout=30_000)
        page.wait_for_function("(before) => JSON.stringify(({js})()) !== JSON.stringify(before)"
                               .replace("{js}", JS_PLOT_DATA), arg=figure_before, timeout=30_000)

        SCREENSHOTS.mkdir(exist_ok=True)
        box.screenshot(path=str(SCREENSHOTS / "controls.png"))
        assert outside == [], f"requests left the machine: {outside}"
        assert page_errors == [], f"uncaught errors in the page: {page_errors}"
    finally:
        _close(context, page)
