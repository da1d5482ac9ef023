"""Offline handouts: one lesson exported to self-contained HTML, with its figures, fetching nothing."""

from __future__ import annotations

import re

import plotly.graph_objects as go
import plotly.io as pio
import pytest
from conftest import ROOT

from peaceops import charts
from peaceops.workshop import handouts

EXTERNAL = re.compile(
    r"<(script|img|iframe|audio|video|source|embed)\b[^>]*\bsrc\s*=\s*[\"']?(https?:)?//"
    r"|<link\b[^>]*\bhref\s*=\s*[\"']?(https?:)?//"
    r"|@import\s+(url\()?[\"']?(https?:)?//"
    r"|url\(\s*[\"']?(https?:)?//",
    re.IGNORECASE,
)


@pytest.fixture(scope="module")
def handout(tmp_path_factory):
    out = tmp_path_factory.mktemp("handouts")
    path = handouts.export(ROOT / "notebooks" / "00_introduction.ipynb", out)
    return path.read_text(encoding="utf-8")


def test_handout_fetches_nothing(handout):
    found = [m.group(0)[:120] for m in EXTERNAL.finditer(handout)]
    assert found == [], f"the handout loads something from the network: {found}"


def test_handout_contains_the_lessons_figures_and_plotly_once(handout):
    assert handout.count('class="plotly-graph-div"') >= 2  # the map and the case timeline
    assert handout.count("plotly.js v") == 1, "plotly.js must be written into the file once"
    assert "The seven cases on a world map" in handout
    assert "Dayton Agreement" in handout  # the checked table and the case card
    assert "application/vnd.jupyter.widget-view+json" not in handout
    assert "Interactive in JupyterLab; shown here with First case" in handout


def test_handout_renderer_writes_plotlyjs_only_in_the_first_figure(monkeypatch):
    monkeypatch.setenv("PEACEOPS_HANDOUT", "1")
    renderer = charts._HandoutRenderer()
    first = renderer.to_mimebundle(go.Figure().to_dict())["text/html"]
    second = renderer.to_mimebundle(go.Figure().to_dict())["text/html"]
    assert "plotly.js v" in first and "plotly.js v" not in second
    assert not EXTERNAL.search(first + second) and "tex-svg" not in first + second  # no MathJax from a CDN
    charts.use_theme()
    assert pio.renderers.default == charts.HANDOUT_RENDERER
    monkeypatch.delenv("PEACEOPS_HANDOUT")
    charts.use_theme()
    assert pio.renderers.default == charts.RENDERER


def test_widget_outputs_become_a_note():
    import nbformat

    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("x")
    cell.outputs = [nbformat.v4.new_output("display_data", data={handouts.WIDGET_VIEW: {"model_id": "1"},
                                                                 "text/plain": "VBox()"})]
    nb.cells = [cell]
    nb.metadata["widgets"] = {"state": {}}
    out = handouts.strip_widgets(nb)
    assert out.cells[0].outputs[0]["data"] == {"text/html": handouts.WIDGET_NOTE}
    assert "widgets" not in out.metadata


def test_the_simulation_s_printables_go_beside_the_handouts_and_the_index_links_them(tmp_path):
    from peaceops.workshop import handouts

    index = handouts.write_briefs(tmp_path)
    assert index == tmp_path / handouts.BRIEFS / "index.html" and index.is_file()
    assert (tmp_path / handouts.BRIEFS / "briefs.html").is_file()
    page = handouts.write_index([tmp_path / "13_simulation.html"], tmp_path,
                                [("13 · simulation: printable briefs", index)]).read_text(encoding="utf-8")
    assert 'href="simulation-briefs/index.html"' in page and 'href="13_simulation.html"' in page
