"""Peace-process referendums: key-figure tables, charts and the referendum explorer (lesson 06).

Every number comes from ``data/referendums.csv``: percentages of valid votes for yes and no, and
turnout as a share of registered voters, as printed by the source named on each row.

>>> from peaceops.lessons import referendums
>>> referendums.key_figures(data.load("referendums"))      # the lessons' checked table
>>> referendums.ReferendumExplorer()                       # in a notebook: controls above a bar chart
"""

from __future__ import annotations

import html

import ipywidgets as widgets
import pandas as pd
import plotly.graph_objects as go

from peaceops import charts
from peaceops.data import load
from peaceops.widgets import Explorer, InputError, message_html

SOURCE = "data/referendums.csv (hand-curated from published results; each row names its source; see data/README.md)"

# A short display name for each vote (the ids are the table's own; the names add no new fact).
VOTE_NAMES = {
    "gfa_1998": "Good Friday Agreement referendums",
    "timor_consultation_1999": "East Timor popular consultation",
    "annan_plan_2004": "Annan Plan referendums, Cyprus",
    "south_sudan_2011": "Southern Sudan independence referendum",
    "colombia_plebiscite_2016": "Colombia peace plebiscite",
}

# The agreement (or plan) each vote was about, as a milestone id in data/milestones.csv.
AGREEMENT_MILESTONE = {
    "gfa_1998": "ni_good_friday_1998",
    "timor_consultation_1999": "tl_may5_agreements_1999",
    "annan_plan_2004": "cy_annan_plan_2002",
    "south_sudan_2011": "sd_cpa_2005",
    "colombia_plebiscite_2016": "co_cartagena_2016",
}

MEASURES = {
    "valid": "Share of valid votes",
    "registered": "Share of registered voters",
}

NO_MAJORITY = "No side won"
YES_MAJORITY = "Yes side won"


def vote_name(referendum_id: str, date: pd.Timestamp | None = None) -> str:
    """'Colombia peace plebiscite (2016)': a readable name for a referendum id."""
    name = VOTE_NAMES.get(referendum_id, referendum_id.replace("_", " "))
    return f"{name} ({date.year})" if date is not None and pd.notna(date) else name


def vote_options(referendums: pd.DataFrame) -> list[tuple[str, str]]:
    """(label, referendum_id) pairs in date order, for a drop-down."""
    first = referendums.sort_values(["date", "referendum_id"]).drop_duplicates("referendum_id")
    return [(vote_name(r.referendum_id, r.date), r.referendum_id) for r in first.itertuples()]


NO_DATA = "no data"


def _percent(value: object) -> str:
    return NO_DATA if value is None or pd.isna(value) else f"{float(value):g}"


def key_figures(referendums: pd.DataFrame) -> pd.DataFrame:
    """The lessons' key figures: one row per vote and electorate, in date order, labelled by vote
    and electorate. Yes and no are shares of valid votes, turnout a share of registered voters, as
    printed by each row's source ('no data' where the table has no figure), and the
    result is what the vote decided in that electorate."""
    rows = referendums.sort_values(["date", "referendum_id"], kind="stable")
    table = pd.DataFrame({
        "Vote": [vote_name(r, d) for r, d in zip(rows["referendum_id"], rows["date"], strict=True)],
        "Electorate": rows["electorate"].tolist(),
        "Yes %": [_percent(v) for v in rows["yes_percent"]],
        "No %": [_percent(v) for v in rows["no_percent"]],
        "Turnout %": [_percent(v) for v in rows["turnout_percent"]],
        "Result": [NO_DATA if pd.isna(o) else str(o)[:1].upper() + str(o)[1:] for o in rows["outcome"]],
    })
    return table.set_index(["Vote", "Electorate"])


#: The milestones lesson 06 sets beside its three local approaches, in this order.
LOCAL_MILESTONES = ("sa_national_peace_accord_1991", "tl_violence_1999", "co_plebiscite_2016",
                    "co_revised_agreement_2016")


def milestones_table(milestones: pd.DataFrame, ids: tuple[str, ...] = LOCAL_MILESTONES) -> pd.DataFrame:
    """Some milestones as learners read them: the date (or the year, when the source gives no day),
    the milestone and what happened, in the order of ``ids``. Unknown ids are named in the message."""
    marks = milestones.set_index("milestone_id")
    missing = [i for i in ids if i not in marks.index]
    if missing:
        raise InputError(f"data/milestones.csv has no milestone {', '.join(missing)}: restore the file with "
                         "`git checkout data/milestones.csv`, or choose ids that are in it.")
    rows = marks.loc[list(ids)]
    when = [d.strftime("%d %B %Y").lstrip("0") if pd.notna(d) else f"{y} (day not given)"
            for d, y in zip(rows["date"], rows["year"], strict=True)]
    return pd.DataFrame({"Date": when, "Milestone": rows["title"].tolist(),
                         "What happened": rows["description"].tolist()}).set_index("Date")


def vote_rows(referendums: pd.DataFrame, referendum_id: str | None) -> pd.DataFrame:
    """The rows (one per electorate) of one vote. Raises InputError for an empty or unknown choice,
    or for a vote whose figures are not confirmed."""
    if not referendum_id:
        raise InputError("Choose a vote from the list to see its results.")
    rows = referendums[referendums["referendum_id"] == referendum_id]
    if rows.empty:
        known = ", ".join(dict.fromkeys(referendums["referendum_id"]))
        raise InputError(f"Unknown vote {referendum_id!r}. Choose one of: {known}.")
    missing = rows[rows[["yes_percent", "no_percent", "turnout_percent"]].isna().any(axis=1)]
    if not missing.empty:
        names = ", ".join(missing["electorate"])
        raise InputError(
            f"data/referendums.csv has no confirmed yes, no or turnout figure for {names} in "
            f"{referendum_id!r}: the chart would be misleading. Fill the empty cells from the row's source."
        )
    return rows.reset_index(drop=True)


def bar_data(rows: pd.DataFrame, measure: str = "valid") -> dict:
    """The three bar series of one vote.

    ``valid``: yes and no as shares of valid votes, and turnout. ``registered``: yes and no as
    approximate shares of all registered voters (share of valid votes x turnout; blank and spoilt
    ballots are ignored, so the figures are slightly too high), and the share who did not vote.
    """
    if measure not in MEASURES:
        raise InputError(f"Unknown measure {measure!r}. Choose one of: {', '.join(MEASURES.values())}.")
    x = list(rows["electorate"])
    yes, no, turnout = rows["yes_percent"], rows["no_percent"], rows["turnout_percent"]
    if measure == "valid":
        series = [("Yes", list(yes)), ("No", list(no)), ("Turnout", list(turnout))]
    else:
        series = [
            ("Yes (of registered)", list((yes * turnout / 100).round(1))),
            ("No (of registered)", list((no * turnout / 100).round(1))),
            ("Did not vote", list((100 - turnout).round(1))),
        ]
    return {"x": x, "series": series}


def registered_shares(rows: pd.DataFrame) -> pd.DataFrame:
    """Yes and no as approximate shares of registered voters, per electorate (see :func:`bar_data`)."""
    return pd.DataFrame({
        "Electorate": rows["electorate"],
        "Yes, % of registered (approx.)": (rows["yes_percent"] * rows["turnout_percent"] / 100).round(1),
        "No, % of registered (approx.)": (rows["no_percent"] * rows["turnout_percent"] / 100).round(1),
        "Did not vote %": (100 - rows["turnout_percent"]).round(1),
    }).reset_index(drop=True)


def meaning_note(rows: pd.DataFrame) -> str:
    """HTML note on what yes and no meant in a vote, its outcome per electorate, and its sources."""
    first = rows.iloc[0]
    date = first["date"].strftime("%d %B %Y").lstrip("0")
    items = "".join(
        f"<li><b>{html.escape(r.electorate)}</b>: {html.escape(r.outcome)}</li>" for r in rows.itertuples()
    )
    links = " ".join(
        f'<a href="{html.escape(u)}" target="_blank" rel="noopener">{html.escape(s)}</a>'
        for s, u in dict.fromkeys(zip(rows["source"], rows["source_url"], strict=True))
    )
    questions = list(dict.fromkeys(rows["question"]))
    asked = "".join(f"<li>{html.escape(q)}</li>" for q in questions)
    yes_no = "".join(
        f"<li><b>{html.escape(r.electorate)}</b>: <i>yes</i> = {html.escape(r.yes_label)}; "
        f"<i>no</i> = {html.escape(r.no_label)}</li>"
        for r in rows.itertuples()
    )
    return (
        '<div style="max-width:900px;border-left:4px solid #0072B2;padding:4px 12px">'
        f"<b>{html.escape(vote_name(first['referendum_id'], first['date']))}</b>, held {html.escape(date)}"
        f"<br>What was asked:<ul style='margin:2px 0'>{asked}</ul>"
        f"What <i>yes</i> and <i>no</i> meant:<ul style='margin:2px 0'>{yes_no}</ul>"
        f"Outcome:<ul style='margin:2px 0'>{items}</ul><small>Source: {links}</small></div>"
    )


_PATTERNS = ("", "/", ".")
_COLOURS = (charts.OKABE_ITO["blue"], charts.OKABE_ITO["vermillion"], "#999999")


def vote_figure(rows: pd.DataFrame, measure: str = "valid", widget: bool = False) -> go.Figure:
    """Grouped bars of yes, no and turnout (or non-voters) by electorate, with values written on
    the bars and a different fill pattern per series, so colour is never the only cue."""
    fig = charts.new_figure("", SOURCE, widget=widget, height=440)
    for colour, pattern in zip(_COLOURS, _PATTERNS, strict=True):
        fig.add_trace(go.Bar(
            marker=dict(color=colour, pattern=dict(shape=pattern, fgcolor="white", fillmode="overlay")),
            texttemplate="%{y:.1f}%", textposition="outside", cliponaxis=False,
            hovertemplate="%{x}<br>%{fullData.name}: %{y:.2f}%<extra></extra>",
        ))
    fig.add_hline(y=50, line=dict(color="#555555", dash="dash", width=1),
                  annotation_text="50%", annotation_position="right")
    fig.update_layout(barmode="group", bargap=0.25, legend=dict(y=1.02))
    fig.update_xaxes(title_text="Electorate (community that voted)")
    fig.update_yaxes(title_text="Per cent", range=[0, 110], ticksuffix="%", dtick=20)
    update_vote_figure(fig, rows, measure)
    return fig


def update_vote_figure(fig: go.Figure, rows: pd.DataFrame, measure: str = "valid") -> None:
    """Change the figure's data to another vote or measure, in place."""
    data = bar_data(rows, measure)
    title = vote_name(rows.iloc[0]["referendum_id"], rows.iloc[0]["date"])
    with fig.batch_update():
        for trace, (name, values) in zip(fig.data, data["series"], strict=True):
            trace.x = data["x"]
            trace.y = values
            trace.name = name
        fig.layout.title.text = f"{title}: {MEASURES[measure].lower()}"


def turnout_figure(referendums: pd.DataFrame) -> go.Figure:
    """Turnout by vote and electorate against the year of the vote: one marker per electorate,
    in its case colour, labelled, with the marker shape saying which side won there."""
    fig = charts.new_figure("Turnout in peace-process referendums, 1998–2016", SOURCE, height=460)
    frame = referendums.sort_values(["date", "electorate"]).copy()
    frame["year"] = frame["date"].dt.year
    frame["side"] = [YES_MAJORITY if y > n else NO_MAJORITY for y, n in zip(frame["yes_percent"],
                                                                            frame["no_percent"], strict=True)]
    for side, symbol in ((YES_MAJORITY, "circle"), (NO_MAJORITY, "x")):
        part = frame[frame["side"] == side]
        fig.add_trace(go.Scatter(
            x=part["year"], y=part["turnout_percent"], mode="markers+text", name=side,
            text=[f"{e} ({t:g}%)" for e, t in zip(part["electorate"], part["turnout_percent"], strict=True)],
            textposition="middle right",
            marker=dict(symbol=symbol, size=14, color=[charts.CASE_COLOURS[c] for c in part["case_id"]],
                        line=dict(width=1, color="white")),
            customdata=list(zip(part["yes_label"], part["no_label"], strict=True)),
            hovertemplate="%{text}<br>yes = %{customdata[0]}<br>no = %{customdata[1]}<extra>%{fullData.name}"
                          "</extra>",
        ))
    charts.year_axis(fig, 1998, 2016, pad=1)
    fig.update_xaxes(title_text="Year of the vote", range=[1997, 2021])
    fig.update_yaxes(title_text="Turnout (% of registered voters)", range=[0, 105], ticksuffix="%")
    fig.update_layout(legend=dict(title_text="Marker shape: "))
    return fig


def _day(date: pd.Timestamp) -> str:
    return date.strftime("%d %B %Y").lstrip("0")


def agreement_to_vote(referendums: pd.DataFrame, milestones: pd.DataFrame) -> pd.DataFrame:
    """How long after the agreement (or plan) each vote was held, from data/milestones.csv."""
    votes = referendums.sort_values("date").drop_duplicates("referendum_id")
    marks = milestones.set_index("milestone_id")
    rows = []
    for r in votes.itertuples():
        mid = AGREEMENT_MILESTONE.get(r.referendum_id)
        if mid is None or mid not in marks.index or pd.isna(marks.loc[mid, "date"]):
            continue
        signed = marks.loc[mid, "date"]
        rows.append({
            "Vote": vote_name(r.referendum_id, r.date),
            "Agreement or plan": marks.loc[mid, "title"],
            "Agreed or presented": _day(signed),
            "Vote held": _day(r.date),
            "Days between": int((r.date - signed).days),
        })
    return pd.DataFrame(rows).set_index("Vote")


class ReferendumExplorer(Explorer):
    """Choose a vote and a measure: the bar chart of yes, no and turnout by electorate, and the
    note on what yes meant, change in place. The measure answers the explorer's question: how
    large a share of everyone entitled to vote stood behind the winning side?

    >>> explorer = ReferendumExplorer()
    >>> explorer.show("annan_plan_2004")      # the same call the drop-down makes
    """

    QUESTION = "How large a share of everyone entitled to vote stood behind the winning side?"

    def __init__(self, referendums: pd.DataFrame | None = None, initial: str | None = None):
        self.referendums = load("referendums") if referendums is None else referendums
        options = vote_options(self.referendums)
        first = initial or options[0][1]
        self.dropdown = widgets.Dropdown(
            options=options, value=first, description="Vote",
            style={"description_width": "initial"}, layout=widgets.Layout(width="460px"),
        )
        self.measure = widgets.ToggleButtons(
            options=[(label, key) for key, label in MEASURES.items()], value="valid", description="Show",
            style={"description_width": "initial"},
            tooltips=["Yes and no as shares of valid votes, and turnout",
                      "Yes and no as approximate shares of everyone registered to vote"],
        )
        self.note = widgets.HTML()
        rows = vote_rows(self.referendums, first)
        figure = vote_figure(rows, "valid", widget=True)
        self.note.value = meaning_note(rows)
        super().__init__([self.dropdown, self.measure], figure, extra=[self.note])

    def update(self) -> None:
        rows = vote_rows(self.referendums, self.dropdown.value)
        if self.measure.value not in MEASURES:
            raise InputError("Choose what to show: shares of valid votes or of registered voters.")
        update_vote_figure(self.figure, rows, self.measure.value)
        self.note.value = meaning_note(rows)

    def show(self, referendum_id: str | None) -> bool:
        """Show a vote, as choosing it in the drop-down does. False, with a message in the widget,
        when the choice is empty or unknown; the figure then keeps its data."""
        known = {key for _label, key in self.dropdown.options}
        if referendum_id and referendum_id in known and self.dropdown.value != referendum_id:
            self.dropdown.value = referendum_id  # the observer redraws
            return self.message.value == ""
        try:
            vote_rows(self.referendums, referendum_id)
        except InputError as exc:
            self.message.value = message_html(str(exc))
            return False
        return self.refresh()

