"""Lesson 09: termination outcomes (table, timeline explorer, classify-and-defend self-check)."""

from __future__ import annotations

import pytest

from peaceops import data, outcomes
from peaceops.exercises import Question


@pytest.fixture(scope="module")
def term():
    return data.load("conflict_termination")


def test_episodes_are_labelled_and_ongoing_ones_named(term):
    eps = outcomes.episodes(term, "sudan")
    assert "Sudan vs SPLM/A" in set(eps["dyad"])
    assert (eps["outcome_label"] == outcomes.ONGOING).sum() == 2
    assert list(outcomes.episodes(term, "cyprus")["dyad"]) == ["United Kingdom vs EOKA", "Cyprus vs Turkey"]


def test_outcome_table(term):
    table = outcomes.outcome_table(term)
    assert table.loc["cyprus", "Episodes"] == 2
    assert table.loc["cyprus", "Last episode end"] == "1974-08-16"
    assert table.loc["timor_leste", "peace agreement"] == 1
    assert table.loc["colombia", outcomes.ONGOING] == 1
    row = table.loc["sudan"]
    assert row[list(outcomes.OUTCOMES)].sum() == row["Episodes"]


def test_explorer_updates_the_same_figure_in_place():
    explorer = outcomes.OutcomeExplorer(initial="timor_leste")
    figure = explorer.figure
    before = tuple(figure.data[0].x)
    explorer.case.value = "sudan"  # as a learner would
    assert explorer.figure is figure
    assert tuple(figure.data[0].x) != before
    assert "Sudan" in figure.layout.title.text
    assert explorer.message.value == ""


def test_bad_years_give_a_message_and_keep_the_figure():
    explorer = outcomes.OutcomeExplorer(initial="cyprus")
    x = tuple(explorer.figure.data[0].x)
    explorer.years.value = (1990, 1990)
    assert "single year" in explorer.message.value
    explorer.years.value = (1980, 1990)
    assert "Nothing for this case" in explorer.message.value
    assert tuple(explorer.figure.data[0].x) == x


def test_classify_and_defend_gives_feedback_per_item():
    check = outcomes.typology_check()
    results = check.check({"Cyprus": outcomes.TYPOLOGY[2], "Sudan": outcomes.TYPOLOGY[0]})
    assert results == {"Timor-Leste": None, "Colombia": None, "Cyprus": True, "Sudan": False}
    assert "Correct" in check.feedback["Cyprus"].value
    assert "2013" in check.feedback["Sudan"].value
    assert "Choose an answer" in check.feedback["Colombia"].value


def test_classify_and_defend_is_reusable():
    q = Question(prompt="?", options=("a", "b"), answer="a", feedback={"a": "yes", "b": "no"})
    widget = outcomes.ClassifyAndDefend({"x": q})
    assert widget.check({"x": "a"}) == {"x": True}
    with pytest.raises(ValueError):
        outcomes.ClassifyAndDefend({})
