"""Lesson 01 · Historical perspective: UN peacekeeping by year, its eras, and a timeline of milestones.

- :data:`ERAS`: the era boundaries the lesson uses, each with a one-line justification and its source.
- :func:`totals_window`, :func:`key_figures`: the data shaping behind the figures and the checked table.
- :class:`TotalsExplorer`: a year range and a personnel component; the chart of missions and
  personnel changes in place, with the eras shaded and labelled.
- :class:`MilestoneExplorer`: choose a category and an era; the milestone markers change in place.

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
from peaceops.data import load
from peaceops.exercises import Question
from peaceops.widgets import Explorer, InputError

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


def window_summary(window: pd.DataFrame, component: str) -> str:
    """One or two sentences on a window: its peak, and the years without data if any."""
    label = COMPONENT_LABELS[component].lower()
    known = window.dropna(subset=["personnel"])
    top = known.loc[known["personnel"].idxmax()]
    first, last = int(window["year"].min()), int(window["year"].max())
    text = (f"In {first}–{last}, {label} peaked at {int(top['personnel']):,} (December {int(top['year'])}); "
            f"the number of missions ranged from {int(window['missions'].min())} to {int(window['missions'].max())}.")
    missing = window["personnel"].isna().sum()
    if missing:
        text += (f" No {label} figures for {missing} year(s) before {SPLIT_FIRST_YEAR}: the source gives only "
                 "totals there, so those bars are absent, not zero.")
    return text


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


def _era_decorations(start: int, end: int) -> tuple[list[dict], list[dict]]:
    """Shaded bands and labels for the eras visible in ``start``–``end``."""
    shapes, labels = [], []
    for i, era in enumerate(ERAS):
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


def update_totals_figure(fig: go.Figure, totals: pd.DataFrame, start: int, end: int, component: str) -> pd.DataFrame:
    """Redraw the totals chart for another window or component, in place. Raises :class:`InputError`
    (and leaves the figure as it was) for input it cannot show."""
    window = totals_window(totals, start, end, component)
    shapes, labels = _era_decorations(int(start), int(end))
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


class TotalsExplorer(Explorer):
    """A year-range slider and a component menu above the chart of missions and personnel.

    >>> explorer = TotalsExplorer()
    >>> explorer.years.value = (1988, 2000)        # what dragging the slider does
    >>> explorer.component.value = "police"         # what choosing in the menu does
    """

    def __init__(self, totals: pd.DataFrame | None = None, start: int = FIRST_YEAR, end: int = LAST_YEAR,
                 component: str = "total"):
        self.totals = load("peacekeeping_totals") if totals is None else totals
        self.years = widgets.IntRangeSlider(
            value=(start, end), min=FIRST_YEAR, max=LAST_YEAR, step=1, description="Years",
            continuous_update=False, style={"description_width": "initial"}, layout=widgets.Layout(width="460px"),
        )
        self.component = widgets.Dropdown(
            options=[(COMPONENT_LABELS[k], k) for k in COMPONENTS], value=component, description="Personnel",
            style={"description_width": "initial"}, layout=widgets.Layout(width="330px"),
        )
        self.summary = widgets.HTML()
        figure = totals_figure(self.totals, start, end, component, widget=True)
        self.summary.value = self._summary(totals_window(self.totals, start, end, component), component)
        super().__init__([self.years, self.component], figure, extra=[self.summary])

    @staticmethod
    def _summary(window: pd.DataFrame, component: str) -> str:
        return f"<p>{html.escape(window_summary(window, component))}</p>"

    def update(self) -> None:
        start, end = self.years.value
        component = self.component.value
        window = update_totals_figure(self.figure, self.totals, start, end, component)
        self.summary.value = self._summary(window, component)


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
ALL = "all"


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


def select_milestones(frame: pd.DataFrame, category: str = ALL, era: str = ALL) -> pd.DataFrame:
    """Rows of :func:`milestones_frame` in ``category`` and ``era`` (``"all"`` for no filter).
    Raises :class:`InputError` when nothing matches."""
    rows = frame
    if category != ALL:
        rows = rows[rows["category"] == category]
    if era != ALL:
        rows = rows[rows["era"] == era]
    if rows.empty:
        era_label = {e.key: e.label for e in (BEFORE_ERA, *ERAS)}.get(era, era)
        raise InputError(
            f"No milestone of category '{category}' in the era '{era_label}'. Choose another category or era, "
            "or tick 'Include the seven cases'."
        )
    return rows


def milestones_figure(frame: pd.DataFrame, category: str = ALL, era: str = ALL, widget: bool = False) -> go.Figure:
    """The milestones as markers on a year axis, one row per category."""
    fig = charts.new_figure("", MILESTONES_SOURCE, widget=widget, height=430)
    fig.add_trace(go.Scatter(mode="markers", name="Milestone", marker=dict(size=13, line=dict(width=1, color="white")),
                             hovertemplate="%{text}<extra></extra>", showlegend=False))
    fig.update_layout(xaxis=dict(title="Year"), yaxis=dict(title="Category", type="category"),
                      margin=dict(l=110), hoverlabel=dict(align="left"))
    update_milestones_figure(fig, frame, category, era)
    return fig


def update_milestones_figure(fig: go.Figure, frame: pd.DataFrame, category: str, era: str) -> pd.DataFrame:
    """Show the selected milestones, in place."""
    rows = select_milestones(frame, category, era)
    styles = [CATEGORY_STYLE.get(c, CATEGORY_STYLE["other"]) for c in rows["category"]]
    if era == ALL:
        start, end = int(rows["year"].min()), int(rows["year"].max())
    else:
        chosen = next(e for e in (BEFORE_ERA, *ERAS) if e.key == era)
        start, end = max(chosen.start, int(rows["year"].min())), min(chosen.end, int(rows["year"].max()))
    if end - start < 2:
        start, end = start - 1, end + 1
    categories = [c for c in CATEGORY_STYLE if c in set(rows["category"])]
    with fig.batch_update():
        fig.data[0].x = rows["x"].tolist()
        fig.data[0].y = rows["category"].tolist()
        fig.data[0].text = rows["hover"].tolist()
        fig.data[0].marker.color = [s[0] for s in styles]
        fig.data[0].marker.symbol = [s[1] for s in styles]
        fig.update_yaxes(categoryorder="array", categoryarray=categories[::-1])
        what = "all milestones" if category == ALL else f"milestones: {category}"
        when = "" if era == ALL else f", {next(e.label for e in (BEFORE_ERA, *ERAS) if e.key == era)}"
        fig.layout.title.text = f"Timeline of {what}{when} ({len(rows)} shown)"
        charts.year_axis(fig, start, end, pad=1)
    return rows


class MilestoneExplorer(Explorer):
    """Choose a category and an era: the milestone markers change in place; hover for the details."""

    def __init__(self, milestones: pd.DataFrame | None = None):
        self.milestones = load("milestones") if milestones is None else milestones
        self.frame = milestones_frame(self.milestones, include_cases=False)
        cats = [c for c in CATEGORY_STYLE if c in set(self.milestones["category"])]
        self.category = widgets.Dropdown(options=[("All categories", ALL)] + [(c, c) for c in cats], value=ALL,
                                         description="Category", style={"description_width": "initial"})
        self.era = widgets.Dropdown(options=[("All eras", ALL)] + [(f"{e.label} ({e.start}–{e.end})", e.key)
                                                                   for e in (BEFORE_ERA, *ERAS)],
                                    value=ALL, description="Era", style={"description_width": "initial"},
                                    layout=widgets.Layout(width="360px"))
        self.include_cases = widgets.Checkbox(value=False, description="Include the seven cases",
                                              style={"description_width": "initial"})
        figure = milestones_figure(self.frame, ALL, ALL, widget=True)
        super().__init__([self.category, self.era, self.include_cases], figure)

    def update(self) -> None:
        self.frame = milestones_frame(self.milestones, include_cases=self.include_cases.value)
        update_milestones_figure(self.figure, self.frame, self.category.value, self.era.value)


# --- Self-check -----------------------------------------------------------------------------------

FIRST_ARMED_FORCE = Question(
    prompt="Which operation does the UN describe as the first armed UN peacekeeping force?",
    options=("UNTSO (1948)", "UNMOGIP (1949)", "UNEF I (1956)", "ONUC in the Congo (1960)"),
    answer="UNEF I (1956)",
    feedback={
        "UNTSO (1948)": "UNTSO came first, in 1948, but it was a group of military observers supervising "
        "a truce, not a force of armed units.",
        "UNMOGIP (1949)": "UNMOGIP's observers have watched the ceasefire line in Jammu and Kashmir since "
        "January 1949; it too is an observer mission, not a force.",
        "UNEF I (1956)": "Created by an emergency session of the General Assembly in November 1956, UNEF I was "
        "armed, but could use its weapons only in self-defence, and it served with Egypt's consent.",
        "ONUC in the Congo (1960)": "ONUC (1960–1964) was far larger and did fight, but it came four years "
        "after UNEF I. You can see its arrival as the jump in personnel in 1960 in the chart.",
    },
)

PEAK_YEAR = Question(
    prompt="In the December figures of data/peacekeeping_totals.csv, in which era does the number of uniformed "
    "personnel reach its highest value?",
    options=("Cold War", "Post-Cold War surge", "After Brahimi", "Decline"),
    answer="After Brahimi",
    feedback={
        "Cold War": "The Cold War maximum is 26,500 (1962), in the years of ONUC, far below later peaks.",
        "Post-Cold War surge": "The surge reached 69,961 in December 1993, but it fell back sharply after 1995.",
        "After Brahimi": "The December total peaks at 107,088 in 2015, the last year of that era.",
        "Decline": "The decline starts from the 2015 peak: every later year is lower.",
    },
)
