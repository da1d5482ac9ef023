"""Who works together in a peace process: coalitions of actors and operations by organisation type
(lesson 07).

Two hand-curated tables are joined into one long "coalition" table: ``actors`` (third parties and
key actors with their role) and ``missions`` (peace operations with the organisation that led
them). Each entry keeps its own source.

- :func:`case_by_type` and :func:`matrix_figure`: the case x organisation-type counts (the checked
  table) and its heat map.
- :func:`handover_figure`: the three hand-over chains on a timeline.
- :class:`CoalitionExplorer`: a what-if. Take one kind of partner away (the UN, states, envoys ...):
  the case x role grid shows which roles are left with no one listed (:func:`role_grid`).

>>> from peaceops.lessons import coalitions
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


# --- What if one kind of partner had not been there? -------------------------------------------
#
# The explorer's question: take away one kind of partner, and see which roles in each process are
# left with no one listed to fill them. A static figure shows who filled each role; only the
# what-if shows where a process leaned on a single kind of partner.

#: The choices of the "Take away" control: key -> (label, organisation types taken away).
WITHOUT = {
    "none": ("nobody (the tables as they are)", ()),
    "un": ("the UN", ("UN",)),
    "un_envoys": ("the UN and the envoys it appointed", ("UN",)),
    "regional": ("regional organisations", ("Regional organisation",)),
    "states": ("states and coalitions of states", ("State or coalition of states",)),
    "individuals": ("individual envoys and chairs", ("Individual envoy or chair",)),
    "ngo": ("NGOs and business", ("NGO or business",)),
    "church": ("churches and faith groups", ("Church or faith group",)),
}
#: Envoys coded as individuals in data/actors.csv whose note says the UN or its Secretary-General
#: appointed them (taken away with the UN under "the UN and the envoys it appointed").
UN_ENVOYS = ("Cyrus Vance (UN mediator)", "Jamsheed Marker", "Alvaro de Soto", "Espen Barth Eide")
#: The roles a grid can show: what partners do for a process (the parties themselves are left out).
GRID_ROLES = tuple(r for r in ROLES if r != "party")
STATUS = {
    "not listed": (0, "#FFFFFF"),
    "one kind of partner only": (1, "#BFE3F7"),
    "two or more kinds of partner": (2, charts.OKABE_ITO["blue"]),
    "left with no one": (3, charts.OKABE_ITO["vermillion"]),
}
QUESTION = ("If one kind of partner had not been there, which roles in each process would have had no one "
            "left to fill them?")


def without_label(key: str) -> str:
    """The control's label for a choice ('the UN'); InputError for an empty or unknown choice."""
    if not key:
        raise InputError("Choose a kind of partner to take away (or 'nobody') to see which roles are left empty.")
    if key not in WITHOUT:
        known = ", ".join(label for label, _ in WITHOUT.values())
        raise InputError(f"Unknown choice {key!r}. Choose one of: {known}.")
    return WITHOUT[key][0]


def taken_away(entries: pd.DataFrame, key: str) -> pd.Series:
    """True for the entries (actor-role pairs and operations) that the choice ``key`` takes away."""
    without_label(key)
    mask = entries["org_type"].isin(WITHOUT[key][1])
    if key == "un_envoys":
        mask |= entries["name"].isin(UN_ENVOYS)
    return mask


def role_grid(entries: pd.DataFrame, key: str = "none") -> pd.DataFrame:
    """One row per case and role of :data:`GRID_ROLES`, before and after taking ``key`` away: the
    entries and kinds of partner left, the names left and taken away, and a status (one of
    :data:`STATUS`)."""
    gone = taken_away(entries, key)
    roles = [r for r in GRID_ROLES if r in set(entries["role"])]  # no empty column for a role never listed
    rows = []
    for case in dict.fromkeys(entries["case"]):
        in_case = entries["case"] == case
        for role in roles:
            here = in_case & (entries["role"] == role)
            left = entries[here & ~gone]
            removed = entries[here & gone]
            if not here.any():
                status = "not listed"
            elif left.empty:
                status = "left with no one"
            elif left["org_type"].nunique() == 1:
                status = "one kind of partner only"
            else:
                status = "two or more kinds of partner"
            rows.append({
                "Case": case, "Role": role, "Entries left": len(left), "Kinds left": left["org_type"].nunique(),
                "Status": status, "Names left": list(dict.fromkeys(left["name"])),
                "Taken away": list(dict.fromkeys(removed["name"])),
            })
    return pd.DataFrame(rows)


def gaps(grid: pd.DataFrame) -> dict[str, list[str]]:
    """The roles left with no one, by case, in the grid's case order."""
    empty = grid[grid["Status"] == "left with no one"]
    return {case: list(part["Role"]) for case, part in empty.groupby("Case", sort=False)}


def summary_text(grid: pd.DataFrame, key: str) -> str:
    """One or two plain sentences on what the choice shows."""
    filled = grid[grid["Status"] != "not listed"]
    if key == "none":
        single = (filled["Status"] == "one kind of partner only").sum()
        return (f"As listed, {single} of the {len(filled)} roles filled in the seven processes rest on one kind of "
                "partner only (pale cells). Choose a kind of partner to take away.")
    label = without_label(key)
    found = gaps(grid)
    if not found:
        return f"Without {label}, every role that was filled still has someone listed in it."
    roles = sum(len(v) for v in found.values())
    where = "; ".join(f"{case} ({', '.join(r)})" for case, r in found.items())
    text = (f"Without {label}, {roles} role{'s' if roles != 1 else ''} in {len(found)} "
            f"case{'s' if len(found) != 1 else ''} {'are' if roles != 1 else 'is'} left with no one listed: {where}.")
    if key == "un":
        text += (" Envoys the UN appointed are coded as individuals and stay: choose 'the UN and the envoys it "
                 "appointed' to take them away too.")
    return text


def taken_away_html(entries: pd.DataFrame, key: str) -> str:
    """The entries a choice takes away, with their sources, folded under a summary line."""
    rows = entries[taken_away(entries, key)]
    if rows.empty:
        return ""
    table = html_table(rows, {"Case": "case", "Actor or operation": "name", "Type": "org_type", "Role": "role",
                              "Years": "years"}, max_height="260px")
    return (f"<details><summary>The {len(rows)} entries taken away, with their sources</summary>{table}"
            "</details>")


def _cell_text(row) -> str:
    if row["Status"] == "not listed":
        return ""
    if row["Status"] == "left with no one":
        return "none left"
    return str(row["Entries left"])


def _cell_hover(row) -> str:
    if row["Status"] == "not listed":
        return "no one listed in this role"
    left = "<br>".join(html.escape(n) for n in row["Names left"]) or "no one"
    gone = ("<br><i>taken away:</i> " + "; ".join(html.escape(n) for n in row["Taken away"])
            if row["Taken away"] else "")
    return f"{row['Status']}<br>{left}{gone}"


def _matrix(grid: pd.DataFrame, value) -> list[list]:
    cells = {(r["Case"], r["Role"]): value(r) for _, r in grid.iterrows()}
    return [[cells[(case, role)] for role in dict.fromkeys(grid["Role"])] for case in dict.fromkeys(grid["Case"])]


def grid_figure(grid: pd.DataFrame, widget: bool = False) -> go.Figure:
    """The case x role grid, each cell coloured and labelled by its status; hover lists the names."""
    fig = charts.new_figure("", SOURCE, widget=widget, height=520)
    top = len(STATUS) - 1
    scale = []
    for _, (code, colour) in STATUS.items():
        scale += [[max(0.0, (code - 0.5) / top), colour], [min(1.0, (code + 0.5) / top), colour]]
    fig.add_trace(go.Heatmap(
        x=[r.replace("runs an operation", "runs an<br>operation") for r in dict.fromkeys(grid["Role"])],
        y=list(dict.fromkeys(grid["Case"])), zmin=0, zmax=top, colorscale=scale, showscale=False,
        xgap=3, ygap=3, texttemplate="%{text}", textfont=dict(size=13),
        hovertemplate="<b>%{y}</b>, %{x}: %{customdata}<extra></extra>", name="roles",
    ))
    for label, (_code, colour) in STATUS.items():  # a legend for the four statuses (no data)
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name=label, hoverinfo="skip",
                                 marker=dict(symbol="square", size=14, color=colour,
                                             line=dict(color="#555555", width=1))))
    fig.update_xaxes(title_text="Role in the process", side="top", showgrid=False)
    fig.update_yaxes(title_text="", autorange="reversed", showgrid=False)
    fig.update_layout(margin=dict(l=250, t=150, b=110), plot_bgcolor="#FFFFFF",
                      legend=dict(orientation="h", x=0, y=-0.04, yanchor="top", title_text=""))
    update_grid_figure(fig, grid, "none")
    return fig


def update_grid_figure(fig: go.Figure, grid: pd.DataFrame, key: str) -> None:
    with fig.batch_update():
        trace = fig.data[0]
        trace.z = _matrix(grid, lambda r: STATUS[r["Status"]][0])
        trace.text = _matrix(grid, _cell_text)
        trace.customdata = _matrix(grid, _cell_hover)
        fig.layout.title.text = ("Who filled each role, as listed" if key == "none"
                                 else f"Who filled each role, without {without_label(key)}")


class CoalitionExplorer(Explorer):
    """Take one kind of partner away: the case x role grid shows, in place, which roles are left
    with no one listed, and the line above it names them.

    >>> explorer = CoalitionExplorer()
    >>> explorer.show("states")     # the same call the drop-down makes
    """

    def __init__(self, entries: pd.DataFrame | None = None, cases: pd.DataFrame | None = None,
                 initial: str = "none"):
        self.cases = load("cases") if cases is None else cases
        if entries is None:
            entries = coalition(load("actors"), load("missions"), self.cases)
        self.entries = entries
        self.without = widgets.Dropdown(options=[(label, key) for key, (label, _) in WITHOUT.items()],
                                        value=initial, description="Take away",
                                        style={"description_width": "initial"},
                                        layout=widgets.Layout(width="420px"))
        self.summary = widgets.HTML()
        grid = self.cached(initial, lambda: role_grid(self.entries, initial))
        figure = grid_figure(grid, widget=True)
        super().__init__([self.without], figure, extra=[self.summary])
        self.refresh()

    def update(self) -> None:
        key = self.without.value
        without_label(key)
        grid = self.cached(key, lambda: role_grid(self.entries, key))
        update_grid_figure(self.figure, grid, key)
        self.summary.value = (message_html(summary_text(grid, key), "info")
                              + taken_away_html(self.entries, key))

    def show(self, key: str | None) -> bool:
        """Take ``key`` away, as choosing it in the drop-down does. False, with a message in the widget,
        for an empty or unknown choice; the figure then keeps its data."""
        try:
            without_label(key or "")
        except InputError as exc:
            self.message.value = message_html(str(exc))
            return False
        if self.without.value != key:
            self.without.value = key  # the observer redraws
            return self.message.value == ""
        return self.refresh()
