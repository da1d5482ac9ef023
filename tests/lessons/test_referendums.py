"""Referendum tables and the referendum explorer (lesson 06): controls changed as a learner would."""

from __future__ import annotations

import re

import pytest

from peaceops import data
from peaceops.lessons import referendums


@pytest.fixture(scope="module")
def table():
    return data.load("referendums")


@pytest.fixture
def explorer(table):
    return referendums.ReferendumExplorer(table, initial="gfa_1998")


def test_key_figures_are_the_sourced_numbers_in_date_order(table):
    kf = referendums.key_figures(table)
    assert list(kf.index.names) == ["Vote", "Electorate"]  # labels, not index numbers
    assert list(kf.columns) == ["Yes %", "No %", "Turnout %", "Result"]
    assert len(kf) == len(table)
    assert kf.index[0][0].startswith("Good Friday")
    colombia = kf.loc[("Colombia peace plebiscite (2016)", "Colombia")]
    assert (colombia["Yes %"], colombia["No %"], colombia["Turnout %"]) == ("49.78", "50.22", "37.43")
    assert colombia["Result"] == "Rejected"
    assert kf.loc[("Annan Plan referendums, Cyprus (2004)", "Turkish Cypriot community"), "Turnout %"] == "87"


def test_key_figures_say_no_data_for_a_missing_figure(table):
    damaged = table.copy()
    damaged.loc[damaged["referendum_id"] == "south_sudan_2011", "turnout_percent"] = float("nan")
    kf = referendums.key_figures(damaged)
    assert kf.loc[("Southern Sudan independence referendum (2011)", "Southern Sudan (incl. diaspora)"),
                  "Turnout %"] == "no data"
    assert "<NA>" not in kf.to_string() and not re.search(r"\bnan\b", kf.to_string(), re.I)


def test_milestones_table_labels_dates_and_undated_years():
    table = referendums.milestones_table(data.load("milestones"))
    assert table.index.name == "Date" and list(table.columns) == ["Milestone", "What happened"]
    assert list(table.index) == ["14 September 1991", "1999 (day not given)", "2 October 2016", "24 November 2016"]
    assert "1,200 to 1,500" in table.loc["1999 (day not given)", "What happened"]
    with pytest.raises(referendums.InputError, match="no milestone xx_missing"):
        referendums.milestones_table(data.load("milestones"), ("xx_missing",))


def test_registered_shares_multiply_by_turnout(table):
    rows = referendums.vote_rows(table, "colombia_plebiscite_2016")
    shares = referendums.registered_shares(rows).iloc[0]
    assert shares["Yes, % of registered (approx.)"] == pytest.approx(18.6)
    assert shares["Did not vote %"] == pytest.approx(62.6)


def test_agreement_to_vote_uses_milestones(table):
    gaps = referendums.agreement_to_vote(table, data.load("milestones"))
    assert gaps.index.name == "Vote" and gaps.loc["Colombia peace plebiscite (2016)", "Vote held"] == "2 October 2016"
    days = gaps["Days between"]
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


def test_patterned_bars_keep_their_colour(table):
    # plotly's default pattern fill ('replace') draws a white pattern on a transparent bar: the
    # 'No' and 'Turnout' bars vanished. 'overlay' lays the pattern over the bar's colour.
    fig = referendums.vote_figure(referendums.vote_rows(table, "gfa_1998"))
    for trace in fig.data:
        if trace.marker.pattern.shape:
            assert trace.marker.pattern.fillmode == "overlay", trace.name
