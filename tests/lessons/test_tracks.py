"""Lesson 05 helpers: the case × track matrix and the track explorer."""

from __future__ import annotations

import pytest

from peaceops import data
from peaceops.lessons import tracks
from peaceops.widgets import InputError


@pytest.fixture(scope="module")
def tables():
    return data.load("actors"), data.load("cases")


def test_matrix_keeps_every_track_and_counts_distinct_actors(tables):
    actors, _ = tables
    matrix = tracks.track_matrix(actors)
    assert list(matrix.columns) == list(tracks.TRACKS)
    assert list(matrix.index) == tracks.CASE_ORDER
    # Fr Alec Reid has two roles in Northern Ireland (facilitator, observer): he counts once.
    assert matrix.loc["northern_ireland", "religious"] == 2
    assert matrix.loc["south_africa", "business"] == 1
    assert matrix["funding"].sum() == 0 and matrix["track2"].sum() == 0
    assert matrix.values.sum() == len(actors.drop_duplicates(["case_id", "actor", "track"]))


def test_filters_and_bad_input(tables):
    actors, _ = tables
    sub = tracks.track_matrix(actors, ["religious"], ["colombia", "northern_ireland"])
    assert list(sub.index) == ["northern_ireland", "colombia"] and list(sub.columns) == ["religious"]
    with pytest.raises(InputError, match="at least one track"):
        tracks.track_matrix(actors, [], None)
    with pytest.raises(InputError, match="at least one case"):
        tracks.track_matrix(actors, None, [])
    with pytest.raises(InputError, match="Unknown track"):
        tracks.track_matrix(actors, ["track10"], None)


def test_checked_table_has_totals(tables):
    actors, cases = tables
    table = tracks.track_table(actors, cases)
    assert table.loc["All cases", "Total"] == table["Total"].iloc[:-1].sum()
    assert table.loc["Northern Ireland", "7 · religion"] == 2


def test_heatmap_has_tracks_as_rows_with_horizontal_labels_and_room_for_the_source(tables):
    actors, cases = tables
    fig = tracks.track_heatmap(actors, cases)
    assert list(fig.data[0].y) == list(tracks.TRACKS.values())
    assert fig.data[0].x[0] == "Bosnia and<br>Herzegovina<br>(the<br>Balkans)"  # whole words, never cut
    assert fig.layout.xaxis.tickangle == 0 and fig.layout.xaxis.side == "top"
    assert fig.layout.yaxis.automargin and fig.layout.xaxis.automargin
    assert fig.layout.xaxis.title.text is None  # nothing at the bottom but the source line
    # Fr Alec Reid counts once on track 7 in Northern Ireland (row 'religion', column NI)
    assert fig.data[0].z[list(tracks.TRACKS).index("religious")][tracks.CASE_ORDER.index("northern_ireland")] == 2


def test_roles_by_track_counts_each_role_of_an_actor(tables):
    actors, _ = tables
    ni = tracks.roles_by_track(actors, "northern_ireland")
    assert list(ni.index) == list(tracks.ROLES) and list(ni.columns) == list(tracks.TRACKS)
    assert ni.loc["facilitator", "religious"] == 1 and ni.loc["observer", "religious"] == 2
    assert ni.values.sum() == len(actors[actors["case_id"] == "northern_ireland"])


def test_comparison_names_the_jobs_of_non_official_actors(tables):
    actors, cases = tables
    names = dict(zip(cases["case_id"], cases["name"], strict=True))
    result = tracks.comparison(actors, "sudan", "south_africa", names)
    assert result["jobs"]["sudan"] == {}
    assert set(result["jobs"]["south_africa"]) == {"facilitator", "monitor"}
    assert result["officials_only"]["sudan"] == ["facilitator"]  # the Troika facilitated; no monitor is recorded
    text = tracks.comparison_html(result)
    assert "Consultative Business Movement (3 · business)" in text and "every one on track 1" in text
    assert result["nobody"]["sudan"] == ["monitor"]
    assert "Nobody at all is recorded here in the job(s) that non-official actors did in South Africa: monitor." in text


def test_explorer_compares_two_cases_in_place(tables):
    actors, cases = tables
    explorer = tracks.TrackExplorer(actors, cases)
    figure = explorer.figure
    assert explorer.first.description == "First case" and explorer.second.description == "Second case"
    assert len(figure.data) == 2 * len(tracks.TRACKS)
    religious = list(tracks.TRACKS).index("religious")
    assert list(figure.data[religious].x)[list(tracks.ROLES).index("observer")] == 2  # NI: Reid and Good
    explorer.first.value = "cyprus"  # what a learner does
    assert explorer.figure is figure, "the figure must be updated, not replaced"
    assert sum(figure.data[religious].x) == 0
    assert "Cyprus" in figure.layout.annotations[0].text and "Cyprus" in figure.layout.title.text
    assert "Consultative Business Movement" in explorer.list.value and "Kofi Annan" in explorer.list.value
    assert "no non-official actor is recorded" in explorer.summary.value
    assert explorer.message.value == ""
    assert explorer.show("colombia", "northern_ireland") is True
    assert "Colombian Episcopal Conference" in explorer.summary.value


def test_explorer_same_or_empty_choice_gives_a_message_and_keeps_the_figure(tables):
    actors, cases = tables
    explorer = tracks.TrackExplorer(actors, cases)
    before = [list(t.x) for t in explorer.figure.data]
    explorer.second.value = "northern_ireland"  # the same as the first case
    assert "two different cases" in explorer.message.value
    assert [list(t.x) for t in explorer.figure.data] == before
    assert explorer.show(None) is False and "Choose a case" in explorer.message.value
    assert explorer.show("atlantis", "cyprus") is False and "Unknown case" in explorer.message.value
    explorer.second.value = "cyprus"
    assert explorer.message.value == ""


def test_comparison_bars_overlay_their_patterns_on_the_track_colour(tables):
    actors, cases = tables
    fig = tracks.comparison_figure(actors, "northern_ireland", "south_africa")
    assert all(t.marker.pattern.fillmode == "overlay" for t in fig.data if t.marker.pattern.shape)
