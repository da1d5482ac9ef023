"""Lesson 03 helpers: process durations, mediator types, and the negotiation timeline explorer."""

from __future__ import annotations

import pandas as pd
import pytest

from peaceops import data
from peaceops.lessons import mediation


@pytest.fixture(scope="module")
def tables():
    return data.load("milestones"), data.load("actors"), data.load("cases")


def test_durations_start_at_the_first_talks_row(tables):
    milestones, _, cases = tables
    frame = mediation.process_durations(milestones, cases).set_index("case_id")
    assert frame.loc["northern_ireland", "Talks begin"] == "Hume-Adams talks begin"
    assert frame.loc["northern_ireland", "Years"] == pytest.approx(10.2)
    assert frame.loc["colombia", "Talks date"] == "23 Feb 2012"
    assert frame.loc["colombia", "Signed"] == "24 Nov 2016"
    assert frame.loc["timor_leste", "Years"] == pytest.approx(16.4)
    assert frame.loc["south_africa", "Years"] == pytest.approx(3.5)


def test_year_only_starts_are_flagged_and_cyprus_has_no_settlement(tables):
    milestones, _, cases = tables
    frame = mediation.process_durations(milestones, cases).set_index("case_id")
    assert frame.loc["sudan", "precision"] == "year only (± 0.5)"
    assert frame.loc["sudan", "Talks date"] == "1993 (year only)"
    assert frame.loc["cyprus", "Settlement"] == "none"
    assert pd.isna(frame.loc["cyprus", "Years"])


def test_last_round_is_shorter_than_the_whole_process(tables):
    milestones, _, cases = tables
    first = mediation.process_durations(milestones, cases, "first").set_index("case_id")
    last = mediation.process_durations(milestones, cases, "last").set_index("case_id")
    assert last.loc["balkans", "Talks begin"] == "Dayton proximity talks open"
    assert last.loc["balkans", "Years"] == pytest.approx(0.1)
    for case in ("balkans", "northern_ireland", "south_africa", "colombia"):
        assert last.loc[case, "Years"] < first.loc[case, "Years"]
    with pytest.raises(ValueError, match="first' or 'last"):
        mediation.process_durations(milestones, cases, "middle")


def test_durations_table_is_the_checked_table(tables):
    milestones, _, cases = tables
    table = mediation.durations_table(milestones, cases)
    assert list(table.index)[0] == "Bosnia and Herzegovina (the Balkans)"
    assert {"Talks date", "Signed", "Years", "Dated to"} <= set(table.columns)
    assert table.loc["Cyprus", "Years"] == "no settlement" and table.loc["Cyprus", "Signed"] == "not signed"
    assert table.loc["Sudan and South Sudan", "Dated to"] == "the year only (± 0.5 years)"
    assert not table.isna().any().any() and not (table == "").any().any()  # no <NA>, no empty cell


def test_compare_clocks_sets_the_two_starts_side_by_side(tables):
    milestones, _, cases = tables
    table = mediation.compare_clocks(milestones, cases)
    assert table.loc["Bosnia and Herzegovina (the Balkans)", "Years from the first talks"] == "3.5"
    assert table.loc["Bosnia and Herzegovina (the Balkans)", "Years from the final round"] == "0.1"
    assert table.loc["Sudan and South Sudan", "Years from the final round"] == "11.5"  # one talks row only
    assert table.loc["Timor-Leste", "Final round opens"] == "Indonesia-Portugal talks resume, 1992 (year only)"
    assert table.loc["Cyprus", "Years from the final round"] == "no settlement"
    assert not table.isna().any().any()


def test_mediator_types_counts(tables):
    _, actors, cases = tables
    table = mediation.mediator_types(actors, cases)
    assert table.loc["Sudan and South Sudan", "State"] == 3  # the Troika, as facilitators
    assert table.loc["South Africa", "Business group"] == 1
    assert int(table.values.sum()) == int(actors["role"].isin(["mediator", "facilitator"]).sum())


def test_figures_have_titles_and_sources(tables):
    milestones, actors, cases = tables
    for fig in (mediation.durations_figure(milestones, cases), mediation.mediator_types_figure(actors, cases)):
        assert fig.layout.title.text
        assert any(getattr(a, "name", None) == "source" for a in fig.layout.annotations)


@pytest.mark.parametrize("text,expected", [
    ("1995", (1995, 1995)), ("1994–1995", (1994, 1995)), ("1964–present", (1964, 2026)), (None, None), ("", None),
])
def test_parse_years(text, expected):
    assert mediation.parse_years(text, 2026) == expected


def test_explorer_updates_in_place(tables):
    milestones, actors, cases = tables
    explorer = mediation.NegotiationExplorer(milestones, actors, cases, initial="balkans", this_year=2026)
    figure = explorer.figure
    assert explorer.case.description == "Case" and explorer.roles.description == "Show"
    assert "Richard Holbrooke" in explorer.table.value
    talks_before = tuple(figure.data[0].x)
    explorer.case.value = "northern_ireland"  # as a learner does
    assert explorer.figure is figure, "the figure must be updated, not replaced"
    assert tuple(figure.data[0].x) != talks_before
    assert "Northern Ireland" in figure.layout.title.text
    assert "George Mitchell" in explorer.table.value
    assert any("Mitchell" in str(y) for y in figure.data[len(mediation.CATEGORY_STYLE)].y)
    explorer.roles.value = "Guarantors and conveners"
    assert "UK government" in explorer.table.value and "George Mitchell" not in explorer.table.value
    assert explorer.message.value == ""


def test_explorer_bad_input_gives_a_message(tables):
    milestones, actors, cases = tables
    explorer = mediation.NegotiationExplorer(milestones, actors, cases, initial="cyprus", this_year=2026)
    before = tuple(explorer.figure.data[0].x)
    explorer.case.value = None
    assert explorer.refresh() is False or "Choose a case" in explorer.message.value
    assert "Choose a case" in explorer.message.value
    assert tuple(explorer.figure.data[0].x) == before


def test_durations_figure_shows_every_bar_from_its_first_talks():
    from peaceops.data import load
    from peaceops.lessons import mediation

    milestones = load("milestones")
    fig = mediation.durations_figure(milestones, load("cases"))
    start = mediation.process_durations(milestones, load("cases"), "first")["start_x"].min()
    assert fig.layout.xaxis.range[0] <= start, "the earliest bar (Cyprus, 1964) must not be cut off"
