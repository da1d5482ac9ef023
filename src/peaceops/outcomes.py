"""Lesson 09: how the armed conflicts of four 'resolved' cases ended, by UCDP's coding, and a
typology of outcomes to argue about.

- :func:`episodes`: one case's dyad episodes (UCDP Conflict Termination v3-2021), labelled.
- :func:`outcome_table`: the lesson's checked table (episodes by outcome, last episode end).
- :class:`OutcomeExplorer`: choose a case; its episodes on a timeline coloured *and* dashed by
  UCDP outcome, with the case's milestones, redrawn in place.
- :class:`ClassifyAndDefend`: a reusable self-check that asks the learner to classify several
  items into one set of categories, built on :class:`peaceops.exercises.Question`, with a
  defence of the expected answer for every choice.
"""

from __future__ import annotations

import html

import ipywidgets as widgets
import pandas as pd
import plotly.graph_objects as go

from peaceops import charts
from peaceops.data import load
from peaceops.exercises import Question
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
        self.years = widgets.IntRangeSlider(value=(1945, 2025), min=1945, max=2025, description="Years",
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
        fig.update_layout(legend=dict(orientation="h", y=1.02, yanchor="bottom", x=0), margin=dict(l=230, t=130, b=100))
        fig.update_xaxes(title_text="Year")
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
            charts.year_axis(fig, lo, max(hi, lo + 1))
            fig.layout.height = max(360, 140 + 38 * len(rows))


TYPOLOGY = (
    "Settled by separation",
    "Negotiated end, uneven implementation",
    "Frozen: contained, not settled",
    "Agreement followed by new wars",
)


class ClassifyAndDefend:
    """Classify several items into one set of categories, then check: each item gets its own
    verdict and the defence of the expected answer (the ``feedback`` of its :class:`Question`).

    >>> ClassifyAndDefend({"Cyprus": Question(...), "Colombia": Question(...)})
    """

    def __init__(self, items: dict[str, Question], intro: str = ""):
        if not items:
            raise ValueError("Give at least one item to classify.")
        self.items = items
        self.choices = {}
        self.feedback = {}
        rows = []
        for name, q in items.items():
            self.choices[name] = widgets.Dropdown(
                options=[("— choose —", None), *[(o, o) for o in q.options]], value=None, description=name,
                style={"description_width": "120px"}, layout=widgets.Layout(width="460px"),
            )
            self.feedback[name] = widgets.HTML()
            rows.append(widgets.VBox([self.choices[name], self.feedback[name]]))
        self.button = widgets.Button(description="Check", button_style="primary", tooltip="Check your answers")
        self.score = widgets.HTML()
        self.button.on_click(lambda _b: self.check())
        head = [widgets.HTML(f"<b>{html.escape(intro)}</b>")] if intro else []
        self.widget = widgets.VBox([*head, *rows, self.button, self.score])

    def check(self, answers: dict[str, str] | None = None) -> dict[str, bool | None]:
        """Check every item (``answers`` first sets the choices, as a learner would)."""
        for name, value in (answers or {}).items():
            self.choices[name].value = value
        results = {}
        for name, q in self.items.items():
            correct, text = q.check(self.choices[name].value)
            colour = {True: "#006d2c", False: "#a00000", None: "#8a4b00"}[correct]
            self.feedback[name].value = f'<div role="status" style="color:{colour}">{html.escape(text)}</div>'
            results[name] = correct
        right = sum(r is True for r in results.values())
        self.score.value = f"<div role='status'>{right} of {len(results)} as expected.</div>"
        return results

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)


def _q(case: str, answer: str, feedback: dict[str, str]) -> Question:
    return Question(prompt=f"Which type fits {case} best?", options=TYPOLOGY, answer=answer, feedback=feedback)


def typology_check() -> ClassifyAndDefend:
    """The lesson's self-check: classify the four cases and read the defence of each classification."""
    return ClassifyAndDefend({
        "Timor-Leste": _q("Timor-Leste", TYPOLOGY[0], {
            TYPOLOGY[0]: "The sovereignty dispute ended, after Indonesia's offer of January 1999, with a UN-run vote, "
            "a UN transitional administration and independence in 2002. The 2006 crisis was violence inside the "
            "new state, not a return of the war with Indonesia.",
            TYPOLOGY[1]: "The 1999 agreements were implemented: the vote was held and independence followed. "
            "What was uneven came later, in state-building (the 2006 crisis).",
            TYPOLOGY[2]: "Nothing stayed frozen: the territory changed status and UN missions left in 2012.",
            TYPOLOGY[3]: "The 2006 crisis was serious, but it was not a new war over the same dispute, and "
            "UCDP records no armed conflict in Timor-Leste after 1999.",
        }),
        "Colombia": _q("Colombia", TYPOLOGY[1], {
            TYPOLOGY[0]: "No territory separated: the FARC-EP became a political party inside Colombia.",
            TYPOLOGY[1]: "The government-FARC war ended with the revised 2016 agreement and UN-verified "
            "laying down of arms, but implementation has been partial and other armed groups fight on.",
            TYPOLOGY[2]: "There is no buffer zone or stalemate line: the FARC-EP disarmed and the agreement "
            "is being implemented, if slowly.",
            TYPOLOGY[3]: "Arguable: UCDP codes fighting with the ELN and FARC dissidents after 2016. But those "
            "are conflicts with other groups; the dyad the agreement addressed ended with it.",
        }),
        "Cyprus": _q("Cyprus", TYPOLOGY[2], {
            TYPOLOGY[0]: "The division of 1974 was never agreed: the UN-led plans, including the Annan Plan, "
            "sought to reunite the island, not to partition it.",
            TYPOLOGY[1]: "There is no agreement to implement: the Annan Plan failed in 2004 and Crans-Montana "
            "closed without agreement in 2017.",
            TYPOLOGY[2]: "UCDP's last episode, Cyprus against Turkey, ended with the ceasefire of 16 August 1974; "
            "UNFICYP has held the buffer zone since; the political dispute is unsettled. Contained, not resolved.",
            TYPOLOGY[3]: "There has been no new war since 1974, which is what the buffer zone helps to prevent.",
        }),
        "Sudan": _q("Sudan", TYPOLOGY[3], {
            TYPOLOGY[0]: "Partly true: the CPA's referendum delivered South Sudan's independence in 2011. "
            "But the type leaves out what followed: civil war in South Sudan from December 2013 and a new "
            "war in Sudan from April 2023.",
            TYPOLOGY[1]: "The CPA was largely implemented on its central promise (the referendum). The "
            "problem was not slow implementation but new wars.",
            TYPOLOGY[2]: "Nothing is frozen: UCDP codes many new episodes after 2005, in Darfur, with the "
            "SPLM/A-North and in South Sudan.",
            TYPOLOGY[3]: "The CPA ended the north-south war, and separation followed, but South Sudan fell "
            "into civil war in 2013 and Sudan into war in 2023: an ended war, then others.",
        }),
    }, intro="Classify each case, then press Check: the feedback defends the expected classification.")
