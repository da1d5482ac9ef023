"""Women in peace delegations: the global shares, kept apart by source, and the cases' agreements.

Two rules run through this module:

- **Never mix series.** The shares computed from PADD (Good 2024; agreements of 1990-2020), the
  Council on Foreign Relations figures (1992-2019) and the UN Women figures (1990-2017) come from
  different samples and definitions. They are shown side by side, each with its exact period,
  never averaged or joined into one line.
- **Count what is there.** A share is shown only where PADD lists at least one person in the
  role; an agreement with no mediators has no share of women mediators (not 0 %).
"""

from __future__ import annotations

import re

import ipywidgets as ipw
import pandas as pd
import plotly.graph_objects as go

from peaceops import charts
from peaceops.data import load
from peaceops.widgets import Explorer, InputError

ROLES = {
    "delegates": ("delegates", "women_delegates"),
    "signatories": ("signatories", "women_signatories"),
    "negotiators": ("negotiators", "women_negotiators"),
    "mediators": ("mediators", "women_mediators"),
    "observers": ("observers", "women_observers"),
}
PADD_SOURCE = ("Good (2024), Peace Agreement Delegates Dataset (PADD), agreement level, "
               "via data/women_in_delegations.csv")
GLOBAL_SOURCE = "PADD (Good 2024), computed; CFR (2020); UN Women (2019 page); via data/women_global_shares.csv"
SHORT_SOURCE = {
    "computed from PADD": "PADD (Good 2024), computed",
    "Council on Foreign Relations": "Council on Foreign Relations (2020)",
    "UN Women": "UN Women (page archived 2019)",
}
# One colour and one bar pattern per series, so the series can be told apart without colour.
SERIES_STYLE = [
    (charts.PALETTE[0], ""),
    (charts.PALETTE[1], "/"),
    (charts.PALETTE[2], "."),
]


def _series(row: pd.Series) -> str:
    if row["method"] == "computed from PADD":
        label = SHORT_SOURCE["computed from PADD"]
    else:
        label = next((v for k, v in SHORT_SOURCE.items() if str(row["source"]).startswith(k)), str(row["source"]))
    return f"{label}, {int(row['period_start'])}–{int(row['period_end'])}"


def global_shares(shares: pd.DataFrame | None = None) -> pd.DataFrame:
    """The key-figure table: measure, share (%), exact period, source and method; one row per
    published or computed figure, grouped by series."""
    shares = load("women_global_shares") if shares is None else shares
    out = pd.DataFrame(
        {
            "series": shares.apply(_series, axis=1),
            "measure": shares["measure"],
            "share (%)": shares["share_percent"].astype(float),
            "period": [f"{int(a)}–{int(b)}" for a, b in zip(shares["period_start"], shares["period_end"], strict=True)],
            "agreements": shares["n_agreements"],
            "source": shares["source"],
            "method": shares["method"],
        }
    )
    return out.set_index(["series", "measure"])


def _role_of(measure: str) -> str:
    return measure.replace("women among ", "")


def global_shares_figure(shares: pd.DataFrame | None = None) -> go.Figure:
    """Horizontal bars: one group per role, one bar per series, each labelled with its share and
    its series (and period) in the legend. The series are never combined."""
    shares = load("women_global_shares") if shares is None else shares
    table = global_shares(shares).reset_index()
    fig = charts.new_figure("Women's share of seats at the peace table, by source (never combined)",
                            GLOBAL_SOURCE, height=500)
    roles = list(dict.fromkeys(_role_of(m) for m in table["measure"]))
    for (series, rows), (colour, pattern) in zip(table.groupby("series", sort=False), SERIES_STYLE, strict=False):
        fig.add_trace(
            go.Bar(
                orientation="h", name=series, y=[_role_of(m) for m in rows["measure"]], x=rows["share (%)"],
                text=[f"{v:g}%" for v in rows["share (%)"]], textposition="outside",
                marker=dict(color=colour, pattern=dict(shape=pattern, fgcolor="white")),
                hovertemplate="%{y}: %{x:g}%<extra>" + series + "</extra>",
            )
        )
    fig.update_yaxes(categoryorder="array", categoryarray=roles[::-1], title_text="Role")
    fig.update_xaxes(title_text="Women's share of people in the role (%)", range=[0, 16], ticksuffix="%")
    fig.update_layout(barmode="group", legend=dict(orientation="v", y=1.02, yanchor="bottom"),
                      margin=dict(t=150))
    return fig


def short_name(name: str, limit: int = 42) -> str:
    """A short label for an agreement: its name in parentheses when PA-X gives one, else the
    start of its name."""
    found = re.findall(r"\(([^()]*)\)", str(name))
    candidates = [f for f in found if len(f) > 3 and not f.isupper()] or found
    label = candidates[-1] if candidates else str(name)
    label = re.sub(r"^the ", "", label.split(" or ")[0].strip(), flags=re.I).strip("'\" ,")
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def role_shares(delegations: pd.DataFrame, role: str, case_id: str | None = None) -> pd.DataFrame:
    """Women's share in ``role`` for each agreement of the cases (or of one case) that lists at
    least one person in that role. Columns: case_id, pax_id, agreement, year, people, women,
    share_percent, gender_unknown (delegates only; women can then be a lower bound)."""
    if role not in ROLES:
        raise InputError(f"Unknown role {role!r}. Choose one of: {', '.join(ROLES)}.")
    total, women = ROLES[role]
    rows = delegations if case_id in (None, "", "all") else delegations[delegations["case_id"] == case_id]
    if rows.empty:
        raise InputError(f"PADD has no agreement for the case {case_id!r}: choose another case or 'All cases'.")
    rows = rows[rows[total].notna() & (rows[total] > 0)]
    if rows.empty:
        raise InputError(
            f"PADD lists no {role} for the agreements of this case: choose another role, or 'All cases'."
        )
    out = pd.DataFrame(
        {
            "case_id": rows["case_id"],
            "pax_id": rows["pax_id"],
            "agreement": rows["name"].map(short_name),
            "year": rows["date"].dt.year.astype(int),
            "people": rows[total].astype(int),
            "women": rows[women].astype(int),
        }
    )
    out["share_percent"] = (100 * out["women"] / out["people"]).round(1)
    unknown = rows["delegates_gender_unknown"] if role == "delegates" else pd.Series(pd.NA, index=rows.index)
    out["gender_unknown"] = unknown.astype("Int64")
    return out.sort_values(["year", "pax_id"]).reset_index(drop=True)


def pooled_by_role(delegations: pd.DataFrame | None = None) -> pd.DataFrame:
    """Pooled shares for the cases' PADD agreements (sum of women / sum of people), by role."""
    delegations = load("women_in_delegations") if delegations is None else delegations
    records = []
    for role, (total, women) in ROLES.items():
        rows = delegations[delegations[total].notna()]
        people, w = int(rows[total].sum()), int(rows[women].sum())
        records.append({"role": role, "agreements with a count": len(rows), "people": people, "women": w,
                        "share (%)": round(100 * w / people, 1) if people else pd.NA})
    return pd.DataFrame.from_records(records).set_index("role")


class RoleExplorer(Explorer):
    """Choose a role and a case: the bars (one per agreement in PADD) update in place."""

    def __init__(self, delegations: pd.DataFrame | None = None, cases: pd.DataFrame | None = None,
                 role: str = "delegates"):
        self.delegations = load("women_in_delegations") if delegations is None else delegations
        cases = load("cases") if cases is None else cases
        self.names = dict(zip(cases["case_id"], cases["name"], strict=True))
        present = [c for c in cases["case_id"] if c in set(self.delegations["case_id"])]
        style = {"description_width": "initial"}
        self.role = ipw.Dropdown(options=list(ROLES), value=role, description="Role", style=style)
        self.case = ipw.Dropdown(options=[("All cases", "all")] + [(self.names[c], c) for c in present],
                                 value="all", description="Case", style=style)
        fig = charts.new_figure("", PADD_SOURCE, widget=True, height=640)
        fig.add_trace(go.Bar(orientation="h", textposition="outside", cliponaxis=False,
                             marker=dict(line=dict(color="#444444", width=0.5))))
        fig.update_xaxes(title_text="Women's share in the role (%)", range=[0, 60], ticksuffix="%")
        fig.update_yaxes(title_text="", automargin=True, tickfont=dict(size=11))
        fig.update_layout(showlegend=False, margin=dict(l=10))
        super().__init__([self.role, self.case], fig)
        self.refresh()

    def update(self) -> None:
        role, case_id = self.role.value, self.case.value
        if not role:
            raise InputError("Choose a role: delegates, signatories, negotiators, mediators or observers.")
        table = role_shares(self.delegations, role, case_id)
        labels = [
            f"{self.names.get(c, c).split(' (')[0]} · {y} · {a}"
            for c, y, a in zip(table["case_id"], table["year"], table["agreement"], strict=True)
        ]
        text = [
            f"{w} of {p}" + (f" ({u} gender not identified)" if pd.notna(u) and u > 0 else "")
            for w, p, u in zip(table["women"], table["people"], table["gender_unknown"], strict=True)
        ]
        where = "the cases" if case_id == "all" else self.names.get(case_id, case_id).split(" (")[0]
        with self.figure.batch_update():
            bar = self.figure.data[0]
            bar.y = labels
            bar.x = list(table["share_percent"])
            bar.text = text
            bar.marker.color = [charts.CASE_COLOURS.get(c, charts.PALETTE[0]) for c in table["case_id"]]
            bar.hovertemplate = "%{y}<br>%{x:.1f}% women (%{text})<extra></extra>"
            self.figure.update_yaxes(categoryorder="array", categoryarray=labels[::-1])
            self.figure.layout.title.text = f"Women among the {role}: agreements of {where} in PADD"
