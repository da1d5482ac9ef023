"""peacekeeping_totals: world totals of UN peacekeeping missions and personnel, by year.

Upstream: Our World in Data, ``owid_un_peacekeeping/United Nations Peacekeeping.csv``
(owid/owid-datasets, "United Nations Peacekeeping"). One row per year for the
entity "World"; the figures are December values. The 2022 row has a mission
count but no personnel figures and is dropped. Before 1992 the file gives only
the total force (Global Policy Forum) and writes 0 for troops, police and
observers; those zeros are written as missing.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from scripts.derive.common import upstream, write_table

WHERE = "https://ourworldindata.org (owid/owid-datasets: datasets/United Nations Peacekeeping)"
FILE = "owid_un_peacekeeping/United Nations Peacekeeping.csv"

SUFFIX = " (United Nations Peacekeeping)"
COLUMNS = {
    "Year": "year",
    "Number of peacekeeping missions" + SUFFIX: "missions",
    "Size of total peacekeeping force" + SUFFIX: "personnel_total",
    "Troops (peacekeepers)" + SUFFIX: "troops",
    "Civilian police (peacekeepers)" + SUFFIX: "police",
    "Military Observers and staff officers (peacekeepers)" + SUFFIX: "military_observers",
}
FIRST_YEAR, LAST_YEAR = 1947, 2021


def derive(raw: pd.DataFrame) -> pd.DataFrame:
    missing = set(COLUMNS) - set(raw.columns)
    if missing:
        raise ValueError(f"OWID peacekeeping file lacks columns: {sorted(missing)}")
    df = raw[raw["Entity"] == "World"][list(COLUMNS)].rename(columns=COLUMNS)
    # Keep years with personnel figures (drops the 2022 row, which has a mission count only).
    df = df[df["personnel_total"].notna() & df["year"].between(FIRST_YEAR, LAST_YEAR)]
    if df["year"].duplicated().any():
        raise ValueError("duplicate years in the OWID peacekeeping file")
    for col in df.columns:
        values = df[col]
        if (values.dropna() % 1 != 0).any():
            raise ValueError(f"non-integer values in {col}")
        df[col] = values.round().astype("Int64")
    # Before 1992 (Global Policy Forum totals) the source has no breakdown and writes 0
    # for troops, police and observers: those zeros mean "not available", so blank them.
    parts = ["troops", "police", "military_observers"]
    no_breakdown = (df[parts].fillna(0).sum(axis=1) == 0) & (df["personnel_total"] > 0)
    df.loc[no_breakdown, parts] = pd.NA
    return df.reset_index(drop=True)


def build(reference: Path, out: Path) -> list[Path]:
    path = upstream(Path(reference), FILE, WHERE)
    raw = pd.read_csv(path, encoding="utf-8-sig")
    return [write_table(derive(raw), Path(out) / "peacekeeping_totals.csv", ["year"])]
