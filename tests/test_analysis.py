"""The shared computations: deaths by year with honest statuses, and before/after windows."""

from __future__ import annotations

import pandas as pd
import pytest

from peaceops import analysis
from peaceops.data import load

YEARS = pd.DataFrame(
    {
        "case_id": ["x", "x", "x", "x", "y"],
        "conflict_id": [1, 2, 1, 1, 9],
        "year": [1985, 1995, 1995, 1997, 1995],
        "bd_low": [pd.NA, 10, 20, 30, 1],
        "bd_best": [pd.NA, 15, 25, 35, 1],
        "bd_high": [pd.NA, 20, 30, 40, 1],
    }
).astype({"bd_low": "Int64", "bd_best": "Int64", "bd_high": "Int64"})


def test_deaths_by_year_sums_conflicts_and_labels_every_year():
    out = analysis.deaths_by_year(YEARS, "x", 1984, 2023).set_index("year")
    assert out.loc[1995, "bd_best"] == 40 and out.loc[1995, "conflicts_active"] == 2
    assert out.loc[1995, "bd_low"] == 30 and out.loc[1995, "bd_high"] == 50
    assert out.loc[1985, "status"] == "active, no estimate"
    assert out.loc[1996, "status"] == "below threshold" and pd.isna(out.loc[1996, "bd_best"])
    assert out.loc[2022, "status"] == "not covered"
    assert set(out["status"]) <= set(analysis.STATUSES)
    assert len(out) == 40


def test_before_after_windows():
    out = analysis.before_after(YEARS, "x", 1996, 2).set_index("period")
    assert out.loc["before", "bd_best"] == 40 and out.loc["before", "years_with_estimate"] == 1
    assert out.loc["after", "bd_best"] == 35
    assert pd.isna(out.loc["event year", "bd_best"]) and out.loc["event year", "years_active"] == 0
    assert (out["bd_low"].fillna(0) <= out["bd_best"].fillna(0)).all()


@pytest.mark.parametrize(("start", "end", "window"), [(2000, 1999, 1)])
def test_bad_windows_raise_clear_errors(start, end, window):
    with pytest.raises(ValueError, match="choose a start before the end"):
        analysis.deaths_by_year(YEARS, "x", start, end)
    with pytest.raises(ValueError, match="choose 1 year or more"):
        analysis.before_after(YEARS, "x", 1996, 0)


def test_on_the_real_data_colombia_2002_matches_ucdp():
    years = analysis.deaths_by_year(load("conflict_years"), "colombia", 2002, 2002)
    assert tuple(years.loc[0, ["bd_low", "bd_best", "bd_high"]]) == (2695, 2751, 3273)


def test_agreement_year():
    cases = load("cases")
    assert analysis.agreement_year(cases, "northern_ireland") == 1998
    assert analysis.agreement_year(cases, "cyprus") is None
    with pytest.raises(ValueError, match="Unknown case"):
        analysis.agreement_year(cases, "atlantis")
