"""agreements: key peace agreements of the seven cases, one row per agreement EVENT.

Upstream files
- ``ucdp_peace_agreements/ucdp-peace-agreements-221.xlsx``: UCDP Peace Agreement Dataset
  22.1 (the xlsx, because the csv has a trailing empty column; values agree).
- ``pax_agreements/pax.csv``: PA-X agreement metadata (PeaceRep paxplorer, 1990-2025).
- ``pax_provisions_v2/pax_all_agreements_data.xlsx``: PA-X v2 provision matrix
  (1990-02-15 to 2019-10-21); the provision flags come only from here.

Selection (also in the descriptor)
1. Every UCDP PA agreement whose ``conflict_id`` is one of ``CONFLICT_CASE``.
2. Every PA-X agreement with Stage ``SubComp`` (framework-substantive, comprehensive) whose
   ``Con`` is in ``PAX_CON_CASE``.
3. Hand-picked PA-X agreements in ``KEY_PAX`` (East Timor 1999 agreements, key ceasefires).
UCDP and PA-X rows are the same agreement when PA-X ``UcdpAgr`` equals UCDP ``paid``; the
row then carries both ids and ``agreement_id`` is ``pax-<AgtId>``. Otherwise the id is
``pax-<AgtId>`` or ``ucdp-<paid>``.

Events: one row per event. If the two sources give the same date, one "signed" row. For
Dayton (PA-X 389 / UCDP 1073) PA-X dates the initialling at Dayton, Ohio (1995-11-21) and
UCDP the signing in Paris (1995-12-14): two rows, "initialled" and "signed". For other
linked pairs whose dates disagree, one "signed" row with the UCDP date and the PA-X date
in ``note``.

Column mapping
- name: UCDP ``pa_name`` if in UCDP, else PA-X ``Agt``; date: UCDP ``pa_date`` / PA-X ``Dat``.
- place: neither source has a signing-place field (PA-X ``Loc1ISO`` is the conflict
  country), so it is filled only for the two Dayton events (``EVENT_PLACE``: UCDP's
  comment says negotiations were at Dayton, USA; both places confirmed on the page named
  at ``EVENT_PLACE``) and
  left empty otherwise.
- stage: PA-X ``Stage`` via ``STAGE``; empty for UCDP-only agreements.
- ucdp_type: UCDP ``pa_type`` (1 full, 2 partial, 3 peace process).
- ucdp_agreement_ended: UCDP ``ended`` (the AGREEMENT was terminated, e.g. Darfur Peace
  Agreement 2006, ARCSS 2015); it does not say whether the conflict ended.
- ucdp_conflict_id: UCDP ``conflict_id`` (may list two, "389, 398"), else PA-X ``UcdpCon``.
- provision flags from PA-X v2 (True when the code is > 0; empty when the agreement is
  not in PA-X v2): power_sharing = Polps|Terps|Eps|Mps (political, territorial, economic,
  military power sharing); ceasefire = Ce; ddr = SsrDdr; elections = Ele; human_rights =
  HrGen|HrFra|HrCp|HrSec (general, framework, civil-political, socio-economic rights);
  transitional_justice = any of TjGen, TjAm, TjCou, TjMech, TjPrire, TjVet, TjVic, TjMis,
  TjRep, TjNR; gender = GeWom (women, girls and gender); third_party_un_role = ImUN|ImPK
  (UN signatory, or an international mission/force provided for: not necessarily UN).
Cyprus has no agreement in either source (its UCDP conflicts 248, 323 have none).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from scripts.derive.common import upstream, write_table

UCDP = "ucdp_peace_agreements/ucdp-peace-agreements-221.xlsx"
UCDP_WHERE = "https://ucdp.uu.se/downloads/ (UCDP Peace Agreement Dataset 22.1)"
PAX = "pax_agreements/pax.csv"
PAX_WHERE = "https://github.com/peacerep/paxplorer (data/pax.csv)"
PAXV2 = "pax_provisions_v2/pax_all_agreements_data.xlsx"
PAXV2_WHERE = "https://github.com/vboix2/Peace-Agreements (data/pax_all_agreements_data.xlsx)"

# UCDP/PRIO conflict id -> case id.
CONFLICT_CASE = {
    384: "balkans",  # Yugoslavia: Slovenia (1991)
    385: "balkans",  # Yugoslavia: Croatia (1991)
    389: "balkans",  # Bosnia-Herzegovina: Serb
    390: "balkans",  # Croatia: Serb (Krajina)
    397: "balkans",  # Bosnia-Herzegovina: Western Bosnia (Bihac)
    398: "balkans",  # Bosnia-Herzegovina: Croat
    412: "balkans",  # Serbia (Yugoslavia): Kosovo
    315: "northern_ireland",  # United Kingdom: Northern Ireland
    345: "south_africa",  # South Africa: Government (ANC). 298 (Namibia/SWAPO) left out:
    # the 1978 Namibia settlement proposal belongs to Namibia's independence process.
    330: "timor_leste",  # Indonesia: East Timor (no UCDP PA agreement)
    289: "colombia",  # Colombia: Government
    248: "cyprus",  # United Kingdom: Cyprus (no UCDP PA agreement)
    323: "cyprus",  # Cyprus: Northern Cyprus (no UCDP PA agreement)
    282: "sudan",  # Sudan: Southern Sudan (1963-72)
    309: "sudan",  # Sudan: Government
    11344: "sudan",  # Sudan - South Sudan: Abyei
    11345: "sudan",  # South Sudan: Government
    11348: "sudan",  # South Sudan - Sudan: common border
}

# PA-X ``Con`` (country/entity) -> case id. Unlisted entities are outside the cases, e.g.
# "Macedonia/Yugoslavia (former)" (Ohrid 2001), "Serbia/Yugoslavia (former)/(Presevo
# Valley)", "Namibia/South Africa", "Chad/Sudan", "Colombia/Venezuela". Cyprus is absent.
PAX_CON_CASE = {
    "Bosnia and Herzegovina/Yugoslavia (former)": "balkans",
    "Croatia/Yugoslavia (former)": "balkans",
    "Croatia/Slovenia/Yugoslavia (former)": "balkans",
    "Slovenia/Yugoslavia (former)": "balkans",
    "Kosovo/Serbia/Yugoslavia (former)": "balkans",
    "Kosovo/Serbia": "balkans",
    "Kosovo": "balkans",
    "Ireland/United Kingdom/(Northern Ireland)": "northern_ireland",
    "South Africa": "south_africa",
    "(East Timor)": "timor_leste",
    "Indonesia/Portugal/(East Timor)": "timor_leste",
    "Colombia": "colombia",
    "Sudan": "sudan",
    "Sudan/(Darfur)": "sudan",
    "Sudan/(Eastern Sudan)": "sudan",
    "Sudan/(Southern Kordofan - Blue Nile - Abyei)": "sudan",
    "Sudan/(Darfur)/(Southern Kordofan - Blue Nile - Abyei)": "sudan",
    "South Sudan": "sudan",
    "South Sudan/Sudan": "sudan",
    "South Sudan/Sudan/(Darfur)": "sudan",
    "South Sudan/Sudan/(Southern Kordofan - Blue Nile - Abyei)": "sudan",
}

# Hand-picked PA-X agreements beyond the comprehensive ones (AgtId: why).
KEY_PAX = {
    241: "East Timor: Indonesia-Portugal agreement on the question of East Timor, 1999-05-05",
    294: "East Timor: modalities for the popular consultation, 1999-05-05",
    372: "East Timor: popular consultation agreement regarding security, 1999-05-05",
    367: "East Timor: Dili Peace Accord (ceasefire), 1999-04-21",
    318: "Croatia: Geneva ceasefire of 23 November 1991 (Vance plan, UNPROFOR)",
    324: "Croatia: Zagreb ceasefire agreement of 29 March 1994",
    915: "Bosnia: Agreement on Complete Cessation of Hostilities, 1994-12-31",
    322: "Bosnia: ceasefire agreement of 5 October 1995, before Dayton",
    1257: "Northern Ireland: IRA ceasefire statement, 1994-08-31 (unilateral)",
    1258: "Northern Ireland: Combined Loyalist Military Command ceasefire, 1994-10-13 (unilateral)",
    470: "Sudan: Nuba Mountains ceasefire agreement, 2002-01-19",
    647: "Sudan: Darfur humanitarian ceasefire (N'Djamena), 2004-04-08",
    270: "Sudan: permanent ceasefire and security arrangements (CPA annex), 2004-12-31",
    884: "South Sudan: cessation of hostilities GRSS / SPLM-IO, 2014-01-23",
}

# PA-X Stage code -> our stage.
STAGE = {
    "Pre": "pre-negotiation",  # Pre-negotiation/process
    "Cea": "ceasefire",  # Ceasefire
    "SubPar": "framework",  # Framework-substantive, partial
    "SubComp": "comprehensive",  # Framework-substantive, comprehensive
    "Imp": "implementation",  # Implementation
    "Ren": "other",  # Renewal
    "Oth": "other",  # Other
}

UCDP_TYPE = {1: "full", 2: "partial", 3: "peace process"}

# (agreement_id, event) -> place; the only places given (see module docstring). Source:
# Forced Migration Review, https://www.fmreview.org/book_contents/contents-18/ ("reached at
# Wright-Patterson Air Force Base near Dayton, Ohio ... formally signed in Paris on 14 December 1995").
EVENT_PLACE = {
    ("pax-389", "initialled"): "Dayton, Ohio, United States",
    ("pax-389", "signed"): "Paris, France",
}
# PA-X AgtIds whose PA-X date is an initialling, not a signing.
INITIALLED = {389}

PROVISIONS = {
    "power_sharing": ["Polps", "Terps", "Eps", "Mps"],
    "ceasefire": ["Ce"],
    "ddr": ["SsrDdr"],
    "elections": ["Ele"],
    "human_rights": ["HrGen", "HrFra", "HrCp", "HrSec"],
    "transitional_justice": [
        "TjGen", "TjAm", "TjCou", "TjMech", "TjPrire", "TjVet", "TjVic", "TjMis", "TjRep", "TjNR",
    ],
    "gender": ["GeWom"],
    "third_party_un_role": ["ImUN", "ImPK"],
}

COLUMNS = [
    "agreement_id",
    "event",
    "case_id",
    "name",
    "date",
    "place",
    "stage",
    "pax_id",
    "ucdp_paid",
    "ucdp_conflict_id",
    "ucdp_type",
    "ucdp_agreement_ended",
    *PROVISIONS,
    "note",
]


def _ucdp_case(conflict_id: object) -> str | None:
    cases = {CONFLICT_CASE.get(int(c)) for c in str(conflict_id).split(",") if c.strip()}
    cases.discard(None)
    return cases.pop() if len(cases) == 1 else None


def _iso(value: object, dayfirst: bool = False) -> str | None:
    if pd.isna(value):
        return None
    return pd.to_datetime(value, dayfirst=dayfirst).strftime("%Y-%m-%d")


def _bool(value: object) -> object:
    if pd.isna(value):
        return pd.NA
    return bool(value)


def provision_flags(v2: pd.DataFrame) -> pd.DataFrame:
    """PA-X v2 provision codes -> boolean flags, indexed by AgtId."""
    v2 = v2.drop_duplicates("AgtId").set_index("AgtId")
    out = pd.DataFrame(index=v2.index)
    for flag, cols in PROVISIONS.items():
        out[flag] = (v2[cols].apply(pd.to_numeric, errors="coerce").fillna(0) > 0).any(axis=1)
    return out


def derive(ucdp: pd.DataFrame, pax: pd.DataFrame, v2: pd.DataFrame) -> pd.DataFrame:
    ucdp = ucdp.copy()
    ucdp["case_id"] = ucdp["conflict_id"].map(_ucdp_case)
    ucdp = ucdp[ucdp["case_id"].notna()].drop_duplicates("paid")

    pax = pax.copy()
    pax["AgtId"] = pax["AgtId"].astype("int64")
    pax = pax.drop_duplicates("AgtId")
    pax["case_id"] = pax["Con"].map(PAX_CON_CASE)
    linked = pax.dropna(subset=["UcdpAgr"]).copy()
    linked["UcdpAgr"] = linked["UcdpAgr"].astype("int64")
    # One PA-X agreement per UCDP paid (the lowest AgtId if PA-X links several).
    by_paid = linked.sort_values("AgtId").drop_duplicates("UcdpAgr").set_index("UcdpAgr")

    rows: list[dict] = []
    used_pax: set[int] = set()
    for _, u in ucdp.iterrows():
        paid = int(u["paid"])
        p = by_paid.loc[paid] if paid in by_paid.index else None
        date_u = _iso(u["pa_date"])
        base = {
            "case_id": u["case_id"],
            "name": str(u["pa_name"]).strip(),
            "ucdp_paid": paid,
            "ucdp_conflict_id": str(u["conflict_id"]).strip(),
            "ucdp_type": UCDP_TYPE.get(u["pa_type"]),
            "ucdp_agreement_ended": _bool(u["ended"]),
        }
        if p is None:
            rows.append({**base, "agreement_id": f"ucdp-{paid}", "event": "signed", "date": date_u})
            continue
        agt = int(p["AgtId"])
        used_pax.add(agt)
        date_p = _iso(p["Dat"], dayfirst=True)
        base.update(agreement_id=f"pax-{agt}", pax_id=agt, stage=STAGE.get(p["Stage"]))
        if agt in INITIALLED and date_p != date_u:
            rows.append({**base, "event": "initialled", "date": date_p, "name": str(p["Agt"]).strip()})
            rows.append({**base, "event": "signed", "date": date_u})
        elif date_p != date_u:
            note = f"PA-X dates this agreement {date_p}"
            rows.append({**base, "event": "signed", "date": date_u, "note": note})
        else:
            rows.append({**base, "event": "signed", "date": date_u})

    chosen = pax[
        pax["case_id"].notna()
        & ((pax["Stage"] == "SubComp") | pax["AgtId"].isin(KEY_PAX))
        & ~pax["AgtId"].isin(used_pax)
    ]
    for _, p in chosen.iterrows():
        agt = int(p["AgtId"])
        rows.append(
            {
                "agreement_id": f"pax-{agt}",
                "event": "initialled" if agt in INITIALLED else "signed",
                "case_id": p["case_id"],
                "name": str(p["Agt"]).strip(),
                "date": _iso(p["Dat"], dayfirst=True),
                "stage": STAGE.get(p["Stage"]),
                "pax_id": agt,
                "ucdp_conflict_id": None if pd.isna(p["UcdpCon"]) else str(int(p["UcdpCon"])),
                "note": KEY_PAX.get(agt),
            }
        )

    out = pd.DataFrame(rows)
    for col in COLUMNS:
        if col not in out:
            out[col] = pd.NA
    out["place"] = [EVENT_PLACE.get((a, e)) for a, e in zip(out["agreement_id"], out["event"], strict=True)]
    out["pax_id"] = out["pax_id"].astype("Int64")
    out["ucdp_paid"] = out["ucdp_paid"].astype("Int64")
    out["ucdp_agreement_ended"] = out["ucdp_agreement_ended"].astype("boolean")
    flags = provision_flags(v2)
    for flag in PROVISIONS:
        out[flag] = out["pax_id"].map(flags[flag]).astype("boolean")
    return out[COLUMNS]


def build(reference: Path, out: Path) -> list[Path]:
    ucdp = pd.read_excel(upstream(reference, UCDP, UCDP_WHERE))
    pax = pd.read_csv(upstream(reference, PAX, PAX_WHERE), encoding="utf-8-sig")
    v2 = pd.read_excel(upstream(reference, PAXV2, PAXV2_WHERE))
    table = derive(ucdp, pax, v2)
    return [write_table(table, Path(out) / "agreements.csv", ["case_id", "date", "agreement_id", "event"])]
