"""indicators: country-year development indicators for the seven cases (long format).

Upstream files:

- ``wdi_gdp_per_capita/API_NY.GDP.PCAP.PP.KD_DS2_en_csv_v2_*.csv``: World Bank WDI bulk
  download, GDP per capita, PPP (constant 2021 international $), vintage 2024-06-28
  (4 header lines before the column row).
- ``owid_maddison_2020/Maddison Project Database 2020 (Bolt and van Zanden (2020)).csv``:
  OWID export of the Maddison Project Database 2020, GDP per capita in 2011 int-$.
- ``owid_life_expectancy/Life expectancy - Riley (2005), Clio Infra (2015), and UN (2019).csv``:
  OWID life expectancy at birth (Riley; Clio Infra; UN WPP 2019).

Northern Ireland has no series of its own: the case is represented by the UK and Ireland.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from scripts.derive.common import upstream, write_table

WDI_DIR = "wdi_gdp_per_capita"
WDI_PATTERN = "API_NY.GDP.PCAP.PP.KD_*.csv"
WDI_WHERE = "https://data.worldbank.org/indicator/NY.GDP.PCAP.PP.KD (CSV download)"
MADDISON = "owid_maddison_2020/Maddison Project Database 2020 (Bolt and van Zanden (2020)).csv"
MADDISON_WHERE = (
    "https://www.rug.nl/ggdc/historicaldevelopment/maddison/releases/maddison-project-database-2020 "
    "(OWID export: owid/owid-datasets)"
)
LIFE = "owid_life_expectancy/Life expectancy - Riley (2005), Clio Infra (2015), and UN (2019).csv"
LIFE_WHERE = "https://ourworldindata.org (owid/owid-datasets: Life expectancy - Riley, Clio Infra, UN)"

FIRST_YEAR, LAST_YEAR = 1950, 2021

# iso3 -> (country name used in this table, case_id)
COUNTRIES: dict[str, tuple[str, str]] = {
    "BIH": ("Bosnia and Herzegovina", "balkans"),
    "HRV": ("Croatia", "balkans"),
    "SRB": ("Serbia", "balkans"),
    "XKX": ("Kosovo", "balkans"),
    "GBR": ("United Kingdom", "northern_ireland"),
    "IRL": ("Ireland", "northern_ireland"),
    "ZAF": ("South Africa", "south_africa"),
    "TLS": ("Timor-Leste", "timor_leste"),
    "COL": ("Colombia", "colombia"),
    "CYP": ("Cyprus", "cyprus"),
    "SDN": ("Sudan", "sudan"),
    "SSD": ("South Sudan", "sudan"),
}

# OWID entity names -> iso3 (OWID calls Timor-Leste "Timor"; it has no Kosovo series).
OWID_ENTITIES = {
    "Bosnia and Herzegovina": "BIH",
    "Croatia": "HRV",
    "Serbia": "SRB",
    "Kosovo": "XKX",
    "United Kingdom": "GBR",
    "Ireland": "IRL",
    "South Africa": "ZAF",
    "Timor": "TLS",
    "Timor-Leste": "TLS",
    "East Timor": "TLS",
    "Colombia": "COL",
    "Cyprus": "CYP",
    "Sudan": "SDN",
    "South Sudan": "SSD",
}

SOURCE_WDI = "World Bank WDI NY.GDP.PCAP.PP.KD (2024-06-28)"
SOURCE_MADDISON = "Maddison Project Database 2020 (via OWID)"
SOURCE_LIFE = "OWID life expectancy (Riley 2005; Clio Infra 2015; UN WPP 2019)"

COLUMNS = ["iso3", "country", "case_id", "year", "indicator", "value", "source_dataset"]


def find_wdi(reference: Path) -> Path:
    """The WDI bulk file; its name ends with a download number, so match a pattern."""
    matches = sorted((Path(reference) / WDI_DIR).glob(WDI_PATTERN))
    if not matches:
        return upstream(reference, f"{WDI_DIR}/{WDI_PATTERN}", WDI_WHERE)  # raises UpstreamMissing
    if len(matches) > 1:
        raise ValueError(f"several WDI files match {WDI_PATTERN}: {[m.name for m in matches]}")
    return matches[0]


def _finish(df: pd.DataFrame, indicator: str, source: str, decimals: int | None) -> pd.DataFrame:
    df = df.dropna(subset=["value"])
    df = df[df["year"].between(FIRST_YEAR, LAST_YEAR)].copy()
    df["year"] = df["year"].astype("int64")
    df["value"] = df["value"].astype("float64")
    if decimals is not None:
        df["value"] = df["value"].round(decimals)
    df["country"] = df["iso3"].map(lambda c: COUNTRIES[c][0])
    df["case_id"] = df["iso3"].map(lambda c: COUNTRIES[c][1])
    df["indicator"] = indicator
    df["source_dataset"] = source
    return df[COLUMNS]


def from_wdi(raw: pd.DataFrame) -> pd.DataFrame:
    raw = raw.loc[:, ~raw.columns.astype(str).str.startswith("Unnamed")]
    if set(raw["Indicator Code"].dropna()) != {"NY.GDP.PCAP.PP.KD"}:
        raise ValueError("WDI file is not NY.GDP.PCAP.PP.KD")
    sel = raw[raw["Country Code"].isin(COUNTRIES)]
    years = [c for c in sel.columns if str(c).isdigit()]
    long = sel.melt(id_vars=["Country Code"], value_vars=years, var_name="year", value_name="value")
    long = long.rename(columns={"Country Code": "iso3"})
    long["year"] = long["year"].astype(int)
    # Values are written with up to 6 significant digits by write_table.
    return _finish(long, "gdp_pc_ppp_2021", SOURCE_WDI, None)


def _from_owid(
    raw: pd.DataFrame, column: str, indicator: str, source: str, decimals: int | None
) -> pd.DataFrame:
    sel = raw[raw["Entity"].isin(OWID_ENTITIES)].copy()
    sel["iso3"] = sel["Entity"].map(OWID_ENTITIES)
    sel = sel.rename(columns={"Year": "year", column: "value"})
    out = _finish(sel[["iso3", "year", "value"]], indicator, source, decimals)
    if out.duplicated(["iso3", "year"]).any():
        raise ValueError(f"{indicator}: two OWID entities map to the same country-year")
    return out


def from_maddison(raw: pd.DataFrame) -> pd.DataFrame:
    return _from_owid(raw, "GDP per capita", "gdp_pc_maddison_2011", SOURCE_MADDISON, None)


def from_life(raw: pd.DataFrame) -> pd.DataFrame:
    return _from_owid(raw, "Life expectancy", "life_expectancy", SOURCE_LIFE, 1)


def build(reference: Path, out: Path) -> list[Path]:
    reference = Path(reference)
    wdi = pd.read_csv(find_wdi(reference), skiprows=4, encoding="utf-8-sig")
    mad = pd.read_csv(upstream(reference, MADDISON, MADDISON_WHERE), encoding="utf-8-sig")
    life = pd.read_csv(upstream(reference, LIFE, LIFE_WHERE), encoding="utf-8-sig")
    table = pd.concat([from_wdi(wdi), from_maddison(mad), from_life(life)], ignore_index=True)
    if table.duplicated(["iso3", "year", "indicator"]).any():
        raise ValueError("duplicate (iso3, year, indicator) rows")
    return [write_table(table, Path(out) / "indicators.csv", ["iso3", "indicator", "year"])]
