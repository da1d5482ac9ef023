"""Coalition tables, figures and the coalition explorer (lesson 07)."""

from __future__ import annotations

import pytest

from peaceops import data
from peaceops.lessons import coalitions


@pytest.fixture(scope="module")
def tables():
    return data.load("actors"), data.load("missions"), data.load("cases")


@pytest.fixture(scope="module")
def entries(tables):
    return coalitions.coalition(*tables)


@pytest.fixture
def explorer(entries, tables):
    return coalitions.CoalitionExplorer(entries, tables[2])


def test_every_actor_and_operation_is_one_entry(entries, tables):
    actors, missions, _ = tables
    assert len(entries) == len(actors) + len(missions)
    assert entries["org_type"].notna().all()
    assert set(entries["org_type"]) <= set(coalitions.TYPES)


def test_case_by_type_counts_add_up(entries):
    table = coalitions.case_by_type(entries)
    assert list(table.columns) == [*coalitions.TYPES, "Total"]
    assert table["Total"].sum() == len(entries)
    assert (table.drop(columns="Total").sum(axis=1) == table["Total"]).all()
    assert table.loc["Northern Ireland", "UN"] == 0  # no UN operation or actor listed


def test_unknown_code_is_named(tables):
    actors, missions, cases = tables
    odd = missions.copy()
    odd.loc[0, "organisation"] = "ECOWAS"
    with pytest.raises(ValueError, match="ECOWAS"):
        coalitions.coalition(actors, odd, cases)


def test_handover_figure_uses_integer_years(tables):
    fig = coalitions.handover_figure(tables[1], this_year=2026)
    assert fig.layout.xaxis.tickformat == "d"
    assert {"UN", "Regional organisation", "State or coalition of states"} <= {
        t.name.replace("Led by: ", "") for t in fig.data}


def test_matrix_figure_writes_counts_in_cells(entries):
    fig = coalitions.matrix_figure(entries)
    assert fig.data[0].texttemplate == "%{text}"
    assert fig.layout.xaxis.title.text and fig.layout.yaxis.title.text


def test_the_grid_covers_every_case_and_listed_role(entries):
    grid = coalitions.role_grid(entries)
    assert len(grid) == 7 * len(set(grid["Role"]))
    assert "party" not in set(grid["Role"]) and "funder" not in set(grid["Role"])  # never listed: no empty column
    assert set(grid["Status"]) <= set(coalitions.STATUS)
    assert "left with no one" not in set(grid["Status"])  # nothing is taken away yet
    filled = grid[grid["Status"] != "not listed"]
    assert filled["Entries left"].sum() == (entries["role"] != "party").sum()


def test_taking_the_un_away_empties_cyprus_roles(entries):
    found = coalitions.gaps(coalitions.role_grid(entries, "un"))
    assert found["Cyprus"] == ["convener", "monitor", "runs an operation"]
    assert "Northern Ireland" not in found  # no UN entry to take away
    # the envoys the UN appointed are coded as individuals: only the second choice takes them away
    with_envoys = coalitions.gaps(coalitions.role_grid(entries, "un_envoys"))
    assert {"mediator", "facilitator"} <= set(with_envoys["Cyprus"])
    assert "mediator" in with_envoys["Timor-Leste"]


def test_un_envoys_are_in_the_actors_table(entries):
    assert set(coalitions.UN_ENVOYS) <= set(entries["name"]), "an envoy was renamed in data/actors.csv"
    assert set(entries.loc[entries["name"].isin(coalitions.UN_ENVOYS), "org_type"]) == {"Individual envoy or chair"}


def test_summary_names_the_roles_left_empty(entries):
    text = coalitions.summary_text(coalitions.role_grid(entries, "states"), "states")
    assert text.startswith("Without states and coalitions of states, 9 roles in 5 cases")
    assert "Sudan and South Sudan (facilitator, convener, guarantor)" in text
    assert "one kind of partner only" in coalitions.summary_text(coalitions.role_grid(entries), "none")
    # a choice that leaves every role filled says so
    two_kinds = entries[entries["case_id"] == "balkans"]
    assert "still has someone" in coalitions.summary_text(coalitions.role_grid(two_kinds, "regional"), "regional")


def test_taking_away_updates_the_figure_in_place(explorer):
    figure = explorer.figure
    before = (tuple(map(tuple, figure.data[0].z)), tuple(map(tuple, figure.data[0].text)))
    explorer.without.value = "un"  # what a learner does
    assert explorer.figure is figure, "the figure must be updated, not replaced"
    assert (tuple(map(tuple, figure.data[0].z)), tuple(map(tuple, figure.data[0].text))) != before
    assert "without the UN" in figure.layout.title.text
    assert "none left" in {t for row in figure.data[0].text for t in row}
    assert "Cyprus (convener, monitor, runs an operation)" in explorer.summary.value
    assert "UNFICYP" in explorer.summary.value  # the entries taken away, with their sources
    assert explorer.message.value == ""


def test_legend_names_every_status(explorer):
    assert [t.name for t in explorer.figure.data[1:]] == list(coalitions.STATUS)


@pytest.mark.parametrize("bad", ["", None, "atlantis"])
def test_bad_choice_gives_a_message_not_a_traceback(explorer, bad):
    z = tuple(map(tuple, explorer.figure.data[0].z))
    assert explorer.show(bad) is False
    assert explorer.message.value
    assert tuple(map(tuple, explorer.figure.data[0].z)) == z


def test_empty_dropdown_gives_a_message(explorer):
    explorer.without.value = None
    assert "Choose a kind of partner" in explorer.message.value
