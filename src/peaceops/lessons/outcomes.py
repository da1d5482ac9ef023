"""Lesson 09: how the armed conflicts of four 'resolved' cases ended, by UCDP's coding, and a
typology of outcomes to argue about.

- :func:`episodes`: one case's dyad episodes (UCDP Conflict Termination v3-2021), labelled.
- :func:`outcome_table`: the lesson's checked table (episodes by outcome, last episode end).
- :class:`OutcomeExplorer`: choose a case; its episodes on a timeline coloured *and* dashed by
  UCDP outcome, with the case's milestones, redrawn in place.
- :data:`TYPOLOGY`: the lesson's four types of outcome. Classifying a case is a contested judgement,
  so it is asked in the question bank (items 9.1a-9.1d, "compare your view"), never marked.
"""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd
import plotly.graph_objects as go

from peaceops import charts, controls
from peaceops.data import load
from peaceops.widgets import Explorer, InputError

CASES = ("timor_leste", "colombia", "cyprus", "sudan")
DATA_LAST = 2020  # last year of UCDP Conflict Termination v3-2021
ONGOING = "ongoing at end of 2020"
# Order, colour, dash and end-marker of each UCDP outcome: never colour alone.
OUTCOMES = {
    "peace agreement": (charts.OKABE_ITO["bluish_green"], "solid", "diamond"),
    "ceasefire": (charts.OKABE_ITO["sky_blue"], "dash", "square"),
    "victory side A": (charts.OKABE_ITO["blue"], "solid", "triangle-up"),
    "victory side B": (charts.OKABE_ITO["orange"], "solid", "triangle-down"),
    "low activity": (charts.OKABE_ITO["yellow"], "dot", "circle-open"),
    "actor ceases to exist": (charts.OKABE_ITO["reddish_purple"], "dashdot", "x"),
    ONGOING: (charts.OKABE_ITO["vermillion"], "longdash", "arrow-right"),
}
MILESTONE_KINDS = ("agreement", "referendum", "independence", "setback", "mission")
SOURCE = ("UCDP Conflict Termination Dataset v3-2021, dyad level (data/conflict_termination.csv); "
          "milestones: data/milestones.csv (a source on every row)")


def dyad_label(row: pd.Series) -> str:
    """'Sudan vs SPLM/A': the government (or state) of side A against side B."""
    side_a = str(row["side_a"]).removeprefix("Government of ")
    side_b = str(row["side_b"]).removeprefix("Government of ")
    return f"{side_a} vs {side_b}"


def episodes(term: pd.DataFrame, case_id: str) -> pd.DataFrame:
    """A case's dyad episodes, oldest first, with a ``dyad`` label and ``outcome_label`` (UCDP outcome,
    or 'ongoing at end of 2020' where UCDP gives no end)."""
    rows = term[term["case_id"] == case_id].copy()
    if rows.empty:
        raise InputError(f"No UCDP conflict episodes for case {case_id!r}.")
    rows["dyad"] = rows.apply(dyad_label, axis=1)
    rows["outcome_label"] = rows["outcome"].fillna(ONGOING)
    return rows.sort_values(["first_year", "dyad_id", "dyad_episode"]).reset_index(drop=True)


def outcome_table(term: pd.DataFrame, case_ids=CASES, cases: pd.DataFrame | None = None) -> pd.DataFrame:
    """Episodes per case by UCDP outcome, with the total and the end of the last episode."""
    names = {} if cases is None else dict(zip(cases["case_id"], cases["name"], strict=True))
    records = []
    for case_id in case_ids:
        eps = episodes(term, case_id)
        counts = eps["outcome_label"].value_counts()
        ended = eps["episode_end"].dropna()
        last = ended.max().strftime("%Y-%m-%d") if not ended.empty else "—"
        records.append({
            "Case": names.get(case_id, case_id),
            "Episodes": len(eps),
            **{label: int(counts.get(label, 0)) for label in OUTCOMES},
            "Last episode end": last + (f" ({counts[ONGOING]} still ongoing)" if counts.get(ONGOING, 0) else ""),
        })
    return pd.DataFrame(records).set_index("Case")


def _segments(rows: pd.DataFrame) -> tuple[list, list, list]:
    xs, ys, text = [], [], []
    for r in rows.itertuples():
        end = int(r.last_year) + 1
        label = (f"{r.dyad}, episode {r.dyad_episode}: {int(r.first_year)}–{int(r.last_year)}, "
                 f"{r.outcome_label}")
        xs += [int(r.first_year), end, None]
        ys += [r.dyad, r.dyad, None]
        text += [label, label, None]
    return xs, ys, text


class OutcomeExplorer(Explorer):
    """Choose a case and a window of years: the case's dyad episodes appear as bars from their first
    to their last active year, coloured, dashed and end-marked by UCDP outcome, above a row of the
    case's milestones (from data/milestones.csv), including events after UCDP's data end."""

    def __init__(self, term: pd.DataFrame | None = None, milestones: pd.DataFrame | None = None,
                 cases: pd.DataFrame | None = None, case_ids=CASES, initial: str | None = None):
        self.term = load("conflict_termination") if term is None else term
        self.milestones = load("milestones") if milestones is None else milestones
        self.cases = load("cases") if cases is None else cases
        names = dict(zip(self.cases["case_id"], self.cases["name"], strict=True))
        style = {"description_width": "initial"}
        self.case = widgets.Dropdown(options=[(names.get(c, c), c) for c in case_ids],
                                     value=initial or case_ids[0], description="Case", style=style)
        self.years = controls.RangeSlider(value=(1945, 2025), min=1945, max=2025, description="Years",
                                            style=style, continuous_update=False,
                                            layout=widgets.Layout(width="420px"))
        fig = charts.new_figure("", SOURCE, widget=True, height=460)
        for label, (colour, dash, symbol) in OUTCOMES.items():
            fig.add_trace(go.Scatter(
                mode="lines+markers", name=label, line=dict(color=colour, width=12, dash=dash),
                marker=dict(symbol=symbol, size=[], color=colour, line=dict(color="black", width=1)),
                hovertemplate="%{text}<extra></extra>", legendgroup=label,
            ))
        fig.add_trace(go.Scatter(
            mode="markers", name="milestone (not UCDP)", marker=dict(symbol="star", size=13, color="black"),
            hovertemplate="%{text}<extra></extra>",
        ))
        fig.update_layout(legend=dict(orientation="h", y=1.02, yanchor="bottom", x=0), margin=dict(l=230, t=140, b=100),
                          title=dict(y=1, yref="container", yanchor="top", pad=dict(t=12)))
        fig.update_xaxes(title_text="Year")
        # Where UCDP's termination data stop: anything to the right is milestones only.
        fig.add_shape(type="line", x0=DATA_LAST + 1, x1=DATA_LAST + 1, xref="x", yref="paper", y0=0, y1=1,
                      line=dict(color="#555555", width=1.5, dash="dot"), name="data end")
        fig.add_annotation(x=DATA_LAST + 1, xref="x", y=1, yref="paper", yanchor="top", xanchor="right",
                           text=f"UCDP data end ({DATA_LAST})", showarrow=False, name="data end",
                           font=dict(size=11, color="#555555"))
        super().__init__([self.case, self.years], fig)
        self.refresh()

    def update(self) -> None:
        case_id = self.case.value
        if not case_id:
            raise InputError("Choose a case to see how its conflict episodes ended.")
        start, end = (int(v) for v in self.years.value)
        if end - start < 1:
            raise InputError(f"The window {start}–{end} is a single year: widen it to see episodes over time.")
        eps = self.cached(("episodes", case_id), lambda: episodes(self.term, case_id))
        shown = eps[(eps["last_year"] >= start) & (eps["first_year"] <= end)]
        ms = self.milestones[(self.milestones["case_id"] == case_id)
                             & self.milestones["category"].isin(MILESTONE_KINDS)
                             & self.milestones["year"].between(start, end)]
        if shown.empty and ms.empty:
            raise InputError(f"Nothing for this case in {start}–{end}: its episodes run "
                             f"{int(eps['first_year'].min())}–{int(eps['last_year'].max())}. Widen the years.")
        rows = list(dict.fromkeys(shown["dyad"])) + ["Milestones"]
        name = self.case.label
        fig = self.figure
        with fig.batch_update():
            for i, label in enumerate(OUTCOMES):
                xs, ys, text = _segments(shown[shown["outcome_label"] == label])
                fig.data[i].x, fig.data[i].y, fig.data[i].text = xs, ys, text
                # a marker only at the end of each bar: size 0 at the start and at the gap
                fig.data[i].marker.size = [0 if j % 3 == 0 else 14 for j in range(len(xs))]
            mx = list(charts.fraction_of_year(ms["date"].fillna(pd.to_datetime(ms["year"].astype(str) + "-07-01"))))
            fig.data[-1].x = mx
            fig.data[-1].y = ["Milestones"] * len(mx)
            fig.data[-1].text = [f"{int(r.year)}: {r.title} ({r.category})" for r in ms.itertuples()]
            fig.layout.title.text = f"{name}: how each conflict episode ended (UCDP), with milestones"
            fig.update_yaxes(type="category", categoryorder="array", categoryarray=rows[::-1],
                             title_text="Dyad (government vs opponent)")
            lo = max(start, min([*shown["first_year"].astype(int), *ms["year"].astype(int)]))
            hi = min(end, max([*(shown["last_year"].astype(int) + 1), *ms["year"].astype(int)]))
            charts.year_axis(fig, lo, max(hi, lo + 1) + 0.5)  # room for a milestone late in the last year
            fig.layout.height = max(360, 140 + 38 * len(rows))
            fig.layout.margin.l = max(230, 40 + 8 * max(len(r) for r in rows))  # room for the longest dyad


#: The lesson's four types of outcome (a teaching tool, not a UCDP category). The question bank's
#: items 9.1a-9.1d offer them as options; learners compare their choice with sourced positions.
TYPOLOGY = (
    "Settled by separation",
    "Negotiated end, uneven implementation",
    "Frozen: contained, not settled",
    "Agreement followed by new wars",
)
