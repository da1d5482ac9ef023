"""The chart theme and the figure builders."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
import pytest

from peaceops import charts
from peaceops.data import load


def test_theme_sets_template_palette_and_an_offline_renderer():
    charts.use_theme()
    assert pio.templates.default == charts.TEMPLATE
    assert pio.renderers.default == "plotly_mimetype"
    assert "connected" not in pio.renderers.default  # "notebook_connected" would load plotly.js from a CDN
    assert list(pio.templates[charts.TEMPLATE].layout.colorway) == charts.PALETTE


def test_palette_is_okabe_ito_and_every_case_has_its_own_colour():
    assert set(charts.PALETTE) == set(charts.OKABE_ITO.values())
    assert len(set(charts.CASE_COLOURS.values())) == 7
    assert set(charts.CASE_COLOURS) == set(load("cases")["case_id"])


@pytest.mark.parametrize(
    ("start", "end", "step"), [(1990, 1991, 1), (1990, 1999, 1), (1990, 2005, 2), (1947, 2021, 10), (1648, 2021, 50)]
)
def test_year_ticks_are_whole_years(start, end, step):
    assert charts.year_dtick(start, end) == step
    fig = charts.year_axis(go.Figure(), start, end)
    assert fig.layout.xaxis.tickformat == "d"  # 1990, never "1,990" or "1,990.5"
    assert fig.layout.xaxis.dtick == step and float(fig.layout.xaxis.dtick).is_integer()
    assert fig.layout.xaxis.tick0 % step == 0


def test_source_line_is_added_once_and_replaced():
    fig = charts.new_figure("A title", "UCDP")
    charts.add_source(fig, "Source: PA-X")
    sources = [a for a in fig.layout.annotations if a.name == "source"]
    assert [a.text for a in sources] == ["Source: PA-X"]
    assert fig.layout.title.text == "A title"


def test_fraction_of_year():
    values = charts.fraction_of_year(["1995-12-14", "2016-01-01"])
    assert values.iloc[0] == pytest.approx(1995 + 347 / 365)
    assert values.iloc[1] == 2016


def test_cases_map_draws_every_case_without_geo_traces():
    cases, basemap = load("cases"), load("basemap")
    fig = charts.cases_map(cases, basemap, "Natural Earth")
    # A plotly geo trace would fetch its base map from a CDN: the map must use none.
    assert all(t.type == "scatter" for t in fig.data)
    assert "geo" not in fig.layout.to_plotly_json()
    markers = [t for t in fig.data if t.mode == "markers+text"]
    assert len(markers) == 7
    colombia = next(t for t in markers if t.legendgroup == "colombia")
    row = cases.set_index("case_id").loc["colombia"]
    assert (colombia.x[0], colombia.y[0]) == (row["lon"], row["lat"])
    fills = [t for t in fig.data if t.fill == "toself" and t.legendgroup]
    assert all(len([v for v in t.x if v is not None]) > 3 for t in fills), "every case has its outline"
    assert fig.layout.title.text and any(a.name == "source" for a in fig.layout.annotations)


def test_case_features_include_the_de_facto_cyprus_feature():
    names = set(charts.case_features(load("basemap"), "CYP")["name"])
    assert names == {"Cyprus", "N. Cyprus"}


def test_case_timeline_shows_conflict_agreement_and_missions():
    cases, missions = load("cases"), load("missions")
    timor = cases.set_index("case_id").loc["timor_leste"].copy()
    timor["case_id"] = "timor_leste"
    fig = charts.case_timeline(timor, missions, "test", this_year=2026)
    assert list(fig.data[0].x) == [1975, 1999]
    assert 1999 < fig.data[1].x[0] < 2000
    shown = {y for y in fig.data[2].y if y}
    assert {"UNTAET", "UNMIT"} <= shown
    assert fig.layout.xaxis.tickformat == "d"
    assert "Timor-Leste" in fig.layout.title.text


def test_timeline_of_a_case_without_agreement_or_end():
    missions = pd.DataFrame(
        {"case_id": ["x"], "mission": ["M"], "start_year": [2000], "end_year": [pd.NA],
         "full_name": ["Mission"], "organisation": ["UN"]}
    )
    case = pd.Series({"case_id": "x", "name": "X", "conflict_start": 1990, "conflict_end": pd.NA,
                      "agreement_date": pd.NaT})
    data = charts.timeline_data(case, missions, this_year=2026)
    assert data["conflict"][0] == [1990, 2026]
    assert data["agreement"] == ([], [])
    assert data["missions"][0][:2] == [2000, 2026]


def test_setup_shows_whole_sentences_in_tables():
    import pandas as pd

    import peaceops

    peaceops.setup()
    assert pd.get_option("display.max_colwidth") >= 300
    assert pio.renderers.default == charts.RENDERER


def test_the_kernel_skips_the_slow_iri_checker():
    """peaceops keeps jsonschema from importing rfc3987-syntax (2 s of grammar compiling per kernel)."""
    import subprocess
    import sys

    code = ("import sys, peaceops, nbformat, jsonschema; "
            "print(sys.modules.get('rfc3987_syntax', 'absent'), 'iri' in jsonschema.FormatChecker().checkers)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["None", "False"]


def test_batch_updates_never_send_no_change_markers():
    """plotly 7.1's widget front end does not understand its own "no change" marker: the collection's
    FigureWidget sends the current value for traces a batch leaves alone."""
    from plotly.basedatatypes import Undefined

    fig = charts.new_figure("t", "s", widget=True)
    fig.add_trace(go.Scatter(x=[1], y=[1], name="first", hovertemplate="%{x}"))
    fig.add_trace(go.Scatter(x=[1], y=[1], name="second"))
    sent = []
    fig._send_update_msg = lambda restyle_data, relayout_data, trace_indexes=None, **kw: sent.append(
        (restyle_data, trace_indexes))
    with fig.batch_update():
        fig.data[0].x = [2]
        fig.data[1].x = [3]
        fig.data[1].name = "renamed"
    restyle, indexes = sent[-1]
    assert indexes == [0, 1]
    assert restyle["name"] == ["first", "renamed"]
    assert all(v is not Undefined for values in restyle.values() for v in values)
    assert [t.name for t in fig.data] == ["first", "renamed"]


def test_long_source_lines_wrap_and_get_room():
    fig = charts.new_figure("t", "word " * 60)
    text = next(a.text for a in fig.layout.annotations if a.name == "source")
    assert text.count("<br>") == 2 and all(len(part) <= charts.SOURCE_WIDTH for part in text.split("<br>"))
    assert fig.layout.margin.b >= 78 + 14 * 3


def test_bar_patterns_overlay_the_colour_so_no_bar_is_invisible():
    import plotly.io as pio

    from peaceops import charts

    charts.use_theme()
    bar = pio.templates[charts.TEMPLATE].data.bar[0]
    assert bar.marker.pattern.fillmode == "overlay"
