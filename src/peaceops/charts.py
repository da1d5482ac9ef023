"""The collection's plotly theme and figure builders.

- A colour-blind-safe palette (Okabe and Ito, 2008), with one fixed colour per case.
- Integer year axes: ticks fall on whole years and never read "1,990.5".
- A source line under every figure, and a title on every figure.
- An explicit renderer, so figures show in JupyterLab, on Binder, in exported HTML and offline.

Call :func:`peaceops.setup` (or :func:`use_theme`) once in a notebook's setup cell.
"""

from __future__ import annotations

import calendar
import math
import os
import textwrap
from collections.abc import Iterable

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

# Okabe, M. and Ito, K. (2008) Color Universal Design: distinguishable by people with the
# common forms of colour-vision deficiency.
OKABE_ITO = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "black": "#000000",
}
PALETTE = [
    OKABE_ITO[k]
    for k in ("blue", "orange", "bluish_green", "vermillion", "sky_blue", "reddish_purple", "yellow", "black")
]
CASE_COLOURS = {
    "balkans": OKABE_ITO["blue"],
    "northern_ireland": OKABE_ITO["bluish_green"],
    "south_africa": OKABE_ITO["orange"],
    "timor_leste": OKABE_ITO["reddish_purple"],
    "colombia": OKABE_ITO["vermillion"],
    "cyprus": OKABE_ITO["sky_blue"],
    "sudan": OKABE_ITO["black"],
}
NEUTRAL = "#D9D9D9"
TEXT = "#222222"
FONT = "Arial, Helvetica, sans-serif"
TEMPLATE = "peaceops"
# plotly_mimetype draws in JupyterLab, Notebook 7 and on Binder with the plotly.js that ships
# inside the plotly package's JupyterLab extension: nothing comes from a CDN. For the offline
# HTML handouts, HANDOUT_RENDERER writes plotly.js inline once per lesson and no MathJax link.
RENDERER = "plotly_mimetype"
SOURCE_WIDTH = 120  # characters per line of a figure's source line
HANDOUT_RENDERER = "peaceops_handout"


def handout_mode() -> bool:
    """True while lessons are executed for the offline HTML handouts (``python -m peaceops.workshop.handouts``)."""
    return os.environ.get("PEACEOPS_HANDOUT") == "1"


class _HandoutRenderer(pio.base_renderers.MimetypeRenderer):
    """Self-contained HTML for each figure: plotly.js inline in the first one, no CDN, no MathJax."""

    def __init__(self) -> None:
        # plotly copies a renderer before each use (a shallow copy), so the flag lives in a shared dict
        self.state = {"sent_plotlyjs": False}

    def to_mimebundle(self, fig_dict: dict) -> dict:
        include = not self.state["sent_plotlyjs"]
        self.state["sent_plotlyjs"] = True
        html = pio.to_html(fig_dict, full_html=False, include_plotlyjs=include, include_mathjax=False,
                           default_width="100%", default_height=480, validate=False)
        return {"text/html": html}


_HANDOUT = _HandoutRenderer()


def use_theme() -> None:
    """Register the collection's template and renderer, and make them the defaults."""
    template = go.layout.Template(
        layout=dict(
            font=dict(family=FONT, size=14, color=TEXT),
            title=dict(font=dict(size=18), x=0.0, xanchor="left"),
            colorway=PALETTE,
            paper_bgcolor="white",
            plot_bgcolor="white",
            margin=dict(l=70, r=30, t=70, b=90),
            hoverlabel=dict(font=dict(family=FONT, size=13)),
            legend=dict(orientation="h", yanchor="bottom", y=1.0, xanchor="left", x=0.0),
            xaxis=dict(showgrid=False, linecolor="#888888", ticks="outside", zeroline=False),
            yaxis=dict(gridcolor="#E5E5E5", linecolor="#888888", zeroline=False, separatethousands=True),
        ),
        # A bar pattern is drawn over the bar's colour, never instead of it: plotly's default
        # ("replace") leaves the bar transparent, so a white pattern made whole bars invisible.
        data=dict(bar=[go.Bar(marker=dict(pattern=dict(fillmode="overlay")))]),
    )
    pio.templates[TEMPLATE] = template
    pio.templates.default = TEMPLATE
    wanted = HANDOUT_RENDERER if handout_mode() else RENDERER
    if wanted == HANDOUT_RENDERER:
        pio.renderers[HANDOUT_RENDERER] = _HANDOUT  # one instance: plotly.js goes out only once
    if pio.renderers.default != wanted:  # re-setting would re-run the renderer's activation
        pio.renderers.default = wanted


def year_dtick(start: float, end: float, max_ticks: int = 10) -> int:
    """The smallest 'nice' whole-year tick step that gives at most ``max_ticks`` ticks."""
    span = max(1, math.ceil(end) - math.floor(start))
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500):
        if span / step <= max_ticks:
            return step
    return 1000


def year_axis(fig: go.Figure, start: float, end: float, axis: str = "x", pad: float = 0.5) -> go.Figure:
    """Make ``axis`` an integer year axis from ``start`` to ``end``: whole-year ticks, no separators."""
    step = year_dtick(start, end)
    settings = dict(
        range=[start - pad, end + pad],
        tickmode="linear",
        tick0=math.floor(start / step) * step,
        dtick=step,
        tickformat="d",
        separatethousands=False,
        hoverformat="d",
    )
    (fig.update_xaxes if axis == "x" else fig.update_yaxes)(**settings)
    return fig


def add_source(fig: go.Figure, source: str) -> go.Figure:
    """Write ``Source: ...`` under the figure, or replace the one already there."""
    text = source if source.lower().startswith("source") else f"Source: {source}"
    # Annotations do not wrap: break long source lines, and make room for them below the plot.
    lines = textwrap.wrap(text, width=SOURCE_WIDTH) or [text]
    text = "<br>".join(lines)
    bottom = fig.layout.margin.b if fig.layout.margin.b is not None else 90
    fig.layout.margin.b = max(bottom, 78 + 14 * len(lines))
    kept = [a for a in fig.layout.annotations if getattr(a, "name", None) != "source"]
    fig.layout.annotations = kept
    fig.add_annotation(
        name="source",
        text=text,
        xref="paper",
        yref="paper",
        x=0,
        y=0,
        yshift=-70,
        xanchor="left",
        yanchor="top",
        showarrow=False,
        align="left",
        font=dict(size=11, color="#555555"),
    )
    return fig


def _value_at(trace: dict, path: str) -> object:
    """The value at a dotted property path ("line.color") of a trace dict, or None."""
    value: object = trace
    for part in path.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value


class FigureWidget(go.FigureWidget):
    """plotly's FigureWidget, with one fix for updates made inside ``batch_update``.

    A batch that sets a property on some traces only (say the name of trace 4, and the x of
    traces 0 to 5) sends plotly.js "no change" markers for the other traces. plotly 7.1's
    widget front end does not translate those markers, so the other traces lost that property
    in the browser (legends read "trace 0", hover templates vanished), while the kernel's copy
    was right. This subclass sends each untouched trace its current value instead.
    """

    def _build_update_params_from_batch(self):
        from plotly.basedatatypes import Undefined

        restyle_data, relayout_data, trace_indexes = super()._build_update_params_from_batch()
        for prop, values in restyle_data.items():
            for j, value in enumerate(values):
                if value is Undefined:
                    values[j] = _value_at(self._data[trace_indexes[j]], prop)
        return restyle_data, relayout_data, trace_indexes


def new_figure(title: str, source: str, widget: bool = False, height: int = 420) -> go.Figure:
    """An empty themed figure with a title and a source line. ``widget=True`` gives a FigureWidget,
    which a callback can update in place."""
    use_theme()
    cls = FigureWidget if widget else go.Figure
    fig = cls(layout=dict(template=TEMPLATE, title=dict(text=title), height=height))
    return add_source(fig, source)


def decimal_year(value: object) -> float:
    """A date as a decimal year (1995-12-14 -> 1995.95), for placing an event on a year axis."""
    ts = pd.Timestamp(value)
    days = 366 if calendar.isleap(ts.year) else 365
    return ts.year + (ts.day_of_year - 1) / days


def fraction_of_year(dates: pd.Series | Iterable) -> pd.Series:
    """Dates as decimal years (1995-12-14 -> 1995.95), for placing events on an integer year axis."""
    return pd.Series([decimal_year(d) for d in dates], dtype="float64")


# --- Map --------------------------------------------------------------------------------------

# ISO 3166-1 numeric codes (used by the base map) for the ISO3 codes in cases.csv.
ISO3_TO_N3 = {
    "BIH": "070",
    "HRV": "191",
    "SRB": "688",
    "GBR": "826",
    "IRL": "372",
    "ZAF": "710",
    "TLS": "626",
    "COL": "170",
    "CYP": "196",
    "SDN": "729",
    "SSD": "728",
}
# Natural Earth shows the de facto Turkish Cypriot administration as a feature of its own,
# with no ISO code; it belongs to the Cyprus case.
EXTRA_FEATURES = {"CYP": ["N. Cyprus"]}


def _ring_xy(rows: pd.DataFrame) -> tuple[list, list]:
    xs: list = []
    ys: list = []
    for coords in rows["coords"]:
        for pair in coords.split(" "):
            lon, lat = pair.split(",")
            xs.append(float(lon))
            ys.append(float(lat))
        xs.append(None)
        ys.append(None)
    return xs, ys


def case_features(basemap: pd.DataFrame, countries_iso3: str) -> pd.DataFrame:
    """The outer rings of the base-map countries named in a ``;``-separated list of ISO3 codes."""
    codes = [c.strip() for c in str(countries_iso3).split(";") if c.strip()]
    n3 = {ISO3_TO_N3[c] for c in codes if c in ISO3_TO_N3}
    names = {n for c in codes for n in EXTRA_FEATURES.get(c, [])}
    rows = basemap[(basemap["iso_n3"].isin(n3) | basemap["name"].isin(names)) & (basemap["ring"] == 0)]
    return rows


def cases_map(cases: pd.DataFrame, basemap: pd.DataFrame, source: str) -> go.Figure:
    """A world map of the cases drawn from the shipped base map: no tiles, no CDN, works offline.

    Countries are drawn as filled outlines on an equirectangular longitude-latitude grid;
    each case's countries take the case colour and a labelled marker sits on its main city.
    """
    fig = new_figure("The seven cases on a world map", source, height=480)
    land = basemap[basemap["ring"] == 0]
    xs, ys = _ring_xy(land)
    fig.add_trace(
        go.Scatter(
            x=xs, y=ys, mode="lines", fill="toself", fillcolor=NEUTRAL, line=dict(color="white", width=0.5),
            hoverinfo="skip", showlegend=False, name="countries",
        )
    )
    for case in cases.itertuples():
        colour = CASE_COLOURS.get(case.case_id, PALETTE[0])
        fx, fy = _ring_xy(case_features(basemap, case.countries_iso3))
        fig.add_trace(
            go.Scatter(
                x=fx, y=fy, mode="lines", fill="toself", fillcolor=colour, opacity=0.55,
                line=dict(color=colour, width=1), hoverinfo="skip", showlegend=False,
                legendgroup=case.case_id, name=case.name,
            )
        )
        fig.add_trace(
            go.Scatter(
                x=[case.lon], y=[case.lat], mode="markers+text", text=[case.name.split(" (")[0]],
                textposition="top center", marker=dict(size=11, color=colour, line=dict(color="white", width=1.5)),
                name=case.name, legendgroup=case.case_id,
                hovertemplate=f"<b>{case.name}</b><br>{case.agreement_short}<extra></extra>",
            )
        )
    fig.update_xaxes(range=[-100, 150], visible=False, fixedrange=False)
    fig.update_yaxes(range=[-45, 72], visible=False, scaleanchor="x", scaleratio=1)
    fig.update_layout(legend=dict(orientation="v", y=0.5, x=1.02, yanchor="middle"), margin=dict(r=10))
    return fig


# --- Case timeline --------------------------------------------------------------------------

TIMELINE_ROWS = ("UCDP active years", "Key agreement")


def timeline_data(case: pd.Series, missions: pd.DataFrame, this_year: int) -> dict:
    """The x/y data of a case's timeline: its conflict period, key agreement and missions."""
    conflict_x = [case["conflict_start"], case["conflict_end"] if pd.notna(case["conflict_end"]) else this_year]
    if pd.notna(case["agreement_date"]):
        agreement_x = list(fraction_of_year([case["agreement_date"]]))
    else:
        agreement_x = []
    mx: list = []
    my: list = []
    labels: list = []
    rows = missions[missions["case_id"] == case["case_id"]].sort_values(["start_year", "mission"])
    for m in rows.itertuples():
        end = m.end_year if pd.notna(m.end_year) else this_year
        mx += [m.start_year, end + 0.999 if end == m.start_year else end, None]
        my += [m.mission, m.mission, None]
        status = f"{m.start_year}–{m.end_year}" if pd.notna(m.end_year) else f"since {m.start_year}"
        until = getattr(m, "mandate_until", None)
        if pd.isna(m.end_year) and until is not None and pd.notna(until):
            status += f"; last renewal found runs to {until.day} {until:%B %Y}"
        labels += [f"{m.mission}: {m.full_name} ({m.organisation}, {status})"] * 2 + [None]
    xs = [v for v in conflict_x + agreement_x + mx if v is not None and pd.notna(v)]
    return {
        "conflict": (conflict_x, [TIMELINE_ROWS[0]] * 2),
        "agreement": (agreement_x, [TIMELINE_ROWS[1]] * len(agreement_x)),
        "missions": (mx, my, labels),
        "range": (min(xs), max(xs)) if xs else (this_year - 10, this_year),
        "rows": list(TIMELINE_ROWS) + list(dict.fromkeys(rows["mission"])),
    }


def case_timeline(
    case: pd.Series, missions: pd.DataFrame, source: str, this_year: int, widget: bool = False
) -> go.Figure:
    """A timeline of one case: years of armed conflict, the key agreement, and the missions deployed."""
    fig = new_figure("", source, widget=widget, height=380)
    fig.add_trace(go.Scatter(mode="lines", line=dict(width=14), name="UCDP active years",
                             hoverinfo="x+name"))
    fig.add_trace(
        go.Scatter(mode="markers", marker=dict(symbol="diamond", size=16, color=OKABE_ITO["black"]),
                   name="Key agreement signed", hoverinfo="name")
    )
    fig.add_trace(
        go.Scatter(mode="lines", line=dict(width=10, color=OKABE_ITO["sky_blue"]), name="Mission deployed",
                   hovertemplate="%{text}<extra></extra>")
    )
    fig.update_layout(legend=dict(orientation="h", y=1.0, yanchor="bottom", x=0), margin=dict(l=110, t=100, b=90))
    update_case_timeline(fig, case, missions, this_year)
    return fig


def update_case_timeline(fig: go.Figure, case: pd.Series, missions: pd.DataFrame, this_year: int) -> None:
    """Redraw the timeline's data for another case, in place (no new figure, no flicker)."""
    data = timeline_data(case, missions, this_year)
    colour = CASE_COLOURS.get(case["case_id"], PALETTE[0])
    start, end = data["range"]
    with fig.batch_update():
        fig.data[0].x, fig.data[0].y = data["conflict"]
        fig.data[0].line.color = colour
        fig.data[1].x, fig.data[1].y = data["agreement"]
        fig.data[2].x, fig.data[2].y, fig.data[2].text = data["missions"]
        fig.layout.title.text = f"{case['name']}: conflict, agreement and missions"
        fig.update_yaxes(categoryorder="array", categoryarray=data["rows"][::-1], autorange=True, type="category",
                         tickmode="linear", dtick=1)  # a label on every row, never thinned out
        fig.layout.height = max(320, 170 + 30 * len(data["rows"]))
        year_axis(fig, start, end)
