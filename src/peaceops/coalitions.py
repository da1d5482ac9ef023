"""Who works together in a peace process: coalitions of actors and operations by organisation type
(lesson 07).

Two hand-curated tables are joined into one long "coalition" table: ``actors`` (third parties and
key actors with their role) and ``missions`` (peace operations with the organisation that led
them). Each entry keeps its own source.

>>> from peaceops import coalitions
>>> coalitions.case_by_type(coalitions.coalition(actors, missions, cases))   # the checked table
>>> coalitions.CoalitionExplorer()                                          # in a notebook
"""

from __future__ import annotations

import datetime as _dt
import html

import ipywidgets as widgets
import pandas as pd
import plotly.graph_objects as go

from peaceops import charts
from peaceops.data import load
from peaceops.widgets import Explorer, InputError, html_table, message_html

SOURCE = "data/actors.csv and data/missions.csv (hand-curated, a source on every row; see data/README.md)"

# Organisation types, in display order. Actor types of actors.csv and organisations of missions.csv
# both map onto them.
TYPES = (
    "UN",
    "Regional organisation",
    "State or coalition of states",
    "Individual envoy or chair",
    "NGO or business",
    "Church or faith group",
    "Party to the conflict",
)
ACTOR_TYPE = {
    "un": "UN",
    "regional_organisation": "Regional organisation",
    "state": "State or coalition of states",
    "individual": "Individual envoy or chair",
    "ngo": "NGO or business",
    "business": "NGO or business",
    "religious": "Church or faith group",
    "party": "Party to the conflict",
}
MISSION_TYPE = {
    "UN": "UN",
    "NATO": "Regional organisation",
    "EU": "Regional organisation",
    "OSCE": "Regional organisation",
    "AU": "Regional organisation",
    "OAS": "Regional organisation",
    "multinational": "State or coalition of states",
}
ROLES = ("mediator", "facilitator", "convener", "guarantor", "observer", "monitor", "funder", "party",
         "runs an operation")
INCLUDE = {"all": "Actors and operations", "actors": "Actors only", "missions": "Operations only"}

# Hand-overs between operations, as (from, to) mission acronyms in data/missions.csv.
HANDOVERS = (
    ("UNPROFOR", "IFOR"),
    ("IFOR", "SFOR"),
    ("SFOR", "EUFOR Althea"),
    ("UNAMET", "INTERFET"),
    ("INTERFET", "UNTAET"),
    ("AMIS", "UNAMID"),
)
HANDOVER_CHAINS = (
    ("Bosnia and Herzegovina", ("UNPROFOR", "IFOR", "SFOR", "EUFOR Althea")),
    ("Timor-Leste", ("UNAMET", "INTERFET", "UNTAET")),
    ("Darfur (Sudan)", ("AMIS", "UNAMID")),
)


def coalition(actors: pd.DataFrame, missions: pd.DataFrame, cases: pd.DataFrame) -> pd.DataFrame:
    """One row per actor-role pair (actors.csv) and per operation (missions.csv), with a common
    organisation type. Unknown codes raise ValueError naming the value, so a new code is never
    silently dropped."""
    unknown = sorted(set(actors["actor_type"]) - set(ACTOR_TYPE)) + sorted(
        set(missions["organisation"]) - set(MISSION_TYPE))
    if unknown:
        raise ValueError(f"No organisation type is defined for {unknown}: add it to ACTOR_TYPE or MISSION_TYPE "
                         "in peaceops/coalitions.py.")
    a = pd.DataFrame({
        "case_id": actors["case_id"],
        "entry": "actor",
        "name": actors["actor"],
        "org_type": actors["actor_type"].map(ACTOR_TYPE),
        "role": actors["role"],
        "years": actors["years"].fillna(""),
        "detail": actors["note"],
        "source": actors["source"],
        "source_url": actors["source_url"],
    })
    end = missions["end_year"].astype("string").fillna("")
    years = missions["start_year"].astype("string") + "–" + end
    m = pd.DataFrame({
        "case_id": missions["case_id"],
        "entry": "operation",
        "name": missions["mission"],
        "org_type": missions["organisation"].map(MISSION_TYPE),
        "role": "runs an operation",
        "years": years.where(end != "", "since " + missions["start_year"].astype("string")),
        "detail": missions["full_name"] + " (" + missions["organisation"] + ", " + missions["type"] + ")",
        "source": missions["source"],
        "source_url": missions["source_url"],
    })
    both = pd.concat([a, m], ignore_index=True)
    names = dict(zip(cases["case_id"], cases["name"], strict=True))
    both.insert(1, "case", both["case_id"].map(names))
    order = {c: i for i, c in enumerate(cases["case_id"])}
    both["_o"] = both["case_id"].map(order)
    return both.sort_values(["_o", "entry"], kind="stable").drop(columns="_o").reset_index(drop=True)


def case_by_type(entries: pd.DataFrame) -> pd.DataFrame:
    """Case x organisation type: the number of entries (actor-role pairs plus operations), with a total."""
    table = pd.crosstab(entries["case"], entries["org_type"])
    table = table.reindex(columns=list(TYPES), fill_value=0)
    table = table.reindex(list(dict.fromkeys(entries["case"])))
    table["Total"] = table.sum(axis=1)
    table.index.name = "Case"
    table.columns.name = None
    return table


def matrix_figure(entries: pd.DataFrame) -> go.Figure:
    """The case x organisation-type matrix as a heat map with the count written in every cell."""
    table = case_by_type(entries).drop(columns="Total")
    fig = charts.new_figure("Who took part: entries by case and organisation type", SOURCE, height=480)
    z = table.to_numpy()
    fig.add_trace(go.Heatmap(
        z=z, x=list(table.columns), y=list(table.index), text=z, texttemplate="%{text}",
        colorscale=[[0, "#FFFFFF"], [1, charts.OKABE_ITO["blue"]]], showscale=True,
        colorbar=dict(title="Entries"), xgap=2, ygap=2,
        hovertemplate="%{y}<br>%{x}: %{z}<extra></extra>",
    ))
    fig.update_xaxes(title_text="Organisation type", side="bottom", tickangle=-20)
    fig.update_yaxes(title_text="Case", autorange="reversed")
    fig.update_layout(margin=dict(l=220, b=150))
    charts.add_source(fig, SOURCE)
    fig.layout.annotations[-1].yshift = -130
    return fig


def _decimal(date, year, end: bool) -> float | None:
    if pd.notna(date):
        return charts.decimal_year(date)
    if pd.notna(year):
        return float(year) + (0.999 if end else 0.0)
    return None


def handover_data(missions: pd.DataFrame, this_year: int) -> pd.DataFrame:
    """Start and end (decimal years) of the operations in the hand-over chains, and whether each
    end is a confirmed day or only a year."""
    rows = []
    by_id = missions.set_index("mission")
    for chain, ids in HANDOVER_CHAINS:
        for mid in ids:
            if mid not in by_id.index:
                continue
            m = by_id.loc[mid]
            start = _decimal(m["start_date"], m["start_year"], end=False)
            end = _decimal(m["end_date"], m["end_year"], end=True)
            rows.append({
                "chain": chain, "mission": mid, "organisation": m["organisation"],
                "org_type": MISSION_TYPE.get(m["organisation"], m["organisation"]),
                "start": start, "end": end if end is not None else float(this_year),
                "ongoing": end is None, "exact": pd.notna(m["start_date"]) and pd.notna(m["end_date"]),
            })
    return pd.DataFrame(rows)


_TYPE_STYLE = {
    "UN": (charts.OKABE_ITO["sky_blue"], "solid"),
    "Regional organisation": (charts.OKABE_ITO["orange"], "dash"),
    "State or coalition of states": (charts.OKABE_ITO["bluish_green"], "dot"),
}


def handover_figure(missions: pd.DataFrame, this_year: int | None = None) -> go.Figure:
    """Timelines of three hand-overs: Bosnia (UN to NATO to EU), Timor-Leste (UN to an Australian-led
    coalition and back to the UN), Darfur (AU to a joint AU-UN operation)."""
    this_year = this_year or _dt.date.today().year
    data = handover_data(missions, this_year)
    fig = charts.new_figure("Hand-overs: who held the mandate, and when", SOURCE, height=460)
    for org_type, (colour, dash) in _TYPE_STYLE.items():
        part = data[data["org_type"] == org_type]
        xs, ys, text = [], [], []
        for r in part.itertuples():
            label = f"{r.chain}: {r.mission}"
            note = "ongoing" if r.ongoing else ("dates as recorded" if r.exact else "a date known only to the year")
            xs += [r.start, r.end, None]
            ys += [label, label, None]
            text += [f"{r.mission} ({r.organisation}), {note}"] * 2 + [None]
        fig.add_trace(go.Scatter(
            x=xs, y=ys, mode="lines+markers", name=f"Led by: {org_type}",
            line=dict(color=colour, width=9, dash=dash), marker=dict(size=9, symbol="line-ns-open", color="#333"),
            text=text, hovertemplate="%{text}<br>%{x:.1f}<extra></extra>",
        ))
    order = [f"{r.chain}: {r.mission}" for r in data.itertuples()]
    fig.update_yaxes(categoryorder="array", categoryarray=order[::-1], title_text="Operation")
    charts.year_axis(fig, 1992, this_year)
    fig.update_xaxes(title_text="Year")
    fig.update_layout(margin=dict(l=260), legend=dict(y=1.02))
    return fig


def entries_for(entries: pd.DataFrame, case_id: str | None, include: str = "all") -> pd.DataFrame:
    """The entries of one case, filtered to actors, operations or both. InputError for an empty or
    unknown case, or when nothing is left to show."""
    if not case_id:
        raise InputError("Choose a case from the list to see who took part.")
    if include not in INCLUDE:
        raise InputError(f"Unknown choice {include!r}: choose one of {', '.join(INCLUDE.values())}.")
    rows = entries[entries["case_id"] == case_id]
    if rows.empty and case_id not in set(entries["case_id"]):
        known = ", ".join(dict.fromkeys(entries["case_id"]))
        raise InputError(f"Unknown case {case_id!r}. Choose one of: {known}.")
    if include != "all":
        rows = rows[rows["entry"] == ("actor" if include == "actors" else "operation")]
    if rows.empty:
        what = {"actors": "actor", "missions": "peace operation", "all": "actor or operation"}[include]
        raise InputError(f"data/{'missions' if include == 'missions' else 'actors'}.csv lists no {what} for "
                         f"{case_id!r}. Choose 'Actors and operations' or another case.")
    return rows


def bubble_data(rows: pd.DataFrame) -> dict:
    """Counts by (role, organisation type) for one case, with the names behind each count."""
    grouped = rows.groupby(["role", "org_type"], sort=False)["name"].agg(list).reset_index()
    grouped["n"] = grouped["name"].str.len()
    return {
        "x": list(grouped["role"]),
        "y": list(grouped["org_type"]),
        "n": [int(n) for n in grouped["n"]],
        "names": ["<br>".join(html.escape(str(v)) for v in dict.fromkeys(names)) for names in grouped["name"]],
    }


def bubble_figure(rows: pd.DataFrame, widget: bool = False) -> go.Figure:
    """One case's coalition: who (organisation type) did what (role), one bubble per pair, sized
    and labelled by the number of entries; hover lists the names."""
    fig = charts.new_figure("", SOURCE, widget=widget, height=470)
    fig.add_trace(go.Scatter(
        mode="markers+text", textposition="middle center", textfont=dict(color="white", size=13),
        marker=dict(sizemode="area", sizeref=0.02, sizemin=14, line=dict(color="#333", width=1)),
        hovertemplate="<b>%{y}</b> as <b>%{x}</b>: %{text}<br>%{customdata}<extra></extra>",
        showlegend=False,
    ))
    fig.update_xaxes(title_text="Role in the process", type="category", categoryorder="array",
                     categoryarray=list(ROLES), range=[-0.5, len(ROLES) - 0.5], tickangle=-25)
    fig.update_yaxes(title_text="Organisation type", type="category", categoryorder="array",
                     categoryarray=list(TYPES)[::-1], range=[-0.5, len(TYPES) - 0.5])
    fig.update_layout(margin=dict(l=210, b=130))
    fig.layout.annotations[-1].yshift = -110
    return fig


def update_bubble_figure(fig: go.Figure, rows: pd.DataFrame, case_name: str, case_id: str) -> None:
    data = bubble_data(rows)
    colour = charts.CASE_COLOURS.get(case_id, charts.PALETTE[0])
    with fig.batch_update():
        trace = fig.data[0]
        trace.x, trace.y, trace.text, trace.customdata = data["x"], data["y"], data["n"], data["names"]
        trace.marker.size = [n * 1.0 for n in data["n"]]
        trace.marker.color = colour
        fig.layout.title.text = f"{case_name}: who did what ({len(rows)} entries)"


def entries_html(rows: pd.DataFrame) -> str:
    """The entries behind the figure as an HTML table, with a link to each row's source."""
    return html_table(rows, {
        "Actor or operation": "name", "Type": "org_type", "Role": "role", "Years": "years", "Note": "detail",
    }, max_height="300px")


class CoalitionExplorer(Explorer):
    """Choose a case (and whether to show actors, operations or both): the bubble matrix of
    organisation type by role and the list of entries beneath it change in place.

    >>> explorer = CoalitionExplorer()
    >>> explorer.show("sudan")
    """

    def __init__(self, entries: pd.DataFrame | None = None, cases: pd.DataFrame | None = None,
                 initial: str | None = None):
        self.cases = load("cases") if cases is None else cases
        if entries is None:
            entries = coalition(load("actors"), load("missions"), self.cases)
        self.entries = entries
        options = [(r.name, r.case_id) for r in self.cases.itertuples()]
        first = initial or options[0][1]
        self.dropdown = widgets.Dropdown(options=options, value=first, description="Case",
                                         style={"description_width": "initial"},
                                         layout=widgets.Layout(width="420px"))
        self.include = widgets.Dropdown(options=[(v, k) for k, v in INCLUDE.items()], value="all",
                                        description="Include", style={"description_width": "initial"})
        self.table = widgets.HTML()
        rows = entries_for(self.entries, first, "all")
        figure = bubble_figure(rows, widget=True)
        update_bubble_figure(figure, rows, self._name(first), first)
        self.table.value = entries_html(rows)
        super().__init__([self.dropdown, self.include], figure, extra=[self.table])

    def _name(self, case_id: str) -> str:
        names = dict(zip(self.cases["case_id"], self.cases["name"], strict=True))
        return names.get(case_id, case_id)

    def update(self) -> None:
        case_id = self.dropdown.value
        rows = entries_for(self.entries, case_id, self.include.value)
        update_bubble_figure(self.figure, rows, self._name(case_id), case_id)
        self.table.value = entries_html(rows)

    def show(self, case_id: str | None, include: str | None = None) -> bool:
        """Show a case, as the drop-downs do. False, with a message in the widget, for an empty or
        unknown case or a filter that leaves nothing; the figure then keeps its data."""
        include = include or self.include.value
        try:
            entries_for(self.entries, case_id, include)
        except InputError as exc:
            self.message.value = message_html(str(exc))
            return False
        self.include.unobserve(self._on_change, names="value")
        self.include.value = include
        self.include.observe(self._on_change, names="value")
        if self.dropdown.value != case_id:
            self.dropdown.value = case_id  # the observer redraws
            return self.message.value == ""
        return self.refresh()

