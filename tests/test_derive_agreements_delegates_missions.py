"""Derivation tests for agreements, women_in_delegations/women_global_shares and mission_troops.

Each test writes tiny fixture files in the upstream layouts into tmp_path, runs ``build``
and checks the selection/mapping logic and that a rebuild gives identical bytes.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts.derive import agreements, delegates, missions  # noqa: E402
from scripts.derive.common import UpstreamMissing  # noqa: E402


def _twice(build, ref: Path, tmp_path: Path) -> list[Path]:
    first = build(ref, tmp_path / "out1")
    second = build(ref, tmp_path / "out2")
    for a, b in zip(first, second, strict=True):
        assert a.read_bytes() == b.read_bytes()
    return first


# ---------------------------------------------------------------- agreements


def _ucdp_row(paid, conflict_id, name, date, ended=None, pa_type=1):
    return {
        "paid": paid,
        "conflict_id": conflict_id,
        "pa_name": name,
        "pa_date": pd.Timestamp(date),
        "ended": ended,
        "pa_type": pa_type,
    }


def _pax_row(agt, con, name, dat, stage, ucdp_agr=None, ucdp_con=None):
    return {
        "Con": con,
        "AgtId": agt,
        "Agt": name,
        "Dat": dat,
        "Stage": stage,
        "UcdpCon": ucdp_con,
        "UcdpAgr": ucdp_agr,
    }


BIH = "Bosnia and Herzegovina/Yugoslavia (former)"
NI = "Ireland/United Kingdom/(Northern Ireland)"
PROVISION_COLS = sorted({c for cols in agreements.PROVISIONS.values() for c in cols})


def _v2_row(agt, **codes):
    row = {"AgtId": agt, "Agt": f"agt {agt}"}
    row.update({c: 0 for c in PROVISION_COLS})
    row.update(codes)
    return row


@pytest.fixture
def agreements_ref(tmp_path: Path) -> Path:
    ref = tmp_path / "ref"
    (ref / "ucdp_peace_agreements").mkdir(parents=True)
    (ref / "pax_agreements").mkdir()
    (ref / "pax_provisions_v2").mkdir()
    ucdp = pd.DataFrame(
        [
            _ucdp_row(1073, "389", "The Dayton Agreement", "1995-12-14"),
            _ucdp_row(1063, "315", "The Good Friday Agreement", "1998-04-10"),
            _ucdp_row(1570, "389, 398", "The Vance-Owen Plan", "1993-05-02", ended=True, pa_type=2),
            _ucdp_row(1501, "289", "Acuerdos de Corinto", "1984-08-24", ended=True, pa_type=3),
            _ucdp_row(1389, "298", "Namibia settlement proposal", "1978-07-12"),  # excluded conflict
            _ucdp_row(9999, "333", "Afghanistan agreement", "1993-03-07"),  # not a case
            _ucdp_row(1569, "389", "Further Agreed Basic Principles", "1995-09-08", pa_type=2),
        ]
    )
    ucdp.to_excel(ref / agreements.UCDP, index=False)
    pax = pd.DataFrame(
        [
            _pax_row(389, BIH, "Dayton Peace Agreement", "21/11/1995", "SubComp", 1073, 389),
            _pax_row(556, NI, "Good Friday Agreement", "10/04/1998", "SubComp", 1063, 315),
            _pax_row(606, BIH, "The Vance-Owen Plan", "02/05/1993", "SubComp", 1570, 389),
            _pax_row(78, BIH, "Further Agreed Basic Principles", "26/09/1995", "Pre", 1569, 389),
            _pax_row(337, "South Sudan/Sudan", "CPA", "09/01/2005", "SubComp", None, 309),
            _pax_row(241, "Indonesia/Portugal/(East Timor)", "East Timor", "05/05/1999", "SubPar", None, 330),
            _pax_row(1500, BIH, "COREU from ICFY", "08/06/1994", "Cea"),  # ceasefire, not key
            _pax_row(381, "Macedonia/Yugoslavia (former)", "Ohrid", "13/08/2001", "SubComp", None, 417),
            _pax_row(3000, "Chad/Sudan", "Tripoli Agreement", "08/02/2006", "SubComp"),  # not a case
        ]
    )
    pax.to_csv(ref / agreements.PAX, index=False)
    v2 = pd.DataFrame(
        [
            _v2_row(389, Polps=3, Ce=2, SsrDdr=1, Ele=2, HrFra=3, TjAm=2, GeWom=1, ImPK=1),
            _v2_row(556, Terps=0, Eps=0, Mps=0, Polps=3, HrGen=1, TjPrire=3, GeWom=1),
            _v2_row(337, Mps=3, ImUN=1),
            _v2_row(241, ImUN=1),
        ]
    )
    v2.to_excel(ref / agreements.PAXV2, index=False)
    return ref


def test_agreements_selection_and_events(agreements_ref: Path, tmp_path: Path) -> None:
    (path,) = _twice(agreements.build, agreements_ref, tmp_path)
    df = pd.read_csv(path, dtype={"ucdp_conflict_id": str})
    ids = set(df["agreement_id"])
    # UCDP Namibia (298) and non-case conflicts out; PA-X Macedonia, Chad/Sudan and a
    # non-key ceasefire out; East Timor 241 (key) and Sudan CPA (comprehensive) in.
    assert ids == {"pax-389", "pax-556", "pax-606", "pax-78", "ucdp-1501", "pax-337", "pax-241"}
    assert not df.duplicated(["agreement_id", "event"]).any()

    dayton = df[df["agreement_id"] == "pax-389"].set_index("event")
    assert set(dayton.index) == {"initialled", "signed"}
    assert dayton.loc["initialled", "date"] == "1995-11-21"
    assert dayton.loc["signed", "date"] == "1995-12-14"
    assert dayton.loc["signed", "place"] == "Paris, France"
    assert dayton.loc["initialled", "place"].startswith("Dayton, Ohio")
    assert (dayton["ucdp_paid"] == 1073).all() and (dayton["pax_id"] == 389).all()

    gfa = df[df["agreement_id"] == "pax-556"].iloc[0]
    assert (gfa["date"], gfa["case_id"], gfa["stage"], gfa["event"]) == (
        "1998-04-10", "northern_ireland", "comprehensive", "signed"
    )
    assert bool(gfa["power_sharing"]) and bool(gfa["human_rights"]) and bool(gfa["transitional_justice"])
    assert not bool(gfa["ceasefire"]) and not bool(gfa["third_party_un_role"])

    # Dates disagree (not Dayton): UCDP date kept, PA-X date in the note.
    fabp = df[df["agreement_id"] == "pax-78"].iloc[0]
    assert fabp["date"] == "1995-09-08" and "1995-09-26" in fabp["note"]
    assert fabp["stage"] == "pre-negotiation"

    vo = df[df["agreement_id"] == "pax-606"].iloc[0]
    assert vo["ucdp_conflict_id"] == "389, 398" and vo["case_id"] == "balkans"
    assert bool(vo["ucdp_agreement_ended"]) and vo["ucdp_type"] == "partial"
    assert pd.isna(vo["power_sharing"])  # 606 not in the v2 fixture -> empty, not False

    corinto = df[df["agreement_id"] == "ucdp-1501"].iloc[0]
    assert pd.isna(corinto["pax_id"]) and pd.isna(corinto["stage"])
    assert corinto["case_id"] == "colombia"

    cpa = df[df["agreement_id"] == "pax-337"].iloc[0]
    assert cpa["date"] == "2005-01-09" and cpa["case_id"] == "sudan"
    assert bool(cpa["power_sharing"]) and bool(cpa["third_party_un_role"])
    assert df.loc[df["agreement_id"] == "pax-241", "case_id"].item() == "timor_leste"


def test_agreements_missing_upstream(tmp_path: Path) -> None:
    with pytest.raises(UpstreamMissing):
        agreements.build(tmp_path, tmp_path / "out")


# ---------------------------------------------------------------- delegates

PADD_HEADER = (
    "Con,Reg,AgtId,Dat,Stage,StageSub,GeWom,Del_N,NADel_N,FemDel_Bin,FemDel_N,FemDel_P,"
    "Sig_N,FemSig_N,FemSig_P,Ob_N,FemOb_N,FemOb_P,Neg_N,FemNeg_N,FemNeg_P,Med_N,FemMed_N,"
    "FemMed_P,Adv_N,FemAdv_N,FemAdv_P\n"
)
PADD_ROWS = [
    # Con, AgtId, Dat, Del, NADel, FemDel, Sig, FemSig, Ob, FemOb, Neg, FemNeg, Med, FemMed, Adv, FemAdv
    (BIH, 389, "1995-11-21", 18, 3, 2, 12, 1, 5, 1, 0, 0, 1, 0, 0, 0),
    ("Ireland/United Kingdom/Northern Ireland", 556, "1998-04-10", 14, 0, 3, 14, 3, 0, 0, 0, 0, 0, 0, 0, 0),
    ("South Africa", 407, "1993-11-18", *["NA"] * 13),
    ("Gabon", 8, "1994-10-07", 92, 0, 4, 21, 0, 6, 0, 53, 3, 9, 1, 0, 0),
    ("Chad/Sudan", 1066, "2006-02-08", 6, 0, 0, 2, 0, 0, 0, 0, 0, 4, 0, 0, 0),
]


@pytest.fixture
def padd_ref(tmp_path: Path) -> Path:
    ref = tmp_path / "ref"
    (ref / "padd_women_delegates").mkdir(parents=True)
    (ref / "pax_agreements").mkdir()
    lines = [PADD_HEADER]
    for con, agt, dat, *n in PADD_ROWS:
        d, na, fd, s, fs, o, fo, ng, fng, m, fm, a, fa = n
        vals = [con, "Reg", agt, dat, "SubComp", "FrAg", 1, d, na, "", fd, "", s, fs, "", o, fo, "",
                ng, fng, "", m, fm, "", a, fa, ""]
        lines.append(",".join(f'"{v}"' if isinstance(v, str) and "," in v else str(v) for v in vals) + "\n")
    (ref / delegates.PADD).write_text("\ufeff" + "".join(lines), encoding="utf-8")
    pax = pd.DataFrame(
        {
            "AgtId": [389, 556, 407, 8, 1066],
            "Agt": ["Dayton", "Good Friday Agreement", "Interim Constitution", "Gabon", "Tripoli"],
        }
    )
    pax.to_csv(ref / delegates.PAX, index=False)
    return ref


def test_delegations_and_shares(padd_ref: Path, tmp_path: Path) -> None:
    paths = _twice(delegates.build, padd_ref, tmp_path)
    deleg = pd.read_csv(paths[0])
    assert list(deleg["pax_id"]) == [389, 556, 407]  # Gabon and Chad/Sudan out
    assert list(deleg["case_id"]) == ["balkans", "northern_ireland", "south_africa"]
    gfa = deleg[deleg["pax_id"] == 556].iloc[0]
    assert (gfa["delegates"], gfa["women_delegates"]) == (14, 3)
    assert gfa["name"] == "Good Friday Agreement"
    sa = deleg[deleg["pax_id"] == 407].iloc[0]
    assert pd.isna(sa["delegates"]) and pd.isna(sa["women_signatories"])  # NA stays empty
    raw = paths[0].read_text(encoding="utf-8")
    assert "407,south_africa,Interim Constitution,1993-11-18,,,," in raw

    shares = pd.read_csv(paths[1])
    padd = shares[shares["method"] == "computed from PADD"].set_index("measure")
    # All five PADD rows count, NA rows excluded: delegates (2+3+4+0)/(18+14+92+6).
    assert padd.loc["women among delegates", "share_percent"] == round(100 * 9 / 130, 1)
    assert padd.loc["women among delegates", "n_agreements"] == 4
    assert padd.loc["women among mediators", "share_percent"] == round(100 * 1 / 14, 1)
    assert (padd["period_start"] == 1993).all() and (padd["period_end"] == 2006).all()
    pub = shares[shares["method"] == "published figure"]
    assert pub["source_url"].str.startswith("https://").all()
    assert pub["n_agreements"].isna().all()
    cfr = pub[pub["source_url"].str.contains("cfr.org")].set_index("measure")
    assert cfr.loc["women among negotiators", "share_percent"] == 13
    assert set(cfr["period_start"]) == {1992} and set(cfr["period_end"]) == {2019}


# ---------------------------------------------------------------- missions

FRONTMAP_COLS = [
    "mission", "year", "country", "location", "latitude", "longitude", "Infantry", "NoTroops",
    "Reserve", "hq", "UNPOL", "Med", "Av", "UNMO", "ave.no.troops",
]


def _loc(mission, year, location, no_troops, ave):
    return [mission, year, "X", location, 0.0, 0.0, 0, no_troops, 0, 0, 0, 0, 0, 0, ave]


@pytest.fixture
def geopko_ref(tmp_path: Path) -> Path:
    ref = tmp_path / "ref"
    (ref / "geopko_deployments").mkdir(parents=True)
    rows = [
        # UNFICYP 2005: UNPA on three maps (150, 180, 255 -> ave 195), Nicosia once.
        _loc("UNFICYP", 2005, "UNPA", 150, 195),
        _loc("UNFICYP", 2005, "UNPA", 180, 195),
        _loc("UNFICYP", 2005, "UNPA", 255, 195),
        _loc("UNFICYP", 2005, "Nicosia", 150, 150),
        _loc("UNFICYP", 2005, "Paralimni", None, None),  # missing: skipped, not zero
        _loc("UNMIK", 2010, "Pristina", 0, 0),  # police-only: dropped
        _loc("UNMISS", 2012, "Juba", 1000, 1000.4),
        _loc("MINUSMA", 2015, "Gao", 900, 900),  # not a case mission
    ]
    pd.DataFrame(rows, columns=FRONTMAP_COLS).to_csv(ref / missions.SOURCE, index=False)
    return ref


def test_mission_troops(geopko_ref: Path, tmp_path: Path) -> None:
    (path,) = _twice(missions.build, geopko_ref, tmp_path)
    df = pd.read_csv(path)
    assert list(df.columns) == missions.COLUMNS
    assert list(df["mission"]) == ["UNFICYP", "UNMISS"]  # UNMIK zero dropped, MINUSMA out
    cy = df[df["mission"] == "UNFICYP"].iloc[0]
    assert (cy["case_id"], cy["year"], cy["troops_estimate"], cy["locations"]) == ("cyprus", 2005, 345, 3)
    assert df.loc[df["mission"] == "UNMISS", "troops_estimate"].item() == 1000
    assert df.loc[df["mission"] == "UNMISS", "case_id"].item() == "sudan"
