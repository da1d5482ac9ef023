"""women_in_delegations and women_global_shares, from the Peace Agreement Delegates Dataset.

Upstream: ``padd_women_delegates/PADD_Agreement Level.csv`` (E. Good 2024, PADD,
replication files). The folder holds three agreement-level files with the same 116
agreements (PA-X comprehensive agreements, 1990-03-09 to 2020-11-10):

- ``PADD_Agreement Level.csv`` (used here): the main file. Role counts plus the PA-X
  provision columns merged in; each delegate is counted in one role.
- ``..._Multiple Positions.csv``: a delegate holding several positions is counted in each
  (it has a ``Mult_Pos_Weight`` column and larger role counts, e.g. Gabon 8: 29 vs 21
  signatories), so roles overlap and cannot be compared with delegates.
- ``..._Lowest Positions.csv``: multi-role delegates assigned to one position by a
  different rule (lowest position).
The main file is the one whose role counts do not double count delegates, so shares of
women per role are comparable with the delegate total.

Column mapping (PADD -> ours): AgtId -> pax_id (PADD uses PA-X agreement ids), Dat ->
date, Del_N -> delegates, FemDel_N -> women_delegates, NADel_N ->
delegates_gender_unknown, Sig_N/FemSig_N -> signatories/women_signatories, Neg_N/FemNeg_N
-> negotiators/women_negotiators, Med_N/FemMed_N -> mediators/women_mediators,
Ob_N/FemOb_N -> observers/women_observers, Adv_N/FemAdv_N -> advisers/women_advisers.
NA in PADD (e.g. South Africa's 1993 Interim Constitution, Colombia's 1991 Constitution:
no delegate list) stays an empty cell, never 0. Agreement names come from PA-X
``pax.csv`` (``Agt``) joined on AgtId, because PADD carries no names.

women_global_shares: (a) pooled shares computed from PADD over all agreements with a
count for that role; (b) published figures in ``PUBLISHED`` below, each with the page
read. Never mixes periods in a row.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from scripts.derive.common import upstream, write_table

PADD = "padd_women_delegates/PADD_Agreement Level.csv"
PADD_WHERE = (
    "https://github.com/rdestaci/Vox_Replication (dataverse_files/, Good 2024 PADD replication files)"
)
PAX = "pax_agreements/pax.csv"
PAX_WHERE = "https://github.com/peacerep/paxplorer (data/pax.csv)"

# PADD ``Con`` (PA-X country/entity) -> case id. Unlisted entities are outside the seven
# cases (e.g. "Macedonia/Yugoslavia (former)" Ohrid 2001 and "Chad/Sudan" Tripoli 2006,
# interstate, are deliberately left out).
CON_CASE = {
    "Bosnia and Herzegovina/Yugoslavia (former)": "balkans",  # Vance-Owen ... Dayton
    "Kosovo/Serbia/Yugoslavia (former)": "balkans",  # Rambouillet 1999
    "Ireland/United Kingdom/Northern Ireland": "northern_ireland",  # Good Friday Agreement
    "South Africa": "south_africa",  # Interim Constitution 1993 (counts NA)
    "Colombia": "colombia",
    "Sudan": "sudan",
    "Sudan/Darfur": "sudan",
    "Sudan/Eastern Sudan": "sudan",
    "South Sudan": "sudan",
    "South Sudan/Sudan": "sudan",  # CPA 2005, Interim National Constitution 2005
    "South Sudan/Sudan/Southern Kordofan - Blue Nile - Abyei": "sudan",
}

# PADD column -> output column, in output order.
COUNTS = {
    "Del_N": "delegates",
    "FemDel_N": "women_delegates",
    "NADel_N": "delegates_gender_unknown",
    "Sig_N": "signatories",
    "FemSig_N": "women_signatories",
    "Neg_N": "negotiators",
    "FemNeg_N": "women_negotiators",
    "Med_N": "mediators",
    "FemMed_N": "women_mediators",
    "Ob_N": "observers",
    "FemOb_N": "women_observers",
    "Adv_N": "advisers",
    "FemAdv_N": "women_advisers",
}

DELEGATION_COLUMNS = ["pax_id", "case_id", "name", "date", *COUNTS.values()]

# Roles for the computed global shares: (measure, total column, women column).
COMPUTED = [
    ("women among delegates", "Del_N", "FemDel_N"),
    ("women among signatories", "Sig_N", "FemSig_N"),
    ("women among negotiators", "Neg_N", "FemNeg_N"),
    ("women among mediators", "Med_N", "FemMed_N"),
    ("women among observers", "Ob_N", "FemOb_N"),
]

PADD_SOURCE = "Good, E. (2024), Peace Agreement Delegates Dataset (PADD), agreement-level file"

CFR_SOURCE = (
    "Council on Foreign Relations, Women and Foreign Policy Program, "
    "'New Data on Women's Roles at the Peace Table' (19 October 2020)"
)
CFR_URL = "https://www.cfr.org/article/new-data-womens-roles-peace-table"
UNW_SOURCE = (
    "UN Women, 'Facts and figures: Peace and security' (page as archived 29 August 2019)"
)
UNW_URL = (
    "https://webarchive.unesco.org/web/20190829215029/"
    "https://www.unwomen.org/en/what-we-do/peace-and-security/facts-and-figures"
)

# Published figures, copied from the pages named (read on 2026-11-25). n_agreements is
# not stated on these pages, so it stays empty. CFR: "between 1992 and 2019, women
# constituted, on average, 13 percent of negotiators, 6 percent of mediators, and 6
# percent of signatories in major peace processes". UN Women: "Between 1990 and 2017,
# women constituted only 2 per cent of mediators, 8 per cent of negotiators, and 5 per
# cent of witnesses and signatories in all major peace process".
PUBLISHED = [
    ("women among negotiators", 13.0, 1992, 2019, CFR_SOURCE, CFR_URL),
    ("women among mediators", 6.0, 1992, 2019, CFR_SOURCE, CFR_URL),
    ("women among signatories", 6.0, 1992, 2019, CFR_SOURCE, CFR_URL),
    ("women among mediators", 2.0, 1990, 2017, UNW_SOURCE, UNW_URL),
    ("women among negotiators", 8.0, 1990, 2017, UNW_SOURCE, UNW_URL),
    ("women among witnesses and signatories", 5.0, 1990, 2017, UNW_SOURCE, UNW_URL),
]

SHARE_COLUMNS = [
    "measure",
    "share_percent",
    "period_start",
    "period_end",
    "n_agreements",
    "source",
    "source_url",
    "method",
]


def read_padd(path: Path) -> pd.DataFrame:
    # utf-8-sig: the upstream file starts with a byte-order mark. "NA" and "" are missing.
    return pd.read_csv(path, encoding="utf-8-sig", na_values=["NA", ""], keep_default_na=False)


def delegations(padd: pd.DataFrame, pax: pd.DataFrame) -> pd.DataFrame:
    """One row per PADD agreement in the seven cases."""
    df = padd[padd["Con"].str.strip().isin(CON_CASE)].copy()
    df["case_id"] = df["Con"].str.strip().map(CON_CASE)
    df["pax_id"] = df["AgtId"].astype("int64")
    df["date"] = pd.to_datetime(df["Dat"]).dt.strftime("%Y-%m-%d")
    names = pax.drop_duplicates("AgtId").set_index("AgtId")["Agt"]
    df["name"] = df["pax_id"].map(names).str.strip()
    for src, dst in COUNTS.items():
        df[dst] = pd.to_numeric(df[src], errors="coerce").astype("Int64")
    return df[DELEGATION_COLUMNS]


def global_shares(padd: pd.DataFrame) -> pd.DataFrame:
    """Pooled PADD shares plus the published figures."""
    dates = pd.to_datetime(padd["Dat"])
    start, end = int(dates.min().year), int(dates.max().year)
    rows = []
    for measure, total_col, women_col in COMPUTED:
        total = pd.to_numeric(padd[total_col], errors="coerce")
        women = pd.to_numeric(padd[women_col], errors="coerce")
        ok = total.notna() & women.notna()
        denom = total[ok].sum()
        share = round(100 * women[ok].sum() / denom, 1) if denom > 0 else None
        rows.append(
            {
                "measure": measure,
                "share_percent": share,
                "period_start": start,
                "period_end": end,
                "n_agreements": int(ok.sum()),
                "source": PADD_SOURCE,
                "source_url": PADD_WHERE.split(" ")[0],
                "method": "computed from PADD",
            }
        )
    for measure, share, p0, p1, source, url in PUBLISHED:
        rows.append(
            {
                "measure": measure,
                "share_percent": share,
                "period_start": p0,
                "period_end": p1,
                "n_agreements": None,
                "source": source,
                "source_url": url,
                "method": "published figure",
            }
        )
    out = pd.DataFrame(rows, columns=SHARE_COLUMNS)
    out["n_agreements"] = out["n_agreements"].astype("Int64")
    return out


def build(reference: Path, out: Path) -> list[Path]:
    padd = read_padd(upstream(reference, PADD, PADD_WHERE))
    pax = pd.read_csv(upstream(reference, PAX, PAX_WHERE), encoding="utf-8-sig")
    out = Path(out)
    return [
        write_table(delegations(padd, pax), out / "women_in_delegations.csv", ["case_id", "date", "pax_id"]),
        write_table(global_shares(padd), out / "women_global_shares.csv", ["method", "source", "measure"]),
    ]
