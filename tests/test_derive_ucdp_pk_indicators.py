"""Derivation logic of the UCDP, peacekeeping and indicators tables, on tiny fixture files.

Each fixture has the column layout of the upstream file (see scripts/derive/*.py) but
only a few rows, written into tmp_path; nothing here reads ../shared/reference.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.derive import indicators, peacekeeping, ucdp  # noqa: E402
from scripts.derive.common import UpstreamMissing  # noqa: E402

# --------------------------------------------------------------------------- fixtures

ACD_HEADER = (
    ",conflict_id,location,side_a,side_a_id,side_a_2nd,side_b,side_b_id,side_b_2nd,incompatibility,"
    "territory_name,year,intensity_level,cumulative_intensity,type_of_conflict,start_date,start_prec,"
    "start_date2,start_prec2,ep_end,ep_end_date,ep_end_prec,gwno_a,gwno_a_2nd,gwno_b,gwno_b_2nd,"
    "gwno_loc,region,version"
)
ACD_ROWS = [
    # idx, conflict_id, location, side_a, side_a_2nd, side_b, incompat, territory, year, intensity, type
    (0, 289, "Colombia", "Government of Colombia", "", "FARC", 2, "", 1988, 1, 3),
    (1, 289, "Colombia", "Government of Colombia", "", '"ELN, FARC"', 2, "", 2002, 2, 3),
    (2, 289, "Colombia", "Government of Colombia", "", '"ELN, FARC dissidents"', 2, "", 2021, 1, 3),
    (3, 315, "United Kingdom", "Government of United Kingdom", "", "RIRA", 1, "Northern Ireland", 1998, 1, 3),
    (4, 315, "United Kingdom", "Government of United Kingdom", "", "PIRA", 1, "Northern Ireland", 1991, 1, 3),
    (5, 999, "Elsewhere", "Government of Elsewhere", "", "Rebels", 2, "", 2002, 2, 3),
]

BRD_HEADER = (
    "conflict_id,dyad_id,location_inc,side_a,side_a_id,side_a_2nd,side_b,side_b_id,side_b_2nd,"
    "incompatibility,territory_name,year,bd_best,bd_low,bd_high,type_of_conflict,battle_location,"
    "gwno_a,gwno_a_2nd,gwno_b,gwno_b_2nd,gwno_loc,gwno_battle,region,version"
)


def write_acd(folder: Path, rows=ACD_ROWS) -> None:
    lines = [ACD_HEADER]
    for i, cid, loc, sa, sa2, sb, inc, terr, year, inten, typ in rows:
        lines.append(
            f"{i},{cid},{loc},{sa},1,{sa2},{sb},2,,{inc},{terr},{year},{inten},0,{typ},"
            f'1964-05-27,1,1964-05-27,1,0,,,100,,,,100,5,"22,1"'
        )
    path = folder / ucdp.ACD
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_brd(folder: Path, rows) -> None:
    """rows: (conflict_id, year, best, low, high); written with a BOM like the upstream file."""
    lines = [BRD_HEADER]
    for cid, year, best, low, high in rows:
        lines.append(
            f'{cid},"623, 624",Colombia,Gov,1,,X,2,,2,,{year},{best},{low},{high},'
            "3,Colombia,100,,,,100,100,5,221"
        )
    path = folder / ucdp.BRD
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")


def term_row(
    cid,
    dyad,
    episode,
    year,
    side_b,
    term,
    end=None,
    prec=None,
    outcome=None,
    cfire=None,
    peag=None,
    start2=dt.datetime(1974, 12, 31),
):
    return {
        "dyadep_id": 1200000.0,
        "dyadepisode": episode,
        "type_of_conflict2": 3,
        "dyadcount": 1,
        "dyadterm": term,
        "ependdate": end,
        "ependprec": prec,
        "outcome": outcome,
        "cfiredate": cfire,
        "peagdate": peag,
        "recur": 0,
        "version": 3,
        "conflict_id": cid,
        "dyad_id": dyad,
        "year": year,
        "location": "Colombia",
        "side_a": "Government of Colombia",
        "side_a_id": 1,
        "side_a_2nd": None,
        "side_b": side_b,
        "side_b_id": 2,
        "side_b_2nd": None,
        "incompatibility": 2,
        "territory_name": None,
        "intensity_level": 1,
        "type_of_conflict": 3,
        "start_date": dt.datetime(1964, 12, 31),
        "start_prec": 1,
        "start_date2": start2,
        "start_prec2": 1,
        "gwno_loc": 100,
        "region": 5,
    }


TERM_ROWS = [
    term_row(289, 623, 2, 1971, "FARC", 0, start2=dt.datetime(1971, 12, 31)),
    term_row(289, 623, 2, 1972, "FARC", 1, dt.datetime(1971, 12, 31), 5, 5, start2=dt.datetime(1971, 12, 31)),
    term_row(289, 623, 3, 2014, "FARC", 0),
    term_row(
        289,
        623,
        3,
        2015,
        "FARC",
        1,
        dt.datetime(2015, 12, 31),
        4,
        1,
        dt.datetime(2016, 6, 23),
        dt.datetime(2016, 11, 24),
    ),
    # ongoing episode, with the "." placeholder the upstream file uses for missing dates
    term_row(
        289, 15488, 1, 2019, "FARC dissidents", 0, ".", None, None, ".", ".", start2=dt.datetime(2018, 5, 27)
    ),
    term_row(289, 15488, 1, 2020, "FARC dissidents", None, start2=dt.datetime(2018, 5, 27)),
    term_row(
        315,
        693,
        1,
        1998,
        "RIRA",
        1,
        dt.datetime(1998, 8, 15),
        1,
        2,
        dt.datetime(1998, 8, 16),
        start2=dt.datetime(1998, 8, 15),
    ),
    term_row(999, 1, 1, 2000, "Rebels", 1, dt.datetime(2000, 1, 1), 1, 3),
]


def write_term(folder: Path, rows=TERM_ROWS) -> None:
    path = folder / ucdp.TERM
    path.parent.mkdir(parents=True, exist_ok=True)
    pd.DataFrame(rows).to_excel(path, index=False, engine="openpyxl")


@pytest.fixture
def mapping(monkeypatch):
    monkeypatch.setattr(
        ucdp,
        "CONFLICT_CASES",
        {289: ("colombia", "Colombia test"), 315: ("northern_ireland", "NI test")},
    )


@pytest.fixture
def ucdp_ref(tmp_path, mapping):
    ref = tmp_path / "ref"
    write_acd(ref)
    write_brd(
        ref,
        [
            (289, 2002, 2751, 2695, 3273),
            (289, 2021, 136, 136, 144),
            (315, 1998, 29, 29, 29),
            (315, 1991, 26, 26, 27),
            (999, 2002, 5000, 4000, 6000),
        ],
    )
    write_term(ref)
    return ref


PK_HEADER = (
    "Entity,Year,Number of peacekeeping missions (United Nations Peacekeeping),"
    "Size of total peacekeeping force (United Nations Peacekeeping),"
    "Civilian police (peacekeepers) (United Nations Peacekeeping),"
    "Military Observers and staff officers (peacekeepers) (United Nations Peacekeeping),"
    "Troops (peacekeepers) (United Nations Peacekeeping)"
)


@pytest.fixture
def pk_ref(tmp_path):
    ref = tmp_path / "ref"
    path = ref / peacekeeping.FILE
    path.parent.mkdir(parents=True)
    rows = [
        "World,2022,12,,,,",
        "World,2015,16,107088,13858,1847,91383",
        "World,1947,1,30,0,0,0",
        "World,1992,15,52154,4413,2066,45675",
    ]
    path.write_text("\n".join([PK_HEADER, *rows]) + "\n", encoding="utf-8")
    return ref


def write_indicator_files(ref: Path) -> None:
    wdi = ref / indicators.WDI_DIR / "API_NY.GDP.PCAP.PP.KD_DS2_en_csv_v2_1588678.csv"
    wdi.parent.mkdir(parents=True)
    code = '"GDP per capita, PPP (constant 2021 international $)","NY.GDP.PCAP.PP.KD"'
    wdi.write_text(
        '"Data Source","World Development Indicators",\n\n'
        '"Last Updated Date","2024-06-28",\n\n'
        '"Country Name","Country Code","Indicator Name","Indicator Code","1989","1990","2021","2022",\n'
        f'"Timor-Leste","TLS",{code},"","1234.56789","2345.678912","2400",\n'
        f'"Kosovo","XKX",{code},"","","11111.1","12000",\n'
        f'"Aruba","ABW",{code},"","33050.64","38000","39000",\n',
        encoding="utf-8-sig",
    )
    mad = ref / indicators.MADDISON
    mad.parent.mkdir(parents=True)
    mad.write_text(
        "Entity,Year,GDP per capita,Population,GDP\n"
        "Bosnia and Herzegovina,1990,5893.0000,4423646.000,2.606855e+10\n"
        "Bosnia and Herzegovina,1993,2831.0393,3912696.270,1.107700e+10\n"
        "Bosnia and Herzegovina,1940,1000,1,1\n"
        "Former Yugoslavia,1990,6000,1,1\n"
        "Sudan,1991,,100,\n",
        encoding="utf-8",
    )
    life = ref / indicators.LIFE
    life.parent.mkdir(parents=True)
    life.write_text(
        "Entity,Year,Life expectancy\n"
        "Timor,1975,35.123\n"
        "Timor,1949,30.0\n"
        "United Kingdom,1998,77.46\n"
        "Afghanistan,1975,38.0\n",
        encoding="utf-8",
    )


@pytest.fixture
def ind_ref(tmp_path):
    ref = tmp_path / "ref"
    write_indicator_files(ref)
    return ref


def read(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, keep_default_na=False, dtype=str)


# --------------------------------------------------------------------------- UCDP


def test_conflict_case_map(ucdp_ref, tmp_path):
    ucdp.build(ucdp_ref, tmp_path / "out")
    df = read(tmp_path / "out" / "conflict_case_map.csv")
    assert df["conflict_id"].tolist() == ["289", "315"]  # unmapped 999 left out, sorted
    col = df.set_index("conflict_id")
    assert col.loc["289", "case_id"] == "colombia"
    assert col.loc["289", "incompatibility"] == "government"
    assert col.loc["315", "incompatibility"] == "territory"
    assert col.loc["315", "territory_name"] == "Northern Ireland"
    assert col.loc["289", "territory_name"] == ""
    assert col.loc["289", "max_intensity"] == "war"
    assert col.loc["315", "max_intensity"] == "minor"
    assert (col.loc["289", "first_year"], col.loc["289", "last_year"], col.loc["289", "years_active"]) == (
        "1988",
        "2021",
        "3",
    )
    # actors split from UCDP's comma lists, in order of first appearance (by year)
    assert col.loc["289", "side_b"] == "FARC; ELN; FARC dissidents"
    assert col.loc["315", "side_b"] == "PIRA; RIRA"
    assert col.loc["315", "note"] == "NI test"


def test_conflict_years(ucdp_ref, tmp_path):
    ucdp.build(ucdp_ref, tmp_path / "out")
    df = read(tmp_path / "out" / "conflict_years.csv")
    assert list(df.columns) == [
        "case_id",
        "conflict_id",
        "year",
        "location",
        "side_a",
        "side_a_2nd",
        "side_b",
        "side_b_2nd",
        "intensity",
        "type_of_conflict",
        "bd_low",
        "bd_best",
        "bd_high",
    ]
    assert list(zip(df["conflict_id"], df["year"], strict=True)) == [
        ("289", "1988"),
        ("289", "2002"),
        ("289", "2021"),
        ("315", "1991"),
        ("315", "1998"),
    ]
    row = df[(df["conflict_id"] == "289") & (df["year"] == "2002")].iloc[0]
    assert (row["bd_low"], row["bd_best"], row["bd_high"]) == ("2695", "2751", "3273")
    assert row["intensity"] == "war" and row["side_b"] == "ELN, FARC"
    assert row["type_of_conflict"] == "intrastate"
    pre = df[df["year"] == "1988"].iloc[0]
    assert (pre["bd_low"], pre["bd_best"], pre["bd_high"]) == ("", "", "")  # before BRD starts
    assert pre["intensity"] == "minor"
    assert set(df["case_id"]) == {"colombia", "northern_ireland"}
    full = df[df["bd_best"] != ""].astype({"bd_low": int, "bd_best": int, "bd_high": int})
    assert ((full["bd_low"] <= full["bd_best"]) & (full["bd_best"] <= full["bd_high"])).all()


def test_brd_order_violation_raises(tmp_path, mapping):
    ref = tmp_path / "ref"
    write_acd(ref)
    write_brd(ref, [(289, 2002, 2000, 2695, 3273)])  # best < low
    write_term(ref)
    with pytest.raises(ValueError, match="bd_low <= bd_best <= bd_high"):
        ucdp.build(ref, tmp_path / "out")


def test_missing_mapped_conflict_raises(tmp_path, monkeypatch):
    monkeypatch.setattr(ucdp, "CONFLICT_CASES", {289: ("colombia", ""), 330: ("timor_leste", "")})
    ref = tmp_path / "ref"
    write_acd(ref)
    write_brd(ref, [])
    write_term(ref)
    with pytest.raises(ValueError, match=r"\[330\]"):
        ucdp.build(ref, tmp_path / "out")


def test_unknown_intensity_code_raises():
    with pytest.raises(ValueError, match="unknown intensity"):
        ucdp._label(pd.Series([1, 3]), ucdp.INTENSITY, "intensity")


def test_conflict_termination(ucdp_ref, tmp_path):
    ucdp.build(ucdp_ref, tmp_path / "out")
    df = read(tmp_path / "out" / "conflict_termination.csv")
    keys = list(zip(df["conflict_id"], df["dyad_id"], df["dyad_episode"], strict=True))
    assert keys == [("289", "623", "2"), ("289", "623", "3"), ("289", "15488", "1"), ("315", "693", "1")]
    ep = df.set_index(["dyad_id", "dyad_episode"])
    farc = ep.loc[("623", "3")]
    assert farc["outcome_code"] == "1" and farc["outcome"] == "peace agreement"
    assert farc["episode_start"] == "1974-12-31" and farc["episode_end"] == "2015-12-31"
    assert farc["ceasefire_date"] == "2016-06-23" and farc["peace_agreement_date"] == "2016-11-24"
    assert (farc["first_year"], farc["last_year"]) == ("2014", "2015")
    assert ep.loc[("623", "2"), "outcome"] == "low activity"
    rira = ep.loc[("693", "1")]
    assert rira["outcome"] == "ceasefire" and rira["case_id"] == "northern_ireland"
    ongoing = ep.loc[("15488", "1")]
    assert ongoing[
        ["episode_end", "outcome_code", "outcome", "ceasefire_date", "peace_agreement_date"]
    ].tolist() == ["", "", "", "", ""]
    assert ongoing["episode_start"] == "2018-05-27"


def test_outcome_labels_match_codebook():
    assert ucdp.OUTCOME == {
        1: "peace agreement",
        2: "ceasefire",
        3: "victory side A",
        4: "victory side B",
        5: "low activity",
        6: "actor ceases to exist",
    }


# --------------------------------------------------------------------------- peacekeeping


def test_peacekeeping_totals(pk_ref, tmp_path):
    (path,) = peacekeeping.build(pk_ref, tmp_path / "out")
    text = path.read_text(encoding="utf-8")
    assert text.splitlines() == [
        "year,missions,personnel_total,troops,police,military_observers",
        "1947,1,30,,,",  # GPF years: no breakdown, zeros written as missing
        "1992,15,52154,45675,4413,2066",
        "2015,16,107088,91383,13858,1847",  # 2022 row (no personnel) dropped
    ]


# --------------------------------------------------------------------------- indicators


def test_indicators(ind_ref, tmp_path):
    (path,) = indicators.build(ind_ref, tmp_path / "out")
    df = read(path)
    assert list(df.columns) == ["iso3", "country", "case_id", "year", "indicator", "value", "source_dataset"]
    assert "" not in set(df["value"])  # no empty values
    assert not df.duplicated(["iso3", "year", "indicator"]).any()
    assert set(df["iso3"]) == {"BIH", "GBR", "TLS", "XKX"}  # Aruba, Afghanistan, Former Yugoslavia out
    assert df["year"].astype(int).between(1950, 2021).all()  # 1940, 1949 and 2022 out
    v = {(r.iso3, r.year, r.indicator): r.value for r in df.itertuples()}
    assert v[("TLS", "1975", "life_expectancy")] == "35.1"  # OWID "Timor" -> TLS, 1 decimal
    assert v[("GBR", "1998", "life_expectancy")] == "77.5"
    assert v[("TLS", "1990", "gdp_pc_ppp_2021")] == "1234.57"  # 6 significant digits
    assert v[("XKX", "2021", "gdp_pc_ppp_2021")] == "11111.1"
    assert ("XKX", "1990", "gdp_pc_ppp_2021") not in v
    assert v[("BIH", "1990", "gdp_pc_maddison_2011")] == "5893"
    assert v[("BIH", "1993", "gdp_pc_maddison_2011")] == "2831.04"
    cases = dict(zip(df["iso3"], df["case_id"], strict=False))
    assert cases == {"BIH": "balkans", "GBR": "northern_ireland", "TLS": "timor_leste", "XKX": "balkans"}
    assert df.loc[df["iso3"] == "TLS", "country"].unique().tolist() == ["Timor-Leste"]
    sort = df.assign(year=df["year"].astype(int)).sort_values(["iso3", "indicator", "year"], kind="mergesort")
    assert sort.index.tolist() == list(range(len(df)))


def test_indicators_country_map_matches_conventions():
    assert set(indicators.OWID_ENTITIES.values()) <= set(indicators.COUNTRIES)
    assert {case for _, case in indicators.COUNTRIES.values()} == {
        "balkans",
        "northern_ireland",
        "south_africa",
        "timor_leste",
        "colombia",
        "cyprus",
        "sudan",
    }


# --------------------------------------------------------------------------- all modules


def test_missing_upstream_names_the_file(tmp_path, mapping):
    with pytest.raises(UpstreamMissing, match="ucdp-prio-acd-221.csv"):
        ucdp.build(tmp_path / "empty", tmp_path / "out")
    with pytest.raises(UpstreamMissing, match="API_NY.GDP.PCAP.PP.KD"):
        indicators.build(tmp_path / "empty", tmp_path / "out")


def test_rebuild_gives_identical_bytes(ucdp_ref, tmp_path):
    ref = ucdp_ref
    peacekeeping_file = ref / peacekeeping.FILE
    peacekeeping_file.parent.mkdir(parents=True)
    peacekeeping_file.write_text(
        PK_HEADER + "\nWorld,2015,16,107088,13858,1847,91383\nWorld,1947,1,30,0,0,0\n"
    )
    write_indicator_files(ref)
    runs = []
    for run in ("a", "b"):
        out = tmp_path / run
        paths = [p for m in (ucdp, peacekeeping, indicators) for p in m.build(ref, out)]
        runs.append({p.name: p.read_bytes() for p in paths})
    assert runs[0] == runs[1]
    assert len(runs[0]) == 5
    for blob in runs[0].values():
        assert b"\r\n" not in blob and blob.endswith(b"\n")
