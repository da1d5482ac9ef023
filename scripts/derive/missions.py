"""mission_troops: Geo-PKO v2.3 map-based troop estimates by mission-year for the seven cases.

Upstream: ``geopko_deployments/FrontMap_v.2.3.csv`` (Geo-PKO dashboard file, one row per
mission, year, location *and map*; Cil et al. 2020, Uppsala Department of Peace and
Conflict Research).

Column meanings in the upstream file (as used here):

- ``NoTroops``: troops drawn at a location on ONE map. A location appears once per map,
  so in years with several maps (e.g. UNFICYP 2005) it is repeated and summing
  ``NoTroops`` would double count.
- ``ave.no.troops``: the yearly average of ``NoTroops`` over that year's maps for the
  location; it is identical on every repeated row of a (mission, year, location).

Derivation: keep one row per (mission, year, location), take ``ave.no.troops``, sum over
locations -> ``troops_estimate``. Missing ``ave.no.troops`` counts as nothing (skipped),
not as zero. ``locations`` is the number of distinct location names mapped that year
(any deployment type: troops, HQ, UNPOL, UNMO...).

Mission-years whose estimate is 0 (police-only or observer-only deployments such as
UNMIK after the KFOR hand-over, UNMIT or UNMOP) are DROPPED, because 0 would read as
"no personnel". Geo-PKO has no UNTAET and no UN Verification Mission in Colombia, so
Timor-Leste 1999-2002 and Colombia have no rows, and Northern Ireland and South Africa
had no UN peacekeeping mission.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from scripts.derive.common import upstream, write_table

SOURCE = "geopko_deployments/FrontMap_v.2.3.csv"
WHERE = "https://github.com/geopko/Geo-PKO-Shiny-Dashboard (data/FrontMap_v.2.3.csv)"

# UN mission acronym (as spelled in Geo-PKO) -> case id.
MISSION_CASE = {
    "UNFICYP": "cyprus",  # UN Peacekeeping Force in Cyprus
    "UNPROFOR": "balkans",  # UN Protection Force (Croatia, BiH, Macedonia), 1992-95
    "UNCRO": "balkans",  # UN Confidence Restoration Operation in Croatia, 1995-96
    "UNTAES": "balkans",  # UN Transitional Administration for Eastern Slavonia, 1996-98
    "UNMIBH": "balkans",  # UN Mission in Bosnia and Herzegovina, 1995-2002
    "UNMOP": "balkans",  # UN Mission of Observers in Prevlaka, 1996-2002
    "UNPREDEP": "balkans",  # UN Preventive Deployment Force (Macedonia), 1995-99
    "UNMIK": "balkans",  # UN Interim Administration Mission in Kosovo, 1999-
    "UNMISET": "timor_leste",  # UN Mission of Support in East Timor, 2002-05
    "UNMIT": "timor_leste",  # UN Integrated Mission in Timor-Leste, 2006-12
    "UNMIS": "sudan",  # UN Mission in Sudan, 2005-11
    "UNMISS": "sudan",  # UN Mission in the Republic of South Sudan, 2011-
    "UNISFA": "sudan",  # UN Interim Security Force for Abyei, 2011-
    "UNAMID": "sudan",  # AU-UN Hybrid Operation in Darfur, 2007-20
}

COLUMNS = ["mission", "case_id", "year", "troops_estimate", "locations"]


def derive(raw: pd.DataFrame) -> pd.DataFrame:
    """Mission-year troop estimates from a FrontMap-layout frame."""
    df = raw[raw["mission"].isin(MISSION_CASE)].copy()
    df["ave.no.troops"] = pd.to_numeric(df["ave.no.troops"], errors="coerce")
    keys = ["mission", "year", "location"]
    per_loc = df.groupby(keys, as_index=False).agg(ave=("ave.no.troops", "max"))
    out = per_loc.groupby(["mission", "year"], as_index=False).agg(
        troops_estimate=("ave", lambda s: s.sum(min_count=1)),
        locations=("location", "nunique"),
    )
    out = out[out["troops_estimate"].notna() & (out["troops_estimate"] > 0)].copy()
    out["troops_estimate"] = out["troops_estimate"].round().astype("int64")
    out["year"] = out["year"].astype("int64")
    out["locations"] = out["locations"].astype("int64")
    out["case_id"] = out["mission"].map(MISSION_CASE)
    return out[COLUMNS]


def build(reference: Path, out: Path) -> list[Path]:
    src = upstream(reference, SOURCE, WHERE)
    raw = pd.read_csv(src, encoding="utf-8")
    table = derive(raw)
    return [write_table(table, Path(out) / "mission_troops.csv", ["mission", "year"])]
