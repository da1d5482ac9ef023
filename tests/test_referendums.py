"""Referendum tables and the referendum explorer (lesson 06): controls changed as a learner would."""

from __future__ import annotations

import pytest

from peaceops import data, referendums


@pytest.fixture(scope="module")
def table():
    return data.load("referendums")


@pytest.fixture
def explorer(table):
    return referendums.ReferendumExplorer(table, initial="gfa_1998")


def test_key_figures_are_the_sourced_numbers_in_date_order(table):
    kf = referendums.key_figures(table)
    assert list(kf.columns) == ["Vote", "Electorate", "Yes %", "No %", "Turnout %"]
    assert len(kf) == len(table)
    assert kf["Vote"].iloc[0].startswith("Good Friday")
    colombia = kf[kf["Electorate"] == "Colombia"].iloc[0]
    assert (colombia["Yes %"], colombia["No %"], colombia["Turnout %"]) == (49.78, 50.22, 37.43)


def test_registered_shares_multiply_by_turnout(table):
    rows = referendums.vote_rows(table, "colombia_plebiscite_2016")
    shares = referendums.registered_shares(rows).iloc[0]
    assert shares["Yes, % of registered (approx.)"] == pytest.approx(18.6)
    assert shares["Did not vote %"] == pytest.approx(62.6)


def test_agreement_to_vote_uses_milestones(table):
    days = referendums.agreement_to_vote(table, data.load("milestones")).set_index("Vote")["Days between"]
    assert days["Colombia peace plebiscite (2016)"] == 6
    assert days["Good Friday Agreement referendums (1998)"] == 42


def test_choosing_a_vote_updates_the_figure_in_place(explorer):
    figure = explorer.figure
    before = tuple(figure.data[0].y)
    explorer.dropdown.value = "annan_plan_2004"  # what a learner does
    assert explorer.figure is figure, "the figure must be updated, not replaced"
    assert tuple(figure.data[0].y) != before
    assert list(figure.data[0].x) == ["Greek Cypriot community", "Turkish Cypriot community"]
    assert list(figure.data[0].y) == [24.17, 64.91]
    assert "Annan" in figure.layout.title.text
    assert "Reject the plan" in explorer.note.value
    assert explorer.message.value == ""


def test_measure_toggle_shows_shares_of_registered_voters(explorer):
    figure = explorer.figure
    explorer.show("colombia_plebiscite_2016")
    explorer.measure.value = "registered"
    assert explorer.figure is figure
    assert figure.data[2].name == "Did not vote"
    assert list(figure.data[0].y) == [pytest.approx(18.6)]


def test_timor_note_says_no_meant_independence(explorer):
    assert explorer.show("timor_consultation_1999") is True
    assert "independence" in explorer.note.value


@pytest.mark.parametrize("bad", ["", None, "atlantis_2099"])
def test_bad_choice_gives_a_message_not_a_traceback(explorer, bad):
    before = tuple(explorer.figure.data[0].y)
    assert explorer.show(bad) is False
    assert explorer.message.value
    assert tuple(explorer.figure.data[0].y) == before


def test_empty_dropdown_gives_a_message(explorer):
    explorer.dropdown.value = None
    assert "Choose a vote" in explorer.message.value


def test_missing_figures_are_refused_with_a_message(table):
    damaged = table.copy()
    damaged.loc[damaged["referendum_id"] == "south_sudan_2011", "turnout_percent"] = float("nan")
    with pytest.raises(referendums.InputError, match="no confirmed"):
        referendums.vote_rows(damaged, "south_sudan_2011")
    explorer = referendums.ReferendumExplorer(damaged, initial="gfa_1998")
    assert explorer.show("south_sudan_2011") is False
    assert "no confirmed" in explorer.message.value


def test_turnout_figure_has_a_year_axis_and_both_outcomes(table):
    fig = referendums.turnout_figure(table)
    assert fig.layout.xaxis.tickformat == "d"
    assert {t.name for t in fig.data} == {referendums.YES_MAJORITY, referendums.NO_MAJORITY}
    assert fig.layout.title.text and fig.layout.yaxis.title.text
