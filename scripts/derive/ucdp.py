"""UCDP tables: conflict_case_map, conflict_years, conflict_termination.

Upstream files (folder names as in ../shared/reference):

- ``ucdp_prio_acd/ucdp-prio-acd-221.csv``: UCDP/PRIO Armed Conflict Dataset 22.1,
  one row per conflict-year (a third-party re-save: an extra unnamed index column,
  version written "22,1").
- ``ucdp_brd_conflict/BRD.csv``: UCDP Battle-Related Deaths 22.1, conflict-level
  (one row per conflict-year, 1989-2021; UTF-8 with BOM).
- ``ucdp_conflict_termination/ucdp-term-dyad-3-2021.xlsx``: UCDP Conflict Termination
  dyad-level v3-2021, one row per dyad-year. The .xlsx is read because the .csv
  writes dates as m/d/yy.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from scripts.derive.common import upstream, write_table

WHERE = "https://ucdp.uu.se/downloads/"
ACD = "ucdp_prio_acd/ucdp-prio-acd-221.csv"
BRD = "ucdp_brd_conflict/BRD.csv"
TERM = "ucdp_conflict_termination/ucdp-term-dyad-3-2021.xlsx"

# UCDP conflict_id -> (case_id, note). Checked against ACD 22.1 (location, sides, territory).
CONFLICT_CASES: dict[int, tuple[str, str]] = {
    # Slovenia: Serbia (Yugoslavia) vs Republic of Slovenia, 1991 (Ten-Day War).
    384: ("balkans", "Yugoslav wars: Slovenia's independence war (1991)"),
    # Croatia: Serbia (Yugoslavia) vs Republic of Croatia and Croatian irregulars, 1991-92.
    385: ("balkans", "Yugoslav wars: Croatia's independence war against Yugoslavia (1991-92)"),
    # Bosnia and Herzegovina: government vs Serbian Republic of Bosnia-Herzegovina (R. Srpska), 1992-95.
    389: ("balkans", "Yugoslav wars: Bosnia and Herzegovina, government vs Bosnian Serb forces (1992-95)"),
    # Croatia: government vs Serbian Republic of Krajina, 1992-95.
    390: ("balkans", "Yugoslav wars: Croatia, government vs Serbian Republic of Krajina (1992-95)"),
    # Bosnia and Herzegovina: government vs Autonomous Province of Western Bosnia (Bihac), 1993-95.
    397: (
        "balkans",
        "Yugoslav wars: Bosnia and Herzegovina, government vs Autonomous Province of Western Bosnia",
    ),
    # Bosnia and Herzegovina: government vs Croatian Republic of Bosnia-Herzegovina (Herzeg-Bosna), 1992-94.
    398: ("balkans", "Yugoslav wars: Bosnia and Herzegovina, government vs Bosnian Croat forces (1992-94)"),
    # Kosovo: Serbia (Yugoslavia) vs UCK (KLA), 1998-99.
    412: ("balkans", "Yugoslav wars: Kosovo, Serbia (Yugoslavia) vs UCK/KLA (1998-99)"),
    # United Kingdom, territory Northern Ireland: PIRA (1971-91) and RIRA (1998).
    315: ("northern_ireland", "The Troubles: UK government vs PIRA, then RIRA (1998)"),
    # South Africa: government vs ANC, 1981-88 (government incompatibility).
    345: ("south_africa", "Apartheid South Africa: government vs ANC"),
    # South Africa, territory Namibia: government vs SWAPO, 1966-88.
    298: ("south_africa", "South Africa vs SWAPO over Namibia (1966-88); context for the South African case"),
    # Indonesia, territory East Timor: government vs Fretilin/CNRT, 1975-99.
    330: ("timor_leste", "East Timor: Indonesian government vs Fretilin/CNRT (1975-99)"),
    # Colombia: government vs FARC, ELN, EPL, M-19 and later FARC dissidents, 1964-2021.
    289: ("colombia", "Colombia: government vs FARC, ELN and others (one conflict in UCDP)"),
    # Cyprus: United Kingdom vs EOKA, 1955-59 (anti-colonial, extrasystemic).
    248: ("cyprus", "Cyprus: UK vs EOKA, anti-colonial war (1955-59)"),
    # Cyprus, Turkey: Government of Cyprus vs Government of Turkey, territory Northern Cyprus, 1974.
    323: ("cyprus", "Cyprus: Turkish invasion, Cyprus vs Turkey over Northern Cyprus (1974)"),
    # Sudan, territory Southern Sudan: government vs SSLM (Anyanya), 1963-72.
    282: ("sudan", "First Sudanese civil war: government vs SSLM/Anyanya (1963-72)"),
    # Sudan: government incompatibility; SPLM/A (1983-2004), Darfur groups, SRF, SPLM/A-North.
    309: ("sudan", "Sudan, conflict over government: SPLM/A, NDA, Darfur rebels, SRF, SPLM/A-North"),
    # Sudan, territory Abyei: Government of Sudan vs Republic of South Sudan, 2011.
    11344: ("sudan", "Sudan vs Republic of South Sudan over Abyei (2011)"),
    # South Sudan: government vs SSLM/A, SSDM/A, SPLM/A-IO, NAS, 2011-21.
    11345: ("sudan", "South Sudan, conflict over government: SSLM/A, SSDM/A, SPLM/A-IO, NAS (2011-21)"),
    # South Sudan, Sudan: interstate, territory Common border (Heglig), 2012.
    11348: ("sudan", "South Sudan vs Sudan, border war over Heglig (2012)"),
}

INCOMPATIBILITY = {1: "territory", 2: "government", 3: "both"}
INTENSITY = {1: "minor", 2: "war"}
TYPE_OF_CONFLICT = {1: "extrasystemic", 2: "interstate", 3: "intrastate", 4: "internationalized intrastate"}
# UCDP Conflict Termination codebook, variable ``outcome``.
OUTCOME = {
    1: "peace agreement",
    2: "ceasefire",
    3: "victory side A",
    4: "victory side B",
    5: "low activity",
    6: "actor ceases to exist",
}


def _label(series: pd.Series, labels: dict[int, str], what: str) -> pd.Series:
    codes = series.astype("Int64")
    unknown = sorted(set(codes.dropna()) - set(labels))
    if unknown:
        raise ValueError(f"unknown {what} code(s): {unknown}")
    return codes.map(labels, na_action="ignore").astype("string")


def _distinct(values: pd.Series) -> str | None:
    """Distinct non-empty values in order of first appearance, joined by '; '."""
    seen = list(dict.fromkeys(v for v in values if isinstance(v, str) and v.strip()))
    return "; ".join(seen) if seen else None


def _actors(values: pd.Series) -> str | None:
    """Distinct actors over the years (UCDP lists several per cell, comma-separated)."""
    parts = pd.Series([a.strip() for v in values if isinstance(v, str) for a in v.split(",")])
    return _distinct(parts)


def _mapping() -> pd.DataFrame:
    return pd.DataFrame(
        [(cid, case, note) for cid, (case, note) in CONFLICT_CASES.items()],
        columns=["conflict_id", "case_id", "note"],
    )


def read_acd(reference: Path) -> pd.DataFrame:
    path = upstream(reference, ACD, WHERE + " (UCDP/PRIO Armed Conflict Dataset 22.1)")
    acd = pd.read_csv(path, encoding="utf-8-sig")
    acd = acd.loc[:, ~acd.columns.str.startswith("Unnamed")]
    acd = acd.drop(columns=[c for c in acd.columns if c == ""], errors="ignore")
    acd = acd[acd["conflict_id"].isin(CONFLICT_CASES)].copy()
    missing = sorted(set(CONFLICT_CASES) - set(acd["conflict_id"]))
    if missing:
        raise ValueError(f"{path}: mapped conflict_id(s) not in ACD: {missing}")
    if acd.duplicated(["conflict_id", "year"]).any():
        raise ValueError(f"{path}: duplicate conflict-years")
    return acd.sort_values(["conflict_id", "year"], kind="mergesort")


def read_brd(reference: Path) -> pd.DataFrame:
    path = upstream(reference, BRD, WHERE + " (UCDP Battle-Related Deaths 22.1, conflict-level)")
    brd = pd.read_csv(path, encoding="utf-8-sig")
    brd = brd[brd["conflict_id"].isin(CONFLICT_CASES)]
    return brd[["conflict_id", "year", "bd_low", "bd_best", "bd_high"]].copy()


def build_case_map(acd: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for cid, g in acd.groupby("conflict_id", sort=True):
        incompat = g["incompatibility"].astype(int).unique()
        rows.append(
            {
                "conflict_id": int(cid),
                "location": _distinct(g["location"]),
                "side_a": _actors(g["side_a"]),
                "side_b": _actors(g["side_b"]),
                # ACD codes incompatibility per conflict; more than one would be joined.
                "incompatibility": "; ".join(INCOMPATIBILITY[int(i)] for i in incompat),
                "territory_name": _distinct(g["territory_name"]),
                "first_year": int(g["year"].min()),
                "last_year": int(g["year"].max()),
                "years_active": int(g["year"].nunique()),
                "max_intensity": INTENSITY[int(g["intensity_level"].max())],
            }
        )
    out = pd.DataFrame(rows).merge(_mapping(), on="conflict_id", how="left")
    cols = [
        "conflict_id",
        "case_id",
        "location",
        "side_a",
        "side_b",
        "incompatibility",
        "territory_name",
        "first_year",
        "last_year",
        "years_active",
        "max_intensity",
        "note",
    ]
    return out[cols]


def build_conflict_years(acd: pd.DataFrame, brd: pd.DataFrame) -> pd.DataFrame:
    keys = acd[["conflict_id", "year"]]
    orphan = brd.merge(keys, on=["conflict_id", "year"], how="left", indicator=True)
    orphan = orphan[orphan["_merge"] == "left_only"]
    if len(orphan):
        raise ValueError(
            f"BRD conflict-years without an ACD row: {orphan[['conflict_id', 'year']].values.tolist()}"
        )
    df = acd.merge(brd, on=["conflict_id", "year"], how="left", validate="one_to_one")
    df = df.merge(_mapping()[["conflict_id", "case_id"]], on="conflict_id", how="left")
    out = pd.DataFrame(
        {
            "case_id": df["case_id"],
            "conflict_id": df["conflict_id"].astype("int64"),
            "year": df["year"].astype("int64"),
            "location": df["location"],
            "side_a": df["side_a"],
            "side_a_2nd": df["side_a_2nd"],
            "side_b": df["side_b"],
            "side_b_2nd": df["side_b_2nd"],
            "intensity": _label(df["intensity_level"], INTENSITY, "intensity_level"),
            "type_of_conflict": _label(df["type_of_conflict"], TYPE_OF_CONFLICT, "type_of_conflict"),
            "bd_low": df["bd_low"].astype("Int64"),
            "bd_best": df["bd_best"].astype("Int64"),
            "bd_high": df["bd_high"].astype("Int64"),
        }
    )
    have = out["bd_best"].notna()
    bad = have & ~((out["bd_low"] <= out["bd_best"]) & (out["bd_best"] <= out["bd_high"])).fillna(False)
    if bad.any():
        raise ValueError(
            "bd_low <= bd_best <= bd_high violated for "
            f"{out.loc[bad, ['conflict_id', 'year']].values.tolist()}"
        )
    return out


def _date(value: object) -> str | None:
    """ISO date from an Excel cell: datetime, ISO-like string, or empty/'.' for missing."""
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NaT:
        return None
    if isinstance(value, (dt.datetime, pd.Timestamp)):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    if text in {"", "."}:
        return None
    return pd.Timestamp(text).strftime("%Y-%m-%d")


def _one(values: pd.Series, what: str, key: tuple) -> str | None:
    dates = sorted({d for d in (_date(v) for v in values) if d})
    if len(dates) > 1:
        raise ValueError(f"dyad episode {key}: several {what} values {dates}")
    return dates[0] if dates else None


def read_termination(reference: Path) -> pd.DataFrame:
    path = upstream(reference, TERM, WHERE + " (UCDP Conflict Termination dataset, dyad level, v3-2021)")
    term = pd.read_excel(path, engine="openpyxl")
    return term[term["conflict_id"].isin(CONFLICT_CASES)].copy()


def build_termination(term: pd.DataFrame) -> pd.DataFrame:
    rows = []
    term = term.sort_values(["dyad_id", "dyadepisode", "year"], kind="mergesort")
    for (dyad, episode), g in term.groupby(["dyad_id", "dyadepisode"], sort=True):
        key = (int(dyad), int(episode))
        ended = g[g["dyadterm"] == 1]
        if len(ended) > 1:
            raise ValueError(f"dyad episode {key}: {len(ended)} terminating rows")
        end = ended.iloc[0] if len(ended) else None
        last = g.iloc[-1]
        outcome = None if end is None or pd.isna(end["outcome"]) else int(end["outcome"])
        if outcome is not None and outcome not in OUTCOME:
            raise ValueError(f"dyad episode {key}: unknown outcome code {outcome}")
        prec = None if end is None or pd.isna(end["ependprec"]) else int(end["ependprec"])
        rows.append(
            {
                "conflict_id": int(last["conflict_id"]),
                "dyad_id": key[0],
                "dyad_episode": key[1],
                "location": last["location"],
                "side_a": last["side_a"],
                "side_b": last["side_b"],
                "first_year": int(g["year"].min()),
                "last_year": int(g["year"].max()),
                "episode_start": _date(g["start_date2"].iloc[0]),
                "episode_end": None if end is None else _date(end["ependdate"]),
                "episode_end_prec": prec,
                "outcome_code": outcome,
                "outcome": OUTCOME.get(outcome) if outcome is not None else None,
                "ceasefire_date": _one(g["cfiredate"], "cfiredate", key),
                "peace_agreement_date": _one(g["peagdate"], "peagdate", key),
            }
        )
    out = pd.DataFrame(rows)
    out = out.merge(_mapping()[["conflict_id", "case_id"]], on="conflict_id", how="left")
    for col in ["episode_end_prec", "outcome_code"]:
        out[col] = out[col].astype("Int64")
    cols = [
        "conflict_id",
        "dyad_id",
        "dyad_episode",
        "case_id",
        "location",
        "side_a",
        "side_b",
        "first_year",
        "last_year",
        "episode_start",
        "episode_end",
        "episode_end_prec",
        "outcome_code",
        "outcome",
        "ceasefire_date",
        "peace_agreement_date",
    ]
    return out[cols]


def build(reference: Path, out: Path) -> list[Path]:
    reference, out = Path(reference), Path(out)
    acd = read_acd(reference)
    brd = read_brd(reference)
    term = read_termination(reference)
    return [
        write_table(build_case_map(acd), out / "conflict_case_map.csv", ["conflict_id"]),
        write_table(build_conflict_years(acd, brd), out / "conflict_years.csv", ["conflict_id", "year"]),
        write_table(
            build_termination(term),
            out / "conflict_termination.csv",
            ["conflict_id", "dyad_id", "dyad_episode"],
        ),
    ]
