"""Coalition tables, figures and the coalition explorer (lesson 07)."""

from __future__ import annotations

import pytest

from peaceops import coalitions, data


@pytest.fixture(scope="module")
def tables():
    return data.load("actors"), data.load("missions"), data.load("cases")


@pytest.fixture(scope="module")
def entries(tables):
    return coalitions.coalition(*tables)


@pytest.fixture
def explorer(entries, tables):
    return coalitions.CoalitionExplorer(entries, tables[2], initial="balkans")


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


def test_choosing_a_case_updates_the_figure_in_place(explorer):
    figure = explorer.figure
    before = (tuple(figure.data[0].x), tuple(figure.data[0].y))
    explorer.dropdown.value = "sudan"  # what a learner does
    assert explorer.figure is figure, "the figure must be updated, not replaced"
    assert (tuple(figure.data[0].x), tuple(figure.data[0].y)) != before
    assert "IGAD" in " ".join(figure.data[0].customdata)
    assert "Sudan" in figure.layout.title.text
    assert "UNAMID" in explorer.table.value


def test_include_filter_updates_in_place(explorer):
    figure = explorer.figure
    explorer.include.value = "missions"
    assert explorer.figure is figure
    assert set(figure.data[0].x) == {"runs an operation"}


def test_filter_with_nothing_left_gives_a_message(explorer):
    before = tuple(explorer.figure.data[0].x)
    assert explorer.show("northern_ireland", "missions") is False
    assert "no peace operation" in explorer.message.value
    assert tuple(explorer.figure.data[0].x) == before


@pytest.mark.parametrize("bad", ["", None, "atlantis"])
def test_bad_case_gives_a_message_not_a_traceback(explorer, bad):
    assert explorer.show(bad) is False
    assert explorer.message.value


def test_empty_dropdown_gives_a_message(explorer):
    explorer.dropdown.value = None
    assert "Choose a case" in explorer.message.value
