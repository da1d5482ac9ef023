"""Lesson 03 · The role of diplomats: how long peace processes took, and who mediated them.

Two tables feed the lesson:

- ``milestones``: the ``talks`` rows open negotiation phases; ``agreement`` rows are signatures.
  A process's duration runs from its *first* ``talks`` row (the earliest, as the milestones
  descriptor says) to its main settlement, named in :data:`SETTLEMENTS` exactly as the
  descriptor lists it. Some talks starts are known only to the year (``date`` empty): their
  duration is counted from 1 July of that year and flagged ``year only (± 0.5)``.
- ``actors``: third parties and their ``role`` (mediator, facilitator, guarantor, ...), ``track``
  and ``actor_type``.

:func:`durations_table` and :func:`compare_clocks` give the durations as a learner reads them (labels,
words for gaps, never ``<NA>``): from the first talks, and from the final round.

The :class:`NegotiationExplorer` widget shows one case's milestones and third parties on a
timeline and lists the third parties under it; it updates its figure in place.
"""

from __future__ import annotations

import datetime as _dt
import html
import re

import ipywidgets as widgets
import pandas as pd
import plotly.graph_objects as go

from peaceops import charts
from peaceops.widgets import Explorer, InputError, html_table

SOURCE = "data/milestones.csv and data/actors.csv (hand-curated, a source on every row; see data/README.md)"

# The main settlement of each case, as the milestones descriptor names it. ``alternative`` is the
# other date a teacher may prefer (initialled at Dayton; first Colombian text; South Sudan's 2018 deal).
SETTLEMENTS = {
    "balkans": ("balkans_dayton_signed_1995", "balkans_dayton_initialled_1995"),
    "northern_ireland": ("ni_good_friday_1998", None),
    "south_africa": ("sa_interim_constitution_1993", None),
    "timor_leste": ("tl_may5_agreements_1999", None),
    "colombia": ("co_revised_agreement_2016", "co_cartagena_2016"),
    "cyprus": (None, None),
    "sudan": ("sd_cpa_2005", "sd_rarcss_2018"),
}
CASE_ORDER = list(SETTLEMENTS)

# Roles in which a third party works on the negotiation itself (not parties, monitors or observers).
THIRD_PARTY_ROLES = ("mediator", "facilitator", "guarantor", "convener")
ROLE_LABELS = {
    "mediator": "Mediator",
    "facilitator": "Facilitator",
    "guarantor": "Guarantor",
    "convener": "Convener",
    "observer": "Observer",
    "monitor": "Monitor",
    "party": "Party",
    "funder": "Funder",
}
TYPE_LABELS = {
    "state": "State",
    "individual": "Individual envoy",
    "un": "United Nations",
    "regional_organisation": "Regional organisation",
    "religious": "Religious actor",
    "ngo": "Non-governmental organisation",
    "business": "Business group",
    "party": "Party",
}
TYPE_PATTERNS = {"state": "", "individual": "/", "un": ".", "regional_organisation": "x",
                 "religious": "+", "ngo": "-", "business": "|", "party": "\\"}

CATEGORY_STYLE = {  # label, marker symbol, colour: the symbol and the row label carry the meaning too
    "talks": ("Talks", "circle", charts.OKABE_ITO["blue"]),
    "agreement": ("Agreement", "diamond", charts.OKABE_ITO["black"]),
    "ceasefire": ("Ceasefire", "square", charts.OKABE_ITO["bluish_green"]),
    "referendum": ("Referendum", "star", charts.OKABE_ITO["orange"]),
    "mission": ("Mission", "triangle-up", charts.OKABE_ITO["sky_blue"]),
    "setback": ("Setback", "x", charts.OKABE_ITO["vermillion"]),
    "independence": ("Independence", "pentagon", charts.OKABE_ITO["reddish_purple"]),
    "other": ("Other", "cross", "#777777"),
}
ROLE_DASH = {"mediator": "solid", "facilitator": "dash", "guarantor": "dot", "convener": "dashdot",
             "observer": "longdash", "monitor": "longdashdot", "party": "solid", "funder": "dot"}


# --- Durations ------------------------------------------------------------------------------

def _decimal(date: pd.Timestamp | None, year: int) -> tuple[float, bool]:
    """A milestone's position in decimal years, and whether it is known to the day."""
    if date is not None and pd.notna(date):
        return charts.decimal_year(date), True
    return float(year) + 0.5, False


def _when(row: pd.Series) -> str:
    if pd.notna(row["date"]):
        return row["date"].strftime("%d %b %Y").lstrip("0")
    return f"{row['year']} (year only)"


def case_milestones(milestones: pd.DataFrame, case_id: str) -> pd.DataFrame:
    """A case's milestones in time order, with ``x`` (decimal year) and ``when`` (readable date)."""
    rows = milestones[milestones["case_id"] == case_id].copy()
    if rows.empty:
        raise InputError(f"No milestones for case {case_id!r} in data/milestones.csv.")
    pos = [_decimal(r.date, r.year) for r in rows.itertuples()]
    rows["x"] = [p[0] for p in pos]
    rows["exact"] = [p[1] for p in pos]
    rows["when"] = [_when(r) for _, r in rows.iterrows()]
    return rows.sort_values(["x", "milestone_id"]).reset_index(drop=True)


def process_durations(milestones: pd.DataFrame, cases: pd.DataFrame | None = None,
                      start: str = "first") -> pd.DataFrame:
    """One row per case: when talks began, when the main settlement was signed, and the years between.

    ``start="first"`` counts from the earliest ``talks`` milestone (the lesson's convention);
    ``start="last"`` from the last ``talks`` milestone before the signature (the final round).
    ``years`` is exact to the day where both dates are known; otherwise ``precision`` says so.
    Cyprus has no settlement: its signature and years are empty.
    """
    if start not in ("first", "last"):
        raise ValueError(f"start must be 'first' or 'last', not {start!r}.")
    names = dict(zip(cases["case_id"], cases["name"], strict=True)) if cases is not None else {}
    by_id = milestones.set_index("milestone_id")
    out = []
    for case_id in CASE_ORDER:
        rows = case_milestones(milestones, case_id)
        main, alt = SETTLEMENTS[case_id]
        talks = rows[rows["category"] == "talks"]
        end_x, end_exact = (None, True)
        if main:
            end = by_id.loc[main]
            end_x, end_exact = _decimal(end["date"], end["year"])
            talks = talks[talks["x"] <= end_x]
        first = talks.iloc[0] if start == "first" else talks.iloc[-1]
        years = None
        if main:
            if first["exact"] and end_exact:
                years = round((end["date"] - first["date"]).days / 365.25, 1)
            else:
                years = round(end_x - first["x"], 1)
        note = ""
        if alt:
            a = by_id.loc[alt]
            note = f"Also: {a['title']}, {a['date'].strftime('%d %b %Y').lstrip('0')}"
        elif not main:
            note = "No settlement: the latest conference, at Crans-Montana in 2017, closed without agreement"
        out.append({
            "case_id": case_id,
            "Case": names.get(case_id, case_id),
            "Talks begin": first["title"],
            "Talks date": first["when"],
            "Settlement": by_id.loc[main, "title"] if main else "none",
            "Signed": by_id.loc[main, "date"].strftime("%d %b %Y").lstrip("0") if main else "",
            "Years": years,
            "precision": ("no settlement" if not main else "day" if (first["exact"] and end_exact)
                          else "year only (± 0.5)"),
            "Note": note,
            "start_x": first["x"],
            "end_x": end_x,
        })
    frame = pd.DataFrame(out)
    frame["Years"] = frame["Years"].astype("Float64")
    return frame


def durations_table(milestones: pd.DataFrame, cases: pd.DataFrame | None = None,
                    start: str = "first") -> pd.DataFrame:
    """The lesson's key figures: :func:`process_durations` as a learner reads it, indexed by case, with
    labels for headers and words for gaps ("no settlement", never an empty or <NA> cell)."""
    frame = process_durations(milestones, cases, start)
    table = pd.DataFrame({
        "Case": frame["Case"],
        "Talks begin": frame["Talks begin"],
        "Talks date": frame["Talks date"],
        "Settlement": frame["Settlement"].replace("none", "no settlement"),
        "Signed": frame["Signed"].replace("", "not signed"),
        "Years": [_years_text(y) for y in frame["Years"]],
        "Dated to": frame["precision"].map(PRECISION_LABELS),
        "Note": frame["Note"].replace("", "—"),
    })
    return table.set_index("Case")


#: How :func:`process_durations`' ``precision`` reads in a table for learners.
PRECISION_LABELS = {"day": "the day", "year only (± 0.5)": "the year only (± 0.5 years)",
                    "no settlement": "no settlement"}


def _years_text(years: object) -> str:
    return "no settlement" if years is None or pd.isna(years) else f"{float(years):.1f}"


def compare_clocks(milestones: pd.DataFrame, cases: pd.DataFrame | None = None) -> pd.DataFrame:
    """Two clocks side by side, for each case: years to the signature from the *first* talks and from
    the *final round* (the last ``talks`` milestone before the signature). Labels, no empty cells."""
    first = process_durations(milestones, cases, "first")
    last = process_durations(milestones, cases, "last")
    table = pd.DataFrame({
        "Case": first["Case"],
        "First talks": [f"{t}, {d}" for t, d in zip(first["Talks begin"], first["Talks date"], strict=True)],
        "Years from the first talks": [_years_text(y) for y in first["Years"]],
        "Final round opens": [f"{t}, {d}" if pd.notna(y) else "no settlement to count to"
                              for t, d, y in zip(last["Talks begin"], last["Talks date"], last["Years"], strict=True)],
        "Years from the final round": [_years_text(y) for y in last["Years"]],
    })
    return table.set_index("Case")


def durations_figure(milestones: pd.DataFrame, cases: pd.DataFrame | None = None) -> go.Figure:
    """A bar from first talks to signature per case, with the final round marked; Cyprus open-ended."""
    first = process_durations(milestones, cases, "first")
    last = process_durations(milestones, cases, "last")
    fig = charts.new_figure("How long did it take? From the first talks to the signature", SOURCE, height=460)
    this_year = _dt.date.today().year
    for r, f in zip(first.to_dict("records"), last.to_dict("records"), strict=True):
        case = r["Case"]
        colour = charts.CASE_COLOURS[r["case_id"]]
        open_ended = pd.isna(r["end_x"])
        end = this_year if open_ended else r["end_x"]
        label = "no settlement" if open_ended else f"{r['Years']:.1f} years"
        show = r["case_id"] == "balkans"
        fig.add_trace(go.Scatter(
            x=[r["start_x"], end], y=[case, case], mode="lines",
            line=dict(color=colour, width=12, dash="dot" if open_ended else "solid"),
            showlegend=False, hoverinfo="skip",
        ))
        fig.add_trace(go.Scatter(
            x=[end], y=[case], mode="text", text=[f"  {label}"], textposition="middle right",
            showlegend=False, hoverinfo="skip",
        ))
        fig.add_trace(go.Scatter(
            x=[r["start_x"]], y=[case], mode="markers", showlegend=show,
            name="First talks", legendgroup="first",
            marker=dict(symbol="circle", size=11, color="white", line=dict(color=charts.TEXT, width=2)),
            hovertemplate=f"<b>{html.escape(case)}</b><br>First talks: {html.escape(r['Talks begin'])}"
                          f"<br>{html.escape(r['Talks date'])}<extra></extra>",
        ))
        if not open_ended:
            fig.add_trace(go.Scatter(
                x=[f["start_x"]], y=[case], mode="markers", showlegend=show,
                name="Final round of talks opens", legendgroup="last",
                marker=dict(symbol="triangle-right", size=11, color=charts.TEXT),
                hovertemplate=f"<b>{html.escape(case)}</b><br>Final round: {html.escape(f['Talks begin'])}"
                              f"<br>{html.escape(f['Talks date'])}<extra></extra>",
            ))
            fig.add_trace(go.Scatter(
                x=[r["end_x"]], y=[case], mode="markers", showlegend=show,
                name="Settlement signed", legendgroup="signed",
                marker=dict(symbol="diamond", size=13, color=charts.OKABE_ITO["black"]),
                hovertemplate=f"<b>{html.escape(case)}</b><br>{html.escape(r['Settlement'])}"
                              f"<br>{html.escape(r['Signed'])}<extra></extra>",
            ))
    fig.update_yaxes(categoryorder="array", categoryarray=list(first["Case"])[::-1], title="")
    fig.update_xaxes(title="Year")
    earliest = int(min(first["start_x"].min(), last["start_x"].min()))
    charts.year_axis(fig, 5 * (earliest // 5), this_year + 4)  # from the earliest first talks (Cyprus, 1964)
    fig.update_layout(margin=dict(l=230, r=40))
    return fig


# --- Mediator types -----------------------------------------------------------------------------

def third_parties(actors: pd.DataFrame, roles: tuple[str, ...] = THIRD_PARTY_ROLES) -> pd.DataFrame:
    """The actors rows whose role is one of ``roles``, in case order."""
    rows = actors[actors["role"].isin(roles)].copy()
    rows["order"] = rows["case_id"].map({c: i for i, c in enumerate(CASE_ORDER)})
    return rows.sort_values(["order", "role", "actor"]).drop(columns="order").reset_index(drop=True)


def mediator_types(actors: pd.DataFrame, cases: pd.DataFrame | None = None,
                   roles: tuple[str, ...] = ("mediator", "facilitator")) -> pd.DataFrame:
    """Counts of rows in ``roles`` per case (rows) and actor type (columns), zeros kept."""
    rows = third_parties(actors, roles)
    table = pd.crosstab(rows["case_id"], rows["actor_type"])
    table = table.reindex(index=CASE_ORDER, columns=[t for t in TYPE_LABELS if t in table.columns], fill_value=0)
    names = dict(zip(cases["case_id"], cases["name"], strict=True)) if cases is not None else {}
    table.index = [names.get(c, c) for c in table.index]
    table.columns = [TYPE_LABELS[c] for c in table.columns]
    return table


def mediator_types_figure(actors: pd.DataFrame, cases: pd.DataFrame | None = None) -> go.Figure:
    """Stacked bars: mediators and facilitators per case by actor type (patterns and labels, not colour alone)."""
    table = mediator_types(actors, cases)
    keys = {v: k for k, v in TYPE_LABELS.items()}
    fig = charts.new_figure("Who mediated or facilitated? Third parties by type of actor", SOURCE, height=440)
    for i, column in enumerate(table.columns):
        values = table[column]
        fig.add_trace(go.Bar(
            x=values.values, y=table.index, orientation="h", name=column,
            marker=dict(color=charts.PALETTE[i % len(charts.PALETTE)],
                        pattern=dict(shape=TYPE_PATTERNS.get(keys[column], ""), fgcolor="white")),
            text=[str(v) if v else "" for v in values.values], textposition="inside",
            hovertemplate="%{y}: %{x} " + column.lower() + "<extra></extra>",
        ))
    fig.update_layout(barmode="stack", margin=dict(l=230, r=30), legend=dict(y=1.02))
    fig.update_yaxes(categoryorder="array", categoryarray=list(table.index)[::-1])
    fig.update_xaxes(title="Mediator and facilitator entries in data/actors.csv", dtick=1, tickformat="d")
    return fig


# --- Timeline explorer ------------------------------------------------------------------------

_YEARS = re.compile(r"^\s*(\d{4})\s*(?:[–-]\s*(\d{4}|present))?\s*$")


def parse_years(text: object, this_year: int) -> tuple[int, int] | None:
    """'1995' -> (1995, 1995); '1994–1995' -> (1994, 1995); '1964–present' -> (1964, this_year); else None."""
    if text is None or (not isinstance(text, str) and pd.isna(text)):
        return None
    match = _YEARS.match(str(text))
    if not match:
        return None
    start = int(match.group(1))
    end = match.group(2)
    return start, (this_year if end == "present" else int(end) if end else start)


def timeline_data(milestones: pd.DataFrame, actors: pd.DataFrame, case_id: str,
                  roles: tuple[str, ...], this_year: int) -> dict:
    """The x/y/hover data of one case's negotiation timeline: milestones by category, third parties by role."""
    rows = case_milestones(milestones, case_id)
    points = {}
    for category, (label, _symbol, _colour) in CATEGORY_STYLE.items():
        sub = rows[rows["category"] == category]
        points[category] = (
            list(sub["x"]), [label] * len(sub),
            [f"<b>{html.escape(r.title)}</b> ({html.escape(r.when)})<br>{html.escape(r.description)}"
             for r in sub.itertuples()],
        )
    parties = third_parties(actors[actors["case_id"] == case_id], roles)
    lines: dict[str, tuple[list, list, list]] = {role: ([], [], []) for role in ROLE_DASH}
    actor_rows: list[str] = []
    xs = list(rows["x"])
    for p in parties.itertuples():
        span = parse_years(p.years, this_year)
        if span is None:
            continue
        name = f"{p.actor} ({ROLE_LABELS[p.role].lower()})"
        if len(name) > 48:
            name = name[:45] + "…"
        actor_rows.append(name)
        hover = f"<b>{html.escape(p.actor)}</b>: {p.role}, {html.escape(str(p.years))}<br>{html.escape(p.note)}"
        x, y, t = lines[p.role]
        x += [span[0], span[1] + 0.999, None]
        y += [name, name, None]
        t += [hover, hover, None]
        xs += [span[0], span[1] + 1]
    row_order = list(dict.fromkeys(actor_rows))[::-1] + [CATEGORY_STYLE[c][0] for c in CATEGORY_STYLE][::-1]
    return {"points": points, "lines": lines, "range": (min(xs), max(xs)), "rows": row_order, "parties": parties}


def parties_html(parties: pd.DataFrame) -> str:
    """The third parties of a case as an HTML table, with each row's source linked."""
    if parties.empty:
        return "<p><i>No third party with the chosen roles is recorded for this case in data/actors.csv.</i></p>"
    return html_table(parties, {
        "Third party": "actor",
        "Role": lambda p: ROLE_LABELS[p.role],
        "Type": lambda p: TYPE_LABELS.get(p.actor_type, p.actor_type),
        "Track": "track",
        "Years": lambda p: p.years if isinstance(p.years, str) else "undated",
        "What the source says": "note",
    })


ROLE_CHOICES = {
    "Mediators and facilitators": ("mediator", "facilitator"),
    "All third parties": THIRD_PARTY_ROLES + ("observer", "monitor"),
    "Guarantors and conveners": ("guarantor", "convener"),
}


class NegotiationExplorer(Explorer):
    """Choose a case (and which third parties to show): its negotiation timeline updates in place.

    Milestones are markers (hover for the description); third parties are dashed or solid bars,
    one per actor and role, over the years the source documents; the table beneath lists them all,
    including undated ones, with a link to each row's source.
    """

    def __init__(self, milestones: pd.DataFrame, actors: pd.DataFrame, cases: pd.DataFrame,
                 initial: str = "balkans", this_year: int | None = None):
        self.milestones, self.actors, self.cases = milestones, actors, cases
        self.this_year = this_year or _dt.date.today().year
        self.case = widgets.Dropdown(
            options=[(r.name, r.case_id) for r in cases.itertuples()], value=initial, description="Case",
            style={"description_width": "initial"}, layout=widgets.Layout(width="380px"),
        )
        self.roles = widgets.ToggleButtons(
            options=list(ROLE_CHOICES), value="Mediators and facilitators", description="Show",
            style={"description_width": "initial", "button_width": "190px"},
        )
        self.table = widgets.HTML()
        figure = charts.new_figure("", SOURCE, widget=True, height=520)
        for label, symbol, colour in CATEGORY_STYLE.values():
            figure.add_trace(go.Scatter(
                mode="markers", name=label, marker=dict(symbol=symbol, size=13, color=colour,
                                                        line=dict(color="white", width=1)),
                hovertemplate="%{text}<extra></extra>",
            ))
        for role, dash in ROLE_DASH.items():
            figure.add_trace(go.Scatter(
                mode="lines", name=f"{ROLE_LABELS[role]} (years active)",
                line=dict(width=6, dash=dash, color=charts.OKABE_ITO["reddish_purple"] if role == "mediator"
                          else charts.OKABE_ITO["orange"] if role == "facilitator" else "#777777"),
                hovertemplate="%{text}<extra></extra>",
            ))
        figure.update_layout(legend=dict(orientation="h", y=1.02, yanchor="bottom", x=0),
                             margin=dict(l=300, t=120, b=100))
        figure.update_xaxes(title="Year")
        self.n_points = len(CATEGORY_STYLE)
        super().__init__([self.case, self.roles], figure, extra=[])
        self.widget.children = (*self.widget.children, self.table)
        self.refresh()

    def update(self) -> None:
        case_id = self.case.value
        if not case_id:
            raise InputError("Choose a case from the list to see its negotiation timeline.")
        if case_id not in set(self.cases["case_id"]):
            raise InputError(f"Unknown case {case_id!r}. Choose one of: {', '.join(self.cases['case_id'])}.")
        roles = ROLE_CHOICES.get(self.roles.value)
        if roles is None:
            raise InputError(f"Choose which third parties to show: {', '.join(ROLE_CHOICES)}.")
        data = self.cached((case_id, roles),
                           lambda: timeline_data(self.milestones, self.actors, case_id, roles, self.this_year))
        name = self.cases.set_index("case_id").loc[case_id, "name"]
        start, end = data["range"]
        fig = self.figure
        with fig.batch_update():
            for i, category in enumerate(CATEGORY_STYLE):
                fig.data[i].x, fig.data[i].y, fig.data[i].text = data["points"][category]
            for j, role in enumerate(ROLE_DASH):
                fig.data[self.n_points + j].x, fig.data[self.n_points + j].y, fig.data[self.n_points + j].text = (
                    data["lines"][role])
            fig.layout.title.text = f"{name}: negotiation milestones and third parties"
            fig.update_yaxes(type="category", categoryorder="array", categoryarray=data["rows"], autorange=True)
            charts.year_axis(fig, start, end)
        self.table.value = parties_html(data["parties"])
