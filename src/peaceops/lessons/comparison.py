"""Compare two of the seven cases side by side: violence, agreement, missions, inclusion, recovery.

:func:`compare` is a pure function: two case ids in, a tidy table out (one row per measure and
case, with its unit, the period it refers to, its source and a note). It reads only the shared
tables, so it can also feed a standalone dashboard (for example ``voila`` or a script) without
the notebook. :class:`ComparisonExplorer` is the notebook widget built on it.

Measures are anchored on each case's **key agreement** (``data/cases.csv``). Cyprus has none, so
its before/after measures are empty on purpose, with a note saying why.
"""

from __future__ import annotations

import html

import ipywidgets as ipw
import pandas as pd
import plotly.graph_objects as go

from peaceops import analysis, charts, controls
from peaceops.data import load
from peaceops.widgets import Explorer, InputError, Table

TABLES = ("cases", "conflict_years", "agreements", "missions", "mission_troops", "mission_ceilings",
          "women_in_delegations", "indicators")
PROVISIONS = {
    "power_sharing": "power sharing",
    "ceasefire": "ceasefire",
    "ddr": "DDR (disarmament, demobilisation, reintegration)",
    "elections": "elections",
    "human_rights": "human rights",
    "transitional_justice": "transitional justice",
    "gender": "women, girls and gender",
    "third_party_un_role": "UN or international mission role",
}
DOMAINS = ("Violence", "Agreement", "Missions", "Inclusion", "Recovery")
COLUMNS = ["domain", "measure", "case_id", "value", "unit", "period", "source", "note"]
SRC = {
    "ucdp": "UCDP Battle-Related Deaths 22.1 and UCDP/PRIO ACD 22.1 (data/conflict_years.csv)",
    "cases": "data/cases.csv (hand-curated, sources per row)",
    "pax": "PA-X v2 provision flags (data/agreements.csv)",
    "missions": "data/missions.csv (hand-curated, sources per row)",
    "geopko": "Geo-PKO v2.3, map-based troop estimates (data/mission_troops.csv)",
    "padd": "PADD, Good 2024 (data/women_in_delegations.csv)",
    "wdi": "World Bank WDI NY.GDP.PCAP.PP.KD, vintage 2024-06-28 (data/indicators.csv)",
    "owid": "OWID life expectancy: Riley; Clio Infra; UN WPP 2019 (data/indicators.csv)",
}
FIGURE_SOURCE = "UCDP Battle-Related Deaths 22.1 via data/conflict_years.csv; key agreements from data/cases.csv"
DEFAULT_WINDOW = 5
QUESTION = ("Do two cases whose agreements look alike on paper have alike aftermaths, and which other measures "
            "line up with the difference in violence?")
ALL_CONFLICTS = " Sums all the case's UCDP conflicts, not only the parties to the key agreement."
LATER = 10  # years after the agreement for the recovery measures


def load_tables() -> dict[str, pd.DataFrame]:
    """All the tables :func:`compare` reads, loaded and validated once."""
    return {name: load(name) for name in TABLES}


def _case(tables: dict, case_id: str) -> pd.Series:
    cases = tables["cases"]
    match = cases[cases["case_id"] == case_id]
    if match.empty:
        raise InputError(f"Unknown case {case_id!r}. Choose one of: {', '.join(cases['case_id'])}.")
    return match.iloc[0]


def key_agreements(tables: dict, case_id: str) -> pd.DataFrame:
    """The rows of ``agreements`` for the case's key agreement: same case and same date as in
    ``cases`` (three rows for Timor-Leste's New York Agreements; none for Cyprus)."""
    case = _case(tables, case_id)
    if pd.isna(case["agreement_date"]):
        return tables["agreements"].iloc[0:0]
    ag = tables["agreements"]
    return ag[(ag["case_id"] == case_id) & (ag["date"] == case["agreement_date"])]


def _row(domain, measure, case_id, value, unit, period, source, note="") -> dict:
    return dict(zip(COLUMNS, (domain, measure, case_id, value, unit, period, source, note), strict=True))


def _violence(tables: dict, case: pd.Series, year: int | None, window: int) -> list[dict]:
    cid = case["case_id"]
    unit = "battle-related deaths (UCDP best estimate, summed over years with an estimate)"
    if year is None:
        note = "No key agreement: there is no 'before' and 'after' to compare."
        return [
            *(_row("Violence", f"Deaths, {window} years {when} the key agreement", cid, pd.NA, unit, "", SRC["ucdp"],
                   note) for when in ("before", "after")),
            _row("Violence", "Active conflict-years before / after", cid, pd.NA, "years with 25 or more deaths", "",
                 SRC["ucdp"], note),
        ]
    ba = analysis.before_after(tables["conflict_years"], cid, year, window).set_index("period")
    rows = []
    for period in ("before", "after"):
        p = ba.loc[period]
        span = f"{int(p['first_year'])}–{int(p['last_year'])}"
        value = p["bd_best"]
        if p["years_with_estimate"] == 0:
            if p["years_active"] > 0:
                note = "Active years, but UCDP gives no death estimates before 1989."
            elif p["years_not_covered"] == p["years"]:
                note = "After 2021: not covered by the data."
            else:
                note = "No active year: fewer than 25 battle-related deaths each year (UCDP threshold)."
                value = 0
        else:
            note = f"Low–high: {int(p['bd_low']):,}–{int(p['bd_high']):,}; {int(p['years_with_estimate'])} of " \
                   f"{int(p['years'])} years with an estimate; a lower bound."
            if p["years_not_covered"]:
                note += f" {int(p['years_not_covered'])} year(s) after 2021 not covered."
        note += ALL_CONFLICTS
        rows.append(_row("Violence", f"Deaths, {window} years {period} the key agreement", cid,
                         None if pd.isna(value) else int(value), unit, span, SRC["ucdp"], note))
    rows.append(_row("Violence", "Active conflict-years before / after", cid,
                     f"{int(ba.loc['before', 'years_active'])} / {int(ba.loc['after', 'years_active'])}",
                     "years with 25 or more deaths", f"{year - window}–{year + window}, agreement year excluded",
                     SRC["ucdp"], "UCDP counts a conflict-year as active from 25 battle-related deaths."))
    return rows


def _agreement(tables: dict, case: pd.Series) -> list[dict]:
    cid = case["case_id"]
    date = case["agreement_date"]
    period = "" if pd.isna(date) else date.strftime("%Y-%m-%d")
    rows = [_row("Agreement", "Key agreement", cid, case["agreement_short"], "name", period, SRC["cases"],
                 "" if pd.notna(date) else "No comprehensive settlement.")]
    key = key_agreements(tables, cid)
    for col, label in PROVISIONS.items():
        flags = key[col].dropna() if not key.empty else pd.Series(dtype=bool)
        if flags.empty:
            value, note = pd.NA, ("No key agreement." if pd.isna(date) else "Not coded in PA-X v2.")
        else:
            value = "yes" if bool(flags.any()) else "no"
            note = f"Any of the {len(key)} agreements signed that day." if len(key) > 1 else ""
        rows.append(_row("Agreement", f"Provides for {label}", cid, value, "PA-X provision (yes/no)", "",
                         SRC["pax"], note))
    return rows


def _missions(tables: dict, case: pd.Series) -> list[dict]:
    cid = case["case_id"]
    m = tables["missions"][tables["missions"]["case_id"] == cid].sort_values(["start_year", "mission"])
    un = m[m["organisation"] == "UN"]
    names = ", ".join(m["mission"]) if not m.empty else "none"
    rows = [
        _row("Missions", "Peace operations deployed (all organisations)", cid, len(m), "operations",
             "", SRC["missions"], names),
        _row("Missions", "of which UN-led", cid, len(un), "operations", "", SRC["missions"],
             ", ".join(un["mission"]) if not un.empty else "none"),
    ]
    if not m.empty:
        first = m.iloc[0]
        rows.append(_row("Missions", "First operation established", cid, int(first["start_year"]), "year", "",
                         SRC["missions"], f"{first['mission']} ({first['organisation']})"))
    else:
        rows.append(_row("Missions", "First operation established", cid, pd.NA, "year", "", SRC["missions"],
                         "No peace operation was deployed."))
    troops = tables["mission_troops"][tables["mission_troops"]["case_id"] == cid]
    if troops.empty:
        rows.append(_row("Missions", "Peak UN troops in one year (estimate)", cid, pd.NA, "troops", "",
                         SRC["geopko"], "No UN troop deployment in Geo-PKO for this case (see data/README.md)."))
    else:
        per_year = analysis.troops_by_year(troops, tables["missions"], cid, tables["mission_ceilings"])
        peak = per_year.loc[per_year["troops_estimate"].idxmax()]
        note = ("Approximate map-based estimate, summed over the UN missions present "
                f"({peak['counted']}); troops only, no police or observers.")
        if peak["not_counted"]:
            note += f" Not added, to avoid counting one force twice: {peak['not_counted']}."
        if peak["above_ceiling"]:
            note += (f" Above the Security Council's authorised military ceiling, so an over-estimate: "
                     f"{peak['above_ceiling']}.")
        rows.append(_row("Missions", "Peak UN troops in one year (estimate)", cid, int(peak["troops_estimate"]),
                         "troops", str(int(peak["year"])), SRC["geopko"], note))
    return rows


def _inclusion(tables: dict, case: pd.Series) -> list[dict]:
    cid = case["case_id"]
    key = key_agreements(tables, cid)
    padd = tables["women_in_delegations"]
    rows_found = padd[padd["pax_id"].isin(key["pax_id"].dropna())] if not key.empty else padd.iloc[0:0]
    rows = []
    for role, total_col, women_col in (("delegates", "delegates", "women_delegates"),
                                       ("signatories", "signatories", "women_signatories")):
        counted = rows_found[rows_found[total_col].notna()]
        if counted.empty:
            note = ("No key agreement." if pd.isna(case["agreement_date"])
                    else "The key agreement is not in PADD, or PADD has no delegate list for it.")
            rows.append(_row("Inclusion", f"Women among the {role} of the key agreement", cid, pd.NA, "%", "",
                             SRC["padd"], note))
            continue
        total, women = int(counted[total_col].sum()), int(counted[women_col].sum())
        share = round(100 * women / total, 1) if total else pd.NA
        note = f"{women} of {total}."
        if role == "delegates":
            unknown = int(counted["delegates_gender_unknown"].fillna(0).sum())
            if unknown:
                note += f" {unknown} delegate(s) of unidentified gender: the share is a lower bound."
        rows.append(_row("Inclusion", f"Women among the {role} of the key agreement", cid, share, "%",
                         str(int(counted["date"].dt.year.iloc[0])), SRC["padd"], note))
    return rows


def _indicator(tables: dict, iso3: str, indicator: str, year: int) -> tuple[float | None, int | None]:
    ind = tables["indicators"]
    rows = ind[(ind["iso3"] == iso3) & (ind["indicator"] == indicator) & (ind["year"] == year)]
    return (None, None) if rows.empty else (float(rows["value"].iloc[0]), year)


def _latest(tables: dict, iso3: str, indicator: str, up_to: int | None = None) -> tuple[float | None, int | None]:
    ind = tables["indicators"]
    rows = ind[(ind["iso3"] == iso3) & (ind["indicator"] == indicator)]
    if up_to is not None:
        rows = rows[rows["year"] <= up_to]
    if rows.empty:
        return None, None
    last = rows.sort_values("year").iloc[-1]
    return float(last["value"]), int(last["year"])


def _recovery(tables: dict, case: pd.Series, year: int | None) -> list[dict]:
    cid = case["case_id"]
    iso3 = str(case["countries_iso3"]).split(";")[0].strip()
    countries = tables["indicators"].drop_duplicates("iso3").set_index("iso3")["country"]
    proxy = "The United Kingdom as a whole stands in for Northern Ireland." if iso3 == "GBR" else ""
    country = proxy or f"Series for {countries.get(iso3, iso3)}."
    specs = (
        ("life_expectancy", "Life expectancy at birth", "years", SRC["owid"], 0),
        ("gdp_pc_ppp_2021", "GDP per person, PPP", "constant 2021 international $", SRC["wdi"], -2),
    )
    rows = []
    for code, label, unit, source, digits in specs:
        if year is None:
            at = later = (None, None)
        else:
            at = _indicator(tables, iso3, code, year)
            later = _latest(tables, iso3, code, up_to=year + LATER)
            if later[1] is not None and later[1] <= year:
                later = (None, None)
        latest = _latest(tables, iso3, code)
        for name, (value, when), note in (
            (f"{label}, year of the key agreement", at,
             "No key agreement." if year is None else ("" if value_ok(at) else "No value for that year.")),
            (f"{label}, {LATER} years later (or latest before)", later,
             "No key agreement." if year is None else ("" if value_ok(later) else "No value after the agreement.")),
            (f"{label}, latest year in the data", latest, "" if value_ok(latest) else "No series."),
        ):
            shown = None if value is None else (round(value, 1) if digits == 0 else int(round(value, digits)))
            rows.append(_row("Recovery", name, cid, shown, unit, "" if when is None else str(when), source,
                             f"{country} {note}".strip()))
    return rows


def value_ok(pair: tuple) -> bool:
    return pair[0] is not None


def compare(case_a: str, case_b: str, tables: dict[str, pd.DataFrame] | None = None,
            window: int = DEFAULT_WINDOW) -> pd.DataFrame:
    """A tidy table of measures for two cases: one row per domain, measure and case, with value,
    unit, period, source and note. Raises :class:`InputError` for the same case twice, an unknown
    case or a window under one year."""
    if not case_a or not case_b:
        raise InputError("Choose two cases to compare.")
    if case_a == case_b:
        raise InputError("You chose the same case twice: choose two different cases to compare.")
    if int(window) < 1:
        raise InputError(f"A window of {window} years is empty: choose 1 year or more.")
    tables = load_tables() if tables is None else tables
    rows: list[dict] = []
    for cid in (case_a, case_b):
        case = _case(tables, cid)
        year = analysis.agreement_year(tables["cases"], cid)
        rows += _violence(tables, case, year, int(window))
        rows += _agreement(tables, case)
        rows += _missions(tables, case)
        rows += _inclusion(tables, case)
        rows += _recovery(tables, case, year)
    out = pd.DataFrame.from_records(rows, columns=COLUMNS)
    out["value"] = out["value"].astype(object).where(out["value"].notna(), None)
    return out


def _fmt(value, unit: str) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return "—"
    if isinstance(value, float) and unit == "%":
        return f"{value:.1f}%"
    if isinstance(value, int | float) and unit not in ("year",):
        return f"{value:,}" if isinstance(value, int) else f"{value:,.1f}"
    return str(value)


def side_by_side(tidy: pd.DataFrame, names: dict[str, str] | None = None) -> pd.DataFrame:
    """The tidy table pivoted for reading: one row per measure, one column per case (values shown
    with their period), then the unit and the source."""
    names = names or {}
    ids = list(dict.fromkeys(tidy["case_id"]))
    shown = tidy.assign(
        text=[
            _fmt(v, u) + (f" ({p})" if p and _fmt(v, u) != "—" and u not in ("year",) else "")
            for v, u, p in zip(tidy["value"], tidy["unit"], tidy["period"], strict=True)
        ]
    )
    wide = shown.pivot_table(index=["domain", "measure"], columns="case_id", values="text", aggfunc="first",
                             sort=False)
    meta = tidy.drop_duplicates(["domain", "measure"]).set_index(["domain", "measure"])[["unit", "source"]]
    out = wide[ids].rename(columns={c: names.get(c, c) for c in ids}).join(meta)
    out.columns.name = None
    return out


def notes(tidy: pd.DataFrame, names: dict[str, str] | None = None) -> pd.DataFrame:
    """The notes behind the values (caveats, low–high ranges, which mission), one row per measure."""
    names = names or {}
    rows = tidy[tidy["note"].astype(str).str.len() > 0]
    return rows.assign(case=rows["case_id"].map(lambda c: names.get(c, c)))[["domain", "measure", "case", "note"]]


def pair_table(case_a: str, case_b: str, tables: dict[str, pd.DataFrame] | None = None,
               window: int = DEFAULT_WINDOW, source: bool = True) -> Table:
    """Two cases side by side as the lesson shows them: theme, measure, one column per case (values
    with their period), unit and, with ``source``, the source. See :func:`compare`."""
    tables = load_tables() if tables is None else tables
    wide = side_by_side(compare(case_a, case_b, tables, window), case_names(tables)).reset_index()
    wide = wide.rename(columns={"domain": "Theme", "measure": "Measure", "unit": "Unit", "source": "Source"})
    return Table(wide if source else wide.drop(columns=["Source"]), missing="—")


def pair_notes(case_a: str, case_b: str, tables: dict[str, pd.DataFrame] | None = None,
               window: int = DEFAULT_WINDOW) -> Table:
    """The notes behind the values of two cases (ranges, which missions, stand-ins), with labels."""
    tables = load_tables() if tables is None else tables
    rows = notes(compare(case_a, case_b, tables, window), case_names(tables))
    return Table(rows.rename(columns={"domain": "Theme", "measure": "Measure", "case": "Case", "note": "Note"}))


def relative_deaths(conflict_years: pd.DataFrame, case_id: str, year: int, window: int) -> pd.DataFrame:
    """Deaths by year from ``window`` years before to ``window`` after the agreement year, with the
    offset (0 = the agreement year) and a hover label stating each year's status."""
    years = analysis.deaths_by_year(conflict_years, case_id, year - window, year + window)
    years["offset"] = years["year"] - year
    shown = years["bd_best"].astype("Float64").mask(years["status"] == "below threshold", 0)
    years["shown"] = shown
    return years


class ComparisonExplorer(Explorer):
    """Do two cases whose agreements look alike have alike aftermaths? Pick two cases (and a
    window): the chart of deaths around each key agreement and the table of measures update in
    place. The same case twice gives a message, not a table."""

    QUESTION = QUESTION

    def __init__(self, tables: dict[str, pd.DataFrame] | None = None, case_a: str = "northern_ireland",
                 case_b: str = "colombia", window: int = DEFAULT_WINDOW):
        self.tables = load_tables() if tables is None else tables
        cases = self.tables["cases"]
        self.names = dict(zip(cases["case_id"], cases["name"], strict=True))
        options = [(n, c) for c, n in self.names.items()]
        style = {"description_width": "initial"}
        self.case_a = ipw.Dropdown(options=options, value=case_a, description="First case", style=style)
        self.case_b = ipw.Dropdown(options=options, value=case_b, description="Second case", style=style)
        self.window = controls.Slider(value=window, min=1, max=10, description="Years before/after", style=style,
                                    continuous_update=False)
        self.table = ipw.HTML()
        fig = charts.new_figure("", FIGURE_SOURCE, widget=True, height=440)
        for dash, symbol in (("solid", "circle"), ("dash", "diamond")):
            fig.add_trace(go.Scatter(mode="lines+markers", line=dict(width=2.5, dash=dash),
                                     marker=dict(symbol=symbol, size=8), connectgaps=False,
                                     error_y=dict(type="data", visible=True, thickness=1)))
        fig.update_xaxes(title_text="Years from the key agreement (0 = year signed)")
        fig.update_yaxes(title_text="Battle-related deaths (best estimate; bars: low–high)", rangemode="tozero")
        fig.add_vline(x=0, line=dict(color="#888888", dash="dot"))
        super().__init__([self.case_a, self.case_b, self.window], fig, extra=[self.table])
        self.refresh()

    def tidy(self) -> pd.DataFrame:
        """The tidy comparison for the current controls (raises InputError as :func:`compare`)."""
        a, b, window = self.case_a.value, self.case_b.value, self.window.value
        return self.cached(("tidy", a, b, window), lambda: compare(a, b, self.tables, window))

    def update(self) -> None:
        self.tidy()  # the comparison for these controls (raises InputError for the same case twice)
        window = int(self.window.value)
        missing = []
        with self.figure.batch_update():
            for trace, cid in zip(self.figure.data, (self.case_a.value, self.case_b.value), strict=True):
                year = analysis.agreement_year(self.tables["cases"], cid)
                name = self.names[cid]
                colour = charts.CASE_COLOURS.get(cid, charts.PALETTE[0])
                trace.name = name if year is not None else f"{name}: no key agreement, not drawn"
                trace.line.color = colour
                trace.marker.color = colour
                if year is None:
                    missing.append(name)
                    trace.x, trace.y, trace.hovertext = [], [], []
                    trace.error_y.array, trace.error_y.arrayminus = [], []
                    continue
                d = self.cached(("deaths", cid, year, window),
                                lambda cid=cid, year=year: relative_deaths(self.tables["conflict_years"], cid,
                                                                            year, window))
                best = d["shown"]
                trace.x = list(d["offset"])
                trace.y = [None if pd.isna(v) else float(v) for v in best]
                trace.error_y.array = [0 if pd.isna(h) or pd.isna(b) else float(h - b)
                                       for h, b in zip(d["bd_high"], d["bd_best"], strict=True)]
                trace.error_y.arrayminus = [0 if pd.isna(lo) or pd.isna(b) else float(b - lo)
                                            for lo, b in zip(d["bd_low"], d["bd_best"], strict=True)]
                trace.error_y.color = colour
                trace.hovertext = [
                    f"{name}, {y} ({o:+d}): " + ("no estimate" if pd.isna(v) else f"{int(v):,} deaths") + f" — {s}"
                    for y, o, v, s in zip(d["year"], d["offset"], best, d["status"], strict=True)
                ]
                trace.hoverinfo = "text"
            charts.year_axis(self.figure, -window, window)
            self.figure.layout.title.text = (
                f"Battle-related deaths around the key agreement: {html.escape(self.names[self.case_a.value])} "
                f"and {html.escape(self.names[self.case_b.value])}"
            )
        shown = self.cached(("table", self.case_a.value, self.case_b.value, window),
                            lambda: pair_table(self.case_a.value, self.case_b.value, self.tables, window,
                                               source=False)._repr_html_())
        behind = self.cached(("notes", self.case_a.value, self.case_b.value, window),
                             lambda: pair_notes(self.case_a.value, self.case_b.value, self.tables,
                                                window)._repr_html_())
        note = (f"<p><i>{html.escape(', '.join(missing))}: no key agreement, so there is no before/after "
                "to draw.</i></p>") if missing else ""
        folded = ("<details><summary><b>Notes behind the numbers</b> (low–high ranges, which missions, troop "
                  f"estimates checked against the authorised ceilings, stand-ins)</summary>{behind}</details>")
        self.table.value = note + shown + folded


def case_names(tables: dict[str, pd.DataFrame] | None = None) -> dict[str, str]:
    """Case id -> readable name, for table headers."""
    cases = load("cases") if tables is None else tables["cases"]
    return dict(zip(cases["case_id"], cases["name"], strict=True))
