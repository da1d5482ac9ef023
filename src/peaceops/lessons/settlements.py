"""Lesson 08: three settlements side by side (Dayton 1995, Good Friday 1998, South Africa's 1993
Interim Constitution).

- :func:`key_agreements`: the key agreement row of each case (``cases.agreement_date``, signed).
- :func:`provisions_matrix` (and :func:`provisions_table`, in one call): which PA-X provision flags
  each agreement has.
- :func:`women_delegates`: women among the delegates (PADD), or nothing where PADD has no list.
- :func:`deaths_before_after`: battle-related deaths around the agreement, through
  :func:`peaceops.analysis.before_after`, counted over the UCDP conflict(s) the agreement
  addresses (``agreements.ucdp_conflict_id``) or over every conflict of the case.
- :func:`key_figures`: the lesson's checked table.
- :class:`SettlementExplorer`: compare the three on one measure; one figure, updated in place. Its
  question: does "deaths fell after the agreement" survive counting every conflict of the case
  (the scope switch) or another window? Hovering a deaths bar lists the conflicts counted in it.
"""

from __future__ import annotations

import ipywidgets as widgets
import pandas as pd
import plotly.graph_objects as go

from peaceops import analysis, charts, controls
from peaceops.data import load
from peaceops.widgets import Explorer, InputError, message_html

CASES = ("balkans", "northern_ireland", "south_africa")
PROVISIONS = {
    "power_sharing": "Power sharing",
    "ceasefire": "Ceasefire",
    "ddr": "DDR / decommissioning",
    "elections": "Elections",
    "human_rights": "Human rights",
    "transitional_justice": "Transitional justice",
    "gender": "Women, girls, gender",
    "third_party_un_role": "UN or international mission",
}
SCOPES = {
    "agreement": "Conflicts the agreement addresses",
    "case": "All the case's UCDP conflicts",
}
MEASURES = {
    "deaths": "Battle-related deaths before and after",
    "provisions": "Provisions in the agreement",
    "women": "Women among the delegates",
}
SOURCES = {
    "deaths": ("UCDP/PRIO Armed Conflict Dataset 22.1 and UCDP Battle-Related Deaths 22.1 (data/conflict_years.csv); "
               "deaths in fighting between the warring parties only, not the war's full toll"),
    "provisions": "PA-X Peace Agreements Database v2, provision codes (data/agreements.csv)",
    "women": "Peace Agreement Delegates Dataset, PADD (Good 2024) (data/women_in_delegations.csv)",
}


def key_agreements(agreements: pd.DataFrame, cases: pd.DataFrame, case_ids=CASES) -> pd.DataFrame:
    """One row per case: the signed agreement whose date is the case's ``agreement_date``,
    with the case's short agreement name and display name added."""
    rows = []
    for case_id in case_ids:
        case = cases.loc[cases["case_id"] == case_id]
        if case.empty:
            raise ValueError(f"Unknown case {case_id!r}: choose from {', '.join(cases['case_id'])}.")
        case = case.iloc[0]
        match = agreements[
            (agreements["case_id"] == case_id)
            & (agreements["event"] == "signed")
            & (agreements["date"] == case["agreement_date"])
        ]
        if match.empty:
            raise ValueError(f"No signed agreement of {case_id!r} dated {case['agreement_date']} in agreements.")
        row = match.iloc[0].copy()
        row["case_name"] = case["name"]
        row["short"] = case["agreement_short"]
        rows.append(row)
    return pd.DataFrame(rows).reset_index(drop=True)


def provisions_matrix(key: pd.DataFrame) -> pd.DataFrame:
    """Agreements (rows) by provision (columns): 'yes', 'no' or '—' (not coded in PA-X v2)."""
    def word(value) -> str:
        return "—" if pd.isna(value) else ("yes" if bool(value) else "no")

    out = pd.DataFrame({label: key[col].map(word) for col, label in PROVISIONS.items()})
    out.index = pd.Index(key["short"], name="Agreement")
    return out


def provisions_table(agreements: pd.DataFrame, cases: pd.DataFrame, case_ids=CASES) -> pd.DataFrame:
    """The lesson's provisions matrix for the cases' key agreements, in one call."""
    return provisions_matrix(key_agreements(agreements, cases, case_ids))


def provisions_present(row: pd.Series) -> list[str]:
    """The labels of the provisions flagged in one agreement row."""
    return [label for col, label in PROVISIONS.items() if pd.notna(row[col]) and bool(row[col])]


def women_delegates(women: pd.DataFrame, pax_id) -> tuple[int, int] | None:
    """(women delegates, all delegates) for a PA-X agreement, or None when PADD has no list."""
    if pd.isna(pax_id):
        return None
    row = women[women["pax_id"] == pax_id]
    if row.empty or pd.isna(row.iloc[0]["delegates"]):
        return None
    return int(row.iloc[0]["women_delegates"]), int(row.iloc[0]["delegates"])


def gender_unknown(women: pd.DataFrame, pax_id) -> int:
    """How many of an agreement's PADD delegates have no gender identified (0 when PADD has no list)."""
    if pd.isna(pax_id):
        return 0
    row = women[women["pax_id"] == pax_id]
    if row.empty or pd.isna(row.iloc[0]["delegates_gender_unknown"]):
        return 0
    return int(row.iloc[0]["delegates_gender_unknown"])


def scope_conflicts(conflict_years: pd.DataFrame, agreement: pd.Series, scope: str) -> pd.DataFrame:
    """The conflict-years counted: those of the agreement's own UCDP conflict(s), or the whole case."""
    rows = conflict_years[conflict_years["case_id"] == agreement["case_id"]]
    if scope == "case":
        return rows
    if scope != "agreement":
        raise InputError(f"Unknown scope {scope!r}: choose one of {', '.join(SCOPES.values())}.")
    ids = {int(x) for x in str(agreement["ucdp_conflict_id"]).replace(";", ",").split(",") if x.strip().isdigit()}
    return rows[rows["conflict_id"].isin(ids)]


def deaths_before_after(conflict_years: pd.DataFrame, agreement: pd.Series, window: int,
                        scope: str = "agreement") -> pd.DataFrame:
    """:func:`peaceops.analysis.before_after` around the agreement's year, on the chosen scope."""
    rows = scope_conflicts(conflict_years, agreement, scope)
    return analysis.before_after(rows, agreement["case_id"], int(agreement["date"].year), window)


def conflicts_counted(conflict_years: pd.DataFrame, agreement: pd.Series, scope: str, first: int,
                      last: int) -> list[str]:
    """The UCDP conflicts with battle-related deaths in ``first``-``last`` on the chosen scope, one
    line each: who fought, the years with estimates and the summed best estimate (a bar's hover)."""
    rows = scope_conflicts(conflict_years, agreement, scope)
    rows = rows[rows["year"].between(first, last) & rows["bd_best"].notna()]
    lines = []
    for _, part in rows.groupby("conflict_id", sort=True):
        r = part.iloc[0]
        years = (f"{int(part['year'].min())}–{int(part['year'].max())}" if part["year"].nunique() > 1
                 else str(int(part["year"].iloc[0])))
        lines.append(f"{r['side_a']} vs {r['side_b']}, {years}: {int(part['bd_best'].sum()):,}")
    return lines


def year_span(first: int, last: int) -> str:
    """'1996–2000', or '1996' for a one-year window."""
    return str(first) if first == last else f"{first}–{last}"


def _deaths_text(period: pd.Series) -> str:
    if period["years_with_estimate"] > 0:
        return f"{int(period['bd_best']):,}"
    if period["years_active"] > 0:
        return "active, no UCDP estimate"
    return "below UCDP threshold"


def key_figures(agreements: pd.DataFrame, cases: pd.DataFrame, women: pd.DataFrame,
                conflict_years: pd.DataFrame, window: int = 5) -> pd.DataFrame:
    """The checked table: date, provisions present, women delegates and deaths around each agreement."""
    key = key_agreements(agreements, cases)
    records = []
    for _, row in key.iterrows():
        present = provisions_present(row)
        counts = women_delegates(women, row["pax_id"])
        ba = deaths_before_after(conflict_years, row, window).set_index("period")
        records.append({
            "Agreement": row["short"],
            "Signed": row["date"].strftime("%Y-%m-%d"),
            "Provisions present": f"{len(present)} of {len(PROVISIONS)}: " + ", ".join(present),
            "Women delegates": f"{counts[0]} of {counts[1]}" if counts else "no delegate list in PADD",
            "UCDP conflict(s)": row["ucdp_conflict_id"],
            f"Deaths, best, {window} years before": _deaths_text(ba.loc["before"]),
            f"Deaths, best, {window} years after": _deaths_text(ba.loc["after"]),
        })
    return pd.DataFrame(records).set_index("Agreement")


class SettlementExplorer(Explorer):
    """Compare the three settlements on one measure. Changing the measure, the window or the scope
    redraws the same figure in place; a note under the controls says what the data cannot show."""

    def __init__(self, agreements=None, cases=None, women=None, conflict_years=None, case_ids=CASES,
                 measure: str = "deaths", window: int = 5):
        self.cases = load("cases") if cases is None else cases
        self.key = key_agreements(load("agreements") if agreements is None else agreements, self.cases, case_ids)
        self.women = load("women_in_delegations") if women is None else women
        self.conflict_years = load("conflict_years") if conflict_years is None else conflict_years
        style = {"description_width": "initial"}
        self.measure = widgets.Dropdown(options=[(v, k) for k, v in MEASURES.items()], value=measure,
                                        description="Measure", style=style, layout=widgets.Layout(width="380px"))
        self.window = controls.Slider(value=window, min=1, max=10, description="Years before/after",
                                        style=style, continuous_update=False)
        self.scope = widgets.Dropdown(options=[(v, k) for k, v in SCOPES.items()], value="agreement",
                                      description="Deaths counted in", style=style,
                                      layout=widgets.Layout(width="420px"))
        self.note = widgets.HTML()
        fig = charts.new_figure("", SOURCES[measure], widget=True, height=460)
        fig.add_trace(go.Bar(name="before", marker=dict(color=charts.PALETTE[0]), textposition="outside",
                             cliponaxis=False))
        fig.add_trace(go.Bar(name="after", marker=dict(color=charts.PALETTE[1], pattern=dict(shape="/")),
                             textposition="outside", cliponaxis=False))
        fig.update_layout(barmode="group", margin=dict(t=110))
        # The scope sits next to the measure: which conflicts are counted is the explorer's question.
        super().__init__([self.measure, self.scope, self.window], fig, extra=[self.note])
        self.refresh()

    # --- the three measures -----------------------------------------------------------------
    def _deaths(self) -> dict:
        window, scope = int(self.window.value), self.scope.value
        if window < 1:
            raise InputError(f"A window of {window} years is empty: choose 1 year or more.")
        names, before, after, notes, hover = [], {}, {}, [], {"before": [], "after": []}
        for _, row in self.key.iterrows():
            ba = deaths_before_after(self.conflict_years, row, window, scope).set_index("period")
            names.append(row["short"])
            for label, store in (("before", before), ("after", after)):
                p = ba.loc[label]
                store[row["short"]] = p
                counted = conflicts_counted(self.conflict_years, row, scope, int(p["first_year"]),
                                            int(p["last_year"]))
                hover[label].append(f"{year_span(int(p['first_year']), int(p['last_year']))}: "
                                    + ("<br>".join(counted) if counted else _deaths_text(p)))
                if p["years_with_estimate"] == 0:
                    notes.append(f"{row['short']}, {year_span(int(p['first_year']), int(p['last_year']))}: "
                                 f"{_deaths_text(p)}")
        if all(before[n]["years_with_estimate"] == 0 and after[n]["years_with_estimate"] == 0 for n in names):
            raise InputError(
                "No UCDP death estimates in this window for any chosen agreement: "
                + "; ".join(notes) + ". Widen the window or count all the case's conflicts."
            )

        def trace(store):
            y = [float(store[n]["bd_best"]) if store[n]["years_with_estimate"] else 0 for n in names]
            lo = [y[i] - float(store[n]["bd_low"]) if store[n]["years_with_estimate"] else 0
                  for i, n in enumerate(names)]
            hi = [float(store[n]["bd_high"]) - y[i] if store[n]["years_with_estimate"] else 0
                  for i, n in enumerate(names)]
            text = [f"{int(v):,}" if store[n]["years_with_estimate"] else "no estimate"
                    for v, n in zip(y, names, strict=True)]
            return y, lo, hi, text

        return {
            "x": names, "before": trace(before), "after": trace(after), "hovers": (hover["before"], hover["after"]),
            "names": (f"{window} years before (best; bar = low–high)", f"{window} years after (best; bar = low–high)"),
            "title": f"Battle-related deaths in the {window} years before and after each agreement",
            "yaxis": "Battle-related deaths (UCDP best estimate)",
            "note": "Not shown as deaths (no UCDP estimate): " + "; ".join(notes) + "." if notes else "",
        }

    def _provisions(self) -> dict:
        names = list(self.key["short"])
        present = [provisions_present(row) for _, row in self.key.iterrows()]
        y = [len(p) for p in present]
        return {
            "x": names, "before": (y, None, None, [f"{v} of {len(PROVISIONS)}" for v in y]), "after": None,
            "names": ("Provisions present (PA-X)", ""), "hover": ["<br>".join(p) for p in present],
            "title": f"How many of {len(PROVISIONS)} provision types each agreement contains",
            "yaxis": "Provision types present", "range": [0, len(PROVISIONS) + 1],
            "note": "A provision being present says nothing about whether it was implemented.",
        }

    def _women(self) -> dict:
        names, y, text, missing, unknown = [], [], [], [], []
        for _, row in self.key.iterrows():
            counts = women_delegates(self.women, row["pax_id"])
            names.append(row["short"])
            if counts:
                y.append(100 * counts[0] / counts[1])
                text.append(f"{counts[0]} of {counts[1]}")
                if gender_unknown(self.women, row["pax_id"]):
                    unknown.append(f"{gender_unknown(self.women, row['pax_id'])} of {row['short']}'s {counts[1]}")
            else:
                y.append(0)
                text.append("no list")
                missing.append(row["short"])
        if not any(t != "no list" for t in text):
            raise InputError("PADD has no delegate list for any chosen agreement: nothing to compare.")
        return {
            "x": names, "before": (y, None, None, text), "after": None,
            "names": ("Women among the delegates (%)", ""), "title": "Women among the delegates who signed or attended",
            "yaxis": "Women, % of delegates", "range": [0, 100],
            "note": " ".join(filter(None, [
                ("PADD has no delegate list for: " + ", ".join(missing) + " (shown as 'no list', not as zero)."
                 if missing else ""),
                ("PADD could not identify the gender of " + "; ".join(unknown)
                 + " delegates, so " + ("that share is a minimum." if len(unknown) == 1
                                         else "those shares are minimums.") if unknown else ""),
            ])),
        }

    def update(self) -> None:
        measure = self.measure.value
        if measure not in MEASURES:
            raise InputError("Choose a measure to compare the three agreements.")
        spec = {"deaths": self._deaths, "provisions": self._provisions, "women": self._women}[measure]()
        self.scope.disabled = self.window.disabled = measure != "deaths"
        fig = self.figure
        with fig.batch_update():
            hovers = spec.get("hovers") or (spec.get("hover"), None)
            for trace, data, name, hover in ((fig.data[0], spec["before"], spec["names"][0], hovers[0]),
                                             (fig.data[1], spec["after"], spec["names"][1], hovers[1])):
                if data is None:
                    trace.x, trace.y, trace.text, trace.visible = [], [], [], False
                    continue
                y, lo, hi, text = data
                trace.x, trace.y, trace.text, trace.name, trace.visible = spec["x"], y, text, name, True
                trace.error_y = (dict(type="data", symmetric=False, array=hi, arrayminus=lo, visible=True)
                                 if lo is not None else dict(visible=False))
                trace.hovertext = hover
                trace.hovertemplate = ("%{x}<br>%{hovertext}<extra></extra>" if hover
                                       else "%{x}: %{text}<extra>%{fullData.name}</extra>")
            fig.layout.title.text = spec["title"]
            fig.layout.showlegend = measure == "deaths"
            fig.update_yaxes(title_text=spec["yaxis"], range=spec.get("range"), autorange=spec.get("range") is None)
            fig.update_xaxes(title_text="Agreement")
            charts.add_source(fig, SOURCES[measure])
        self.note.value = message_html(spec["note"], "info") if spec["note"] else ""

