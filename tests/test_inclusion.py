"""Women in delegations: series kept apart, shares per agreement, and the role explorer."""

from __future__ import annotations

import pytest

from peaceops import data, inclusion
from peaceops.widgets import InputError


@pytest.fixture(scope="module")
def delegations():
    return data.load("women_in_delegations")


def test_global_table_keeps_series_and_periods_apart():
    table = inclusion.global_shares().reset_index()
    assert set(table["period"]) == {"1990–2020", "1992–2019", "1990–2017"}
    for series, rows in table.groupby("series"):
        assert rows["period"].nunique() == 1
        assert rows["period"].iloc[0] in series
    cfr = table[table["series"].str.startswith("Council")].set_index("measure")["share (%)"]
    assert cfr.to_dict() == {"women among mediators": 6.0, "women among negotiators": 13.0,
                             "women among signatories": 6.0}


def test_global_figure_has_one_trace_per_series():
    fig = inclusion.global_shares_figure()
    assert len(fig.data) == 3
    assert all("–" in t.name for t in fig.data)


def test_role_shares(delegations):
    gfa = inclusion.role_shares(delegations, "signatories", "northern_ireland").iloc[0]
    assert (gfa["people"], gfa["women"], gfa["share_percent"]) == (14, 3, 21.4)
    colombia = inclusion.role_shares(delegations, "delegates", "colombia").set_index("pax_id")
    assert colombia.loc[1845, "gender_unknown"] == 4
    assert 163 not in colombia.index  # no delegate list: no share
    with pytest.raises(InputError, match="no mediators"):
        inclusion.role_shares(delegations, "mediators", "northern_ireland")
    with pytest.raises(InputError, match="Unknown role"):
        inclusion.role_shares(delegations, "chefs")


def test_short_name():
    assert inclusion.short_name("Agreement (Owen-Stoltenberg Peace Plan, or 'Invincible plan')") == \
        "Owen-Stoltenberg Peace Plan"


def test_role_explorer_updates_in_place_and_reports_bad_input(delegations):
    explorer = inclusion.RoleExplorer(delegations)
    figure = explorer.figure
    before = tuple(figure.data[0].x)
    explorer.role.value = "signatories"
    assert explorer.figure is figure
    assert tuple(figure.data[0].x) != before
    assert "signatories" in figure.layout.title.text
    explorer.case.value = "northern_ireland"
    shown = tuple(figure.data[0].x)
    explorer.role.value = "mediators"
    assert "no mediators" in explorer.message.value
    assert tuple(figure.data[0].x) == shown
