"""Lesson 09: termination outcomes (table, timeline explorer, the typology asked as contested views)."""

from __future__ import annotations

import pytest

from peaceops import data, exercises
from peaceops.lessons import outcomes


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


def test_the_data_end_is_marked_and_long_dyads_fit():
    explorer = outcomes.OutcomeExplorer(initial="sudan")
    assert [sh.x0 for sh in explorer.figure.layout.shapes] == [outcomes.DATA_LAST + 1]
    assert any("UCDP data end" in (a.text or "") for a in explorer.figure.layout.annotations)
    assert explorer.figure.layout.margin.l >= 8 * len("Sudan vs Darfur Joint Resistance Forces")
    assert explorer.figure.layout.xaxis.range[1] > 2023.5  # the 2023 milestone is not cut at the edge


def test_the_typology_items_are_contested_views_with_the_typology_as_options():
    items = [exercises.item(f"9.1{letter}") for letter in "abcd"]
    for entry in items:
        assert isinstance(entry.question, exercises.View), f"{entry.id} must not be marked right or wrong"
        assert entry.question.options == outcomes.TYPOLOGY
        assert len({p.view for p in entry.question.positions}) >= 1 and len(entry.question.positions) >= 2
