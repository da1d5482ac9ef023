"""Lesson 05 · Multi-track diplomacy: who engaged on which track, case by case.

``data/actors.csv`` codes each actor's ``track`` after Diamond and McDonald's nine tracks
(Multi-Track Diplomacy: A Systems Approach to Peace, 3rd ed., 1996), plus ``track1_5`` for
hybrid official/unofficial initiatives. :func:`track_matrix` counts *distinct actors* per case
and track (an actor listed twice in a case on one track, with two roles, counts once). Every
track is kept as a column, so empty tracks show as zeros: a zero means "none recorded in this
illustrative table", not "none existed".

:func:`track_heatmap` draws the whole matrix (tracks as rows, cases as columns). The
:class:`TrackExplorer` answers what the matrix cannot: choose two cases, and it sets side by side
*which jobs* (mediator, facilitator, convener, monitor, ...) each process gave to which track, so
a learner sees whether non-official actors did the same work in both, and who did that work
where none is recorded.
"""

from __future__ import annotations

import html
import textwrap

import ipywidgets as widgets
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from peaceops import charts
from peaceops.widgets import Explorer, InputError, html_table

SOURCE = "data/actors.csv (hand-curated, a source on every row; tracks after Diamond and McDonald 1996)"

# The codes of actors.csv, in the order of the model (track1_5 slotted between tracks 1 and 2).
TRACKS = {
    "track1": "Track 1 · government",
    "track1_5": "Track 1.5 · hybrid",
    "track2": "Track 2 · conflict-resolution professionals",
    "business": "Track 3 · business",
    "civil_society": "Track 4 · private citizens",
    "research": "Track 5 · research, training, education",
    "activism": "Track 6 · activism",
    "religious": "Track 7 · religion",
    "funding": "Track 8 · funding",
    "media": "Track 9 · media and communication",
}
SHORT = {
    "track1": "1 · government", "track1_5": "1.5 · hybrid", "track2": "2 · professionals",
    "business": "3 · business", "civil_society": "4 · citizens", "research": "5 · research",
    "activism": "6 · activism", "religious": "7 · religion", "funding": "8 · funding", "media": "9 · media",
}
CASE_ORDER = ["balkans", "northern_ireland", "south_africa", "timor_leste", "colombia", "cyprus", "sudan"]

# The roles of actors.csv, in the order of a process (the descriptor defines each).
ROLES = {
    "mediator": "Mediator",
    "facilitator": "Facilitator",
    "convener": "Convener",
    "guarantor": "Guarantor",
    "monitor": "Monitor",
    "observer": "Observer",
    "party": "Party",
    "funder": "Funder",
}
ROLE_MEANING = {
    "mediator": "proposes terms, runs negotiations",
    "facilitator": "eases or hosts communication without proposing terms",
    "convener": "calls, opens or organises the meeting or vote",
    "guarantor": "commits to uphold the agreement",
    "monitor": "verifies or implements security or civilian provisions",
    "observer": "attends or watches without a decision role",
    "party": "negotiates for a side",
    "funder": "pays for the process",
}
# One colour and one bar pattern per track, so the tracks can be told apart without colour;
# track 1 (official) is plain grey, so the non-official tracks stand out.
TRACK_STYLE = {
    "track1": ("#8C8C8C", ""),
    "track1_5": (charts.OKABE_ITO["sky_blue"], "."),
    "track2": (charts.OKABE_ITO["bluish_green"], "x"),
    "business": (charts.OKABE_ITO["orange"], "/"),
    "civil_society": (charts.OKABE_ITO["yellow"], "\\"),
    "research": (charts.OKABE_ITO["reddish_purple"], "-"),
    "activism": (charts.OKABE_ITO["vermillion"], "|"),
    "religious": (charts.OKABE_ITO["blue"], "+"),
    "funding": (charts.OKABE_ITO["black"], "x"),
    "media": ("#666666", "."),
}
WHITE_TEXT = {"religious", "funding", "media"}  # dark fills; the others take dark text


def _check(actors: pd.DataFrame, tracks, cases) -> tuple[list[str], list[str]]:
    tracks = list(TRACKS) if tracks is None else list(tracks)
    cases = CASE_ORDER if cases is None else list(cases)
    if not tracks:
        raise InputError("Choose at least one track.")
    if not cases:
        raise InputError("Choose at least one case.")
    unknown = [t for t in tracks if t not in TRACKS]
    if unknown:
        raise InputError(f"Unknown track(s) {unknown}: use one of {', '.join(TRACKS)}.")
    unknown = [c for c in cases if c not in CASE_ORDER]
    if unknown:
        raise InputError(f"Unknown case(s) {unknown}: use one of {', '.join(CASE_ORDER)}.")
    return [t for t in TRACKS if t in tracks], [c for c in CASE_ORDER if c in cases]


def track_matrix(actors: pd.DataFrame, tracks=None, cases=None) -> pd.DataFrame:
    """Distinct actors per case (rows, case ids) and track (columns, track codes); zeros kept."""
    tracks, cases = _check(actors, tracks, cases)
    rows = actors[actors["track"].isin(tracks) & actors["case_id"].isin(cases)]
    distinct = rows.drop_duplicates(["case_id", "actor", "track"])
    table = pd.crosstab(distinct["case_id"], distinct["track"])
    return table.reindex(index=cases, columns=tracks, fill_value=0).astype(int)


def track_table(actors: pd.DataFrame, cases_table: pd.DataFrame | None = None) -> pd.DataFrame:
    """The lesson's key figures: :func:`track_matrix` for all cases and tracks, with readable labels
    and a total row and column."""
    table = track_matrix(actors)
    names = dict(zip(cases_table["case_id"], cases_table["name"], strict=True)) if cases_table is not None else {}
    table.index = [names.get(c, c) for c in table.index]
    table.columns = [SHORT[t] for t in table.columns]
    table["Total"] = table.sum(axis=1)
    table.loc["All cases"] = table.sum(axis=0)
    table.index.name = "Case"
    return table


def actors_on(actors: pd.DataFrame, tracks=None, cases=None) -> pd.DataFrame:
    """The actors rows on the chosen tracks and cases, in case and track order."""
    tracks, cases = _check(actors, tracks, cases)
    rows = actors[actors["track"].isin(tracks) & actors["case_id"].isin(cases)].copy()
    rows["c"] = rows["case_id"].map({c: i for i, c in enumerate(CASE_ORDER)})
    rows["t"] = rows["track"].map({t: i for i, t in enumerate(TRACKS)})
    return rows.sort_values(["c", "t", "actor", "role"]).drop(columns=["c", "t"]).reset_index(drop=True)


def _wrap(name: str, width: int = 10) -> str:
    """A case name broken into short lines for a column label ('Sudan and<br>South Sudan')."""
    return "<br>".join(textwrap.wrap(name, width=width, break_long_words=False)) or name


def _heatmap_values(actors: pd.DataFrame, tracks, cases, names: dict) -> dict:
    """The heatmap's data with tracks as rows and cases as columns, and a hover text per cell."""
    table = track_matrix(actors, tracks, cases)
    detail = actors_on(actors, tracks, cases).drop_duplicates(["case_id", "actor", "track"])
    hover = []
    for track in table.columns:
        row = []
        for case_id in table.index:
            who = detail[(detail["case_id"] == case_id) & (detail["track"] == track)]["actor"]
            listed = "<br>".join(html.escape(a) for a in who) or "none recorded"
            row.append(f"<b>{html.escape(names.get(case_id, case_id))}</b> · {TRACKS[track]}<br>{listed}")
        hover.append(row)
    counts = table.T.values.tolist()
    return {
        "z": counts,
        "x": [_wrap(names.get(c, c)) for c in table.index],
        "y": [TRACKS[t] for t in table.columns],
        "text": [[str(v) for v in r] for r in counts],
        "hover": hover,
        "total": int(table.values.sum()),
    }


def track_heatmap(actors: pd.DataFrame, cases_table: pd.DataFrame | None = None, tracks=None, cases=None,
                  widget: bool = False) -> go.Figure:
    """Track × case heatmap of distinct actors, each cell labelled with its count (not colour alone).

    Tracks are the rows, so their labels read horizontally in full; the cases head the columns,
    above the grid like a table's, so the source line below the figure has the bottom to itself."""
    names = dict(zip(cases_table["case_id"], cases_table["name"], strict=True)) if cases_table is not None else {}
    values = _heatmap_values(actors, tracks, cases, names)
    fig = charts.new_figure("Who engaged on which track? Actors per track and case", SOURCE,
                            widget=widget, height=530)
    fig.add_trace(go.Heatmap(
        z=values["z"], x=values["x"], y=values["y"], text=values["text"], texttemplate="%{text}",
        customdata=values["hover"], hovertemplate="%{customdata}<extra></extra>",
        colorscale=[[0, "#FFFFFF"], [0.001, "#DCEBF5"], [1, charts.OKABE_ITO["blue"]]], zmin=0,
        xgap=2, ygap=2, colorbar=dict(title=dict(text="Actors"), tickformat="d", dtick=2, len=0.8),
        textfont=dict(size=14),
    ))
    fig.update_xaxes(side="top", tickangle=0, type="category", automargin=True, ticks="", showline=False)
    fig.update_yaxes(autorange="reversed", type="category", automargin=True, ticks="", showline=False,
                     showgrid=False)
    fig.update_layout(margin=dict(t=150, l=20, r=20), plot_bgcolor="white",
                      title=dict(y=0.98, yanchor="top", yref="container"))
    return fig


def actors_html(rows: pd.DataFrame, names: dict) -> str:
    """The actors as an HTML table with a link to each row's source."""
    return html_table(rows, {
        "Case": lambda r: names.get(r.case_id, r.case_id),
        "Track": lambda r: SHORT[r.track],
        "Actor": "actor",
        "Role": "role",
        "Years": lambda r: r.years if isinstance(r.years, str) else "undated",
        "What the source says": "note",
    }, caption=f"{len(rows)} row(s) of data/actors.csv")


def roles_by_track(actors: pd.DataFrame, case_id: str) -> pd.DataFrame:
    """For one case: actors per role (rows, in :data:`ROLES` order) and track (columns, in
    :data:`TRACKS` order), zeros kept. An actor with two roles counts once in each."""
    if case_id not in CASE_ORDER:
        raise InputError(f"Unknown case {case_id!r}: use one of {', '.join(CASE_ORDER)}.")
    rows = actors[actors["case_id"] == case_id].drop_duplicates(["actor", "role", "track"])
    table = pd.crosstab(rows["role"], rows["track"])
    return table.reindex(index=list(ROLES), columns=list(TRACKS), fill_value=0).astype(int)


def _check_pair(first: str | None, second: str | None) -> tuple[str, str]:
    if not first or not second:
        raise InputError("Choose a case in each list: the explorer sets two processes side by side.")
    for case_id in (first, second):
        if case_id not in CASE_ORDER:
            raise InputError(f"Unknown case {case_id!r}: use one of {', '.join(CASE_ORDER)}.")
    if first == second:
        raise InputError("Choose two different cases: the explorer compares one process with another.")
    return first, second


def _non_official_jobs(actors: pd.DataFrame, case_id: str) -> dict[str, list[str]]:
    """role -> ['Fr Alec Reid (7 · religion)', ...] for the non-official actors of a case."""
    rows = actors[(actors["case_id"] == case_id) & (actors["track"] != "track1")]
    rows = rows.drop_duplicates(["actor", "role", "track"])
    jobs: dict[str, list[str]] = {}
    for role in ROLES:
        who = rows[rows["role"] == role]
        if not who.empty:
            jobs[role] = [f"{a} ({SHORT[t]})" for a, t in zip(who["actor"], who["track"], strict=True)]
    return jobs


def comparison(actors: pd.DataFrame, first: str, second: str, names: dict | None = None) -> dict:
    """What the explorer shows for two cases: each case's role × track table, its non-official
    jobs, and the jobs that non-official actors did in one case but not in the other."""
    first, second = _check_pair(first, second)
    names = names or {}
    out = {"cases": (first, second), "tables": {}, "jobs": {}, "officials_only": {}, "nobody": {}}
    for case_id in (first, second):
        out["tables"][case_id] = roles_by_track(actors, case_id)
        out["jobs"][case_id] = _non_official_jobs(actors, case_id)
    for case_id, other in ((first, second), (second, first)):
        # jobs done by non-official actors in the other case, done here by officials only
        table = out["tables"][case_id]
        out["officials_only"][case_id] = [
            role for role in out["jobs"][other]
            if role not in out["jobs"][case_id] and table.loc[role, "track1"] > 0
        ]
        # ... and done here by nobody recorded at all
        out["nobody"][case_id] = [role for role in out["jobs"][other] if table.loc[role].sum() == 0]
    out["names"] = {c: names.get(c, c) for c in (first, second)}
    return out


def comparison_html(result: dict) -> str:
    """The comparison in words, above the figure: so the answer never rests on colour or on
    reading bar lengths alone."""
    items = []
    for case_id in result["cases"]:
        name = html.escape(result["names"][case_id])
        table = result["tables"][case_id]
        total = int(table.values.sum())
        official = int(table["track1"].sum())
        jobs = result["jobs"][case_id]
        if jobs:
            listed = "; ".join(f"<i>{ROLES[r].lower()}</i>: {html.escape(', '.join(w))}" for r, w in jobs.items())
            text = (f"{total} roles recorded, {total - official} of them held by non-official actors. "
                    f"Their jobs: {listed}.")
        else:
            text = f"{total} roles recorded, every one on track 1 (official): no non-official actor is recorded."
        others = result["officials_only"][case_id]
        if others:
            other = html.escape(result["names"][next(c for c in result["cases"] if c != case_id)])
            text += (f" Only officials are recorded here in the job(s) that non-official actors did in {other}: "
                     + ", ".join(ROLES[r].lower() for r in others) + ".")
        nobody = result.get("nobody", {}).get(case_id, [])
        if nobody:
            other = html.escape(result["names"][next(c for c in result["cases"] if c != case_id)])
            text += (f" Nobody at all is recorded here in the job(s) that non-official actors did in {other}: "
                     + ", ".join(ROLES[r].lower() for r in nobody) + ".")
        items.append(f"<li><b>{name}</b>: {text}</li>")
    return ('<div style="max-width:950px"><p><b>What the comparison shows</b> (from data/actors.csv, which '
            "records only roles its curators could confirm: an empty bar means <i>not recorded</i>, not "
            f"<i>did not exist</i>):</p><ul>{''.join(items)}</ul></div>")


def comparison_figure(actors: pd.DataFrame, first: str, second: str, names: dict | None = None,
                      widget: bool = False) -> go.Figure:
    """Two panels side by side, one per case: actors per role, in bars stacked by track (a colour
    and a pattern per track, the count written on each bar). Fixed traces (one per panel and
    track), so :func:`update_comparison_figure` changes the data in place."""
    charts.use_theme()
    fig = make_subplots(rows=1, cols=2, shared_yaxes=True, horizontal_spacing=0.06,
                        subplot_titles=("First case", "Second case"),
                        figure=charts.FigureWidget() if widget else go.Figure())
    roles = [ROLES[r] for r in ROLES]
    for col in (1, 2):
        for code, (colour, pattern) in TRACK_STYLE.items():
            fig.add_trace(go.Bar(
                orientation="h", y=roles, x=[0] * len(roles), name=SHORT[code], legendgroup=code,
                showlegend=col == 1, textposition="inside", insidetextanchor="middle",
                textfont=dict(size=13, color="white" if code in WHITE_TEXT else "#111111"),
                marker=dict(color=colour, line=dict(color="white", width=1),
                            pattern=dict(shape=pattern, fillmode="overlay", size=8, solidity=0.25,
                                         fgcolor="white" if code != "civil_society" else "#555555")),
                hovertemplate="%{customdata}<extra></extra>",
            ), row=1, col=col)
    for i, annotation in enumerate(fig.layout.annotations):
        annotation.name = f"panel {i + 1}"
        annotation.font = dict(size=15)
    fig.update_layout(template=charts.TEMPLATE, height=520, barmode="stack", bargap=0.3,
                      title=dict(text="", y=0.97, yanchor="top", yref="container"), margin=dict(t=130, l=20, r=20),
                      legend=dict(orientation="h", x=0, y=1.1, yanchor="bottom", title=dict(text="Track: ")))
    fig.update_yaxes(autorange="reversed", automargin=True, type="category", showgrid=False)
    fig.update_xaxes(title_text="Actors in that role", tickformat="d", rangemode="tozero")
    charts.add_source(fig, SOURCE)
    update_comparison_figure(fig, comparison(actors, first, second, names))
    return fig


def update_comparison_figure(fig: go.Figure, result: dict) -> None:
    """Put two cases' role × track tables into a :func:`comparison_figure`, in place."""
    cases = result["cases"]
    tables = [result["tables"][c] for c in cases]
    peak = max(int(t.sum(axis=1).max()) for t in tables)
    used = {code for t in tables for code in TRACKS if t[code].sum() > 0}
    n = len(TRACKS)
    with fig.batch_update():
        for panel, (case_id, table) in enumerate(zip(cases, tables, strict=True)):
            for j, code in enumerate(TRACKS):
                trace = fig.data[panel * n + j]
                counts = [int(v) for v in table[code]]
                trace.x = counts
                trace.text = [str(v) if v else "" for v in counts]
                trace.customdata = [
                    f"<b>{html.escape(result['names'][case_id])}</b> · {ROLES[r]} ({ROLE_MEANING[r]})<br>"
                    f"{TRACKS[code]}: {v} actor(s)" for r, v in zip(ROLES, counts, strict=True)
                ]
                trace.showlegend = panel == 0 and code in used
        for panel, case_id in enumerate(cases):
            fig.layout.annotations[panel].text = f"<b>{html.escape(result['names'][case_id])}</b>"
        fig.update_xaxes(range=[0, peak + 0.5], dtick=1 if peak <= 8 else 2)
        fig.layout.title.text = (f"Who did which job, on which track? {result['names'][cases[0]]} compared "
                                 f"with {result['names'][cases[1]]}")


class TrackExplorer(Explorer):
    """Set two cases side by side: which jobs did each process give to which track?

    Two drop-downs choose the cases; the comparison in words (above the figure), the two panels
    (actors per role, stacked by track) and the list of the two cases' actors (beneath) update in
    place. Choosing the same case twice, or none, gives a message and leaves the figure as it was.

    >>> explorer = TrackExplorer(actors, cases)
    >>> explorer.show("cyprus", "south_africa")      # the same as choosing them in the lists
    """

    QUESTION = ("Did non-official actors do the same jobs in two peace processes, and who did those jobs "
                "where none is recorded?")

    def __init__(self, actors: pd.DataFrame, cases_table: pd.DataFrame,
                 first: str = "northern_ireland", second: str = "south_africa"):
        self.actors = actors
        self.names = dict(zip(cases_table["case_id"], cases_table["name"], strict=True))
        options = [(self.names.get(c, c), c) for c in CASE_ORDER]
        self.first = widgets.Dropdown(options=options, value=first, description="First case",
                                      style={"description_width": "initial"}, layout=widgets.Layout(width="380px"))
        self.second = widgets.Dropdown(options=options, value=second, description="Second case",
                                       style={"description_width": "initial"},
                                       layout=widgets.Layout(width="380px"))
        self.summary = widgets.HTML()
        self.list = widgets.HTML()
        figure = comparison_figure(actors, first, second, self.names, widget=True)
        super().__init__([self.first, self.second], figure, extra=[self.summary])
        self.widget.children = (*self.widget.children, self.list)
        self.refresh()

    def update(self) -> None:
        key = (self.first.value, self.second.value)
        result = self.cached(("comparison", key),
                             lambda: comparison(self.actors, self.first.value, self.second.value, self.names))
        update_comparison_figure(self.figure, result)
        self.summary.value = self.cached(("summary", key), lambda: comparison_html(result))
        self.list.value = self.cached(("list", key), lambda: actors_html(
            actors_on(self.actors, None, list(result["cases"])), self.names))

    def show(self, first: str | None, second: str | None = None) -> bool:
        """Choose the two cases, as a learner would in the lists, and redraw. False, with a message
        in the widget, for an empty, unknown or repeated choice; the figure then keeps its data."""
        second = self.second.value if second is None else second
        try:
            _check_pair(first, second)
        except InputError as exc:
            from peaceops.widgets import message_html

            self.message.value = message_html(str(exc))
            return False
        with self.first.hold_trait_notifications(), self.second.hold_trait_notifications():
            self.first.value, self.second.value = first, second
        return self.refresh()
