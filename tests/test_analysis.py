"""The shared computations: deaths by year with honest statuses, and before/after windows."""

from __future__ import annotations

from pathlib import Path

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


TROOPS = pd.DataFrame({
    "mission": ["OLD", "OLD", "NEW", "NEW", "OTHER"],
    "case_id": ["x"] * 5,
    "year": [2010, 2011, 2011, 2012, 2011],
    "troops_estimate": [9000, 8000, 5000, 7000, 1000],
    "locations": [1] * 5,
})
MISSIONS = pd.DataFrame({"mission": ["OLD", "NEW", "OTHER"], "predecessor": [None, "OLD", None],
                         "start_year": [2005, 2011, 2011]})
CEILINGS = pd.DataFrame({
    "mission": ["OLD", "NEW", "NEW"],
    "resolution": ["S/RES/1 (2005)", "S/RES/2 (2011)", "S/RES/3 (2012)"],
    "adopted": pd.to_datetime(["2005-03-24", "2011-07-08", "2012-12-20"]),
    "military_ceiling": [7500, 7000, 6500],
})


def test_a_hand_over_year_counts_the_larger_of_predecessor_and_successor_not_both():
    out = analysis.troops_by_year(TROOPS, MISSIONS, "x").set_index("year")
    assert out.loc[2011, "troops_estimate"] == 9000  # OLD 8,000 + OTHER 1,000; NEW's 5,000 left out
    assert "NEW (5,000, hand-over year)" in out.loc[2011, "not_counted"]
    assert out.loc[2011, "counted"] == "OLD, OTHER"
    assert out.loc[2010, "troops_estimate"] == 9000 and out.loc[2012, "troops_estimate"] == 7000


def test_without_a_predecessor_column_missions_are_summed():
    out = analysis.troops_by_year(TROOPS, MISSIONS[["mission"]], "x").set_index("year")
    assert out.loc[2011, "troops_estimate"] == 14000


def test_estimates_above_the_ceiling_in_force_are_flagged():
    checks = analysis.troop_checks(TROOPS, CEILINGS).set_index(["mission", "year"])
    assert checks.loc[("OLD", 2010), "above_ceiling"]  # 9,000 > 7,500
    assert checks.loc[("OLD", 2010), "ceiling_resolution"] == "S/RES/1 (2005)"
    # in 2012 both the 7,000 of 2011 and the 6,500 adopted in December were in force: the higher counts
    assert checks.loc[("NEW", 2012), "military_ceiling"] == 7000 and not checks.loc[("NEW", 2012), "above_ceiling"]
    assert pd.isna(checks.loc[("OTHER", 2011), "above_ceiling"])  # no ceiling known: no verdict
    out = analysis.troops_by_year(TROOPS, MISSIONS, "x", CEILINGS).set_index("year")
    assert out.loc[2010, "above_ceiling"].startswith("OLD (estimate 9,000; ceiling 7,500, S/RES/1 (2005))")


def test_a_ceiling_set_during_a_year_covers_that_year_only_if_the_mission_began_then():
    cuts = pd.DataFrame({"mission": ["M"], "resolution": ["S/RES/9 (2004)"],
                         "adopted": pd.to_datetime(["2004-10-22"]), "military_ceiling": [860]})
    assert analysis.ceiling_in_year(cuts, "M", 2004) is None  # strength before October unknown
    assert analysis.ceiling_in_year(cuts, "M", 2004, start_year=2004)["military_ceiling"] == 860
    assert analysis.ceiling_in_year(cuts, "M", 2005)["military_ceiling"] == 860
    assert analysis.ceiling_in_year(cuts, "M", 2003) is None


def test_real_estimates_are_checked_against_real_ceilings():
    checks = analysis.troop_checks(load("mission_troops"), load("mission_ceilings"), load("missions"))
    row = checks.set_index(["mission", "year"]).loc[("UNMISET", 2003)]
    assert row["troops_estimate"] == 6850 and row["military_ceiling"] == 5000 and row["above_ceiling"]
    assert checks["above_ceiling"].notna().sum() >= 50  # most mission-years have a known ceiling


def test_the_descriptor_states_the_ceiling_check_as_computed():
    from peaceops.data import resource

    checks = analysis.troop_checks(load("mission_troops"), load("mission_ceilings"), load("missions"))
    known, above = int(checks["above_ceiling"].notna().sum()), int(checks["above_ceiling"].fillna(False).sum())
    assert f"of the {known} mission-years for which a ceiling in force is known, {above} estimates exceed it" in (
        resource("mission_troops")["description"]
    )
    lesson = (Path(__file__).resolve().parent.parent / "notebooks" / "12_conclusion.ipynb").read_text(encoding="utf-8")
    assert f"{above} of the {known} mission-year estimates that can be checked exceed the ceiling" in lesson
