"""Lesson 00's case explorer and case card: callbacks called directly, as the controls would."""

from __future__ import annotations

import pytest

from peaceops.lessons import introduction


@pytest.fixture
def explorer():
    return introduction.CaseExplorer(this_year=2026, initial="balkans", second="colombia")


def _rows(explorer):
    return list(explorer.figure.layout.yaxis.categoryarray)[::-1]  # top to bottom


def test_explorer_starts_on_the_two_chosen_cases(explorer):
    assert explorer.dropdown.value == "balkans" and explorer.second.value == "colombia"
    assert explorer.dropdown.description == "First case" and explorer.second.description == "Second case"
    assert explorer.align.description == "Time axis" and explorer.align.value == "calendar"
    assert "Dayton" in explorer.cards.children[0].value and "Colombia" in explorer.cards.children[1].value
    assert list(explorer.figure.data[0].x)[:2] == [1992, 1995.999]  # the first case's conflict years
    assert _rows(explorer)[0] == "Balkans · conflict years" and "Colombia · UNVMC" in _rows(explorer)
    assert explorer.QUESTION in explorer.table.value


def test_choosing_a_case_updates_the_figure_in_place(explorer):
    figure = explorer.figure
    before = (tuple(figure.data[0].x), tuple(figure.data[2].y))
    explorer.dropdown.value = "cyprus"  # what a learner does; the observer redraws
    assert explorer.figure is figure, "the figure must be updated, not replaced"
    assert (tuple(figure.data[0].x), tuple(figure.data[2].y)) != before
    assert list(figure.data[0].x)[:6] == [1963, 1964.999, None, 1974, 1974.999, None]  # 1963–1964; 1974
    assert "Cyprus · UNFICYP" in figure.data[2].y
    assert len(figure.data[1].x) == 1  # only Colombia's agreement to mark
    assert "Cyprus" in figure.layout.title.text and "Colombia" in figure.layout.title.text
    assert "Unresolved" in explorer.cards.children[0].value
    assert explorer.message.value == ""


def test_the_time_axis_lines_the_cases_up_on_their_agreement(explorer):
    explorer.align.value = "agreement"
    assert explorer.message.value == ""
    assert [round(x, 6) for x in explorer.figure.data[1].x] == [0, 0]  # both agreements at 0
    timing = explorer.timing("balkans").set_index("mission")
    assert timing.loc["UNPROFOR", "agreement"] == "3.8 years before"
    assert timing.loc["IFOR", "agreement"] == "6 days after" and timing.loc["IFOR", "organisation"] == "NATO"
    colombia = explorer.timing("colombia").set_index("mission")
    assert colombia.loc["UNMC", "agreement"] == "10 months before"
    assert colombia.loc["UNMC", "fighting"] == "the year after the last conflict year (2015)"
    assert "Years before (−) and after (+)" in explorer.figure.layout.xaxis.title.text


def test_the_sentences_follow_the_conflict_years_as_stated(explorer):
    balkans = explorer.timing("balkans").set_index("mission")
    assert balkans.loc["UNPROFOR", "fighting"] == "during the conflict years (1992–1995)"
    assert balkans.loc["IFOR", "fighting"] == "in the last conflict year (1995)"  # after Dayton, not "during"
    cyprus = explorer.timing("cyprus").set_index("mission")
    assert cyprus.loc["UNFICYP", "fighting"] == "during the conflict years (1963–1964; 1974)"
    case = explorer.cases.set_index("case_id").loc["cyprus"].copy()
    assert introduction.CaseExplorer.spans(case) == [(1963, 1964), (1974, 1974)]


def test_a_case_with_no_mission_is_named_in_the_table(explorer):
    assert explorer.compare("northern_ireland", "colombia") is True
    assert "Northern Ireland</b>: no peace operation" in explorer.table.value
    assert "Colombia</b>: no peace operation" not in explorer.table.value


def test_a_case_without_an_agreement_cannot_be_lined_up_on_one(explorer):
    explorer.align.value = "agreement"
    x_before = tuple(explorer.figure.data[0].x)
    explorer.dropdown.value = "cyprus"
    assert "no key agreement" in explorer.message.value
    assert tuple(explorer.figure.data[0].x) == x_before  # figure kept
    assert explorer.compare("northern_ireland", "colombia", "conflict") is True
    assert [round(x) for x in explorer.figure.data[1].x] == [27, 53]  # years from the first conflict year


def test_the_same_case_twice_gives_a_message(explorer):
    explorer.second.value = "balkans"
    assert "two different cases" in explorer.message.value


def test_show_is_the_callback_for_the_first_case(explorer):
    assert explorer.show("sudan") is True
    assert explorer.dropdown.value == "sudan"
    assert "Sudan · UNMISS" in explorer.figure.data[2].y
    assert explorer.message.value == ""
    assert explorer.show("colombia") is True and explorer.second.value != "colombia"


@pytest.mark.parametrize("bad", ["", None])
def test_empty_choice_gives_a_message_not_a_traceback(explorer, bad):
    x_before = tuple(explorer.figure.data[0].x)
    assert explorer.show(bad) is False
    assert "Choose a case" in explorer.message.value
    assert tuple(explorer.figure.data[0].x) == x_before


def test_unknown_case_gives_a_message_naming_the_choices(explorer):
    assert explorer.show("atlantis") is False
    assert "Unknown case" in explorer.message.value and "cyprus" in explorer.message.value
    assert explorer.compare("balkans", "atlantis") is False and "Unknown case" in explorer.message.value


def test_card_escapes_text_and_links_sources(explorer):
    card = introduction.case_card(explorer.cases.iloc[0])
    assert '<a href="http' in card and 'rel="noopener"' in card
