"""Lesson 02 helpers: mission spans and counts, the mission explorer, and the scenario self-check logic."""

from __future__ import annotations

import pytest

from peaceops import exercises, load
from peaceops.lessons import principles
from peaceops.widgets import InputError


@pytest.fixture(scope="module")
def missions():
    return load("missions")


@pytest.fixture(scope="module")
def spans(missions):
    return principles.mission_spans(missions, as_of=2026.9)


def test_missions_by_type_counts_every_mission(missions):
    table = principles.missions_by_type(missions)
    assert table.loc["All types", "All"] == len(missions) == 27
    assert table.loc["peacekeeping", "UN-led"] == 11
    assert table.loc["multinational force"].tolist() == [0, 4, 4]
    assert (table["UN-led"] + table["Other organisations"] == table["All"]).all()


def test_spans_use_dates_and_mark_ongoing_missions(spans):
    unficyp = spans[spans["mission"] == "UNFICYP"].iloc[0]
    assert unficyp["ongoing"] and unficyp["finish"] == 2026.9 and 1964.1 < unficyp["begin"] < 1964.2
    unamet = spans[spans["mission"] == "UNAMET"].iloc[0]  # end date not confirmed: end of 1999
    assert not unamet["ongoing"] and unamet["finish"] == 2000.0 and "year only" in unamet["hover"]
    amis = spans[spans["mission"] == "AMIS"].iloc[0]
    assert amis["begin"] == 2004.0 and "not confirmed" in amis["hover"]
    assert (spans["finish"] > spans["begin"]).all()


def test_filters_and_empty_selection(spans):
    assert set(principles.filter_missions(spans, organisation="non-UN")["organisation"]) == {
        "NATO", "EU", "multinational", "OAS", "AU"}
    assert len(principles.filter_missions(spans, "observer")) == 2
    with pytest.raises(InputError):
        principles.filter_missions(spans, "observer", "NATO")


def test_missions_chart_shows_every_mission_by_type(missions):
    fig = principles.missions_chart(missions, as_of=2026.9)
    assert sum(len(t.y) for t in fig.data) == len(missions) == 27
    assert [t.name for t in fig.data] == list(principles.TYPE_ORDER)  # the legend hides or shows a type
    forces = next(t for t in fig.data if t.name == "multinational force")
    assert sorted(label.split(" (")[0] for label in forces.y) == ["EUFOR Althea", "IFOR", "INTERFET", "SFOR"]
    assert "27 in all" in fig.layout.title.text
    assert any(getattr(a, "name", None) == "source" for a in fig.layout.annotations)


def test_scenarios_are_well_formed_and_their_questions_are_in_the_bank():
    keys = [s.key for s in principles.SCENARIOS]
    assert 6 <= len(keys) <= 8 and len(set(keys)) == len(keys)
    ids = [i for s in principles.SCENARIOS for i in s.items]
    assert len(set(ids)) == len(ids)
    for s in principles.SCENARIOS:
        assert s.hypothetical or (s.source and s.source_url.startswith("http"))
        assert s.hypothetical == s.text.startswith("Hypothetical")
        for item_id in s.items:
            entry = exercises.item(item_id)
            assert entry.lesson == 2 and item_id.startswith("2.1")
            if isinstance(entry.question, exercises.Question):
                assert entry.question.options in (principles.PRINCIPLES, principles.VERDICTS), item_id
    with pytest.raises(ValueError):
        principles.Scenario("x", "t", "real episode", ("2.1a",))
    with pytest.raises(ValueError):
        principles.Scenario("x", "t", "Hypothetical.", (), hypothetical=True)


def test_contested_readings_are_views_never_marked():
    contested = {"srebrenica_1995", "rwanda_1994"}
    for s in principles.SCENARIOS:
        kinds = [type(exercises.item(i).question) for i in s.items]
        if s.key in contested:
            assert kinds == [exercises.View], s.key  # one reading, principle and verdict together
    srebrenica = exercises.item("2.1e").question
    assert len(srebrenica.positions) >= 2 and all(p.source_url.startswith("https://") for p in srebrenica.positions)
    assert any("Not respected" in o or "not respected" in o for o in srebrenica.options)


def test_quiz_logic_steps_and_scores_self_checks_only():
    quiz = principles.ScenarioQuiz()
    assert quiz.score() == (0, 0, quiz.total) and quiz.total == 11 and quiz.contested == 3
    assert quiz.answer(0, principles.CONSENT)[0] is True
    assert quiz.answer(1, principles.NOT_RESPECTED)[0] is False
    assert quiz.answer(1, None) == (None, "Choose an answer first.")
    assert quiz.score() == (1, 2, 11)
    quiz.answer(1, principles.RESPECTED)  # the latest answer counts
    assert quiz.score() == (2, 2, 11)
    assert quiz.next().key == "unficyp_1964"
    quiz.go(2)  # Srebrenica: a contested reading, compared, not marked
    recorded, text = quiz.answer(0, exercises.item("2.1e").question.options[0])
    assert recorded is True and "Correct" not in text and "Not quite" not in text
    assert quiz.score() == (2, 2, 11) and "compared: 1 of 3" in quiz.score_text()
    quiz.go(len(quiz.scenarios) - 1)
    assert quiz.next().key == quiz.scenarios[-1].key  # stays on the last
    with pytest.raises(IndexError):
        quiz.go(99)
    with pytest.raises(ValueError):
        quiz.answer(2, principles.CONSENT)


def test_scenario_widget_records_answers_and_restores_them():
    check = principles.ScenarioCheck()
    assert check.previous_button.disabled
    assert check.answer(0, principles.CONSENT) is True
    assert "Correct" in check.checks[0].feedback.value
    assert "1 correct of 1" in check.score.value
    check.next_button.click()
    assert "Scenario 2 of 8" in check.header.value and check.checks[0].feedback.value == ""
    check.previous_button.click()
    assert check.checks[0].choice.value == principles.CONSENT and "Correct" in check.checks[0].feedback.value
    assert check.show(42) is False and "does not exist" in check.score.value


def test_scenario_widget_compares_a_contested_reading_and_keeps_it():
    check = principles.ScenarioCheck()
    check.show(3)  # Rwanda
    assert isinstance(check.checks[0], exercises.CompareViews)
    reading = exercises.item("2.1f").question.options[1]
    assert check.answer(0, reading) is True
    result = check.checks[0].result.value
    assert "Independent Inquiry" in result and "undocs.org/S/1999/1257" in result
    assert "Correct" not in result and "Not quite" not in result
    check.show(0)
    check.show(3)
    assert check.checks[0].choice.value == reading and "Independent Inquiry" in check.checks[0].result.value
    assert "Scenario 4:" in check.handout_html() or "Scenario 4" in check.handout_html()
