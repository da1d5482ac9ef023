"""The cross-case comparison: the pure function and the explorer built on it."""

from __future__ import annotations

import pytest

from peaceops.lessons import comparison
from peaceops.widgets import InputError


@pytest.fixture(scope="module")
def tables():
    return comparison.load_tables()


def _value(tidy, case_id, measure):
    row = tidy[(tidy["case_id"] == case_id) & (tidy["measure"] == measure)]
    assert len(row) == 1, measure
    return row["value"].iloc[0]


def test_compare_is_tidy_with_units_and_sources(tables):
    tidy = comparison.compare("northern_ireland", "colombia", tables)
    assert list(tidy.columns) == comparison.COLUMNS
    assert set(tidy["domain"]) == set(comparison.DOMAINS)
    assert tidy["unit"].str.len().gt(0).all() and tidy["source"].str.len().gt(0).all()
    assert _value(tidy, "colombia", "Deaths, 5 years before the key agreement") == 806
    assert _value(tidy, "colombia", "Deaths, 5 years after the key agreement") == 444
    assert _value(tidy, "northern_ireland", "Deaths, 5 years after the key agreement") == 0
    assert _value(tidy, "northern_ireland", "Provides for ceasefire") == "no"
    assert _value(tidy, "northern_ireland", "Women among the delegates of the key agreement") == 21.4
    assert _value(tidy, "northern_ireland", "Peace operations deployed (all organisations)") == 0


def test_cyprus_has_empty_before_after_with_a_note(tables):
    tidy = comparison.compare("cyprus", "timor_leste", tables)
    row = tidy[(tidy["case_id"] == "cyprus") & (tidy["measure"].str.startswith("Deaths"))]
    assert row["value"].isna().all() and row["note"].str.contains("No key agreement").all()
    assert _value(tidy, "timor_leste", "Provides for UN or international mission role") == "yes"


@pytest.mark.parametrize(("a", "b", "message"), [
    ("sudan", "sudan", "same case twice"), ("sudan", "", "Choose two"), ("sudan", "atlantis", "Unknown case"),
])
def test_bad_pairs(tables, a, b, message):
    with pytest.raises(InputError, match=message):
        comparison.compare(a, b, tables)


def test_side_by_side_has_one_column_per_case(tables):
    names = comparison.case_names(tables)
    wide = comparison.side_by_side(comparison.compare("northern_ireland", "colombia", tables), names)
    assert list(wide.columns) == ["Northern Ireland", "Colombia", "unit", "source"]
    assert wide.loc[("Missions", "of which UN-led"), "Colombia"] == "2"


def test_explorer_updates_in_place_and_same_case_gives_message(tables):
    explorer = comparison.ComparisonExplorer(tables)
    figure = explorer.figure
    before = (tuple(figure.data[1].y), explorer.table.value)
    explorer.case_b.value = "sudan"
    assert explorer.figure is figure
    assert (tuple(figure.data[1].y), explorer.table.value) != before
    assert "Sudan" in figure.data[1].name
    shown = tuple(figure.data[1].y)
    explorer.case_b.value = "northern_ireland"
    assert "same case twice" in explorer.message.value
    assert tuple(figure.data[1].y) == shown
    explorer.case_b.value = "cyprus"
    assert explorer.message.value == ""
    assert list(figure.data[1].x) == [] and "no key agreement" in explorer.table.value


def test_learner_tables_have_labels_and_country_names(tables):
    table = comparison.pair_table("northern_ireland", "colombia", tables)
    assert list(table.frame.columns) == ["Theme", "Measure", "Northern Ireland", "Colombia", "Unit", "Source"]
    assert "<NA>" not in repr(table) and "domain" not in repr(table)
    notes = comparison.pair_notes("northern_ireland", "colombia", tables).frame
    assert list(notes.columns) == ["Theme", "Measure", "Case", "Note"]
    assert not notes["Note"].str.contains(r"\bCOL\b|\bGBR\b").any()
    assert notes["Note"].str.contains("United Kingdom as a whole stands in").any()
    explorer = comparison.ComparisonExplorer(tables)
    assert "<th style='text-align:left;padding-right:8px'>Theme</th>" in explorer.table.value
    assert "domain" not in explorer.table.value and ">source<" not in explorer.table.value


def test_explorer_shows_the_notes_with_the_troop_check(tables):
    explorer = comparison.ComparisonExplorer(tables, case_a="timor_leste", case_b="sudan")
    assert "Notes behind the numbers" in explorer.table.value
    assert "S/RES/1410 (2002)" in explorer.table.value
