"""Violence around a peace agreement: uncertainty bands, setbacks and before/after comparisons.

Lesson 04 uses this module; later lessons reuse its generic builder:

- :func:`band_chart` and :func:`update_band_chart`: a **low/best/high band chart** for any series
  with an uncertainty range (battle-related deaths, troop estimates, ...), with optional event
  lines, labelled event markers, and markers for years whose status is not an estimate;
- :func:`setbacks`: the setbacks of a case (milestones marked 'setback' and referendums that
  rejected a settlement), dated on a decimal-year axis;
- :func:`before_after_table`: battle-related deaths before, in and after each key agreement
  (machine columns), and :func:`key_figures`, the same as a labelled table for learners;
- :func:`verdict`: in plain words, whether "deaths fell after the agreement" holds in a window,
  and how far the low–high range and the data's coverage allow it;
- :func:`agreements_table`: a case's agreements of one stage, labelled, for the narrative;
- :class:`BeforeAfterExplorer`: choose a case and a window; the band chart, the verdict and a
  before/after summary update in place. It answers one question: does "deaths fell" survive
  another window?

Every count of deaths here comes from :mod:`peaceops.analysis`, which labels each year
``estimate``, ``active, no estimate``, ``below threshold`` or ``not covered``. A year below
the threshold had fewer than 25 battle-related deaths: it is not a year of zero deaths, and
it is not missing data either.
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from dataclasses import dataclass

import ipywidgets as widgets
import pandas as pd
import plotly.graph_objects as go

from peaceops import analysis, charts, controls
from peaceops.data import load
from peaceops.widgets import Explorer, InputError

DEATHS_SOURCE = "UCDP BRD 22.1 and UCDP/PRIO ACD 22.1; dates and setbacks: data/cases, milestones, referendums"
WINDOW_MAX = 15

# How each year status is drawn (marker symbols, so colour never carries the meaning alone).
STATUS_STYLE = {
    "below threshold": dict(symbol="circle-open", name="Below threshold (fewer than 25 deaths: not zero)"),
    "active, no estimate": dict(symbol="x-thin-open", name="Active, but no estimate (before 1989)"),
}


@dataclass(frozen=True)
class Event:
    """Something to mark on a band chart: at decimal year ``x``, with a short ``label``.

    ``kind="line"`` draws a dashed vertical line (an agreement); ``kind="marker"`` draws a
    labelled triangle above the data (a setback). ``detail`` shows on hover.
    """

    x: float
    label: str
    kind: str = "marker"
    detail: str = ""


# --- Generic band chart ---------------------------------------------------------------------


def _segments(x: Sequence, low: Sequence, high: Sequence, half_width: float = 0.3) -> tuple[list, list]:
    """A closed polygon per run of consecutive points that have both low and high, joined by
    ``None`` gaps, so a missing year breaks the band instead of being bridged. A run of one
    point becomes a narrow bar ``half_width`` either side, so it stays visible."""
    xs: list = []
    ys: list = []
    run: list[tuple[float, float, float]] = []

    def close(points: list[tuple[float, float, float]]) -> None:
        if not points:
            return
        if len(points) == 1:
            x0, lo, hi = points[0]
            px = [x0 - half_width, x0 + half_width, x0 + half_width, x0 - half_width]
            py = [hi, hi, lo, lo]
        else:
            px = [p[0] for p in points] + [p[0] for p in reversed(points)]
            py = [p[2] for p in points] + [p[1] for p in reversed(points)]
        xs.extend(px + [px[0], None])
        ys.extend(py + [py[0], None])

    previous = None
    for xi, lo, hi in zip(x, low, high, strict=True):
        ok = not (pd.isna(lo) or pd.isna(hi))
        if ok and run and previous is not None and xi - previous > 1:
            close(run)
            run = []
        if ok:
            run.append((float(xi), float(lo), float(hi)))
        else:
            close(run)
            run = []
        previous = xi
    close(run)
    return xs, ys


def _none_for_na(values: Sequence) -> list:
    return [None if pd.isna(v) else float(v) for v in values]


def band_chart(
    title: str,
    source: str,
    y_title: str,
    widget: bool = False,
    colour: str | None = None,
    band_name: str = "Low–high range",
    best_name: str = "Best estimate",
    height: int = 480,
) -> go.Figure:
    """An empty low/best/high band chart, ready for :func:`update_band_chart`.

    The figure always holds the same six traces, in this order, so callers can update it
    in place: 0 the low–high band (a shaded area), 1 the best estimate (line and markers),
    2 and 3 markers on the x axis for years 'below threshold' and 'active, no estimate'
    (see :data:`STATUS_STYLE`), 4 event lines (dashed verticals), 5 event markers (labelled
    triangles). Set ``widget=True`` for a FigureWidget that an explorer updates.

    >>> fig = band_chart("Deaths", "UCDP", "Battle-related deaths", widget=True)
    >>> update_band_chart(fig, [2000, 2001], [10, 20], [12, 25], [15, 40])
    """
    colour = colour or charts.PALETTE[0]
    fig = charts.new_figure(title, source, widget=widget, height=height)
    fig.add_trace(go.Scatter(x=[], y=[], mode="lines", fill="toself", fillcolor=colour, opacity=0.25,
                             line=dict(width=0), name=band_name, hoverinfo="skip"))
    fig.add_trace(go.Scatter(x=[], y=[], mode="lines+markers", line=dict(color=colour, width=2.5),
                             marker=dict(size=7, symbol="circle"), name=best_name, connectgaps=False))
    for status, style in STATUS_STYLE.items():
        fig.add_trace(go.Scatter(x=[], y=[], mode="markers", name=style["name"], cliponaxis=False,
                                 marker=dict(symbol=style["symbol"], size=10, color=charts.TEXT,
                                             line=dict(width=1.5, color=charts.TEXT)),
                                 hovertemplate="%{x}: " + html.escape(status) + "<extra></extra>"))
    fig.add_trace(go.Scatter(x=[], y=[], mode="lines", name="Agreement signed",
                             line=dict(color=charts.TEXT, width=2, dash="dash"), hoverinfo="skip"))
    fig.add_trace(go.Scatter(x=[], y=[], mode="markers+text", name="Setback",
                             marker=dict(symbol="triangle-down", size=13, color=charts.OKABE_ITO["vermillion"],
                                         line=dict(width=1, color=charts.TEXT)),
                             textposition="top center", textfont=dict(size=11), cliponaxis=False,
                             hovertemplate="%{customdata}<extra></extra>"))
    fig.update_yaxes(title_text=y_title, rangemode="tozero")
    fig.update_xaxes(title_text="Year")
    fig.update_layout(legend=dict(orientation="h", y=1.02, yanchor="bottom", x=0, font=dict(size=12)),
                      margin=dict(b=100, t=140))
    return fig


def update_band_chart(
    fig: go.Figure,
    x: Sequence,
    low: Sequence,
    best: Sequence,
    high: Sequence,
    statuses: Sequence[str] | None = None,
    events: Sequence[Event] = (),
    x_range: tuple[float, float] | None = None,
    title: str | None = None,
    shaded: Sequence[tuple[float, float, str]] = (),
) -> None:
    """Put a series into a :func:`band_chart` figure, in place (inside ``batch_update``).

    ``x`` are whole years; ``low``, ``best`` and ``high`` may hold missing values (a gap in
    the band and the line, never a zero). ``statuses`` (one per year, as in
    :func:`peaceops.analysis.deaths_by_year`) puts markers on the x axis for years that are
    'below threshold' or 'active, no estimate'. ``events`` are :class:`Event` objects.
    ``shaded`` is a list of (start, end, label) spans drawn as grey regions, for example
    years the data do not cover. ``x_range`` defaults to the span of ``x``.
    """
    x = [int(v) for v in x]
    band_x, band_y = _segments(x, low, high)
    top = max([float(v) for v in list(high) + list(best) if not pd.isna(v)] or [1.0])
    statuses = list(statuses) if statuses is not None else [""] * len(x)
    start, end = x_range if x_range else ((min(x), max(x)) if x else (0, 1))
    lines = [e for e in events if e.kind == "line" and start - 0.5 <= e.x <= end + 1]
    marks = [e for e in events if e.kind != "line" and start - 0.5 <= e.x <= end + 1]
    line_x: list = []
    line_y: list = []
    for e in lines:
        line_x += [e.x, e.x, None]
        line_y += [0, top * 1.08, None]
    # Stagger the setback labels on two heights so neighbouring labels overlap less.
    mark_y = [top * (1.12 if i % 2 == 0 else 1.24) for i in range(len(marks))]
    with fig.batch_update():
        fig.data[0].x, fig.data[0].y = band_x, band_y
        fig.data[1].x, fig.data[1].y = x, _none_for_na(best)
        fig.data[1].customdata = list(zip(_none_for_na(low), _none_for_na(high), strict=True))
        fig.data[1].hovertemplate = ("%{x}: best %{y:,.0f} (low %{customdata[0]:,.0f}, "
                                     "high %{customdata[1]:,.0f})<extra></extra>")
        for i, status in enumerate(STATUS_STYLE, start=2):
            xs = [xi for xi, s in zip(x, statuses, strict=True) if s == status]
            fig.data[i].x, fig.data[i].y = xs, [0] * len(xs)
        fig.data[4].x, fig.data[4].y = line_x, line_y
        fig.data[4].name = lines[0].label if lines else "Agreement signed"
        fig.data[5].x, fig.data[5].y = [e.x for e in marks], mark_y
        fig.data[5].text = [e.label for e in marks]
        fig.data[5].customdata = [e.detail or e.label for e in marks]
        fig.layout.shapes = [
            dict(type="rect", xref="x", yref="paper", x0=a, x1=b, y0=0, y1=1, fillcolor=charts.NEUTRAL,
                 opacity=0.45, line=dict(width=0), layer="below", label=dict(text=text, textposition="middle center",
                                                                            font=dict(size=11)))
            for a, b, text in shaded
        ]
        fig.update_yaxes(range=[0, top * 1.35])
        charts.year_axis(fig, start, end)
        if title is not None:
            fig.layout.title.text = title


# --- Data shaping for lesson 04 -------------------------------------------------------------


def setbacks(milestones: pd.DataFrame, referendums: pd.DataFrame, case_id: str) -> pd.DataFrame:
    """A case's setbacks, one row each: ``x`` (decimal year), ``date`` (empty when the source
    gives only the year; then ``x`` is mid-year), ``label`` and ``detail``.

    Setbacks are the milestones of category 'setback' plus referendums whose outcome is a
    rejection (e.g. Colombia's plebiscite of 2 October 2016).
    """
    rows = []
    ms = milestones[(milestones["case_id"] == case_id) & (milestones["category"] == "setback")]
    for m in ms.itertuples():
        dated = pd.notna(m.date)
        x = float(charts.fraction_of_year([m.date]).iloc[0]) if dated else int(m.year) + 0.5
        when = m.date.strftime("%d %B %Y").lstrip("0") if dated else f"{m.year} (day not given)"
        rows.append({"x": x, "date": m.date if dated else pd.NaT, "label": m.title,
                     "detail": f"{m.title}, {when}: {m.description}"})
    refs = referendums[(referendums["case_id"] == case_id) & (referendums["outcome"] == "rejected")]
    for r in refs.itertuples():
        x = float(charts.fraction_of_year([r.date]).iloc[0])
        when = r.date.strftime("%d %B %Y").lstrip("0")
        label = f"{r.electorate} votes No"
        rows.append({"x": x, "date": r.date, "label": label,
                     "detail": f"{label}, {when}: {r.no_percent:.2f}% against, turnout {r.turnout_percent:.2f}%"})
    out = pd.DataFrame(rows, columns=["x", "date", "label", "detail"])
    return out.sort_values("x").reset_index(drop=True)


def case_events(cases: pd.DataFrame, milestones: pd.DataFrame, referendums: pd.DataFrame, case_id: str) -> list[Event]:
    """The agreement line and the setback markers of a case, as :class:`Event` objects."""
    case = cases.loc[cases["case_id"] == case_id].iloc[0]
    events = []
    if pd.notna(case["agreement_date"]):
        x = float(charts.fraction_of_year([case["agreement_date"]]).iloc[0])
        events.append(Event(x, f"{case['agreement_short']} signed", "line"))
    for s in setbacks(milestones, referendums, case_id).itertuples():
        events.append(Event(s.x, s.label, "marker", s.detail))
    return events


def coverage_spans(start: int, end: int) -> list[tuple[float, float, str]]:
    """Grey spans for the parts of ``start``–``end`` without death estimates: before 1989 and after 2021."""
    spans = []
    if start < analysis.BRD_FIRST:
        spans.append((start - 0.5, min(end, analysis.BRD_FIRST - 1) + 0.5, "no death estimates before 1989"))
    if end > analysis.DATA_LAST:
        spans.append((max(start, analysis.DATA_LAST + 1) - 0.5, end + 0.5, "no data after 2021"))
    return spans


def coverage_notes(start: int, end: int) -> list[str]:
    """Sentences that say where a window reaches beyond the data (before 1989, after 2021)."""
    notes = []
    if start < analysis.BRD_FIRST:
        notes.append(f"The window reaches back to {start}: UCDP gives battle-related death estimates only from "
                     f"{analysis.BRD_FIRST}. Earlier years show whether the conflict was active, not how many died.")
    if end > analysis.DATA_LAST:
        notes.append(f"The window runs to {end}, but this collection's data end in {analysis.DATA_LAST}: "
                     "later years are 'not covered', which says nothing about whether fighting went on.")
    return notes


def conflicts_in_window(conflict_years: pd.DataFrame, conflict_map: pd.DataFrame, case_id: str,
                        first: int, last: int) -> pd.DataFrame:
    """The UCDP conflicts of a case active between ``first`` and ``last``: id, what it is,
    the active years (as text) and the summed best estimate."""
    rows = conflict_years[(conflict_years["case_id"] == case_id) & conflict_years["year"].between(first, last)]
    if rows.empty:
        return pd.DataFrame(columns=["conflict_id", "conflict", "active_years", "bd_best"])
    notes = conflict_map.set_index("conflict_id")["note"]
    out = rows.groupby("conflict_id").agg(years=("year", lambda s: sorted(int(v) for v in s)),
                                          bd_best=("bd_best", lambda s: s.sum(min_count=1)))
    out["active_years"] = out["years"].map(_years_text)
    out["conflict"] = [notes.get(i, "") for i in out.index]
    return out.reset_index()[["conflict_id", "conflict", "active_years", "bd_best"]]


def _years_text(years: list[int]) -> str:
    """[1991, 1992, 1993, 1998] -> '1991–1993, 1998'."""
    parts: list[str] = []
    run: list[int] = []
    for y in years:
        if run and y != run[-1] + 1:
            parts.append(f"{run[0]}–{run[-1]}" if len(run) > 1 else str(run[0]))
            run = []
        run.append(y)
    if run:
        parts.append(f"{run[0]}–{run[-1]}" if len(run) > 1 else str(run[0]))
    return ", ".join(parts)


def case_window(conflict_years: pd.DataFrame, cases: pd.DataFrame, case_id: str, window: int) -> dict:
    """Everything the explorer shows for one case and window: the agreement year, the yearly
    series (:func:`peaceops.analysis.deaths_by_year`), the before/after summary
    (:func:`peaceops.analysis.before_after`) and coverage notes. Raises :class:`InputError`
    for a case without an agreement (Cyprus) or a window under one year."""
    if case_id not in set(cases["case_id"]):
        raise InputError(f"Unknown case {case_id!r}. Choose one of: {', '.join(cases['case_id'])}.")
    if window is None or int(window) < 1:
        raise InputError("Choose a window of at least 1 year on each side of the signature.")
    year = analysis.agreement_year(cases, case_id)
    if year is None:
        raise InputError(
            "Cyprus has no comprehensive peace agreement, so there is no signature to compare before and after. "
            "UN-led talks failed in 2004 (Annan Plan referendums) and in 2017 (Crans-Montana). Choose another case."
        )
    window = int(window)
    first, last = year - window, year + window
    return {
        "year": year,
        "first": first,
        "last": last,
        "years": analysis.deaths_by_year(conflict_years, case_id, first, last),
        "summary": analysis.before_after(conflict_years, case_id, year, window),
        "notes": coverage_notes(first, last),
    }


def summary_table(summary: pd.DataFrame, years: pd.DataFrame) -> pd.DataFrame:
    """The before/after summary for display: per period, the years, the summed low/best/high
    over years with estimates, and counts of active, below-threshold and not-covered years."""
    rows = []
    for rec in summary.itertuples():
        in_period = years[years["year"].between(rec.first_year, rec.last_year)]
        rows.append({
            "period": rec.period,
            "years": f"{rec.first_year}–{rec.last_year}" if rec.first_year != rec.last_year else str(rec.first_year),
            "best": rec.bd_best,
            "low": rec.bd_low,
            "high": rec.bd_high,
            "years with estimate": rec.years_with_estimate,
            "active years": rec.years_active,
            "below threshold": int((in_period["status"] == "below threshold").sum()),
            "not covered": rec.years_not_covered,
        })
    out = pd.DataFrame(rows)
    for col in ("best", "low", "high"):
        out[col] = out[col].astype("Int64")
    return out


def before_after_table(conflict_years: pd.DataFrame, cases: pd.DataFrame, window: int = 5) -> pd.DataFrame:
    """Battle-related deaths in the ``window`` years before, in the year of, and after each
    case's key agreement (Cyprus has none and is left out). Sums run over years with
    estimates only, so they are lower bounds whenever active years lack an estimate."""
    frames = []
    for case in cases.itertuples():
        year = analysis.agreement_year(cases, case.case_id)
        if year is None:
            continue
        summary = analysis.before_after(conflict_years, case.case_id, year, window)
        years = analysis.deaths_by_year(conflict_years, case.case_id, year - window, year + window)
        table = summary_table(summary, years)
        table.insert(0, "case", case.name.split(" (")[0])
        table.insert(1, "agreement", f"{case.agreement_short} ({year})")
        frames.append(table)
    return pd.concat(frames, ignore_index=True)


#: How each period of :func:`peaceops.analysis.before_after` reads in a table for learners.
PERIODS = {"before": "Before", "event year": "Year of signature", "after": "After"}
DEATHS_LABEL = "Battle-related deaths: best (low–high)"
NO_ESTIMATE = "no estimate"


def deaths_text(low: object, best: object, high: object) -> str:
    """'42,462 (37,808–49,262)', '29' when the range is one number, or 'no estimate' when no year
    of the period has one (the other columns then say why: below threshold, or not covered)."""
    if best is None or pd.isna(best):
        return NO_ESTIMATE
    values = [None if v is None or pd.isna(v) else int(round(float(v))) for v in (low, best, high)]
    lo, be, hi = values
    if lo is None or hi is None or lo == hi == be:
        return f"{be:,}"
    return f"{be:,} ({lo:,}–{hi:,})"


def summary_labels(table: pd.DataFrame) -> pd.DataFrame:
    """:func:`summary_table` (or rows of :func:`before_after_table`) with labels for learners: one
    deaths column with the range, counts of years by status, and the period as the row label."""
    out = pd.DataFrame({
        "Period": [PERIODS.get(p, p) for p in table["period"]],
        "Years": list(table["years"]),
        DEATHS_LABEL: [deaths_text(lo, be, hi) for lo, be, hi in
                       zip(table["low"], table["best"], table["high"], strict=True)],
        "Years with an estimate": list(table["years with estimate"]),
        "Below threshold": list(table["below threshold"]),
        "Active, no estimate": [a - e for a, e in zip(table["active years"], table["years with estimate"],
                                                      strict=True)],
        "Not covered": list(table["not covered"]),
    })
    return out


def key_figures(conflict_years: pd.DataFrame, cases: pd.DataFrame, window: int = 5) -> pd.DataFrame:
    """The lesson's key figures: :func:`before_after_table` as learners read it. Rows are labelled
    by case, agreement and period; each period's deaths are one 'best (low–high)' cell, or
    'no estimate', and the last columns count the years by status (below threshold, active but
    without an estimate before 1989, not covered after 2021)."""
    table = before_after_table(conflict_years, cases, window)
    out = summary_labels(table)
    out.insert(0, "Case and agreement", [f"{c}: {a}" for c, a in zip(table["case"], table["agreement"], strict=True)])
    return out.set_index(["Case and agreement", "Period"])


def _change(before: float, after: float) -> str:
    share = (after - before) / before
    return f"fell by {abs(share):.0%}" if share < 0 else (f"rose by {share:.0%}" if share > 0 else "did not change")


def verdict(info: dict) -> str:
    """The explorer's answer, in plain words, for one case and window (:func:`case_window`): did
    battle-related deaths fall after the signature, does the fall survive the low–high range, and
    is the comparison like for like (years without estimates before 1989, years after 2021)?"""
    summary = info["summary"].set_index("period")
    years = info["years"]
    before, after = summary.loc["before"], summary.loc["after"]
    window = int(before["last_year"] - before["first_year"] + 1)
    in_before = years[years["year"].between(before["first_year"], before["last_year"])]
    in_after = years[years["year"].between(after["first_year"], after["last_year"])]
    below_after = int((in_after["status"] == "below threshold").sum())
    b_text = deaths_text(before["bd_low"], before["bd_best"], before["bd_high"])
    a_text = deaths_text(after["bd_low"], after["bd_best"], after["bd_high"])
    span = f"{window} years" if window > 1 else "year"
    not_covered = int(after["years_not_covered"])
    sentences = []
    if pd.isna(before["bd_best"]) and pd.isna(after["bd_best"]):
        sentences.append(
            f"No year in the {span} before or after the signature has an estimate, so these data cannot say "
            "whether deaths fell: look at how many years are below the threshold and how many are not covered.")
    elif pd.isna(after["bd_best"]):
        if below_after:
            sentences.append(
                f"In the {span} before the signature: {b_text}. After it, no year reached UCDP's threshold of 25 "
                f"battle-related deaths ({below_after} of {window} below threshold). By this measure deaths fell "
                "below the threshold; that is not the same as no deaths.")
        else:
            sentences.append(f"In the {span} before the signature: {b_text}. After it, no year has an estimate "
                             "in this window.")
    elif pd.isna(before["bd_best"]):
        if (in_before["status"] == "active, no estimate").any():
            sentences.append(
                f"No year before the signature has an estimate (the conflict was active, but before "
                f"{analysis.BRD_FIRST}), and after it: {a_text}. These data cannot say whether deaths fell.")
        else:
            sentences.append(
                f"No year before the signature reached UCDP's threshold, but after it: {a_text}. By this measure "
                "deaths did not fall after the agreement in this window.")
    else:
        b_best, a_best = float(before["bd_best"]), float(after["bd_best"])
        either = f"{window} years either side" if window > 1 else "one year either side"
        sentences.append(f"Best estimates, {either}: {b_best:,.0f} before, {a_best:,.0f} after: "
                         f"deaths {_change(b_best, a_best)}.")
        if a_best < b_best:
            if float(after["bd_high"]) < float(before["bd_low"]):
                covered = " in the years the data cover" if not_covered else ""
                sentences.append(f"Even the high estimate after ({float(after['bd_high']):,.0f}) is below the low "
                                 f"estimate before ({float(before['bd_low']):,.0f}): the fall survives the "
                                 f"uncertainty{covered}.")
            else:
                sentences.append(f"But the ranges overlap: the high estimate after ({float(after['bd_high']):,.0f}) "
                                 f"is above the low estimate before ({float(before['bd_low']):,.0f}), so the fall "
                                 "may be much smaller than the best estimates say.")
    if not_covered:
        sentences.append(f"Not like for like: {not_covered} of the {window} years after the signature are after "
                         f"{analysis.DATA_LAST} and not covered by the data, so 'after' adds up fewer years than "
                         "'before'.")
    no_estimate = int((in_before["status"] == "active, no estimate").sum())
    if no_estimate:
        sentences.append(f"{no_estimate} active year(s) before the signature fall before {analysis.BRD_FIRST} and "
                         "have no estimate, so 'before' is an undercount.")
    return " ".join(sentences)


def agreements_table(agreements: pd.DataFrame, case_id: str, stage: str = "comprehensive") -> pd.DataFrame:
    """A case's agreements of one ``stage`` (as ``agreements.csv`` classes them), oldest first:
    the date, the event (signed or initialled) and the name as the UCDP or PA-X record gives it."""
    stages = set(agreements["stage"].dropna())
    if stage not in stages:
        raise InputError(f"Unknown stage {stage!r}: agreements.csv uses {', '.join(sorted(stages))}.")
    rows = agreements[(agreements["case_id"] == case_id) & (agreements["stage"] == stage)]
    if rows.empty:
        raise InputError(f"agreements.csv has no {stage} agreement for the case {case_id!r}.")
    rows = rows.sort_values(["date", "agreement_id"], kind="stable")
    out = pd.DataFrame({
        "Date": [d.strftime("%d %B %Y").lstrip("0") if pd.notna(d) else "no date" for d in rows["date"]],
        "Event": rows["event"].str.capitalize().tolist(),
        "Agreement (name in the UCDP or PA-X record)": rows["name"].str.split().str.join(" ").tolist(),
    })
    return out.set_index("Date")


def _html_table(df: pd.DataFrame, row_header: str = "") -> str:
    """A small labelled HTML table: the index as a row header, the columns as given, text escaped."""
    def cell(v: object) -> str:
        if v is None or (not isinstance(v, str) and pd.isna(v)):
            return NO_ESTIMATE
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            return f"{v:,.0f}" if not (isinstance(v, float) and math.isnan(v)) else NO_ESTIMATE
        return html.escape(str(v))

    style, left = "padding:2px 8px;text-align:right", "padding:2px 8px;text-align:left"
    head = (f'<th scope="col" style="{left}">{html.escape(row_header)}</th>'
            + "".join(f'<th scope="col" style="{style}">{html.escape(str(c))}</th>' for c in df.columns))
    body = "".join(
        f'<tr><th scope="row" style="{left}">{html.escape(str(label))}</th>'
        + "".join(f'<td style="{style}">{cell(v)}</td>' for v in row) + "</tr>"
        for label, row in zip(df.index, df.itertuples(index=False), strict=True)
    )
    return f'<table style="border-collapse:collapse"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


# --- Explorer ---------------------------------------------------------------------------------


class BeforeAfterExplorer(Explorer):
    """Choose a case and a window of years either side of its key agreement: the band chart of
    battle-related deaths (low–high band, best estimate, setbacks marked) and a before/after
    summary update in place. Years without estimates are labelled, never drawn as zero.

    >>> explorer = BeforeAfterExplorer()
    >>> explorer.show("colombia", 8)      # the same as choosing them in the controls
    """

    QUESTION = 'Does "deaths fell after the agreement" survive another window, and the low–high range?'

    def __init__(self, conflict_years: pd.DataFrame | None = None, cases: pd.DataFrame | None = None,
                 milestones: pd.DataFrame | None = None, referendums: pd.DataFrame | None = None,
                 conflict_map: pd.DataFrame | None = None, initial: str = "northern_ireland", window: int = 5):
        self.conflict_years = load("conflict_years") if conflict_years is None else conflict_years
        self.cases = load("cases") if cases is None else cases
        self.milestones = load("milestones") if milestones is None else milestones
        self.referendums = load("referendums") if referendums is None else referendums
        self.conflict_map = load("conflict_case_map") if conflict_map is None else conflict_map
        options = [(row.name, row.case_id) for row in self.cases.itertuples()]
        self.case = widgets.Dropdown(options=options, value=initial, description="Case",
                                     style={"description_width": "initial"}, layout=widgets.Layout(width="380px"))
        self.window = controls.Slider(value=window, min=1, max=WINDOW_MAX, step=1,
                                        description="Years either side of signature",
                                        style={"description_width": "initial"}, layout=widgets.Layout(width="420px"),
                                        continuous_update=False)
        self.summary = widgets.HTML()
        figure = band_chart("", DEATHS_SOURCE, "Battle-related deaths per year", widget=True)
        super().__init__([self.case, self.window], figure, extra=[self.summary])
        self.refresh()

    def update(self) -> None:
        case_id = self.case.value
        if not case_id:
            raise InputError("Choose a case from the list.")
        window = self.window.value
        info = self.cached(("window", case_id, window),
                           lambda: case_window(self.conflict_years, self.cases, case_id, window))
        years = info["years"]
        case = self.cases.loc[self.cases["case_id"] == case_id].iloc[0]
        colour = charts.CASE_COLOURS.get(case_id, charts.PALETTE[0])
        events = self.cached(("events", case_id),
                             lambda: case_events(self.cases, self.milestones, self.referendums, case_id))
        title = f"{case['name'].split(' (')[0]}: battle-related deaths, {info['first']}–{info['last']}"
        update_band_chart(self.figure, years["year"], years["bd_low"], years["bd_best"], years["bd_high"],
                          statuses=years["status"], events=events, x_range=(info["first"], info["last"]),
                          title=title, shaded=coverage_spans(info["first"], info["last"]))
        with self.figure.batch_update():
            self.figure.data[0].fillcolor = colour
            self.figure.data[1].line.color = colour
            self.figure.data[1].marker.color = colour
        self.summary.value = self.cached(("summary", case_id, window), lambda: self._summary_html(case_id, info))

    def _summary_html(self, case_id: str, info: dict) -> str:
        table = summary_labels(summary_table(info["summary"], info["years"])).set_index("Period")
        conflicts = conflicts_in_window(self.conflict_years, self.conflict_map, case_id,
                                        info["year"] + 1, info["last"])
        parts = [f'<p role="status"><b>Does "deaths fell" hold here?</b> {html.escape(verdict(info))}</p>',
                 _html_table(table, "Period")]
        if conflicts.empty:
            parts.append("<p>No UCDP conflict of this case was active in the years after signature in this window.</p>")
        else:
            items = "".join(
                f"<li>{html.escape(r.conflict)} (UCDP {r.conflict_id}): active {html.escape(r.active_years)}</li>"
                for r in conflicts.itertuples()
            )
            parts.append(f"<p>Conflicts active after signature in this window:</p><ul>{items}</ul>")
        parts += [f"<p><i>{html.escape(n)}</i></p>" for n in info["notes"]]
        parts.append("<p><small>Sums cover only years with an estimate, so they are lower bounds. "
                     "'Below threshold' means fewer than 25 battle-related deaths: not zero, and not missing."
                     "</small></p>")
        return "".join(parts)

    def show(self, case_id: str, window: int | None = None) -> bool:
        """Set the controls (as a learner would) and redraw; False, with a message, on bad input."""
        from peaceops.widgets import message_html

        if case_id not in {v for _, v in self.case.options}:
            self.message.value = message_html(f"Unknown case {case_id!r}. Choose one from the list.", "error")
            return False
        if window is not None:
            self.window.value = max(self.window.min, min(self.window.max, int(window)))
        self.case.value = case_id
        return self.refresh()


def case_band_figure(conflict_years: pd.DataFrame, cases: pd.DataFrame, milestones: pd.DataFrame,
                     referendums: pd.DataFrame, case_id: str, window: int = 8) -> go.Figure:
    """A static band chart of one case's battle-related deaths ``window`` years either side of its
    key agreement, with the agreement and the setbacks marked (the explorer's first view)."""
    info = case_window(conflict_years, cases, case_id, window)
    years = info["years"]
    case = cases.loc[cases["case_id"] == case_id].iloc[0]
    colour = charts.CASE_COLOURS.get(case_id, charts.PALETTE[0])
    fig = band_chart("", DEATHS_SOURCE, "Battle-related deaths per year", colour=colour)
    update_band_chart(fig, years["year"], years["bd_low"], years["bd_best"], years["bd_high"],
                      statuses=years["status"], events=case_events(cases, milestones, referendums, case_id),
                      x_range=(info["first"], info["last"]), shaded=coverage_spans(info["first"], info["last"]),
                      title=f"{case['name'].split(' (')[0]}: battle-related deaths, {info['first']}–{info['last']}")
    return fig
