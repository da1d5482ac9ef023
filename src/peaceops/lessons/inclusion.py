"""Women in peace delegations: the global shares, kept apart by source, and the cases' agreements.

Two rules run through this module:

- **Never mix series.** The shares computed from PADD (Good 2024; agreements of 1990-2020), the
  Council on Foreign Relations figures (1992-2019) and the UN Women figures (1990-2017) come from
  different samples and definitions. They are shown side by side, each with its exact period,
  never averaged or joined into one line.
- **Count what is there.** A share is shown only where PADD lists at least one person in the
  role; an agreement with no mediators has no share of women mediators (not 0 %).

The cases' agreements are shown as one static figure (:func:`delegates_figure`) and one table
with every role side by side (:func:`roles_table`): comparing roles and agreements at a glance is
the point, which a filter showing one role at a time defeated.
"""

from __future__ import annotations

import re

import pandas as pd
import plotly.graph_objects as go

from peaceops import charts
from peaceops.data import load
from peaceops.widgets import InputError, Table

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


def global_table(shares: pd.DataFrame | None = None) -> Table:
    """The global shares as the lesson shows them: one row per figure, its series with the exact
    period, the role, the share, and how it was obtained."""
    t = global_shares(shares).reset_index()
    return Table(pd.DataFrame({
        "Series (source, period)": t["series"],
        "Role": t["measure"].map(_role_of),
        "Women's share (%)": [f"{v:g}" for v in t["share (%)"]],
        "Agreements counted": [("not stated" if pd.isna(n) else int(n)) for n in t["agreements"]],
        "How obtained": t["method"],
    }))


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


# Labels for agreements whose PA-X names begin alike (most of Colombia's start "Acuerdo Final entre el
# Gobierno Nacional..."), taken from the names themselves: the party or the place that tells them apart.
LABELS = {
    168: "Political Agreement with the M-19",
    152: "Final Agreement with the PRT",
    149: "Final Agreement with the EPL",
    151: "Final Agreement with the Quintín Lame movement",
    173: "Final Political Agreement with the CRS",
    147: "Agreement with the Medellín militias",
    150: "Final Agreement with the MIR-COAR",
    1845: "Final Agreement (FARC-EP)",
    1800: "Interim National Constitution (2005)",
    1673: "Dinka Malual and Rezeigat communiqué",
    1186: "Protocol on transitional arrangements",
    2286: "Gbudue and Maridi States agreement",
}


def agreement_label(pax_id: object, name: str) -> str:
    """A short label for one agreement: :data:`LABELS` where PA-X names begin alike, else :func:`short_name`."""
    try:
        return LABELS.get(int(pax_id)) or short_name(name)
    except (TypeError, ValueError):
        return short_name(name)


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
            "agreement": [agreement_label(i, n) for i, n in zip(rows["pax_id"], rows["name"], strict=True)],
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


def _cell(women: object, people: object, unknown: object = None) -> str:
    if pd.isna(people):
        return "no list in PADD"
    if int(people) == 0:
        return "none listed"
    text = f"{int(women)} of {int(people)}"
    if unknown is not None and pd.notna(unknown) and int(unknown) > 0:
        text += f" ({int(unknown)} gender not identified)"
    return text


def roles_table(delegations: pd.DataFrame | None = None, cases: pd.DataFrame | None = None) -> Table:
    """Every agreement of the cases in PADD, with women among the people in each role ("3 of 14"),
    "none listed" where PADD lists nobody in the role and "no list in PADD" where it has no
    delegate list at all."""
    delegations = load("women_in_delegations") if delegations is None else delegations
    cases = load("cases") if cases is None else cases
    names = dict(zip(cases["case_id"], cases["name"], strict=True))
    order = {c: i for i, c in enumerate(cases["case_id"])}
    rows = delegations.assign(_order=delegations["case_id"].map(order)).sort_values(["_order", "date", "pax_id"])
    out = {
        "Case": [names.get(c, c).split(" (")[0] for c in rows["case_id"]],
        "Year": rows["date"].dt.year.astype(int).tolist(),
        "Agreement": [agreement_label(i, n) for i, n in zip(rows["pax_id"], rows["name"], strict=True)],
    }
    for role, (total, women) in ROLES.items():
        unknown = rows["delegates_gender_unknown"] if role == "delegates" else [None] * len(rows)
        out[role.capitalize()] = [_cell(w, n, u) for w, n, u in zip(rows[women], rows[total], unknown, strict=True)]
    return Table(pd.DataFrame(out))


def delegates_figure(delegations: pd.DataFrame | None = None, cases: pd.DataFrame | None = None) -> go.Figure:
    """Women's share among the delegates of each of the cases' agreements that PADD lists, one bar
    per agreement labelled with its count ("3 of 14") and, where PADD could not identify some
    delegates' gender, how many: the share is then a lower bound."""
    delegations = load("women_in_delegations") if delegations is None else delegations
    cases = load("cases") if cases is None else cases
    names = dict(zip(cases["case_id"], cases["name"], strict=True))
    order = {c: i for i, c in enumerate(cases["case_id"])}
    table = role_shares(delegations, "delegates")
    dates = delegations.set_index("pax_id")["date"]
    table = table.assign(_order=table["case_id"].map(order), _date=table["pax_id"].map(dates)).sort_values(
        ["_order", "_date", "pax_id"])
    labels = [f"{names.get(c, c).split(' (')[0]} · {y} · {a}"
              for c, y, a in zip(table["case_id"], table["year"], table["agreement"], strict=True)]
    text = [_cell(w, p, u) for w, p, u in zip(table["women"], table["people"], table["gender_unknown"], strict=True)]
    fig = charts.new_figure("Women among the delegates of the cases' agreements in PADD", PADD_SOURCE, height=700)
    fig.add_trace(go.Bar(orientation="h", y=labels, x=list(table["share_percent"]), text=text,
                         textposition="outside", cliponaxis=False,
                         marker=dict(color=[charts.CASE_COLOURS.get(c, charts.PALETTE[0]) for c in table["case_id"]],
                                     line=dict(color="#444444", width=0.5)),
                         hovertemplate="%{y}<br>%{x:.1f}% women (%{text})<extra></extra>"))
    fig.update_xaxes(title_text="Women's share of the delegates (%)", range=[0, 45], ticksuffix="%")
    fig.update_yaxes(title_text="", automargin=True, tickfont=dict(size=11), categoryorder="array",
                     categoryarray=labels[::-1])
    fig.update_layout(showlegend=False, margin=dict(l=10))
    return fig
