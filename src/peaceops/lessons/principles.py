"""Lesson 02 · Principles: consent, impartiality, non-use of force.

- :func:`mission_spans`, :func:`missions_by_type`: the data shaping behind the mission chart and the
  checked table (``data/missions.csv``).
- :func:`missions_chart`: the missions of the seven cases as bars over time (Gantt-like), a static
  figure: its legend hides or shows a type, its hover gives the details.
- :data:`SCENARIOS`: short scenarios, each grounded in a sourced episode or marked hypothetical, with
  the ids of their questions in ``data/question_bank.json``: self-checks where the principle and the
  verdict are a matter of definition, compare-your-view items where they are contested.
- :class:`ScenarioQuiz` (figure-free logic: stepping, answers, score) and :class:`ScenarioCheck`
  (the widget, built on :class:`peaceops.exercises.SelfCheck` and :class:`~peaceops.exercises.CompareViews`).
"""

from __future__ import annotations

import datetime as _dt
import html
from dataclasses import dataclass

import ipywidgets as widgets
import pandas as pd
import plotly.graph_objects as go

from peaceops import charts, exercises
from peaceops.charts import handout_mode
from peaceops.data import load
from peaceops.exercises import CompareViews, Question, SelfCheck, View
from peaceops.widgets import InputError, message_html

MISSIONS_SOURCE = "data/missions.csv (hand-curated, a source on every row; see data/README.md)"
CASE_NAMES = {
    "balkans": "Balkans", "northern_ireland": "Northern Ireland", "south_africa": "South Africa",
    "timor_leste": "Timor-Leste", "colombia": "Colombia", "cyprus": "Cyprus", "sudan": "Sudan",
}
TYPE_ORDER = ("observer", "peacekeeping", "transitional administration", "political", "verification",
              "multinational force")
TYPE_STYLE = {  # colour and bar pattern: the pattern also carries the type, not colour alone
    "observer": (charts.OKABE_ITO["sky_blue"], ""),
    "peacekeeping": (charts.OKABE_ITO["blue"], ""),
    "transitional administration": (charts.OKABE_ITO["reddish_purple"], "/"),
    "political": (charts.OKABE_ITO["bluish_green"], "."),
    "verification": (charts.OKABE_ITO["orange"], "x"),
    "multinational force": (charts.OKABE_ITO["vermillion"], "\\"),
}
ALL = "all"


def _decimal_today() -> float:
    today = _dt.date.today()
    return float(charts.fraction_of_year([today]).iloc[0])


def mission_spans(missions: pd.DataFrame, as_of: float | None = None) -> pd.DataFrame:
    """One row per mission with ``begin`` and ``finish`` as decimal years, ``years`` (duration),
    ``ongoing``, a y-axis ``label`` and a ``hover`` text.

    Dates are used where the table has them; where it gives only a year, the bar starts on 1 January
    of the start year or ends on 31 December of the end year, and the hover text says so. Missions
    without an end are drawn up to ``as_of`` (default: today)."""
    as_of = _decimal_today() if as_of is None else float(as_of)
    rows = missions.copy()
    begin = rows["start_year"].astype(float)
    has_start = rows["start_date"].notna()
    if has_start.any():
        begin[has_start] = charts.fraction_of_year(rows.loc[has_start, "start_date"]).to_numpy()
    finish = (rows["end_year"].astype("Float64") + 1).astype(float)
    has_end = rows["end_date"].notna()
    if has_end.any():
        finish[has_end] = charts.fraction_of_year(rows.loc[has_end, "end_date"]).to_numpy()
    ongoing = rows["end_year"].isna()
    finish[ongoing] = as_of
    rows["begin"], rows["finish"], rows["ongoing"] = begin.round(3), finish.round(3), ongoing.to_numpy()
    rows["years"] = (rows["finish"] - rows["begin"]).round(1)
    rows["label"] = [f"{m} ({CASE_NAMES.get(c, c)})" for m, c in zip(rows["mission"], rows["case_id"], strict=True)]

    def period(r) -> str:
        start = (r.start_date.strftime("%d %b %Y").lstrip("0") if pd.notna(r.start_date)
                 else f"{r.start_year} (year only)")
        if r.ongoing:
            until = getattr(r, "mandate_until", None)
            renewal = (f"the last renewal found runs to {until.day} {until:%B %Y}"
                       if until is not None and pd.notna(until) else "no end date is set or was found")
            return f"{start} – no end date in the table, so the bar runs to today ({renewal})"
        end = r.end_date.strftime("%d %b %Y").lstrip("0") if pd.notna(r.end_date) else f"{r.end_year} (year only)"
        return f"{start} – {end}"

    rows["hover"] = [
        f"<b>{html.escape(r.mission)}</b>: {html.escape(r.full_name)}<br>{html.escape(r.organisation)}, {r.type}"
        f"<br>{period(r)} (about {r.years:g} years)<br>Mandate: "
        f"{html.escape(r.mandate_resolution) if isinstance(r.mandate_resolution, str) else 'not confirmed'}"
        for r in rows.itertuples()
    ]
    order = {c: i for i, c in enumerate(CASE_NAMES)}
    rows["_case"] = rows["case_id"].map(order)
    return rows.sort_values(["_case", "begin"]).drop(columns="_case").reset_index(drop=True)


def filter_missions(spans: pd.DataFrame, mission_type: str = ALL, organisation: str = ALL) -> pd.DataFrame:
    """Rows of :func:`mission_spans` of one type and one organisation (``"all"``, or ``"non-UN"``).
    Raises :class:`InputError` when nothing matches."""
    rows = spans
    if mission_type != ALL:
        rows = rows[rows["type"] == mission_type]
    if organisation == "non-UN":
        rows = rows[rows["organisation"] != "UN"]
    elif organisation != ALL:
        rows = rows[rows["organisation"] == organisation]
    if rows.empty:
        raise InputError(
            f"No mission of type '{mission_type}' run by '{organisation}' in the seven cases. "
            "Choose another type or organisation (for example 'All types')."
        )
    return rows


def missions_by_type(missions: pd.DataFrame) -> pd.DataFrame:
    """The seven cases' missions counted by type: UN-led, led by other organisations, and in all."""
    un = missions["organisation"] == "UN"
    table = pd.DataFrame({
        "UN-led": missions[un].groupby("type").size(),
        "Other organisations": missions[~un].groupby("type").size(),
    }).reindex(list(TYPE_ORDER)).fillna(0).astype(int)
    table["All"] = table.sum(axis=1)
    table.loc["All types"] = table.sum()
    table.index.name = "Type"
    return table


def missions_figure(spans: pd.DataFrame, mission_type: str = ALL, organisation: str = ALL,
                    widget: bool = False) -> go.Figure:
    """The missions as horizontal bars from start to end, one trace per type (colour and pattern)."""
    fig = charts.new_figure("", MISSIONS_SOURCE, widget=widget, height=640)
    for kind in TYPE_ORDER:
        colour, pattern = TYPE_STYLE[kind]
        fig.add_trace(go.Bar(orientation="h", name=kind, marker=dict(color=colour, pattern=dict(shape=pattern)),
                             hovertemplate="%{customdata}<extra></extra>", textposition="outside", cliponaxis=False))
    fig.update_layout(barmode="overlay", xaxis=dict(title="Year"), yaxis=dict(title=None, type="category"),
                      legend=dict(orientation="h", y=1.02, yanchor="bottom", x=0, title="Type"),
                      margin=dict(l=200, t=120, b=100))
    update_missions_figure(fig, spans, mission_type, organisation)
    return fig


def update_missions_figure(fig: go.Figure, spans: pd.DataFrame, mission_type: str, organisation: str) -> pd.DataFrame:
    """Show only the missions of the chosen type and organisation, in place."""
    rows = filter_missions(spans, mission_type, organisation)
    with fig.batch_update():
        for trace, kind in zip(fig.data, TYPE_ORDER, strict=True):
            part = rows[rows["type"] == kind]
            trace.y = part["label"].tolist()
            trace.base = part["begin"].tolist()
            trace.x = (part["finish"] - part["begin"]).round(3).tolist()
            trace.customdata = part["hover"].tolist()
            trace.text = ["ongoing →" if o else "" for o in part["ongoing"]]
        fig.update_yaxes(categoryorder="array", categoryarray=rows["label"].tolist()[::-1])
        what = "all types" if mission_type == ALL else mission_type
        who = {"all": "all organisations", "non-UN": "organisations other than the UN"}.get(organisation, organisation)
        fig.layout.title.text = (f"Missions in the seven cases, {len(rows)} in all" if (mission_type, organisation)
                                 == (ALL, ALL) else f"Missions in the seven cases: {what}, {who} ({len(rows)} shown)")
        charts.year_axis(fig, int(rows["begin"].min()), int(rows["finish"].max()) + 1)
    return rows


def missions_chart(missions: pd.DataFrame | None = None, as_of: float | None = None) -> go.Figure:
    """Every mission of the seven cases as a bar from its start to its end (a static figure): colour
    and bar pattern show the type; click a type in the legend to hide or show it, hover for the
    details. Missions without an end date are drawn to ``as_of`` (default: today)."""
    missions = load("missions") if missions is None else missions
    return missions_figure(mission_spans(missions, as_of))


# --- Scenarios ------------------------------------------------------------------------------------

CONSENT = "Consent of the parties"
IMPARTIALITY = "Impartiality"
FORCE = "Non-use of force except in self-defence and defence of the mandate"
PRINCIPLES = (CONSENT, IMPARTIALITY, FORCE)
RESPECTED = "Respected"
NOT_RESPECTED = "Not respected"
STRETCHED = "Contested, or deliberately stretched"
VERDICTS = (RESPECTED, NOT_RESPECTED, STRETCHED)


@dataclass(frozen=True)
class Scenario:
    """A short scenario and the ids of its questions in the question bank (``data/question_bank.json``).

    Where the principle at stake and the verdict are a matter of definition, the bank holds two
    self-checks ("Correct / Not quite"): which principle, and was it respected? Where experts and
    practitioners read the episode differently (Srebrenica, Rwanda, UNMOGIP's consent), it holds a
    compare-your-view item instead: the learner commits to a reading and then sees the positions
    held, with their sources; nothing is marked. ``hypothetical`` scenarios are invented for
    teaching; the others paraphrase a real episode and name their ``source``."""

    key: str
    title: str
    text: str
    items: tuple[str, ...]
    hypothetical: bool = False
    source: str = ""
    source_url: str = ""

    def __post_init__(self) -> None:
        if not self.hypothetical and not (self.source and self.source_url):
            raise ValueError(f"Scenario {self.key!r} describes a real episode: give its source and source_url.")
        if not self.items:
            raise ValueError(f"Scenario {self.key!r} needs at least one question (an id of the question bank).")


SCENARIOS: tuple[Scenario, ...] = (
    Scenario(
        "unef_1967", "Egypt asks UNEF I to leave (1967)",
        "UNEF I, the first armed UN peacekeeping force, has patrolled the Egyptian side of the line with "
        "Israel since 1956, on Egyptian territory only. In May 1967 the Egyptian government asks for the "
        "force to go. The UN withdraws it in May–June 1967, at Egypt's request.",
        items=("2.1a", "2.1b"),
        source="UN Peacekeeping, UNEF I mandate (withdrawn May–June 1967 at Egypt's request); United Nations, 60 "
        "years of peacekeeping: 1950s",
        source_url="https://peacekeeping.un.org/en/mission/past/unef1mandate.html",
    ),
    Scenario(
        "unficyp_1964", "A force that stays by consent (Cyprus, since 1964)",
        "In March 1964 the Security Council recommends a UN force for Cyprus 'with the consent of the "
        "Government of Cyprus', and a UN mediator. The force, UNFICYP, is still there, its mandate renewed "
        "again and again; since the ceasefire of 16 August 1974, after the coup of 15 July and Turkey's "
        "military intervention, it has patrolled a buffer zone between the two sides.",
        items=("2.1c", "2.1d"),
        source="UN Security Council resolution 186 (1964), S/RES/186 (1964), paragraph 4; UNFICYP, Mandate; UNFICYP, "
        "Operations since 1974",
        source_url="https://undocs.org/S/RES/186(1964) ; https://unficyp.unmissions.org/unficyp-mandate ; "
        "https://unficyp.unmissions.org/operations-1974",
    ),
    Scenario(
        "srebrenica_1995", "The safe area that was not defended (Srebrenica, 1995)",
        "The Security Council has declared Srebrenica a 'safe area' and given UNPROFOR a mandate to deter "
        "attacks on it, with force limited to self-defence and NATO air power in support. In July 1995 "
        "Bosnian Serb forces advance. A lightly armed Dutch battalion is pushed aside, air power is not used "
        "to stop the attack, and the attackers then kill more than 8,000 Bosniak men and boys: a genocide, as "
        "the ICTY (Krstić, 2004) and the International Court of Justice (2007) have found.",
        items=("2.1e",),
        source="UN Secretary-General, The fall of Srebrenica, A/54/549 (15 November 1999), paragraphs 467–468; ICTY, "
        "Prosecutor v. Krstić, IT-98-33-A, Appeals Chamber Judgement (19 April 2004); ICJ, Bosnia and "
        "Herzegovina v. Serbia and Montenegro, Judgment of 26 February 2007",
        source_url="https://undocs.org/A/54/549 ; https://www.icty.org/x/cases/krstic/acjug/en/krs-aj040419e.htm ; "
        "https://icj-cij.org/node/101888",
    ),
    Scenario(
        "rwanda_1994", "Reading a genocide as a broken ceasefire (Rwanda, 1994)",
        "A small UN mission, UNAMIR, is in Rwanda to help carry out a peace agreement between the government "
        "and the rebel RPF. In April 1994 mass killing begins. UN headquarters and the mission concentrate on "
        "negotiating a new ceasefire between the two armed parties, and the Security Council cuts the "
        "mission.",
        items=("2.1f",),
        source="Report of the Independent Inquiry into the actions of the UN during the 1994 genocide in Rwanda, "
        "S/1999/1257 (15 December 1999)",
        source_url="https://undocs.org/S/1999/1257",
    ),
    Scenario(
        "monusco_2013", "An 'offensive' brigade inside a peacekeeping mission (DR Congo, 2013)",
        "The Security Council creates an Intervention Brigade inside MONUSCO, the UN mission in the "
        "Democratic Republic of the Congo, to carry out targeted offensive operations to 'neutralize and "
        "disarm' named armed groups. The resolution says this is done 'on an exceptional basis' and reaffirms "
        "the basic principles of peacekeeping.",
        items=("2.1g", "2.1h"),
        source="UN Press, 'Intervention Brigade' authorized as Security Council grants mandate renewal for MONUSCO, "
        "SC/10964 (28 March 2013)",
        source_url="https://press.un.org/en/2013/sc10964.doc.htm",
    ),
    Scenario(
        "unmogip_consent", "Observers one side says are no longer needed (Kashmir)",
        "UN military observers have watched the ceasefire line in Jammu and Kashmir since January 1949. India "
        "holds that the Simla Agreement of 1972 overtook the mission's role; the two countries disagree about "
        "its mandate and functions. The Secretary-General's position is that only the Security Council can "
        "end it, so it stays.",
        items=("2.1i", "2.1j"),
        source="UN Peacekeeping, UNMOGIP; The Hindu, 'Time U.N. observers left Kashmir: India' (22 January 2013)",
        source_url="https://peacekeeping.un.org/en/mission/unmogip ; "
        "https://www.thehindu.com/news/national/time-un-observers-left-kashmir-india/article4330381.ece",
    ),
    Scenario(
        "referee_hypothetical", "Blaming one side (hypothetical)",
        "Hypothetical. In one month a mission's ceasefire monitors record twelve violations, all by the "
        "government's army. The mission's report says so, and names the army. The government accuses the UN "
        "of bias and says the report should also criticise the rebels.",
        items=("2.1k", "2.1l"),
        hypothetical=True,
    ),
    Scenario(
        "camp_hypothetical", "A militia attacks a camp (hypothetical)",
        "Hypothetical. A mission's mandate includes protecting civilians under imminent threat. An armed "
        "group that signed nothing attacks a camp of displaced people next to a UN base. After warnings, "
        "peacekeepers fire on the attackers until they withdraw, then report the incident to the parties.",
        items=("2.1m", "2.1n"),
        hypothetical=True,
    ),
)


class ScenarioQuiz:
    """The figure-free logic of the scenario exercise: stepping, answers, and a score that counts the
    self-checks only (contested readings are compared, never marked). The latest answer counts."""

    def __init__(self, scenarios: tuple[Scenario, ...] | list[Scenario] = SCENARIOS):
        if not scenarios:
            raise ValueError("A scenario exercise needs at least one scenario.")
        self.scenarios = tuple(scenarios)
        self.index = 0
        self.choices: dict[str, str] = {}
        self.results: dict[str, bool] = {}  # self-checks: item id -> correct?
        self.compared: set[str] = set()  # contested readings the learner has compared

    @property
    def current(self) -> Scenario:
        return self.scenarios[self.index]

    def questions(self, scenario: Scenario | None = None) -> list[exercises.Item]:
        """The bank items of a scenario (default: the current one), in order."""
        return [exercises.item(i) for i in (scenario or self.current).items]

    def _all(self) -> list[exercises.Item]:
        return [item for s in self.scenarios for item in self.questions(s)]

    @property
    def total(self) -> int:
        """The number of self-checks (questions with a right answer)."""
        return sum(isinstance(i.question, Question) for i in self._all())

    @property
    def contested(self) -> int:
        """The number of compare-your-view questions."""
        return sum(isinstance(i.question, View) for i in self._all())

    def go(self, index: int) -> Scenario:
        if not 0 <= index < len(self.scenarios):
            raise IndexError(f"Scenario {index + 1} does not exist: there are {len(self.scenarios)}.")
        self.index = index
        return self.current

    def next(self) -> Scenario:
        return self.go(min(self.index + 1, len(self.scenarios) - 1))

    def previous(self) -> Scenario:
        return self.go(max(self.index - 1, 0))

    def answer(self, part: int, choice: str | None) -> tuple[bool | None, str]:
        """Answer question ``part`` of the current scenario. A self-check returns (correct?, feedback);
        a contested reading returns (True, text) once a view is recorded, never right or wrong."""
        items = self.current.items
        if not 0 <= part < len(items):
            raise ValueError(f"part must be between 0 and {len(items) - 1} for this scenario, not {part!r}.")
        entry = exercises.item(items[part])
        if isinstance(entry.question, View):
            recorded, text = entry.question.compare(choice)
            if recorded:
                self.choices[entry.id] = choice
                self.compared.add(entry.id)
            return (True if recorded else None), text
        correct, text = entry.question.check(choice)
        if correct is not None:
            self.choices[entry.id] = choice
            self.results[entry.id] = correct
        return correct, text

    def score(self) -> tuple[int, int, int]:
        """(self-checks correct, self-checks answered, self-checks in all)."""
        return sum(self.results.values()), len(self.results), self.total

    def score_text(self) -> str:
        right, answered, total = self.score()
        return (f"Self-checks: {right} correct of {answered} answered ({total} in all). "
                f"Contested readings compared: {len(self.compared)} of {self.contested} (not marked).")


class ScenarioCheck:
    """The scenario exercise: one scenario at a time, its questions from the bank (a self-check for a
    definition, a compare-your-view for a contested reading), a score of the self-checks, and
    Previous/Next buttons."""

    def __init__(self, scenarios: tuple[Scenario, ...] | list[Scenario] = SCENARIOS):
        self.quiz = ScenarioQuiz(scenarios)
        self.header = widgets.HTML()
        self.story = widgets.HTML()
        self.score = widgets.HTML()
        self.previous_button = widgets.Button(description="Previous", tooltip="Previous scenario", icon="arrow-left")
        self.next_button = widgets.Button(description="Next", tooltip="Next scenario", icon="arrow-right")
        self.previous_button.on_click(lambda _b: self.show(self.quiz.index - 1))
        self.next_button.on_click(lambda _b: self.show(self.quiz.index + 1))
        self.questions = widgets.VBox()
        self.checks: list[SelfCheck | CompareViews] = []
        nav = widgets.HBox([self.previous_button, self.next_button, self.score])
        self.widget = widgets.VBox([self.header, self.story, self.questions, nav])
        self.show(0)

    @staticmethod
    def _story(scenario: Scenario) -> str:
        source = "" if scenario.hypothetical else f"<br><small>Based on: {html.escape(scenario.source)}</small>"
        return f"<p style='max-width:820px'>{html.escape(scenario.text)}{source}</p>"

    def show(self, index: int) -> bool:
        """Show scenario ``index`` (0-based), as the buttons do. False, with a message, if out of range."""
        try:
            scenario = self.quiz.go(index)
        except IndexError as exc:
            self.score.value = message_html(f"{exc} {self.quiz.score_text()}")
            return False
        n = len(self.quiz.scenarios)
        tag = " <i>(hypothetical)</i>" if scenario.hypothetical else ""
        self.header.value = (f"<h4 style='margin:4px 0'>Scenario {index + 1} of {n}: "
                             f"{html.escape(scenario.title)}{tag}</h4>")
        self.story.value = self._story(scenario)
        self.checks = []
        for part, entry in enumerate(self.quiz.questions(scenario)):
            contested = isinstance(entry.question, View)
            check = CompareViews(entry.question, label="Your reading") if contested else SelfCheck(
                entry.question, label="Your answer")
            check.button.on_click(lambda _b, part=part: self._record(part))
            earlier = self.quiz.choices.get(entry.id)
            if earlier is not None:
                (check.compare if contested else check.check)(earlier)
            self.checks.append(check)
        self.questions.children = [c.widget for c in self.checks]
        self.previous_button.disabled = index == 0
        self.next_button.disabled = index == n - 1
        self.score.value = html.escape(self.quiz.score_text())
        return True

    def _record(self, part: int) -> None:
        self.quiz.answer(part, self.checks[part].choice.value)
        self.score.value = html.escape(self.quiz.score_text())

    def answer(self, part: int, choice: str) -> bool | None:
        """Choose ``choice`` for question ``part`` and press its button, as a learner does. A self-check
        gives True or False; a contested reading gives True once compared (it is never marked)."""
        self.checks[part].choice.value = choice
        self.checks[part].button.click()
        entry = self.quiz.current.items[part]
        return self.quiz.results.get(entry, True if entry in self.quiz.compared else None)

    def handout_html(self) -> str:
        """Every scenario with its questions, answers and positions folded away, for a kernel-less handout."""
        parts = []
        for i, scenario in enumerate(self.quiz.scenarios, 1):
            tag = " <i>(hypothetical)</i>" if scenario.hypothetical else ""
            questions = "".join(
                (CompareViews(e.question) if isinstance(e.question, View) else SelfCheck(e.question)).handout_html()
                for e in self.quiz.questions(scenario)
            )
            parts.append(f"<h4>Scenario {i}: {html.escape(scenario.title)}{tag}</h4>{self._story(scenario)}{questions}")
        return "".join(parts)

    def _ipython_display_(self) -> None:
        from IPython.display import HTML, display

        display(HTML(self.handout_html()) if handout_mode() else self.widget)
