"""Lesson 08: the three-settlement comparison (data shaping, the explorer, bad input)."""

from __future__ import annotations

import pytest

from peaceops import data
from peaceops.lessons import settlements


@pytest.fixture(scope="module")
def tables():
    return {n: data.load(n) for n in ("agreements", "cases", "women_in_delegations", "conflict_years")}


def test_key_agreements_are_the_cases_signed_agreements(tables):
    key = settlements.key_agreements(tables["agreements"], tables["cases"])
    assert list(key["agreement_id"]) == ["pax-389", "pax-556", "pax-407"]
    assert list(key["date"].dt.year) == [1995, 1998, 1993]


def test_provisions_matrix_marks_yes_and_no(tables):
    matrix = settlements.provisions_matrix(settlements.key_agreements(tables["agreements"], tables["cases"]))
    assert matrix.loc["Dayton Agreement"].eq("yes").all()
    assert matrix.loc["Good Friday Agreement", "Ceasefire"] == "no"
    assert matrix.loc["Good Friday Agreement", "DDR / decommissioning"] == "yes"


def test_women_delegates_and_missing_lists(tables):
    women = tables["women_in_delegations"]
    assert settlements.women_delegates(women, 556) == (3, 14)
    assert settlements.women_delegates(women, 389) == (2, 18)
    assert settlements.women_delegates(women, 407) is None  # PADD has no list: not zero


def test_deaths_use_the_agreement_scope_or_the_whole_case(tables):
    key = settlements.key_agreements(tables["agreements"], tables["cases"]).set_index("case_id", drop=False)
    own = settlements.deaths_before_after(tables["conflict_years"], key.loc["balkans"], 5, "agreement")
    case = settlements.deaths_before_after(tables["conflict_years"], key.loc["balkans"], 5, "case")
    assert own.set_index("period").loc["after", "years_active"] == 0  # Bosnia: no active year after Dayton
    assert case.set_index("period").loc["after", "bd_best"] > 0  # Kosovo 1998-99 is in the case


def test_key_figures_table(tables):
    table = settlements.key_figures(tables["agreements"], tables["cases"], tables["women_in_delegations"],
                                    tables["conflict_years"])
    assert table.loc["Good Friday Agreement", "Women delegates"] == "3 of 14"
    assert table.loc["Dayton Agreement", "Deaths, best, 5 years before"] == "25,287"
    assert table.loc["Interim Constitution", "Deaths, best, 5 years before"] == "active, no UCDP estimate"


def test_explorer_updates_the_same_figure_in_place():
    explorer = settlements.SettlementExplorer()
    figure = explorer.figure
    before = tuple(figure.data[1].y)
    explorer.scope.value = "case"  # as a learner would
    assert explorer.figure is figure
    assert tuple(figure.data[1].y) != before
    explorer.measure.value = "women"
    assert explorer.figure is figure
    assert list(figure.data[0].text) == ["2 of 18", "3 of 14", "no list"]
    assert figure.data[1].visible is False
    assert "no delegate list" in explorer.note.value
    assert "3 of Dayton Agreement&#x27;s 18 delegates" in explorer.note.value  # gender unknown: a minimum


def test_bad_input_gives_a_message_not_a_traceback():
    explorer = settlements.SettlementExplorer()
    y = tuple(explorer.figure.data[0].y)
    explorer.measure.value = None
    assert "Choose a measure" in explorer.message.value
    assert tuple(explorer.figure.data[0].y) == y
    only_sa = settlements.SettlementExplorer(case_ids=("south_africa",))
    assert "No UCDP death estimates" in only_sa.message.value


def test_deaths_bars_name_the_conflicts_counted():
    explorer = settlements.SettlementExplorer()
    assert explorer.controls[1] is explorer.scope, "the scope switch (the explorer's question) sits next to the measure"
    assert "below UCDP threshold" in explorer.figure.data[1].hovertext[0]  # Dayton, after, its own conflict
    explorer.scope.value = "case"
    after = explorer.figure.data[1].hovertext[0]
    assert after.startswith("1996–2000") and "UCK, 1998–1999: 2,639" in after  # Kosovo, not Bosnia


def test_provisions_table_is_one_call(tables):
    table = settlements.provisions_table(tables["agreements"], tables["cases"])
    assert list(table.index) == ["Dayton Agreement", "Good Friday Agreement", "Interim Constitution"]


def test_one_year_window_names_a_single_year():
    """A window of 1 year reads '1996', not '1996–1996', in the note and the hover."""
    from peaceops.lessons.settlements import SettlementExplorer, year_span
    assert year_span(1996, 1996) == "1996" and year_span(1996, 2000) == "1996–2000"
    ex = SettlementExplorer(window=1)
    assert "1996–1996" not in ex.note.value and "Dayton Agreement, 1996:" in ex.note.value
    assert all("–1994:" not in h for h in ex.figure.data[0].hovertext)
