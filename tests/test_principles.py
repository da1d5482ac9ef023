"""Lesson 02 helpers: mission spans and counts, the mission explorer, and the scenario self-check logic."""

from __future__ import annotations

import pytest

from peaceops import load, principles
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


def test_mission_explorer_updates_in_place(missions):
    explorer = principles.MissionExplorer(missions, as_of=2026.9)
    figure = explorer.figure
    assert explorer.mission_type.description == "Type"
    shown = sum(len(t.y) for t in figure.data)
    explorer.mission_type.value = "multinational force"
    assert explorer.figure is figure
    assert sum(len(t.y) for t in figure.data) == 4 < shown
    assert "multinational force" in figure.layout.title.text
    explorer.organisation.value = "UN"
    assert "No mission" in explorer.message.value
    assert sum(len(t.y) for t in figure.data) == 4  # kept
    explorer.mission_type.value = "all"
    assert explorer.message.value == ""
    assert sum(len(t.y) for t in figure.data) == 21


def test_scenarios_are_well_formed():
    keys = [s.key for s in principles.SCENARIOS]
    assert 6 <= len(keys) <= 8 and len(set(keys)) == len(keys)
    for s in principles.SCENARIOS:
        assert s.hypothetical or (s.source and s.source_url.startswith("http"))
        assert s.hypothetical == s.text.startswith("Hypothetical")
        assert s.principle.options == principles.PRINCIPLES and s.verdict.options == principles.VERDICTS
    with pytest.raises(ValueError):
        principles.Scenario("x", "t", "real episode", principles.SCENARIOS[0].principle,
                            principles.SCENARIOS[0].verdict)


def test_quiz_logic_steps_and_scores():
    quiz = principles.ScenarioQuiz()
    assert quiz.score() == (0, 0, 16)
    assert quiz.answer(0, principles.CONSENT)[0] is True
    assert quiz.answer(1, principles.NOT_RESPECTED)[0] is False
    assert quiz.answer(1, None) == (None, "Choose an answer first.")
    assert quiz.score() == (1, 2, 16)
    quiz.answer(1, principles.RESPECTED)  # the latest answer counts
    assert quiz.score() == (2, 2, 16)
    assert quiz.next().key == "unficyp_1964"
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
