"""Lesson 02 · Principles: consent, impartiality, non-use of force.

- :func:`mission_spans`, :func:`missions_by_type`: the data shaping behind the mission chart and the
  checked table (``data/missions.csv``).
- :class:`MissionExplorer`: the missions of the seven cases as bars over time (Gantt-like), filtered
  in place by type and organisation.
- :data:`SCENARIOS`: short scenarios, each grounded in a sourced episode or marked hypothetical, with
  two questions: which principle is at stake, and was it respected?
- :class:`ScenarioQuiz` (figure-free logic: stepping, answers, score) and :class:`ScenarioCheck`
  (the widget, built on :class:`peaceops.exercises.SelfCheck`).
"""

from __future__ import annotations

import datetime as _dt
import html
from dataclasses import dataclass

import ipywidgets as widgets
import pandas as pd
import plotly.graph_objects as go

from peaceops import charts
from peaceops.data import load
from peaceops.exercises import Question, SelfCheck
from peaceops.widgets import Explorer, InputError, message_html

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
        fig.layout.title.text = f"Missions in the seven cases: {what}, {who} ({len(rows)} shown)"
        charts.year_axis(fig, int(rows["begin"].min()), int(rows["finish"].max()) + 1)
    return rows


class MissionExplorer(Explorer):
    """Filter the seven cases' missions by type and organisation; the bars change in place."""

    def __init__(self, missions: pd.DataFrame | None = None, as_of: float | None = None):
        self.missions = load("missions") if missions is None else missions
        self.spans = mission_spans(self.missions, as_of)
        types = [t for t in TYPE_ORDER if t in set(self.missions["type"])]
        orgs = sorted(set(self.missions["organisation"]) - {"UN"})
        self.mission_type = widgets.Dropdown(options=[("All types", ALL)] + [(t, t) for t in types], value=ALL,
                                             description="Type", style={"description_width": "initial"})
        self.organisation = widgets.Dropdown(
            options=[("All organisations", ALL), ("UN", "UN"), ("Not the UN", "non-UN")] + [(o, o) for o in orgs],
            value=ALL, description="Organisation", style={"description_width": "initial"},
        )
        figure = missions_figure(self.spans, ALL, ALL, widget=True)
        super().__init__([self.mission_type, self.organisation], figure)

    def update(self) -> None:
        update_missions_figure(self.figure, self.spans, self.mission_type.value, self.organisation.value)


# --- Scenarios ------------------------------------------------------------------------------------

CONSENT = "Consent of the parties"
IMPARTIALITY = "Impartiality"
FORCE = "Non-use of force except in self-defence and defence of the mandate"
PRINCIPLES = (CONSENT, IMPARTIALITY, FORCE)
RESPECTED = "Respected"
NOT_RESPECTED = "Not respected"
STRETCHED = "Contested, or deliberately stretched"
VERDICTS = (RESPECTED, NOT_RESPECTED, STRETCHED)
PRINCIPLE_PROMPT = "Which principle is most at stake?"
VERDICT_PROMPT = "In this episode, was that principle respected?"


@dataclass(frozen=True)
class Scenario:
    """A short scenario and its two questions. ``hypothetical`` scenarios are invented for teaching;
    the others paraphrase a real episode and name their ``source``."""

    key: str
    title: str
    text: str
    principle: Question
    verdict: Question
    hypothetical: bool = False
    source: str = ""
    source_url: str = ""

    def __post_init__(self) -> None:
        if not self.hypothetical and not (self.source and self.source_url):
            raise ValueError(f"Scenario {self.key!r} describes a real episode: give its source and source_url.")

    @property
    def questions(self) -> tuple[Question, Question]:
        return (self.principle, self.verdict)


def _principle(answer: str, why: dict[str, str]) -> Question:
    return Question(PRINCIPLE_PROMPT, PRINCIPLES, answer, why)


def _verdict(answer: str, why: dict[str, str]) -> Question:
    return Question(VERDICT_PROMPT, VERDICTS, answer, why)


SCENARIOS: tuple[Scenario, ...] = (
    Scenario(
        "unef_1967", "Egypt asks UNEF I to leave (1967)",
        "UNEF I, the first armed UN peacekeeping force, has patrolled the Egyptian side of the line with Israel "
        "since 1956, on Egyptian territory only. In May 1967 the Egyptian government asks for the force to go. "
        "The UN withdraws it in May–June 1967, at Egypt's request.",
        _principle(CONSENT, {
            CONSENT: "The force stood on Egyptian soil because Egypt agreed; when the host withdrew its consent, "
            "the legal and practical basis of the operation went with it.",
            IMPARTIALITY: "Nobody accused UNEF of taking sides here. The question was whether it could stay at all.",
            FORCE: "No one proposed that UNEF fight to stay, and a force of its size and mandate could not have.",
        }),
        _verdict(RESPECTED, {
            RESPECTED: "The UN left when the host asked, as consent-based peacekeeping requires. Whether it should "
            "have tried harder to delay is still argued, because war broke out in the region in June 1967, but "
            "the principle was respected.",
            NOT_RESPECTED: "The UN did what the host asked. The debate is about the consequences of respecting "
            "consent, not about breaching it.",
            STRETCHED: "Reasonable people dispute whether leaving quickly was wise, but the UN did not stretch the "
            "principle: it applied it to the letter.",
        }),
        source="UN Peacekeeping, UNEF I mandate (withdrawn May–June 1967 at Egypt's request); United Nations, "
        "60 years of peacekeeping: 1950s",
        source_url="https://peacekeeping.un.org/en/mission/past/unef1mandate.html",
    ),
    Scenario(
        "unficyp_1964", "A force that stays by consent (Cyprus, since 1964)",
        "In March 1964 the Security Council recommends a UN force for Cyprus 'with the consent of the Government "
        "of Cyprus', and a UN mediator. The force, UNFICYP, is still there, its mandate renewed again and again; "
        "since the ceasefire of 16 August 1974, after the coup of 15 July and Turkey's military intervention, it has "
        "patrolled a buffer zone between the two sides.",
        _principle(CONSENT, {
            CONSENT: "Resolution 186 (1964) makes the force conditional on the host government's consent, and each "
            "renewal rests on the continued acceptance of the parties.",
            IMPARTIALITY: "Impartiality matters to UNFICYP every day, but the resolution's key condition, and what "
            "keeps the force there, is consent.",
            FORCE: "UNFICYP is a lightly armed buffer force: it is not what the resolution's conditions turn on.",
        }),
        _verdict(RESPECTED, {
            RESPECTED: "Consent was the condition of deployment in 1964 and the force has been renewed ever since. "
            "The cost is debated: some say a stable buffer removes the pressure to settle.",
            NOT_RESPECTED: "The force deployed with the government's consent and has never stayed against it.",
            STRETCHED: "Consent has been strained: after 1983 Turkey and the Turkish Cypriot side called the "
            "text of the renewal resolutions unacceptable, while still cooperating with the force. But the force "
            "still rests on the consent of the parties: that is not a deliberate stretch of the principle.",
        }),
        source="UN Security Council resolution 186 (1964), S/RES/186 (1964), paragraph 4; UNFICYP, Mandate; "
        "UNFICYP, Operations since 1974",
        source_url="https://undocs.org/S/RES/186(1964) ; https://unficyp.unmissions.org/unficyp-mandate ; "
        "https://unficyp.unmissions.org/operations-1974",
    ),
    Scenario(
        "srebrenica_1995", "The safe area that was not defended (Srebrenica, 1995)",
        "The Security Council has declared Srebrenica a 'safe area' and given UNPROFOR a mandate to deter attacks "
        "on it, with force limited to self-defence and NATO air power in support. In July 1995 Bosnian Serb forces "
        "advance. A lightly armed Dutch battalion is pushed aside, air power is not used to stop the attack, and "
        "the attackers then kill more than 8,000 Bosniak men and boys: a genocide, as the ICTY (Krstić, "
        "2004) and the International Court of Justice (2007) have found.",
        _principle(FORCE, {
            CONSENT: "Consent was already weak, but the question that July was whether the UN would use force to "
            "defend the safe area its mandate named.",
            IMPARTIALITY: "Impartiality is part of the story of the Bosnian war, but in July 1995 the decisive "
            "question was whether force would be used to defend the safe area.",
            FORCE: "The principle allows force in defence of the mandate. The UN's 1999 report found that the "
            "attackers judged, correctly, that air power would not be used to stop them.",
        }),
        _verdict(NOT_RESPECTED, {
            RESPECTED: "Force in defence of the mandate is part of the principle. Not defending the safe area was "
            "not restraint: the UN itself called it a failure.",
            NOT_RESPECTED: "The mandate to deter attacks on the safe area was not defended. The Secretary-General's "
            "own report of 1999 (A/54/549) describes how the attackers pushed the peacekeepers aside and judged, "
            "correctly, that air power would not be used to stop them.",
            STRETCHED: "Nobody stretched the principle on purpose here: the mission lacked the means and the "
            "political backing to use it.",
        }),
        source="UN Secretary-General, The fall of Srebrenica, A/54/549 (15 November 1999), paragraphs 467–468; "
        "ICTY, Prosecutor v. Krstić, IT-98-33-A, Appeals Chamber Judgement (19 April 2004); ICJ, Bosnia and "
        "Herzegovina v. Serbia and Montenegro, Judgment of 26 February 2007",
        source_url="https://undocs.org/A/54/549 ; https://www.icty.org/x/cases/krstic/acjug/en/krs-aj040419e.htm ; "
        "https://icj-cij.org/node/101888",
    ),
    Scenario(
        "rwanda_1994", "Reading a genocide as a broken ceasefire (Rwanda, 1994)",
        "A small UN mission, UNAMIR, is in Rwanda to help carry out a peace agreement between the government and "
        "the rebel RPF. In April 1994 mass killing begins. UN headquarters and the mission concentrate on "
        "negotiating a new ceasefire between the two armed parties, and the Security Council cuts the mission.",
        _principle(IMPARTIALITY, {
            CONSENT: "Consent of the two parties framed the mission, but what went wrong was how the UN read the "
            "killing: as a war between two equal sides.",
            IMPARTIALITY: "The 1999 Independent Inquiry called the persistent treatment of the situation as a "
            "ceasefire breakdown, rather than a genocide, a costly error: impartiality mistaken for equal "
            "treatment of perpetrators and victims.",
            FORCE: "UNAMIR was too small to stop the killing, but the Inquiry's point about the UN's approach was "
            "about judgement, not only force.",
        }),
        _verdict(NOT_RESPECTED, {
            RESPECTED: "Treating both sides alike while one side is committing genocide is neutrality, not "
            "impartiality. The Brahimi Report (2000) later warned that it may amount to complicity with evil.",
            NOT_RESPECTED: "Impartiality means holding every party to the same rules and calling out the party "
            "that breaks them; the Inquiry found that the UN failed to recognise and name what was happening.",
            STRETCHED: "Nobody stretched impartiality on purpose: it was misread as neutrality.",
        }),
        source="Report of the Independent Inquiry into the actions of the UN during the 1994 genocide in Rwanda, "
        "S/1999/1257 (15 December 1999)",
        source_url="https://undocs.org/S/1999/1257",
    ),
    Scenario(
        "monusco_2013", "An 'offensive' brigade inside a peacekeeping mission (DR Congo, 2013)",
        "The Security Council creates an Intervention Brigade inside MONUSCO, the UN mission in the Democratic "
        "Republic of the Congo, to carry out targeted offensive operations to 'neutralize and disarm' named armed "
        "groups. The resolution says this is done 'on an exceptional basis' and reaffirms the basic principles "
        "of peacekeeping.",
        _principle(FORCE, {
            CONSENT: "What changed was not who had agreed to the mission but the kind of force it was given.",
            IMPARTIALITY: "Naming armed groups as targets raises impartiality questions too, but the core change "
            "is offensive force, beyond self-defence and defence of the mandate.",
            FORCE: "Offensive operations go beyond the traditional limit. The UN press release called the brigade "
            "the Council's 'first-ever offensive combat force'.",
        }),
        _verdict(STRETCHED, {
            RESPECTED: "Offensive operations against named groups go beyond self-defence and defence of the "
            "mandate; the Council itself presented the brigade as an exception.",
            NOT_RESPECTED: "The Council did not ignore the principle by accident: it departed from it on purpose, "
            "said so, and reaffirmed the principle in the same resolution.",
            STRETCHED: "A deliberate exception, 'without creating a precedent' in the words of later renewals. "
            "Supporters stressed the protection of civilians; critics asked whether the UN was becoming a party "
            "to the war.",
        }),
        source="UN Press, 'Intervention Brigade' authorized as Security Council grants mandate renewal for "
        "MONUSCO, SC/10964 (28 March 2013)",
        source_url="https://press.un.org/en/2013/sc10964.doc.htm",
    ),
    Scenario(
        "unmogip_consent", "Observers one side says are no longer needed (Kashmir)",
        "UN military observers have watched the ceasefire line in Jammu and Kashmir since January 1949. India "
        "holds that the Simla Agreement of 1972 overtook the mission's role; the two countries disagree about its "
        "mandate and functions. "
        "The Secretary-General's position is that only the Security Council can end it, so it stays.",
        _principle(CONSENT, {
            CONSENT: "One of the two main parties no longer accepts the mission's role, while the other does: "
            "a textbook case of partial consent.",
            IMPARTIALITY: "Both sides may lodge complaints, and investigations go to the Secretary-General; the "
            "dispute is over whether the mission should be there at all.",
            FORCE: "The observers are not a fighting force; force is not the issue.",
        }),
        _verdict(STRETCHED, {
            RESPECTED: "Consent of one party is not the consent of the main parties. The mission continues on the "
            "strength of a Council decision, not of agreement.",
            NOT_RESPECTED: "The mission was set up with both parties' agreement, and it does not act against either; "
            "what is disputed is whether consent still holds.",
            STRETCHED: "Contested: the two parties disagree about the mission's mandate and functions, and the UN "
            "keeps it in place pending a Council decision.",
        }),
        source="UN Peacekeeping, UNMOGIP; The Hindu, 'Time U.N. observers left Kashmir: India' (22 January 2013)",
        source_url="https://peacekeeping.un.org/en/mission/unmogip ; "
        "https://www.thehindu.com/news/national/time-un-observers-left-kashmir-india/article4330381.ece",
    ),
    Scenario(
        "referee_hypothetical", "Blaming one side (hypothetical)",
        "Hypothetical. In one month a mission's ceasefire monitors record twelve violations, all by the "
        "government's army. The mission's report says so, and names the army. The government accuses the UN of "
        "bias and says the report should also criticise the rebels.",
        _principle(IMPARTIALITY, {
            CONSENT: "The government may threaten its consent, and the mission must manage that; but the charge "
            "is bias, which is about impartiality.",
            IMPARTIALITY: "The charge is partiality. The doctrine's answer: impartial, like a referee who penalises "
            "the side that fouls, not neutral.",
            FORCE: "No force is used in this scenario.",
        }),
        _verdict(RESPECTED, {
            RESPECTED: "Applying the same rules to every party and reporting who broke them is impartiality. "
            "Inventing balance where the record shows none would be neutrality.",
            NOT_RESPECTED: "Impartiality is not equal blame. The mission would only be partial if it judged the "
            "two sides by different rules.",
            STRETCHED: "Nothing is stretched: this is what the Capstone Doctrine's referee analogy describes.",
        }),
        hypothetical=True,
    ),
    Scenario(
        "camp_hypothetical", "A militia attacks a camp (hypothetical)",
        "Hypothetical. A mission's mandate includes protecting civilians under imminent threat. An armed group "
        "that signed nothing attacks a camp of displaced people next to a UN base. After warnings, peacekeepers "
        "fire on the attackers until they withdraw, then report the incident to the parties.",
        _principle(FORCE, {
            CONSENT: "Consent of the main parties still matters, but the group attacking has given none; the "
            "question is whether the UN may use force.",
            IMPARTIALITY: "Protecting civilians from whoever attacks them is impartial; the question raised here "
            "is about force.",
            FORCE: "Peacekeepers used force. Was it within the limit of self-defence and defence of the mandate?",
        }),
        _verdict(RESPECTED, {
            RESPECTED: "Force in defence of a mandate to protect civilians under imminent threat, after warnings, "
            "and stopped when the threat ended, is what the principle allows.",
            NOT_RESPECTED: "The principle is non-use of force except in self-defence and defence of the mandate; "
            "protecting civilians is in the mandate here.",
            STRETCHED: "Compare MONUSCO's brigade: offensive operations against named groups stretch the principle; "
            "repelling an attack does not.",
        }),
        hypothetical=True,
    ),
)


class ScenarioQuiz:
    """The figure-free logic of the scenario self-check: stepping, answers, score.

    Each scenario has two questions (part 0: which principle; part 1: respected?). The latest answer
    to each question counts."""

    def __init__(self, scenarios: tuple[Scenario, ...] | list[Scenario] = SCENARIOS):
        if not scenarios:
            raise ValueError("A scenario self-check needs at least one scenario.")
        self.scenarios = tuple(scenarios)
        self.index = 0
        self.choices: dict[tuple[int, int], str] = {}
        self.results: dict[tuple[int, int], bool] = {}

    @property
    def current(self) -> Scenario:
        return self.scenarios[self.index]

    @property
    def total(self) -> int:
        return 2 * len(self.scenarios)

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
        """Answer question ``part`` (0 or 1) of the current scenario; returns (correct?, feedback)."""
        if part not in (0, 1):
            raise ValueError(f"part must be 0 (principle) or 1 (respected?), not {part!r}.")
        correct, text = self.current.questions[part].check(choice)
        if correct is not None:
            self.choices[(self.index, part)] = choice
            self.results[(self.index, part)] = correct
        return correct, text

    def score(self) -> tuple[int, int, int]:
        """(correct, answered, total questions)."""
        return sum(self.results.values()), len(self.results), self.total

    def score_text(self) -> str:
        right, answered, total = self.score()
        return f"Score: {right} correct of {answered} answered ({total} questions in {len(self.scenarios)} scenarios)."


class ScenarioCheck:
    """The scenario self-check: one scenario at a time, two :class:`SelfCheck` questions, a score,
    and Previous/Next buttons."""

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
        self.checks: list[SelfCheck] = []
        nav = widgets.HBox([self.previous_button, self.next_button, self.score])
        self.widget = widgets.VBox([self.header, self.story, self.questions, nav])
        self.show(0)

    def show(self, index: int) -> bool:
        """Show scenario ``index`` (0-based), as the buttons do. False, with a message, if out of range."""
        try:
            scenario = self.quiz.go(index)
        except IndexError as exc:
            self.score.value = message_html(f"{exc} {self.quiz.score_text()}")
            return False
        n = len(self.quiz.scenarios)
        tag = " <i>(hypothetical)</i>" if scenario.hypothetical else ""
        title = f"Scenario {index + 1} of {n}: {html.escape(scenario.title)}{tag}"
        self.header.value = f"<h4 style='margin:4px 0'>{title}</h4>"
        source = "" if scenario.hypothetical else f"<br><small>Based on: {html.escape(scenario.source)}</small>"
        self.story.value = f"<p style='max-width:820px'>{html.escape(scenario.text)}{source}</p>"
        self.checks = [SelfCheck(q, label=label) for q, label in zip(scenario.questions, ("Principle", "Respected?"),
                                                                       strict=True)]
        for part, check in enumerate(self.checks):
            check.button.on_click(lambda _b, part=part: self._record(part))
            earlier = self.quiz.choices.get((index, part))
            if earlier is not None:
                check.check(earlier)
        self.questions.children = [c.widget for c in self.checks]
        self.previous_button.disabled = index == 0
        self.next_button.disabled = index == n - 1
        self.score.value = html.escape(self.quiz.score_text())
        return True

    def _record(self, part: int) -> None:
        self.quiz.answer(part, self.checks[part].choice.value)
        self.score.value = html.escape(self.quiz.score_text())

    def answer(self, part: int, choice: str) -> bool | None:
        """Choose ``choice`` for question ``part`` and press Check, as a learner does."""
        self.checks[part].choice.value = choice
        self.checks[part].button.click()
        return self.quiz.results.get((self.quiz.index, part))

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.widget)
