"""Lesson 05 · Multi-track diplomacy: who engaged on which track, case by case.

``data/actors.csv`` codes each actor's ``track`` after Diamond and McDonald's nine tracks
(Multi-Track Diplomacy: A Systems Approach to Peace, 3rd ed., 1996), plus ``track1_5`` for
hybrid official/unofficial initiatives. :func:`track_matrix` counts *distinct actors* per case
and track (an actor listed twice in a case on one track, with two roles, counts once). Every
track is kept as a column, so empty tracks show as zeros: a zero means "none recorded in this
illustrative table", not "none existed".

The :class:`TrackExplorer` widget filters by track and case and updates, in place, the heatmap
and the list of actors beneath it.
"""

from __future__ import annotations

import html

import ipywidgets as widgets
import pandas as pd
import plotly.graph_objects as go

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


def _check(actors: pd.DataFrame, tracks, cases) -> tuple[list[str], list[str]]:
    tracks = list(TRACKS) if tracks is None else list(tracks)
    cases = CASE_ORDER if cases is None else list(cases)
    if not tracks:
        raise InputError("Choose at least one track (hold Ctrl or Cmd, or Shift, to choose several).")
    if not cases:
        raise InputError("Choose at least one case (hold Ctrl or Cmd, or Shift, to choose several).")
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


def _heatmap_values(actors: pd.DataFrame, tracks, cases, names: dict) -> dict:
    table = track_matrix(actors, tracks, cases)
    detail = actors_on(actors, tracks, cases).drop_duplicates(["case_id", "actor", "track"])
    hover = []
    for case_id in table.index:
        row = []
        for track in table.columns:
            who = detail[(detail["case_id"] == case_id) & (detail["track"] == track)]["actor"]
            listed = "<br>".join(html.escape(a) for a in who) or "none recorded"
            row.append(f"<b>{html.escape(names.get(case_id, case_id))}</b> · {TRACKS[track]}<br>{listed}")
        hover.append(row)
    return {
        "z": table.values.tolist(),
        "x": [SHORT[t] for t in table.columns],
        "y": [names.get(c, c) for c in table.index],
        "text": [[str(v) for v in r] for r in table.values.tolist()],
        "hover": hover,
        "total": int(table.values.sum()),
    }


def track_heatmap(actors: pd.DataFrame, cases_table: pd.DataFrame | None = None, tracks=None, cases=None,
                  widget: bool = False) -> go.Figure:
    """Case × track heatmap of distinct actors, each cell labelled with its count (not colour alone)."""
    names = dict(zip(cases_table["case_id"], cases_table["name"], strict=True)) if cases_table is not None else {}
    values = _heatmap_values(actors, tracks, cases, names)
    fig = charts.new_figure("Who engaged on which track? Actors per case and track", SOURCE,
                            widget=widget, height=470)
    fig.add_trace(go.Heatmap(
        z=values["z"], x=values["x"], y=values["y"], text=values["text"], texttemplate="%{text}",
        customdata=values["hover"], hovertemplate="%{customdata}<extra></extra>",
        colorscale=[[0, "#FFFFFF"], [0.001, "#DCEBF5"], [1, charts.OKABE_ITO["blue"]]], zmin=0,
        xgap=2, ygap=2, colorbar=dict(title="Actors", tickformat="d", dtick=2),
        textfont=dict(size=14),
    ))
    fig.update_xaxes(title="Track (Diamond and McDonald's multi-track model; 1.5 = hybrid)", side="bottom",
                     tickangle=-30, type="category")
    fig.update_yaxes(autorange="reversed", type="category")
    fig.update_layout(margin=dict(l=230, b=150), plot_bgcolor="white")
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


class TrackExplorer(Explorer):
    """Filter by track and by case: the heatmap and the list of actors beneath it update in place."""

    def __init__(self, actors: pd.DataFrame, cases_table: pd.DataFrame,
                 tracks=None, cases=None):
        self.actors = actors
        self.names = dict(zip(cases_table["case_id"], cases_table["name"], strict=True))
        self.tracks = widgets.SelectMultiple(
            options=[(label, code) for code, label in TRACKS.items()], value=tuple(tracks or TRACKS),
            rows=10, description="Tracks", style={"description_width": "initial"},
            layout=widgets.Layout(width="420px"),
        )
        self.cases = widgets.SelectMultiple(
            options=[(self.names.get(c, c), c) for c in CASE_ORDER], value=tuple(cases or CASE_ORDER),
            rows=7, description="Cases", style={"description_width": "initial"},
            layout=widgets.Layout(width="380px"),
        )
        self.list = widgets.HTML()
        figure = track_heatmap(actors, cases_table, self.tracks.value, self.cases.value, widget=True)
        super().__init__([self.tracks, self.cases], figure)
        self.widget.children = (*self.widget.children, self.list)
        self.refresh()

    def update(self) -> None:
        tracks, cases = _check(self.actors, self.tracks.value, self.cases.value)
        key = (tuple(tracks), tuple(cases))
        rows = self.cached(("rows", key), lambda: actors_on(self.actors, tracks, cases))
        if rows.empty:
            chosen = ", ".join(SHORT[t] for t in tracks)
            raise InputError(
                f"No actor on track(s) {chosen} is recorded for the chosen case(s) in data/actors.csv. "
                "The table is illustrative: add a track (such as 1 · government or 7 · religion) or a case."
            )
        values = self.cached(("heatmap", key), lambda: _heatmap_values(self.actors, tracks, cases, self.names))
        with self.figure.batch_update():
            trace = self.figure.data[0]
            trace.z, trace.x, trace.y = values["z"], values["x"], values["y"]
            trace.text, trace.customdata = values["text"], values["hover"]
            self.figure.layout.title.text = (
                f"Who engaged on which track? {values['total']} actor(s) in {len(cases)} case(s)")
        self.list.value = self.cached(("list", key), lambda: actors_html(rows, self.names))
