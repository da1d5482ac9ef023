"""Small, explained computations on the tables that several lessons share.

The lessons call these rather than repeating pandas code, and the tests pin their meaning.

UCDP's conflict-year data only list *active* years: years with at least 25 battle-related
deaths. Its battle-related deaths estimates cover 1989-2021 only. So a year can be:

- ``estimate``: the conflict was active and UCDP gives low, best and high estimates;
- ``active, no estimate``: active before 1989, when UCDP gives no death estimates;
- ``below threshold``: within UCDP's coverage but not active (fewer than 25 deaths, possibly 0);
- ``not covered``: after the last year of the data (2021).

Summing deaths over a window therefore counts only active years: the sums are lower bounds.
"""

from __future__ import annotations

import pandas as pd

ACD_FIRST, BRD_FIRST, DATA_LAST = 1946, 1989, 2021
STATUSES = ("estimate", "active, no estimate", "below threshold", "not covered")
ESTIMATES = ("bd_low", "bd_best", "bd_high")


def deaths_by_year(conflict_years: pd.DataFrame, case_id: str, start: int, end: int) -> pd.DataFrame:
    """One row per year from ``start`` to ``end`` for a case: battle-related deaths summed over the
    case's UCDP conflicts (low, best, high), the number of active conflicts, and the year's
    ``status`` (see the module's description)."""
    if start > end:
        raise ValueError(f"The window starts in {start} but ends in {end}: choose a start before the end.")
    rows = conflict_years[conflict_years["case_id"] == case_id]
    by_year = rows.groupby("year")
    grouped = by_year[list(ESTIMATES)].sum(min_count=1)  # a year with no estimate stays missing, not 0
    grouped.insert(0, "conflicts_active", by_year["conflict_id"].nunique())
    years = pd.RangeIndex(start, end + 1, name="year")
    out = grouped.reindex(years)
    out["conflicts_active"] = out["conflicts_active"].fillna(0).astype(int)
    for col in ESTIMATES:
        out[col] = out[col].astype("Float64")
    status = pd.Series("below threshold", index=years)
    active = out["conflicts_active"] > 0
    status[active & out["bd_best"].notna()] = "estimate"
    status[active & out["bd_best"].isna()] = "active, no estimate"
    status[(years > DATA_LAST) | (~active & (years < BRD_FIRST) & (years < ACD_FIRST))] = "not covered"
    out["status"] = status
    return out.reset_index()


def before_after(conflict_years: pd.DataFrame, case_id: str, event_year: int, window: int) -> pd.DataFrame:
    """Deaths in the ``window`` years before and after ``event_year`` (the event year itself is
    reported on its own row). For each period: the years, how many were active, how many have
    estimates, and the summed low, best and high estimates over the years with estimates."""
    if window < 1:
        raise ValueError(f"A window of {window} years is empty: choose 1 year or more.")
    periods = {
        "before": (event_year - window, event_year - 1),
        "event year": (event_year, event_year),
        "after": (event_year + 1, event_year + window),
    }
    records = []
    span = deaths_by_year(conflict_years, case_id, event_year - window, event_year + window)
    for label, (first, last) in periods.items():
        years = span[(span["year"] >= first) & (span["year"] <= last)]
        with_estimate = years["status"] == "estimate"
        records.append(
            {
                "period": label,
                "first_year": first,
                "last_year": last,
                "years": len(years),
                "years_active": int((years["conflicts_active"] > 0).sum()),
                "years_with_estimate": int(with_estimate.sum()),
                "years_not_covered": int((years["status"] == "not covered").sum()),
                **{col: years.loc[with_estimate, col].sum() if with_estimate.any() else pd.NA for col in ESTIMATES},
            }
        )
    out = pd.DataFrame.from_records(records)
    for col in ESTIMATES:
        out[col] = out[col].astype("Float64")
    return out


def agreement_year(cases: pd.DataFrame, case_id: str) -> int | None:
    """The year the case's key agreement was signed, or None (Cyprus)."""
    date = cases.loc[cases["case_id"] == case_id, "agreement_date"]
    if date.empty:
        raise ValueError(f"Unknown case {case_id!r}.")
    return None if pd.isna(date.iloc[0]) else int(date.iloc[0].year)


# --- UN troop estimates ----------------------------------------------------------------------
# Geo-PKO's troop figures (data/mission_troops.csv) are map-based estimates, not UN strength
# figures. Two rules keep them honest when a lesson adds them up or quotes a peak:
#
# - a mission and the mission that took over from it (missions.csv ``predecessor``) both have a
#   yearly average in the year of the hand-over; much of the same force is counted twice, so in
#   that year only the larger of the two counts;
# - an estimate above the highest military ceiling the Security Council authorised for that
#   mission up to that year (data/mission_ceilings.csv) cannot be a headcount: it is flagged.


def ceiling_in_year(ceilings: pd.DataFrame, mission: str, year: int, start_year: int | None = None) -> pd.Series | None:
    """The highest authorised military ceiling of ``mission`` in force at any time in ``year``: the
    last one adopted before the year, or any adopted during it. None if none is known for the whole
    year: when no ceiling was in force on 1 January, one adopted later in the year covers the year
    only if the mission began that year (``start_year``), since its strength before is unknown."""
    rows = ceilings[(ceilings["mission"] == mission) & (ceilings["adopted"].dt.year <= year)]
    if rows.empty:
        return None
    rows = rows.sort_values("adopted")
    in_force = rows[rows["adopted"].dt.year < year].tail(1)
    during = rows[rows["adopted"].dt.year == year]
    if in_force.empty and start_year != year:
        return None
    candidates = pd.concat([in_force, during])
    return candidates.loc[candidates["military_ceiling"].idxmax()]


def troop_checks(mission_troops: pd.DataFrame, ceilings: pd.DataFrame,
                 missions: pd.DataFrame | None = None) -> pd.DataFrame:
    """Each mission-year estimate beside the authorised military ceiling of that year, with
    ``above_ceiling`` True where the estimate exceeds it (empty where no ceiling is known).
    ``missions`` (with ``start_year``) tells which year each mission began."""
    out = mission_troops.copy()
    started = {}
    if missions is not None and "start_year" in missions.columns:
        started = dict(zip(missions["mission"], missions["start_year"], strict=True))
    found = [ceiling_in_year(ceilings, m, y, started.get(m))
             for m, y in zip(out["mission"], out["year"], strict=True)]
    out["military_ceiling"] = pd.array([None if c is None else int(c["military_ceiling"]) for c in found],
                                       dtype="Int64")
    out["ceiling_resolution"] = [None if c is None else c["resolution"] for c in found]
    out["above_ceiling"] = (out["troops_estimate"] > out["military_ceiling"]).astype("boolean")
    return out


def troops_by_year(mission_troops: pd.DataFrame, missions: pd.DataFrame, case_id: str,
                   ceilings: pd.DataFrame | None = None) -> pd.DataFrame:
    """UN troops (Geo-PKO estimates) in a case, year by year, without counting a mission and its
    successor twice in the year of the hand-over.

    Columns: ``year``; ``troops_estimate`` (the sum over the missions counted); ``counted`` (the
    missions counted, e.g. "UNAMID, UNMIS"); ``not_counted`` (a predecessor or successor left out
    in a hand-over year, with its own estimate); and, with ``ceilings``, ``above_ceiling`` (the
    missions whose estimate exceeds their authorised military ceiling that year, with the ceiling).
    """
    rows = mission_troops[mission_troops["case_id"] == case_id]
    checks = troop_checks(rows, ceilings, missions) if ceilings is not None else None
    hand_overs = []  # (successor, predecessor) pairs; a mission can take over from several
    if "predecessor" in missions.columns:
        known = missions[missions["predecessor"].notna()]
        hand_overs = [(after, before.strip()) for after, befores in zip(known["mission"], known["predecessor"],
                                                                         strict=True)
                      for before in str(befores).split(";") if before.strip()]
    records = []
    for year, group in rows.groupby("year", sort=True):
        estimate = dict(zip(group["mission"], group["troops_estimate"], strict=True))
        left_out = []
        for successor, before in hand_overs:
            if successor in estimate and before in estimate:
                smaller = successor if estimate[successor] < estimate[before] else before
                left_out.append(f"{smaller} ({estimate.pop(smaller):,}, hand-over year)")
        flagged = []
        if checks is not None:
            year_checks = checks[(checks["year"] == year) & checks["above_ceiling"].fillna(False)]
            flagged = [f"{r.mission} (estimate {r.troops_estimate:,}; ceiling {r.military_ceiling:,}, "
                       f"{r.ceiling_resolution})" for r in year_checks.itertuples()]
        records.append({
            "year": int(year),
            "troops_estimate": int(sum(estimate.values())),
            "counted": ", ".join(sorted(estimate)),
            "not_counted": "; ".join(left_out),
            "above_ceiling": "; ".join(flagged),
        })
    columns = ["year", "troops_estimate", "counted", "not_counted", "above_ceiling"]
    return pd.DataFrame.from_records(records, columns=columns)
