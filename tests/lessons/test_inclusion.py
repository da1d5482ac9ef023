"""Women in delegations: series kept apart, shares per agreement, and the role explorer."""

from __future__ import annotations

import pytest

from peaceops import data
from peaceops.lessons import inclusion
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


def test_global_table_has_labels_and_no_empty_cells():
    table = inclusion.global_table()
    assert list(table.frame.columns)[:3] == ["Series (source, period)", "Role", "Women's share (%)"]
    assert "<NA>" not in repr(table) and "nan" not in repr(table)
    published = table.frame[table.frame["How obtained"] == "published figure"]
    assert set(published["Agreements counted"]) == {"not stated"}


def test_roles_table_shows_every_role_with_counts_and_gaps(delegations):
    table = inclusion.roles_table(delegations).frame.set_index("Agreement")
    assert list(table.columns) == ["Case", "Year", "Delegates", "Signatories", "Negotiators", "Mediators", "Observers"]
    assert table.loc["Good Friday Agreement", "Signatories"] == "3 of 14"
    assert table.loc["Good Friday Agreement", "Mediators"] == "none listed"
    assert table.loc["Final Agreement (FARC-EP)", "Delegates"] == "0 of 6 (4 gender not identified)"
    assert table.loc["Interim Constitution", "Delegates"] == "no list in PADD"
    assert table.index.is_unique  # labels tell the agreements apart
    # no agreement of the cases lists a woman mediator
    assert all(v.startswith("0 of") or v in ("none listed", "no list in PADD") for v in table["Mediators"])
    text = repr(inclusion.roles_table(delegations))
    assert "<NA>" not in text and "pax_id" not in text


def test_delegates_figure_has_one_bar_per_agreement_with_a_list(delegations):
    fig = inclusion.delegates_figure(delegations)
    listed = delegations["delegates"].notna() & (delegations["delegates"] > 0)
    assert len(fig.data) == 1 and len(fig.data[0].y) == int(listed.sum())
    assert "3 of 14" in fig.data[0].text
    assert any("gender not identified" in t for t in fig.data[0].text)
    assert fig.layout.title.text and fig.layout.xaxis.title.text
