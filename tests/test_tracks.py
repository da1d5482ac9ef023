"""Lesson 05 helpers: the case × track matrix and the track explorer."""

from __future__ import annotations

import pytest

from peaceops import data, tracks
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


def test_explorer_updates_in_place(tables):
    actors, cases = tables
    explorer = tracks.TrackExplorer(actors, cases)
    figure = explorer.figure
    assert explorer.tracks.description == "Tracks" and explorer.cases.description == "Cases"
    z_before = [list(r) for r in figure.data[0].z]
    explorer.tracks.value = ("religious", "business", "civil_society")
    assert explorer.figure is figure, "the figure must be updated, not replaced"
    assert [list(r) for r in figure.data[0].z] != z_before
    assert list(figure.data[0].x) == ["3 · business", "4 · citizens", "7 · religion"]
    assert "Fr Alec Reid" in explorer.list.value and "Richard Holbrooke" not in explorer.list.value
    explorer.cases.value = ("south_africa",)
    assert list(figure.data[0].y) == ["South Africa"]
    assert "Consultative Business Movement" in explorer.list.value
    assert explorer.message.value == ""


def test_explorer_empty_or_no_data_gives_a_message(tables):
    actors, cases = tables
    explorer = tracks.TrackExplorer(actors, cases)
    z_before = [list(r) for r in explorer.figure.data[0].z]
    explorer.tracks.value = ()
    assert "Choose at least one track" in explorer.message.value
    explorer.tracks.value = ("funding",)
    assert "No actor" in explorer.message.value
    assert [list(r) for r in explorer.figure.data[0].z] == z_before
    explorer.tracks.value = ("track1",)
    assert explorer.message.value == ""
