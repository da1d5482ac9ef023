"""Lesson 01 · Historical perspective: UN peacekeeping by year, its eras, and a timeline of milestones.

- :data:`ERAS`: the era boundaries the lesson uses, each with a one-line justification and its source.
- :func:`totals_figure`, :func:`key_figures`, :func:`components_figure`: the chart of missions and
  personnel with the eras shaded, the checked table of key figures, and troops, police and military
  observers since 1992 (static figures: hover for the values).
- :func:`eras_from`, :func:`era_summary` and :class:`EraExplorer`: move the three era boundaries and
  see what each era's numbers become (the question: does the story of the eras survive other
  boundaries?).
- :func:`timeline`: the milestones of peacekeeping history on one year axis (a static figure).

``data/peacekeeping_totals.csv`` holds December values. Before 1992 its source gives only the
total of uniformed personnel, so troops, police and military observers are empty there: the
functions below never read an empty cell as zero.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import ipywidgets as widgets
import pandas as pd
import plotly.graph_objects as go

from peaceops import charts
from peaceops.charts import handout_mode
from peaceops.data import load
from peaceops.widgets import Explorer, InputError, message_html

TOTALS_SOURCE = (
    "data/peacekeeping_totals.csv: Our World in Data, United Nations Peacekeeping (UN Peacekeeping 1992–2021; "
    "Global Policy Forum 1947–1991), December values"
)
MILESTONES_SOURCE = "data/milestones.csv (hand-curated, a source on every row; see data/README.md)"

FIRST_YEAR, LAST_YEAR = 1947, 2021
#: First year in which the source splits personnel into troops, police and military observers.
SPLIT_FIRST_YEAR = 1992

#: Component label -> column of ``peacekeeping_totals``.
COMPONENTS = {
    "total": "personnel_total",
    "troops": "troops",
    "police": "police",
    "military observers": "military_observers",
}
COMPONENT_LABELS = {
    "total": "Total uniformed personnel",
    "troops": "Troops",
    "police": "Police",
    "military observers": "Military observers",
}


@dataclass(frozen=True)
class Era:
    """A period of UN peacekeeping history, from ``start`` to ``end`` (whole years, both included)."""

    key: str
    label: str
    start: int
    end: int
    justification: str
    source: str


ERAS: tuple[Era, ...] = (
    Era(
        "cold_war", "Cold War", 1947, 1988,
        "Starts with the first operations (UNTSO 1948, UNMOGIP 1949); ends in 1988, when the Nobel Peace Prize "
        "went to UN peacekeeping forces 'towards the end of the Cold War' and the mission count rose from 5 to 8.",
        "United Nations, 60 years of peacekeeping (1948, 1949 pages); NobelPrize.org, Peace Prize 1988 facts; "
        "data/peacekeeping_totals.csv",
    ),
    Era(
        "surge", "Post-Cold War surge", 1989, 1999,
        "Missions multiplied after the Cold War (An Agenda for Peace, 1992), and the decade included the UN's "
        "failures to stop genocide in Rwanda (1994) and at Srebrenica (1995); it closes before the Brahimi Report "
        "of August 2000.",
        "Boutros-Ghali, An Agenda for Peace, A/47/277-S/24111 (1992); data/milestones.csv",
    ),
    Era(
        "multidimensional", "After Brahimi", 2000, 2015,
        "Opens with the Brahimi Report (A/55/305, 2000) and its call for robust, realistic mandates; large "
        "multidimensional missions followed and personnel peaked in 2015, the year of the HIPPO report.",
        "Report of the Panel on UN Peace Operations, A/55/305-S/2000/809; HIPPO report (16 June 2015); "
        "data/peacekeeping_totals.csv",
    ),
    Era(
        "decline", "Decline", 2016, 2021,
        "After the 2015 peak every December total in the data is lower than the one before, down to the last "
        "year of the data (2021).",
        "data/peacekeeping_totals.csv",
    ),
)
#: Milestones before the first era (Westphalia, the League, the Charter) fall in this pseudo-era.
BEFORE_ERA = Era("before", "Before UN peacekeeping", 1600, 1946, "From the Peace of Westphalia to the UN Charter.",
                 "data/milestones.csv")
ERA_FILL = ("#E8E8E8", "#FFFFFF")


def era_of(year: int) -> Era:
    """The era a year belongs to (years before 1947 give :data:`BEFORE_ERA`)."""
    for era in ERAS:
        if era.start <= year <= era.end:
            return era
    if year < ERAS[0].start:
        return BEFORE_ERA
    return ERAS[-1]


def eras_table() -> pd.DataFrame:
    """The era boundaries with their justification and source, for the lesson to show."""
    return pd.DataFrame(
        [{"Era": e.label, "From": e.start, "To": e.end, "Why these years": e.justification, "Source": e.source}
         for e in ERAS]
    ).set_index("Era")


# --- Totals ---------------------------------------------------------------------------------------


def _check_window(start: int, end: int) -> None:
    if start >= end:
        raise InputError(
            f"The range {start}–{end} covers a single year: drag the slider handles apart to show at least two years."
        )
    if end < FIRST_YEAR or start > LAST_YEAR:
        raise InputError(f"The data cover {FIRST_YEAR}–{LAST_YEAR}: choose years inside that range.")


def totals_window(totals: pd.DataFrame, start: int, end: int, component: str = "total") -> pd.DataFrame:
    """Years ``start``–``end`` of ``totals`` with columns ``year``, ``missions``, ``personnel`` (the chosen
    component, missing where the source has no split) and ``era``.

    Raises :class:`InputError` for a single-year range, an unknown component, or a component with no
    data at all in the range (troops, police and observers before 1992)."""
    if component not in COMPONENTS:
        raise InputError(f"Unknown component {component!r}. Choose one of: {', '.join(COMPONENTS)}.")
    start, end = int(start), int(end)
    _check_window(start, end)
    rows = totals[(totals["year"] >= start) & (totals["year"] <= end)].sort_values("year")
    out = pd.DataFrame({
        "year": rows["year"].astype(int).to_numpy(),
        "missions": rows["missions"].astype("Int64").to_numpy(),
        "personnel": rows[COMPONENTS[component]].astype("Int64").to_numpy(),
    })
    if out["personnel"].isna().all():
        raise InputError(
            f"No figures for {component} in {start}–{end}: the source splits personnel into troops, police and "
            f"military observers only from {SPLIT_FIRST_YEAR}. Move the range to include {SPLIT_FIRST_YEAR} or later, "
            "or choose 'Total uniformed personnel'."
        )
    out["era"] = [era_of(y).label for y in out["year"]]
    return out


def key_figures(totals: pd.DataFrame, years: tuple[int, ...] = (1990, 2000, 2015, 2021)) -> pd.DataFrame:
    """The lesson's key figures, computed from the data: the personnel peak, personnel in ``years``,
    and the mission count at the personnel peak and at its own peak."""
    t = totals.set_index("year")
    peak_year = int(t["personnel_total"].idxmax())
    mission_peak_year = int(t["missions"].idxmax())
    rows = [
        ("Peak uniformed personnel", peak_year, int(t.loc[peak_year, "personnel_total"])),
        ("Missions in the personnel peak year", peak_year, int(t.loc[peak_year, "missions"])),
    ]
    rows += [(f"Uniformed personnel in {y}", y, int(t.loc[y, "personnel_total"])) for y in years]
    rows.append(("Peak number of missions (first year reached)", mission_peak_year,
                 int(t.loc[mission_peak_year, "missions"])))
    return pd.DataFrame(rows, columns=["Measure", "Year", "Value"]).set_index("Measure")


def _era_decorations(start: int, end: int, eras: tuple[Era, ...] = ERAS) -> tuple[list[dict], list[dict]]:
    """Shaded bands and labels for the eras visible in ``start``–``end``."""
    shapes, labels = [], []
    for i, era in enumerate(eras):
        lo, hi = max(era.start, start), min(era.end, end)
        if lo > hi:
            continue
        shapes.append(dict(type="rect", xref="x", yref="paper", x0=lo - 0.5, x1=hi + 0.5, y0=0, y1=1,
                           fillcolor=ERA_FILL[i % 2], line=dict(width=0), layer="below", name=era.key))
        labels.append(dict(name=f"era-{era.key}", text=f"<b>{era.label}</b><br>{era.start}–{era.end}",
                           xref="x", yref="paper", x=(lo + hi) / 2, y=0.99, yanchor="top", showarrow=False,
                           font=dict(size=11, color=charts.TEXT), bgcolor="rgba(255,255,255,0.7)"))
    return shapes, labels


def totals_figure(totals: pd.DataFrame, start: int = FIRST_YEAR, end: int = LAST_YEAR, component: str = "total",
                  widget: bool = False) -> go.Figure:
    """UN missions (line, right axis) and uniformed personnel (bars, left axis) by year, eras shaded."""
    fig = charts.new_figure("", TOTALS_SOURCE, widget=widget, height=470)
    fig.add_trace(go.Bar(name="Personnel", marker=dict(color=charts.OKABE_ITO["sky_blue"]),
                         hovertemplate="%{x}: %{y:,} personnel<extra></extra>"))
    fig.add_trace(go.Scatter(name="Missions (right axis)", mode="lines+markers", yaxis="y2",
                             line=dict(color=charts.OKABE_ITO["vermillion"], width=2, dash="dash"),
                             marker=dict(symbol="diamond", size=5),
                             hovertemplate="%{x}: %{y} missions<extra></extra>"))
    fig.update_layout(
        yaxis=dict(title="Uniformed personnel (December)", rangemode="tozero"),
        yaxis2=dict(title="Missions", overlaying="y", side="right", rangemode="tozero", showgrid=False,
                    tickformat="d"),
        xaxis=dict(title="Year"), bargap=0.15,
        legend=dict(orientation="h", y=1.02, yanchor="bottom", x=0), margin=dict(r=70, b=100, t=120),
    )
    update_totals_figure(fig, totals, start, end, component)
    return fig


def update_totals_figure(fig: go.Figure, totals: pd.DataFrame, start: int, end: int, component: str,
                         eras: tuple[Era, ...] = ERAS) -> pd.DataFrame:
    """Redraw the totals chart for another window, component or set of eras, in place. Raises
    :class:`InputError` (and leaves the figure as it was) for input it cannot show."""
    window = totals_window(totals, start, end, component)
    shapes, labels = _era_decorations(int(start), int(end), eras)
    source = [a for a in fig.layout.annotations if getattr(a, "name", None) == "source"]
    with fig.batch_update():
        fig.data[0].x = window["year"].tolist()
        fig.data[0].y = [None if pd.isna(v) else int(v) for v in window["personnel"]]
        fig.data[0].name = f"{COMPONENT_LABELS[component]} (left axis)"
        fig.data[1].x = window["year"].tolist()
        fig.data[1].y = [int(v) for v in window["missions"]]
        fig.layout.shapes = shapes
        fig.layout.annotations = list(source) + labels
        fig.layout.title.text = f"UN peacekeeping missions and {COMPONENT_LABELS[component].lower()}, {start}–{end}"
        charts.year_axis(fig, int(start), int(end))
    return window


# --- Eras of your own -------------------------------------------------------------------------------

#: The lesson's boundaries: the last year of eras 1, 2 and 3 (era 4 ends with the data, in 2021).
DEFAULT_BOUNDS: tuple[int, int, int] = tuple(e.end for e in ERAS[:-1])
#: An era must cover at least this many years, so that its change per year means something.
MIN_ERA_YEARS = 2


def eras_from(bounds: tuple[int, int, int] | list[int] = DEFAULT_BOUNDS) -> tuple[Era, ...]:
    """Four eras ending in ``bounds[0]``, ``bounds[1]``, ``bounds[2]`` and :data:`LAST_YEAR`, named and
    ordered as :data:`ERAS`. An era that keeps the lesson's years keeps its justification; a moved one
    says so. Raises :class:`InputError` when the boundaries do not leave every era two years or more."""
    try:
        ends = [int(b) for b in bounds]
    except (TypeError, ValueError):
        raise InputError(f"The era boundaries must be three years, not {bounds!r}.") from None
    if len(ends) != len(ERAS) - 1:
        raise InputError(f"Give the last year of each of the first {len(ERAS) - 1} eras, not {len(ends)} years.")
    edges = [FIRST_YEAR - 1, *ends, LAST_YEAR]
    out = []
    for i, era in enumerate(ERAS):
        start, end = edges[i] + 1, edges[i + 1]
        if end - start + 1 < MIN_ERA_YEARS:
            what = (f"era {i + 1} ({era.label}) would run from {start} to {end}" if end >= start
                    else f"era {i + 1} ({era.label}) would end before it begins")
            raise InputError(
                f"With these boundaries {what}: each era needs at least {MIN_ERA_YEARS} years. Make each "
                f"'ends in' year at least {MIN_ERA_YEARS} years later than the one before it "
                f"(the data run from {FIRST_YEAR} to {LAST_YEAR})."
            )
        same = (start, end) == (era.start, era.end)
        out.append(Era(era.key, era.label, start, end,
                       era.justification if same else "Your boundaries: say what justifies them.",
                       era.source if same else ""))
    return tuple(out)


def _signed(value: float) -> str:
    """+1,234 or −1,234 (a true minus sign), for a change."""
    return f"{'+' if value >= 0 else '−'}{abs(round(value)):,}"


def era_summary(totals: pd.DataFrame, bounds: tuple[int, int, int] | list[int] = DEFAULT_BOUNDS) -> pd.DataFrame:
    """For each era: its years, missions and uniformed personnel at its first and last December, its
    peak, and the average change in personnel per year. Labels, not column names; no index numbers."""
    t = totals.set_index("year")
    rows = []
    for i, era in enumerate(eras_from(bounds), 1):
        part = t.loc[era.start:era.end]
        first, last = part.iloc[0], part.iloc[-1]
        peak_year = int(part["personnel_total"].idxmax())
        change = (int(last["personnel_total"]) - int(first["personnel_total"])) / (era.end - era.start)
        rows.append({
            "Era": f"{i} · {era.label}",
            "Years": f"{era.start}–{era.end}",
            "Missions (first → last year)": f"{int(first['missions'])} → {int(last['missions'])}",
            "Personnel (first → last December)":
                f"{int(first['personnel_total']):,} → {int(last['personnel_total']):,}",
            "Peak personnel": f"{int(part.loc[peak_year, 'personnel_total']):,} ({peak_year})",
            "Average change a year": f"{_signed(change)} personnel",
            "average": float(part["personnel_total"].mean()),
        })
    return pd.DataFrame(rows)


def era_summary_html(summary: pd.DataFrame) -> str:
    """:func:`era_summary` as an escaped HTML table (without the plotting column)."""
    heads = [c for c in summary.columns if c != "average"]
    head = "".join(f"<th style='text-align:left;padding-right:10px'>{html.escape(h)}</th>" for h in heads)
    body = "".join(
        "<tr>" + "".join(f"<td style='padding-right:10px'>{html.escape(str(row[h]))}</td>" for h in heads) + "</tr>"
        for _, row in summary.iterrows()
    )
    return (f"<table style='font-size:90%'><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
            "<p style='font-size:90%'>December values, uniformed personnel in total (troops, police and military "
            "observers). The average change a year is (last December − first December) ÷ (years − 1).</p>")


class EraExplorer(Explorer):
    """Move the three era boundaries: the shaded eras, each era's average and the table of what each
    era's numbers become change in place.

    >>> explorer = EraExplorer()
    >>> explorer.set_bounds(1991, 1999, 2015)    # what the three drop-downs do
    """

    QUESTION = "Does the story of the four eras survive if you move their boundaries?"
    NAMES = ("Era 1 (Cold War) ends in", "Era 2 (surge) ends in", "Era 3 (after Brahimi) ends in")

    def __init__(self, totals: pd.DataFrame | None = None, bounds: tuple[int, int, int] = DEFAULT_BOUNDS):
        self.totals = load("peacekeeping_totals") if totals is None else totals
        years = list(range(FIRST_YEAR + MIN_ERA_YEARS - 1, LAST_YEAR - MIN_ERA_YEARS + 1))
        self.bounds = [
            widgets.Dropdown(options=years, value=int(b), description=name, style={"description_width": "initial"},
                             layout=widgets.Layout(width="250px"))
            for b, name in zip(bounds, self.NAMES, strict=True)
        ]
        self.reset = widgets.Button(description="Back to the lesson's eras", icon="undo",
                                    tooltip=f"Set the boundaries to {', '.join(map(str, DEFAULT_BOUNDS))}")
        self.reset.on_click(lambda _b: self.set_bounds(*DEFAULT_BOUNDS))
        self.table = widgets.HTML()
        figure = totals_figure(self.totals, widget=True)
        figure.add_trace(go.Scatter(name="Era average of the December totals", mode="lines",
                                    line=dict(color=charts.TEXT, width=2.5),
                                    hovertemplate="%{text}<extra></extra>"))
        super().__init__(self.bounds, figure)
        row = self.widget.children[0]
        row.children = (*row.children, self.reset)
        self.widget.children = (*self.widget.children, self.table)
        self.update()

    def update(self) -> None:
        chosen = [b.value for b in self.bounds]
        eras = eras_from(chosen)  # raises InputError: the figure and the table stay as they were
        summary = era_summary(self.totals, chosen)
        x, y, text = [], [], []
        for era, row in zip(eras, summary.itertuples(), strict=True):
            x += [era.start - 0.5, era.end + 0.5, None]
            y += [row.average, row.average, None]
            label = f"{era.label} {era.start}–{era.end}: on average {round(row.average):,} personnel (December)"
            text += [label, label, None]
        with self.figure.batch_update():
            update_totals_figure(self.figure, self.totals, FIRST_YEAR, LAST_YEAR, "total", eras)
            self.figure.data[2].x, self.figure.data[2].y, self.figure.data[2].text = x, y, text
            moved = tuple(chosen) != DEFAULT_BOUNDS
            self.figure.layout.title.text = (
                "UN peacekeeping missions and uniformed personnel, 1947–2021: "
                + ("your eras" if moved else "the lesson's eras")
            )
        self.table.value = era_summary_html(summary)

    def set_bounds(self, *bounds: int) -> bool:
        """Set the three boundaries at once, as the drop-downs do (one redraw). False, with a message
        in the widget, when the boundaries cannot be drawn; the figure then keeps its data."""
        try:
            eras_from(bounds)
            missing = [b for b in bounds if b not in self.bounds[0].options]
            if missing:
                raise InputError(f"Choose years between {self.bounds[0].options[0]} and "
                                 f"{self.bounds[0].options[-1]}, not {missing[0]}.")
        except InputError as exc:
            self.message.value = message_html(str(exc))
            return False
        for control in self.controls:
            control.unobserve(self._on_change, names="value")
        try:
            for control, value in zip(self.bounds, bounds, strict=True):
                control.value = int(value)
        finally:
            for control in self.controls:
                control.observe(self._on_change, names="value")
        return self.refresh()

    def _ipython_display_(self) -> None:
        super()._ipython_display_()
        if handout_mode():  # the table sits below the figure: show it in a handout too
            from IPython.display import HTML, display

            display(HTML(self.table.value))


# --- Troops, police and observers ----------------------------------------------------------------------

PARTS = (("troops", "Troops", charts.OKABE_ITO["blue"]), ("police", "Police", charts.OKABE_ITO["bluish_green"]),
         ("military_observers", "Military observers", charts.OKABE_ITO["orange"]))


def components_figure(totals: pd.DataFrame) -> go.Figure:
    """Troops, police and military observers, December values from 1992 (the first year the source
    splits them), one panel each with its own scale; a ring marks each component's peak."""
    from plotly.subplots import make_subplots

    charts.use_theme()
    rows = totals[totals["year"] >= SPLIT_FIRST_YEAR].sort_values("year")
    fig = make_subplots(rows=3, cols=1, shared_xaxes=True, vertical_spacing=0.09,
                        subplot_titles=[label for _c, label, _k in PARTS])
    for i, (column, label, colour) in enumerate(PARTS, 1):
        values = rows[column].astype("Int64")
        fig.add_trace(go.Scatter(x=rows["year"].tolist(), y=[int(v) for v in values], mode="lines+markers",
                                 name=label, line=dict(color=colour, width=2.5), marker=dict(size=5),
                                 hovertemplate=f"%{{x}}: %{{y:,}} {label.lower()}<extra></extra>",
                                 showlegend=False), row=i, col=1)
        peak = rows.loc[values.idxmax()]
        fig.add_trace(go.Scatter(x=[int(peak["year"])], y=[int(peak[column])], mode="markers", name=f"{label}: peak",
                                 marker=dict(size=14, color="rgba(0,0,0,0)", line=dict(color=charts.TEXT, width=2)),
                                 hovertemplate=f"Peak: %{{y:,}} {label.lower()} (December %{{x}})<extra></extra>",
                                 showlegend=False), row=i, col=1)
        fig.update_yaxes(title_text="Personnel", rangemode="tozero", tickformat=",d", row=i, col=1)
    fig.update_layout(template=charts.TEMPLATE, height=620,
                      title=dict(text=f"Troops, police and military observers, {SPLIT_FIRST_YEAR}–{LAST_YEAR} "
                                      "(December; each panel has its own scale)"),
                      margin=dict(t=110, b=100))
    charts.add_source(fig, TOTALS_SOURCE)
    charts.year_axis(fig, SPLIT_FIRST_YEAR, LAST_YEAR)
    fig.update_xaxes(title_text="Year", row=3, col=1)
    return fig


# --- Milestones -----------------------------------------------------------------------------------

CATEGORY_STYLE = {  # colour and marker symbol: the symbol also carries the category, not colour alone
    "foundation": (charts.OKABE_ITO["blue"], "square"),
    "mission": (charts.OKABE_ITO["bluish_green"], "circle"),
    "doctrine": (charts.OKABE_ITO["orange"], "diamond"),
    "setback": (charts.OKABE_ITO["vermillion"], "x"),
    "agreement": (charts.OKABE_ITO["reddish_purple"], "star"),
    "talks": (charts.OKABE_ITO["sky_blue"], "triangle-up"),
    "ceasefire": (charts.OKABE_ITO["black"], "triangle-down"),
    "referendum": (charts.OKABE_ITO["yellow"], "hexagon"),
    "independence": (charts.OKABE_ITO["black"], "pentagon"),
    "other": ("#777777", "circle-open"),
}
def milestones_frame(milestones: pd.DataFrame, include_cases: bool = False) -> pd.DataFrame:
    """Milestones with a decimal-year position ``x`` (mid-year when only the year is known), the era,
    and the text shown on hover. General rows only unless ``include_cases``."""
    rows = milestones if include_cases else milestones[milestones["case_id"].isna()]
    rows = rows.copy()
    has_date = rows["date"].notna()
    x = rows["year"].astype(float) + 0.5
    if has_date.any():
        x[has_date] = charts.fraction_of_year(rows.loc[has_date, "date"]).to_numpy()
    rows["x"] = x
    rows["when"] = [d.strftime("%d %B %Y").lstrip("0") if pd.notna(d) else f"{y} (day not given)"
                    for d, y in zip(rows["date"], rows["year"], strict=True)]
    rows["era"] = [era_of(int(y)).key for y in rows["year"]]
    rows["hover"] = [
        f"<b>{html.escape(t)}</b><br>{w}<br>{'<i>' + c + '</i><br>' if isinstance(c, str) else ''}"
        + "<br>".join(_wrap(html.escape(d)))
        for t, w, c, d in zip(rows["title"], rows["when"], rows["case_id"], rows["description"], strict=True)
    ]
    return rows.sort_values("x").reset_index(drop=True)


def _wrap(text: str, width: int = 70) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + len(word) + 1 > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return lines + ([line] if line else [])


#: Case milestones the lesson's narrative needs on the general timeline.
TIMELINE_CASE_ROWS = ("balkans_srebrenica_1995",)


def timeline(milestones: pd.DataFrame | None = None, start: int = 1945) -> go.Figure:
    """The milestones of peacekeeping history from ``start`` (rows without a case), with the fall of
    Srebrenica from the Balkans case, as markers on one year axis: a static figure; hover for the
    details. Westphalia (1648) and the League (1920) are left to the narrative, so the decades of
    peacekeeping are not squeezed into the right-hand edge."""
    milestones = load("milestones") if milestones is None else milestones
    rows = milestones[(milestones["case_id"].isna() | milestones["milestone_id"].isin(TIMELINE_CASE_ROWS))
                      & (milestones["year"] >= start)]
    frame = milestones_frame(rows, include_cases=True)
    # One row per milestone, in time order from the top, labelled with its year and title: the figure
    # reads without hovering, and close events (April 1994, July 1995) do not overlap.
    frame["label"] = [f"{int(y)} · {t}" for y, t in zip(frame["year"], frame["title"], strict=True)]
    fig = charts.new_figure(f"Milestones of peacekeeping history, {int(frame['year'].min())}–"
                            f"{int(frame['year'].max())}", MILESTONES_SOURCE, height=200 + 30 * len(frame))
    for category, (colour, symbol) in CATEGORY_STYLE.items():
        part = frame[frame["category"] == category]
        if part.empty:
            continue
        fig.add_trace(go.Scatter(x=part["x"].tolist(), y=part["label"].tolist(), mode="markers", name=category,
                                 marker=dict(size=13, color=colour, symbol=symbol, line=dict(width=1, color="white")),
                                 text=part["hover"].tolist(), hovertemplate="%{text}<extra></extra>"))
    fig.update_yaxes(type="category", categoryorder="array", categoryarray=frame["label"].tolist()[::-1],
                     title=None, tickmode="linear", dtick=1)
    fig.update_layout(xaxis=dict(title="Year"), margin=dict(l=330), hoverlabel=dict(align="left"),
                      legend=dict(title="Category", orientation="h", y=1.0, yanchor="bottom", x=0))
    charts.year_axis(fig, int(frame["year"].min()), int(frame["year"].max()), pad=1)
    return fig
