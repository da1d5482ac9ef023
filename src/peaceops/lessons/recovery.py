"""After the agreement: does armed conflict come back, and do lives improve?

Lesson 10 uses this module; later lessons reuse its generic builder:

- :func:`recurrence_table`: for each key agreement, the active UCDP conflict-years after the
  signature year (to 2021), which conflicts they were, and the last active year;
- :func:`indicator_chart` and :func:`update_indicator_chart`: an **indicator-around-an-event
  chart** for any yearly series (a line, a dashed line at the event, before and after shaded);
- :func:`indicator_window` and :func:`indicator_before_after`: means before and after an event,
  with the number of years that have data, so gaps are visible;
- :func:`trend_check`: is the change after an agreement a break in the earlier trend? A straight
  line through the years before, extended over the years after, and how far the data stray from it;
- :class:`IndicatorExplorer`: choose a country (grouped by case), an indicator and a window;
  the chart (with the earlier trend extended), the trend check and a before/after summary update
  in place, and gaps show as messages;
- :class:`Table` and the functions that return one (:func:`recurrence`, :func:`later_conflicts`,
  :func:`before_after`): the tables the lesson shows, with labels, "no data" for gaps and no
  index numbers.

The indicators (``data/indicators.csv``) are GDP per capita at PPP in constant 2021
international $ (World Bank, from 1990), GDP per capita in 2011 international $ (Maddison
Project 2020, to 2018) and life expectancy at birth (to 2019). The two GDP series use
different price bases and are never mixed in one chart.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

import ipywidgets as widgets
import numpy as np
import pandas as pd
import plotly.graph_objects as go

from peaceops import analysis, charts, controls
from peaceops.data import load
from peaceops.widgets import NO_DATA, Explorer, InputError, Table

INDICATORS = {
    "gdp_pc_ppp_2021": dict(label="GDP per capita, PPP (constant 2021 international $)", short="GDP per capita (PPP)",
                            unit="international $ (2021)", axis="$ per person (2021 int. $, PPP)",
                            source="World Bank WDI NY.GDP.PCAP.PP.KD, vintage 2024-06-28",
                            first=1990, last=2021, decimals=0),
    "gdp_pc_maddison_2011": dict(label="GDP per capita (2011 international $, Maddison Project)",
                                 short="GDP per capita (Maddison)", unit="international $ (2011)",
                                 axis="$ per person (2011 int. $)",
                                 source="Maddison Project Database 2020 (Bolt and van Zanden), via OWID",
                                 first=1950, last=2018, decimals=0),
    "life_expectancy": dict(label="Life expectancy at birth (years)", short="Life expectancy", unit="years",
                            axis="Years", source="OWID life expectancy (Riley 2005; Clio Infra 2015; UN WPP 2019)",
                            first=1950, last=2019, decimals=1),
}
# Why a country has no series for an indicator (data/README.md, table 'indicators').
GAPS = {
    ("XKX", "gdp_pc_maddison_2011"): "The Maddison Project has no Kosovo series (its 'Former Yugoslavia' series is "
                                     "not included here).",
    ("TLS", "gdp_pc_maddison_2011"): "The Maddison Project Database 2020 has no Timor-Leste series.",
    ("SSD", "gdp_pc_maddison_2011"): "The Maddison Project Database 2020 has no South Sudan series.",
    ("SSD", "gdp_pc_ppp_2021"): "The World Bank vintage used here (2024-06-28) has no South Sudan values.",
    ("XKX", "life_expectancy"): "Our World in Data's life expectancy series has no Kosovo.",
}
NI_NOTE = ("Northern Ireland has no series of its own in these sources: the case is shown through the United "
           "Kingdom and Ireland, whose national averages say little about Northern Ireland itself.")
WINDOW_MAX = 20
MIN_TREND_YEARS = 5  # a straight line through fewer points says little
BREAK_PERCENT = 2.0  # the lesson's rule of thumb: further than this from the earlier trend is a possible break


# --- Tables for learners ---------------------------------------------------------------------------


def _yes_no(value: object) -> str:
    return "yes" if bool(value) else "no"


# --- Recurrence --------------------------------------------------------------------------------


def recurrence_table(conflict_years: pd.DataFrame, cases: pd.DataFrame,
                     last: int = analysis.DATA_LAST) -> pd.DataFrame:
    """One row per case with a key agreement (Cyprus has none): the agreement year; whether a
    conflict of the case was active in the signature year itself; the active conflict-years
    after it (one per conflict and year, from the year after signature to ``last``); the
    calendar years with any active conflict; the conflicts concerned; and the last active year.

    A conflict-year is a UCDP conflict with at least 25 battle-related deaths in that year.
    The table counts every UCDP conflict mapped to the case, not only the one the agreement
    addressed: for Sudan the later years are Darfur, South Sudan's civil war and the border
    war, which is the point of the column 'conflicts after signature'.
    """
    rows = []
    for case in cases.itertuples():
        year = analysis.agreement_year(cases, case.case_id)
        if year is None:
            continue
        cy = conflict_years[conflict_years["case_id"] == case.case_id]
        after = cy[(cy["year"] > year) & (cy["year"] <= last)]
        ids = sorted(int(i) for i in after["conflict_id"].unique())
        rows.append({
            "case": case.name.split(" (")[0],
            "agreement": case.agreement_short,
            "agreement year": year,
            "active in signature year": bool((cy["year"] == year).any()),
            "conflict-years after": int(len(after)),
            "years with any conflict after": int(after["year"].nunique()),
            "conflicts after signature": ", ".join(str(i) for i in ids) if ids else "none",
            "last active year": int(cy["year"].max()) if not cy.empty else pd.NA,
        })
    out = pd.DataFrame(rows)
    out["last active year"] = out["last active year"].astype("Int64")
    return out


def conflicts_after(conflict_years: pd.DataFrame, conflict_map: pd.DataFrame, cases: pd.DataFrame,
                    case_id: str, last: int = analysis.DATA_LAST) -> pd.DataFrame:
    """The conflicts active after a case's agreement: UCDP id, what the conflict is, its active
    years after signature, and the opponents of the government in those years."""
    year = analysis.agreement_year(cases, case_id)
    if year is None:
        raise InputError("Cyprus has no comprehensive agreement, so there is no 'after' to count from.")
    cy = conflict_years[(conflict_years["case_id"] == case_id) & (conflict_years["year"] > year)
                        & (conflict_years["year"] <= last)]
    notes = conflict_map.set_index("conflict_id")["note"]
    rows = []
    for cid, g in cy.groupby("conflict_id"):
        sides = sorted({s.strip() for v in g["side_b"].dropna() for s in str(v).split(",") if s.strip()})
        plural = "s" if len(g) > 1 else ""
        span = f"{int(g['year'].min())}–{int(g['year'].max())} ({len(g)} active year{plural})"
        rows.append({"conflict_id": int(cid), "conflict": notes.get(cid, ""),
                     "years active after": span,
                     "opponents (side B)": ", ".join(sides)})
    return pd.DataFrame(rows, columns=["conflict_id", "conflict", "years active after", "opponents (side B)"])


def recurrence(conflict_years: pd.DataFrame, cases: pd.DataFrame, last: int = analysis.DATA_LAST) -> Table:
    """The recurrence table as the lesson shows it (labels, yes/no, no index): see :func:`recurrence_table`."""
    t = recurrence_table(conflict_years, cases, last)
    return Table(pd.DataFrame({
        "Case": t["case"],
        "Key agreement": t["agreement"],
        "Signed": t["agreement year"],
        "Conflict active in the year of signature": t["active in signature year"].map(_yes_no),
        f"Conflict-years after signature (to {last})": t["conflict-years after"],
        "Calendar years with any active conflict after": t["years with any conflict after"],
        "UCDP conflicts active after signature (ids)": t["conflicts after signature"],
        "Last active year": t["last active year"],
    }))


def later_conflicts(conflict_years: pd.DataFrame, conflict_map: pd.DataFrame, cases: pd.DataFrame,
                    case_id: str, last: int = analysis.DATA_LAST) -> Table:
    """The conflicts active after a case's agreement, as the lesson shows them: see :func:`conflicts_after`."""
    t = conflicts_after(conflict_years, conflict_map, cases, case_id, last)
    year = analysis.agreement_year(cases, case_id)
    return Table(pd.DataFrame({
        "UCDP conflict id": t["conflict_id"],
        "Conflict": t["conflict"],
        f"Years active after {year}": t["years active after"],
        "Opponents of the government (side B)": t["opponents (side B)"],
    }))


# --- Generic indicator-around-an-event chart ------------------------------------------------------


def indicator_chart(title: str, source: str, y_title: str, widget: bool = False, colour: str | None = None,
                    height: int = 440) -> go.Figure:
    """An empty indicator-around-an-event chart, ready for :func:`update_indicator_chart`.

    Traces, in order: 0 the series before the event, 1 the series from the event year on
    (same colour, solid and dotted line, so the split does not rest on colour), 2 the event
    (dashed vertical line). Set ``widget=True`` for a FigureWidget that an explorer updates.

    >>> fig = indicator_chart("Life expectancy", "OWID", "Years", widget=True)
    >>> update_indicator_chart(fig, [2000, 2001, 2002], [60.1, 60.5, 61.0], 2001.3, "Agreement")
    """
    colour = colour or charts.PALETTE[0]
    fig = charts.new_figure(title, source, widget=widget, height=height)
    fig.add_trace(go.Scatter(x=[], y=[], mode="lines+markers", name="Before", line=dict(color=colour, width=2.5),
                             marker=dict(size=6, symbol="circle"), connectgaps=False))
    fig.add_trace(go.Scatter(x=[], y=[], mode="lines+markers", name="From the event year on",
                             line=dict(color=colour, width=2.5, dash="dot"), marker=dict(size=7, symbol="diamond"),
                             connectgaps=False))
    fig.add_trace(go.Scatter(x=[], y=[], mode="lines", name="Event",
                             line=dict(color=charts.TEXT, width=2, dash="dash"), hoverinfo="skip"))
    fig.update_yaxes(title_text=y_title)
    fig.update_xaxes(title_text="Year")
    fig.update_layout(legend=dict(orientation="h", y=1.02, yanchor="bottom", x=0), margin=dict(t=120))
    return fig


def update_indicator_chart(fig: go.Figure, x: Sequence, y: Sequence, event_x: float, event_label: str,
                           x_range: tuple[int, int] | None = None, title: str | None = None,
                           y_title: str | None = None, colour: str | None = None, hover_format: str = ",.0f") -> None:
    """Put a yearly series around an event into an :func:`indicator_chart` figure, in place.

    ``x`` are whole years and ``y`` values (missing values break the line); ``event_x`` is a
    decimal year (see :func:`peaceops.charts.fraction_of_year`). Years before the event year
    go to trace 0 and the rest to trace 1, which repeats the last 'before' point so the line
    is continuous.
    """
    x = [int(v) for v in x]
    y = [None if pd.isna(v) else float(v) for v in y]
    event_year = int(event_x)
    before = [(a, b) for a, b in zip(x, y, strict=True) if a < event_year]
    after = [(a, b) for a, b in zip(x, y, strict=True) if a >= event_year]
    if before and after and before[-1][0] == after[0][0] - 1:
        after = [before[-1]] + after
    values = [v for v in y if v is not None]
    lo, hi = (min(values), max(values)) if values else (0.0, 1.0)
    pad = (hi - lo) * 0.1 or max(abs(hi) * 0.05, 1.0)
    start, end = x_range if x_range else ((min(x), max(x)) if x else (event_year - 1, event_year + 1))
    with fig.batch_update():
        fig.data[0].x, fig.data[0].y = [a for a, _ in before], [b for _, b in before]
        fig.data[1].x, fig.data[1].y = [a for a, _ in after], [b for _, b in after]
        fig.data[2].x, fig.data[2].y = [event_x, event_x], [lo - pad, hi + pad]
        fig.data[2].name = event_label
        for trace in fig.data[:2]:
            trace.hovertemplate = "%{x}: %{y:" + hover_format + "}<extra></extra>"
            if colour:
                trace.line.color = colour
                trace.marker.color = colour
        fig.update_yaxes(range=[lo - pad, hi + pad])
        if y_title is not None:
            fig.update_yaxes(title_text=y_title)
        charts.year_axis(fig, start, end)
        if title is not None:
            fig.layout.title.text = title


# --- Before and after ----------------------------------------------------------------------------


def series(indicators: pd.DataFrame, iso3: str, indicator: str) -> pd.DataFrame:
    """One country's yearly values of one indicator (columns year, value), sorted by year."""
    rows = indicators[(indicators["iso3"] == iso3) & (indicators["indicator"] == indicator)]
    return rows[["year", "value"]].sort_values("year").reset_index(drop=True)


def indicator_window(indicators: pd.DataFrame, iso3: str, indicator: str, event_year: int, window: int) -> dict:
    """The series ``window`` years either side of ``event_year`` and a summary per period
    (before: the ``window`` years before the event year; after: the ``window`` years after
    it; the event year itself is in the chart but in neither mean). Raises
    :class:`InputError` when the country has no series or no value in the window."""
    if indicator not in INDICATORS:
        raise InputError(f"Unknown indicator {indicator!r}. Choose one of: {', '.join(INDICATORS)}.")
    if window is None or int(window) < 1:
        raise InputError("Choose a window of at least 1 year on each side of the agreement.")
    window = int(window)
    full = series(indicators, iso3, indicator)
    label = INDICATORS[indicator]["short"]
    label = label if label.startswith("GDP") else label.lower()  # mid-sentence: "the life expectancy series"
    names = indicators.loc[indicators["iso3"] == iso3, "country"]
    place = str(names.iloc[0]) if len(names) else iso3  # the learner sees a country name, not an ISO code
    if full.empty:
        reason = GAPS.get((iso3, indicator), "This source has no series for this country.")
        raise InputError(f"No {label} data for {place}. {reason} Choose another indicator or country.")
    first, last = event_year - window, event_year + window
    shown = full[full["year"].between(first, last)]
    if shown.empty:
        raise InputError(
            f"No {label} data for {place} between {first} and {last}: the series runs "
            f"{int(full['year'].min())}–{int(full['year'].max())}. Widen the window or choose another indicator."
        )
    years = pd.DataFrame({"year": range(first, last + 1)}).merge(shown, on="year", how="left")
    periods = {"before": (first, event_year - 1), "after": (event_year + 1, last)}
    summary = []
    for name, (a, b) in periods.items():
        part = years[years["year"].between(a, b)].dropna(subset=["value"])
        summary.append({
            "period": name, "years": f"{a}–{b}" if a != b else str(a), "years with data": len(part),
            "mean": part["value"].mean() if len(part) else pd.NA,
            "first value": part["value"].iloc[0] if len(part) else pd.NA,
            "last value": part["value"].iloc[-1] if len(part) else pd.NA,
        })
    notes = []
    lo, hi = int(full["year"].min()), int(full["year"].max())
    if first < lo:
        notes.append(f"The {label} series for {place} starts in {lo}: years before that are empty, not zero.")
    if last > hi:
        notes.append(f"The {label} series for {place} ends in {hi}: later years are empty.")
    missing = years[years["value"].isna() & years["year"].between(lo, hi)]["year"].tolist()
    if missing:
        notes.append(f"No value in {', '.join(str(m) for m in missing)} inside the series' span.")
    return {"years": years, "summary": pd.DataFrame(summary), "notes": notes}


def indicator_before_after(indicators: pd.DataFrame, cases: pd.DataFrame,
                           indicator_codes: Sequence[str] = ("gdp_pc_ppp_2021", "life_expectancy"),
                           window: int = 5) -> pd.DataFrame:
    """For each case with an agreement, each of its countries in ``indicators`` and each
    indicator: the mean over the ``window`` years before and after the signature year, the
    years with data in each, and the change of the means in percent. Rows without any
    data are kept, with empty values, so the gaps stay visible."""
    rows = []
    for case in cases.itertuples():
        year = analysis.agreement_year(cases, case.case_id)
        if year is None:
            continue
        countries = indicators.loc[indicators["case_id"] == case.case_id, "iso3"].unique()
        for iso3 in sorted(countries):
            for code in indicator_codes:
                full = series(indicators, iso3, code)
                before = full[full["year"].between(year - window, year - 1)]["value"]
                after = full[full["year"].between(year + 1, year + window)]["value"]
                mb = before.mean() if len(before) else float("nan")
                ma = after.mean() if len(after) else float("nan")
                rows.append({
                    "case": case.name.split(" (")[0], "agreement year": year, "country": iso3,
                    "indicator": INDICATORS[code]["short"],
                    "years before": len(before), "mean before": round(mb, INDICATORS[code]["decimals"]),
                    "years after": len(after), "mean after": round(ma, INDICATORS[code]["decimals"]),
                    "change %": round((ma / mb - 1) * 100, 1) if len(before) and len(after) else float("nan"),
                })
    out = pd.DataFrame(rows)
    for col in ("mean before", "mean after", "change %"):
        out[col] = out[col].astype("Float64")
    return out


def before_after(indicators: pd.DataFrame, cases: pd.DataFrame,
                 indicator_codes: Sequence[str] = ("gdp_pc_ppp_2021", "life_expectancy"), window: int = 5) -> Table:
    """The before/after means as the lesson shows them: country names, values with their units'
    decimals, and "no data" where a mean has no year behind it. See :func:`indicator_before_after`."""
    t = indicator_before_after(indicators, cases, indicator_codes, window)
    countries = indicators.drop_duplicates("iso3").set_index("iso3")["country"]
    decimals = {v["short"]: v["decimals"] for v in INDICATORS.values()}

    def number(value: object, places: int) -> object:
        return pd.NA if pd.isna(value) else f"{value:,.{places}f}"

    return Table(pd.DataFrame({
        "Case": t["case"],
        "Signed": t["agreement year"],
        "Country": t["country"].map(lambda c: countries.get(c, c)),
        "Indicator": t["indicator"],
        f"Years with data, {window} before": t["years before"],
        "Mean before": [number(v, decimals[i]) for v, i in zip(t["mean before"], t["indicator"], strict=True)],
        f"Years with data, {window} after": t["years after"],
        "Mean after": [number(v, decimals[i]) for v, i in zip(t["mean after"], t["indicator"], strict=True)],
        "Change of the mean (%)": [number(v, 1) for v in t["change %"]],
    }))


# --- Is the change a break in the trend? ----------------------------------------------------------


def trend_check(years: pd.DataFrame, event_year: int, indicator: str, first_year: int | None = None) -> dict:
    """Fit a straight line through the years before ``event_year`` that have data, extend it over
    the years after, and say how far the data stray from it.

    ``years`` has columns year and value (gaps as missing values), as in :func:`indicator_window`.
    Returns a dict: ``fitted`` (bool), ``line_x`` and ``line_y`` (the line over the before and
    after years, for the chart), ``slope`` (per year), ``gap_percent`` (the after years' mean
    distance from the line, as a share of the line's mean over those years), ``verdict``
    ("close", "above", "below" or "" when no line is fitted) and ``text`` (one paragraph for
    learners, which says why when no line can be fitted). ``first_year``, the first year of the
    whole series, lets the text say when no wider window could help.
    """
    meta = INDICATORS[indicator]
    before = years[years["year"] < event_year].dropna(subset=["value"])
    after = years[years["year"] > event_year].dropna(subset=["value"])
    out = {"fitted": False, "line_x": [], "line_y": [], "slope": None, "gap_percent": None, "verdict": ""}
    if len(before) < MIN_TREND_YEARS:
        out["text"] = (f"No trend line: it needs at least {MIN_TREND_YEARS} years with data before the agreement, "
                       f"and this window has {len(before)}. ")
        if first_year is not None and event_year - first_year < MIN_TREND_YEARS:
            out["text"] += (f"The series starts in {first_year}, so no window can give enough years before the "
                            "agreement: choose a series that starts earlier.")
        else:
            out["text"] += "Widen the window (or choose a series that starts earlier)."
        return out
    if after.empty:
        out["text"] = "No trend check: there is no year with data after the agreement in this window."
        return out
    slope, intercept = np.polyfit(before["year"].astype(float), before["value"].astype(float), 1)
    expected = intercept + slope * after["year"].astype(float)
    if (expected <= 0).any():
        out["text"] = ("No trend check: the line through the years before falls to zero or below when extended, so "
                       "a straight line cannot describe this series (often the collapse of a war). Read the chart.")
        return out
    gap = 100 * float((after["value"] - expected).sum() / expected.sum())
    verdict = "close" if abs(gap) < BREAK_PERCENT else ("above" if gap > 0 else "below")
    xs = list(range(int(before["year"].min()), int(after["year"].max()) + 1))
    places = 2 if meta["decimals"] else 0
    span_b = f"{int(before['year'].min())}–{int(before['year'].max())}"
    span_a = f"{int(after['year'].min())}–{int(after['year'].max())}"
    change = "rises" if slope >= 0 else "falls"
    lead = (f"A straight line through the {len(before)} years with data before the agreement ({span_b}) {change} by "
            f"{abs(slope):,.{places}f} {meta['unit']} a year. Extended over {span_a}, ")
    if verdict == "close":
        tail = (f"it predicts the data within {abs(gap):.1f} % on average, inside this lesson's rule of thumb of "
                f"{BREAK_PERCENT:g} %: no break. What came after continues what came before, so the earlier trend "
                "alone would have predicted it.")
    else:
        direction = "upwards" if verdict == "above" else "downwards"
        tail = (f"the data run {abs(gap):.1f} % {verdict} it on average, beyond this lesson's rule of thumb of "
                f"{BREAK_PERCENT:g} %: a possible break {direction}. A break is a question, not proof that the "
                "agreement caused it: ask what else changed in those years.")
    out.update(fitted=True, line_x=xs, line_y=[float(intercept + slope * x) for x in xs], slope=float(slope),
               gap_percent=round(gap, 1), verdict=verdict, text=lead + tail)
    return out


# --- Explorer ------------------------------------------------------------------------------------


def country_options(indicators: pd.DataFrame, cases: pd.DataFrame) -> list[tuple[str, str]]:
    """Drop-down options '(Case) · Country (ISO3)' -> 'ISO3', grouped by case in the cases' order."""
    options = []
    for case in cases.itertuples():
        rows = indicators[indicators["case_id"] == case.case_id][["iso3", "country"]].drop_duplicates("iso3")
        for r in rows.sort_values("iso3").itertuples():
            options.append((f"{case.name.split(' (')[0]} · {r.country} ({r.iso3})", r.iso3))
    return options


class IndicatorExplorer(Explorer):
    """Is the rise after an agreement a break in the trend? Choose a country (grouped by case), an
    indicator and a window of years around the case's key agreement: the chart, with a straight
    line through the years before extended over the years after, the trend check and a
    before/after summary update in place. A country or window without data gives a message,
    never an empty chart or a traceback.

    >>> explorer = IndicatorExplorer()
    >>> explorer.show("COL", "life_expectancy", 10)
    """

    QUESTION = "Is the change after the agreement a break in the earlier trend, or does it continue it?"

    def __init__(self, indicators: pd.DataFrame | None = None, cases: pd.DataFrame | None = None,
                 initial: str = "COL", indicator: str = "gdp_pc_ppp_2021", window: int = 10):
        self.indicators = load("indicators") if indicators is None else indicators
        self.cases = load("cases") if cases is None else cases
        self.case_of = self.indicators.drop_duplicates("iso3").set_index("iso3")["case_id"].to_dict()
        self.country = widgets.Dropdown(options=country_options(self.indicators, self.cases), value=initial,
                                        description="Country", style={"description_width": "initial"},
                                        layout=widgets.Layout(width="420px"))
        self.indicator = widgets.Dropdown(options=[(v["label"], k) for k, v in INDICATORS.items()], value=indicator,
                                          description="Indicator", style={"description_width": "initial"},
                                          layout=widgets.Layout(width="460px"))
        self.window = controls.Slider(value=window, min=1, max=WINDOW_MAX, description="Years either side",
                                        style={"description_width": "initial"}, continuous_update=False,
                                        layout=widgets.Layout(width="380px"))
        self.trend = widgets.HTML()
        self.summary = widgets.HTML()
        figure = indicator_chart("", "data/indicators.csv", "", widget=True)
        figure.add_trace(go.Scatter(x=[], y=[], mode="lines", name="Trend of the years before, extended",
                                    line=dict(color="#666666", width=1.5, dash="longdash"), hoverinfo="skip"))
        super().__init__([self.country, self.indicator, self.window], figure, extra=[self.trend, self.summary])
        self.refresh()

    def update(self) -> None:
        # Empty the panels first: if this setting cannot be drawn, the message must not sit above the
        # previous country's trend check and summary (the chart keeps its data, the panels do not).
        self.trend.value = ('<div role="status" style="max-width:900px;padding:4px 0"><b>Is the change a break '
                            "in the trend?</b> No trend check for this setting: see the message.</div>")
        self.summary.value = ""
        iso3, code = self.country.value, self.indicator.value
        if not iso3 or not code:
            raise InputError("Choose a country and an indicator.")
        case_id = self.case_of.get(iso3)
        case = self.cases.loc[self.cases["case_id"] == case_id].iloc[0]
        year = analysis.agreement_year(self.cases, case_id)
        if year is None:
            raise InputError(
                "Cyprus has no comprehensive peace agreement, so there is no date to compare before and after. "
                "Choose a country of another case."
            )
        info = indicator_window(self.indicators, iso3, code, year, self.window.value)
        meta = INDICATORS[code]
        event_x = float(charts.fraction_of_year([case["agreement_date"]]).iloc[0])
        country = self.indicators.loc[self.indicators["iso3"] == iso3, "country"].iloc[0]
        years = info["years"]
        full = series(self.indicators, iso3, code)
        check = trend_check(years, year, code, first_year=int(full["year"].min()))
        update_indicator_chart(
            self.figure, years["year"], years["value"], event_x, f"{case['agreement_short']} signed ({year})",
            x_range=(int(years["year"].min()), int(years["year"].max())),
            title=f"{country}: {meta['short']} around the {case['agreement_short']}",
            y_title=meta["axis"], colour=charts.CASE_COLOURS.get(case_id),
            hover_format=",.1f" if meta["decimals"] else ",.0f",
        )
        with self.figure.batch_update():
            line = self.figure.data[3]
            line.x, line.y = check["line_x"], check["line_y"]
            if check["fitted"]:
                values = [v for v in years["value"].dropna()] + check["line_y"]
                lo, hi = min(values), max(values)
                pad = (hi - lo) * 0.1 or max(abs(hi) * 0.05, 1.0)
                self.figure.update_yaxes(range=[lo - pad, hi + pad])
                self.figure.data[2].y = [lo - pad, hi + pad]
            charts.add_source(self.figure, f"{meta['source']} (data/indicators.csv); trend line: least squares "
                                           "through the years before the agreement")
        notes = list(info["notes"])
        if case_id == "northern_ireland":
            notes.insert(0, NI_NOTE)
        self.trend.value = self._trend_html(check)
        self.summary.value = self._summary_html(info["summary"], meta, notes)

    @staticmethod
    def _trend_html(check: dict) -> str:
        verdict = {"close": "No break: close to the earlier trend", "above": "Above the earlier trend",
                   "below": "Below the earlier trend", "": "No trend check"}[check["verdict"]]
        return (f'<div role="status" style="max-width:900px;padding:4px 0"><b>Is the change a break in the '
                f"trend? {html.escape(verdict)}.</b> {html.escape(check['text'])}</div>")

    @staticmethod
    def _summary_html(summary: pd.DataFrame, meta: dict, notes: list[str]) -> str:
        fmt = "{:,.1f}" if meta["decimals"] else "{:,.0f}"
        labels = {"period": "Period", "years": "Years", "years with data": "Years with data", "mean": "Mean",
                  "first value": "First value", "last value": "Last value"}
        periods = {"before": "Before the agreement", "after": "After the agreement"}

        def cell(key: str, v: object) -> str:
            if v is None or (not isinstance(v, str) and pd.isna(v)):
                return NO_DATA
            if key == "period":
                return html.escape(periods.get(str(v), str(v)))
            return fmt.format(v) if isinstance(v, float) else html.escape(str(v))

        head = "".join(f'<th style="padding:2px 8px;text-align:right">{html.escape(labels.get(c, c))}</th>'
                       for c in summary.columns)
        body = "".join("<tr>" + "".join(f'<td style="padding:2px 8px;text-align:right">{cell(k, v)}</td>'
                                        for k, v in zip(summary.columns, row, strict=True)) + "</tr>"
                       for row in summary.itertuples(index=False))
        parts = [f'<table style="border-collapse:collapse"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>',
                 f"<p><small>Unit: {html.escape(meta['unit'])}. The signature year is shown in the chart but counted "
                 "in neither mean.</small></p>"]
        parts += [f"<p><i>{html.escape(n)}</i></p>" for n in notes]
        return "".join(parts)

    def show(self, iso3: str, indicator: str | None = None, window: int | None = None) -> bool:
        """Set the controls as a learner would, and redraw; False, with a message, on bad input."""
        from peaceops.widgets import message_html

        if iso3 not in {v for _, v in self.country.options}:
            self.message.value = message_html(f"Unknown country code {iso3!r}. Choose one from the list.", "error")
            return False
        if indicator is not None:
            self.indicator.value = indicator
        if window is not None:
            self.window.value = max(self.window.min, min(self.window.max, int(window)))
        self.country.value = iso3
        return self.refresh()


def country_chart(iso3: str, indicator: str = "gdp_pc_ppp_2021", window: int = 10,
                  indicators: pd.DataFrame | None = None, cases: pd.DataFrame | None = None) -> go.Figure:
    """One country's indicator around its case's key agreement, with the earlier trend extended:
    the explorer's chart as a plain figure, for a lesson's static example."""
    explorer = IndicatorExplorer(indicators, cases, initial=iso3, indicator=indicator, window=window)
    if explorer.message.value:
        raise InputError(f"No chart for {iso3} with {indicator}: choose another country or indicator.")
    return go.Figure(explorer.figure)
