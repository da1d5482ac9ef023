"""A transparent toy early-warning rule on UCDP battle-related deaths, and how poorly it does.

This is a teaching exercise, not a forecasting tool. The rule is deliberately simple so that
every flag can be checked by hand:

    A case is **flagged** in year *t* when its battle-related deaths (UCDP best estimate, summed
    over the case's conflicts) **rose in each of the last** ``window`` **years** (from *t - window*
    to *t*), and deaths in year *t* were at least ``threshold``.

The outcome it is scored against is what happened **the next year**:

    An **escalation** in year *t* means deaths in *t + 1* were higher than in *t*, and the conflict
    was active in *t + 1* (at least 25 battle-related deaths, UCDP's threshold).

Limits, stated plainly:

- UCDP gives death estimates from 1989 to 2021 only; a year below UCDP's threshold of 25 deaths
  is counted here as 0 (it may have been 1 to 24).
- Years *t* from 1993 to 2020 are scored for every setting, so that each window up to four
  years has its data and each *t + 1* is covered. Only the cases with at least one active
  conflict-year in 1989-2021 are scored (five of the seven: South Africa's and Cyprus's armed
  conflicts ended before UCDP's death estimates begin).
- A case-year is not independent of the next: the counts are a description of this small
  sample, not a measure of skill, and nothing here predicts anything.
"""

from __future__ import annotations

import html

import ipywidgets as ipw
import pandas as pd
import plotly.graph_objects as go

from peaceops import analysis, charts, controls
from peaceops.data import load
from peaceops.widgets import Explorer, InputError, Table

MAX_WINDOW = 4
EVAL_FIRST = analysis.BRD_FIRST + MAX_WINDOW  # 1993
EVAL_LAST = analysis.DATA_LAST - 1  # 2020: the outcome year 2021 is the last UCDP covers
ACTIVE = 25
DEFAULT_WINDOW, DEFAULT_THRESHOLD = 2, 0
SOURCE = (
    "UCDP Battle-Related Deaths 22.1 (best estimates, 1989–2021) via data/conflict_years.csv; "
    "toy rule and scoring: peaceops.lessons.early_warning"
)
OUTCOMES = ("hit", "false alarm", "miss", "quiet, correctly")
QUESTION = "How many escalations does the rule catch, and how many false alarms does it raise to catch them?"
SCORE_COLUMNS = [
    "case-years scored", "escalations", "flags", "hits", "false alarms", "misses",
    "share of escalations flagged (%)", "share of flags that were false alarms (%)",
]


def scored_cases(conflict_years: pd.DataFrame) -> list[str]:
    """Cases with at least one active conflict-year in UCDP's death-estimate years (1989-2021)."""
    years = conflict_years[conflict_years["year"].between(analysis.BRD_FIRST, analysis.DATA_LAST)]
    order = ["balkans", "northern_ireland", "south_africa", "timor_leste", "colombia", "cyprus", "sudan"]
    present = set(years["case_id"])
    return [c for c in order if c in present] + sorted(present - set(order))


def yearly_deaths(conflict_years: pd.DataFrame, case_id: str) -> pd.DataFrame:
    """One row per year 1989-2021: ``deaths`` (best estimate; 0 for a year below UCDP's threshold)
    and the year's ``status`` from :func:`peaceops.analysis.deaths_by_year`."""
    years = analysis.deaths_by_year(conflict_years, case_id, analysis.BRD_FIRST, analysis.DATA_LAST)
    deaths = years["bd_best"].astype("Float64")
    deaths = deaths.mask(years["status"] == "below threshold", 0)
    return pd.DataFrame({"case_id": case_id, "year": years["year"], "deaths": deaths, "status": years["status"]})


def _check(window: int, threshold: float) -> None:
    if not 1 <= int(window) <= MAX_WINDOW:
        raise InputError(f"A window of {window} years is outside the range 1 to {MAX_WINDOW}: "
                         f"choose 1 to {MAX_WINDOW}.")
    if threshold is None or pd.isna(threshold) or threshold < 0:
        raise InputError(f"The threshold {threshold!r} is not a number of deaths: choose 0 or more.")


def apply_rule(yearly: pd.DataFrame, window: int = DEFAULT_WINDOW,
               threshold: float = DEFAULT_THRESHOLD) -> pd.DataFrame:
    """Add the rule's ``flagged`` column and the next year's ``escalation`` to :func:`yearly_deaths`.

    Also adds ``scored`` (year t in 1993-2020) and ``outcome``: hit (flagged, escalated),
    false alarm (flagged, did not), miss (not flagged, escalated), quiet, correctly (neither).
    """
    _check(window, threshold)
    out = yearly.sort_values("year").reset_index(drop=True).copy()
    deaths = out["deaths"].astype("Float64")
    rose = (deaths > deaths.shift(1)).fillna(False).astype(bool)
    rises = rose.astype(int).rolling(int(window), min_periods=int(window)).sum()
    out["rose"] = rose
    out["flagged"] = ((rises == int(window)) & (deaths >= threshold).fillna(False)).astype(bool)
    nxt = deaths.shift(-1)
    out["next_deaths"] = nxt
    out["escalation"] = ((nxt > deaths) & (nxt >= ACTIVE)).fillna(False).astype(bool)
    out["scored"] = out["year"].between(EVAL_FIRST, EVAL_LAST)
    outcome = pd.Series("quiet, correctly", index=out.index, dtype="str")
    outcome[out["flagged"] & out["escalation"]] = "hit"
    outcome[out["flagged"] & ~out["escalation"]] = "false alarm"
    outcome[~out["flagged"] & out["escalation"]] = "miss"
    out["outcome"] = outcome.where(out["scored"], "not scored")
    return out


def evaluate(conflict_years: pd.DataFrame, window: int = DEFAULT_WINDOW, threshold: float = DEFAULT_THRESHOLD,
             cases: list[str] | None = None, yearly: dict[str, pd.DataFrame] | None = None) -> pd.DataFrame:
    """The rule applied to every scored case: one row per case and year 1989-2021. ``yearly`` may
    hold :func:`yearly_deaths` already computed per case (they do not depend on the rule)."""
    cases = scored_cases(conflict_years) if cases is None else cases
    yearly = yearly or {}
    frames = [apply_rule(yearly[c] if c in yearly else yearly_deaths(conflict_years, c), window, threshold)
              for c in cases]
    return pd.concat(frames, ignore_index=True)


def _score_row(rows: pd.DataFrame) -> dict:
    scored = rows[rows["scored"]]
    counts = scored["outcome"].value_counts()
    hits, false_alarms, misses = (int(counts.get(k, 0)) for k in ("hit", "false alarm", "miss"))
    escalations, flags = hits + misses, hits + false_alarms
    return {
        "case-years scored": len(scored),
        "escalations": escalations,
        "flags": flags,
        "hits": hits,
        "false alarms": false_alarms,
        "misses": misses,
        "share of escalations flagged (%)": round(100 * hits / escalations, 1) if escalations else pd.NA,
        "share of flags that were false alarms (%)": round(100 * false_alarms / flags, 1) if flags else pd.NA,
    }


def score(panel: pd.DataFrame, names: dict[str, str] | None = None) -> pd.DataFrame:
    """Hits, false alarms and misses per case and for all scored cases together (years 1993-2020)."""
    names = names or {}
    records = {names.get(c, c): _score_row(g) for c, g in panel.groupby("case_id", sort=False)}
    records["All scored cases"] = _score_row(panel)
    out = pd.DataFrame.from_dict(records, orient="index")[SCORE_COLUMNS]
    for col in SCORE_COLUMNS[-2:]:
        out[col] = out[col].astype("Float64")
    out.index.name = "Case"
    return out


def score_table(conflict_years: pd.DataFrame | None = None, cases: pd.DataFrame | None = None,
                window: int = DEFAULT_WINDOW, threshold: float = DEFAULT_THRESHOLD) -> pd.DataFrame:
    """The key-figure table of the lesson: the rule's record with the given settings."""
    conflict_years = load("conflict_years") if conflict_years is None else conflict_years
    cases = load("cases") if cases is None else cases
    names = dict(zip(cases["case_id"], cases["name"], strict=True))
    return score(evaluate(conflict_years, window, threshold), names)


LABELS = {
    "case-years scored": "Case-years scored",
    "escalations": "Escalations",
    "flags": "Flags",
    "hits": "Hits",
    "false alarms": "False alarms",
    "misses": "Misses",
    "share of escalations flagged (%)": "Escalations flagged (%)",
    "share of flags that were false alarms (%)": "Flags that were false alarms (%)",
}


def record_table(table: pd.DataFrame) -> Table:
    """A :func:`score` table as learners see it: a Case column, labels, and words instead of
    empty shares ("no escalations", "no flags")."""
    out = table.reset_index().rename(columns=LABELS)
    for label, empty in (("Escalations flagged (%)", "no escalations"),
                         ("Flags that were false alarms (%)", "no flags")):
        out[label] = [empty if pd.isna(v) else f"{v:.1f}" for v in out[label]]
    return Table(out)


def record(conflict_years: pd.DataFrame | None = None, cases: pd.DataFrame | None = None,
           window: int = DEFAULT_WINDOW, threshold: float = DEFAULT_THRESHOLD) -> Table:
    """The rule's record as the lesson shows it: :func:`score_table`, with labels and no empty cells."""
    return record_table(score_table(conflict_years, cases, window, threshold))


def headline(table: pd.DataFrame) -> str:
    """One sentence on the rule's record for all scored cases: hits against false alarms."""
    t = table.loc["All scored cases"]
    flags, hits, alarms = int(t["flags"]), int(t["hits"]), int(t["false alarms"])
    esc, misses = int(t["escalations"]), int(t["misses"])
    text = (f"All scored cases, this rule: {flags} flag{'s' if flags != 1 else ''}, of which {hits} "
            f"hit{'s' if hits != 1 else ''} and {alarms} false alarm{'s' if alarms != 1 else ''}; "
            f"it caught {hits} of the {esc} escalations and missed {misses}.")
    return f'<p role="status"><b>{html.escape(text)}</b></p>'


def _table_html(table: pd.DataFrame) -> str:
    return record_table(table)._repr_html_()


# Marker styles: shape and label carry the meaning, not colour alone.
MARKERS = {
    "hit": dict(symbol="triangle-up", size=13, color=charts.OKABE_ITO["bluish_green"]),
    "false alarm": dict(symbol="x", size=12, color=charts.OKABE_ITO["vermillion"]),
    "miss": dict(symbol="circle-open", size=13, color=charts.OKABE_ITO["black"], line=dict(width=2)),
}
LEGEND = {
    "hit": "Flag, and deaths rose next year (hit)",
    "false alarm": "Flag, but no rise next year (false alarm)",
    "miss": "No flag, but deaths rose next year (miss)",
}


def figure(yearly: pd.DataFrame, title: str, widget: bool = True) -> go.Figure:
    """Deaths per year as bars, with the rule's hits, false alarms and misses marked above them."""
    fig = charts.new_figure(title, SOURCE, widget=widget, height=460)
    fig.add_trace(go.Bar(name="Battle-related deaths (best estimate)", marker_color=charts.NEUTRAL,
                         marker_line=dict(color="#888888", width=0.5)))
    for kind in MARKERS:
        fig.add_trace(go.Scatter(mode="markers", name=LEGEND[kind], marker=MARKERS[kind]))
    charts.year_axis(fig, analysis.BRD_FIRST, analysis.DATA_LAST)
    fig.update_xaxes(title_text="Year t (the year the rule is applied)")
    fig.update_yaxes(title_text="Battle-related deaths in the year", rangemode="tozero")
    fig.update_layout(bargap=0.15, legend=dict(y=1.02), margin=dict(t=130))
    _fill(fig, yearly, title)
    return fig


def _fill(fig: go.Figure, ruled: pd.DataFrame, title: str) -> None:
    deaths = ruled["deaths"].astype("Float64")
    top = float(deaths.max()) if deaths.notna().any() else 0.0
    lift = max(top * 0.06, 30.0)
    hover = [
        f"{y}: {'no estimate' if pd.isna(d) else f'{int(d):,} deaths'} ({s})"
        for y, d, s in zip(ruled["year"], deaths, ruled["status"], strict=True)
    ]
    fig.data[0].x = list(ruled["year"])
    fig.data[0].y = [None if pd.isna(d) else float(d) for d in deaths]
    fig.data[0].hovertext = hover
    fig.data[0].hoverinfo = "text"
    for i, kind in enumerate(MARKERS, start=1):
        rows = ruled[ruled["outcome"] == kind]
        fig.data[i].x = list(rows["year"])
        fig.data[i].y = [float(0 if pd.isna(d) else d) + lift for d in rows["deaths"]]
        fig.data[i].hovertext = [
            f"{LEGEND[kind]}<br>{y}: {0 if pd.isna(d) else int(d):,} → {y + 1}: "
            f"{0 if pd.isna(n) else int(n):,}"
            for y, d, n in zip(rows["year"], rows["deaths"], rows["next_deaths"], strict=True)
        ]
        fig.data[i].hoverinfo = "text"
    fig.layout.title.text = title


class EarlyWarningExplorer(Explorer):
    """The rule's hits against its false alarms: change the rule's window and threshold, or the
    case, and the flags on the chart and the table of hits and false alarms (all scored cases)
    update in place."""

    QUESTION = QUESTION

    def __init__(self, conflict_years: pd.DataFrame | None = None, cases: pd.DataFrame | None = None,
                 initial: str = "sudan"):
        self.conflict_years = load("conflict_years") if conflict_years is None else conflict_years
        self.cases = load("cases") if cases is None else cases
        self.names = dict(zip(self.cases["case_id"], self.cases["name"], strict=True))
        options = [(self.names.get(c, c), c) for c in scored_cases(self.conflict_years)]
        style = {"description_width": "initial"}
        self.case = ipw.Dropdown(options=options, value=initial, description="Case shown", style=style)
        self.window = controls.Slider(value=DEFAULT_WINDOW, min=1, max=MAX_WINDOW, description="Rises in a row",
                                    style=style, continuous_update=False)
        self.threshold = controls.Slider(value=DEFAULT_THRESHOLD, min=0, max=3000, step=100,
                                       description="Minimum deaths in year t", style=style,
                                       continuous_update=False)
        self.table = ipw.HTML()
        # The yearly deaths do not depend on the rule: compute them once, and each rule's panel once.
        self._yearly = {c: yearly_deaths(self.conflict_years, c) for c in scored_cases(self.conflict_years)}
        self._panels: dict[tuple[int, int], tuple[pd.DataFrame, str]] = {}
        panel, table = self._panel(DEFAULT_WINDOW, DEFAULT_THRESHOLD)
        fig = figure(panel[panel["case_id"] == initial], self._title(initial, DEFAULT_WINDOW, DEFAULT_THRESHOLD))
        super().__init__([self.case, self.window, self.threshold], fig, extra=[self.table])
        self.table.value = table

    def _panel(self, window: int, threshold: int) -> tuple[pd.DataFrame, str]:
        """The rule applied to every scored case, and its score table, computed once per setting."""
        key = (int(window), int(threshold))
        if key not in self._panels:
            panel = evaluate(self.conflict_years, window, threshold, yearly=self._yearly)
            table = score(panel, self.names)
            self._panels[key] = (panel, headline(table) + _table_html(table))
        return self._panels[key]

    def _title(self, case_id: str, window: int, threshold: int) -> str:
        rule = f"deaths rose {window} year{'s' if window > 1 else ''} in a row"
        if threshold:
            rule += f" and reached {threshold:,}"
        return f"{html.escape(self.names.get(case_id, case_id))}: flag when {rule}"

    def update(self) -> None:
        case_id, window, threshold = self.case.value, self.window.value, self.threshold.value
        if not case_id:
            raise InputError("Choose a case to see its flags.")
        _check(window, threshold)
        panel, table = self._panel(window, threshold)
        ruled = panel[panel["case_id"] == case_id]
        if ruled.empty:
            raise InputError(f"No scored years for {case_id!r}: choose another case.")
        with self.figure.batch_update():
            _fill(self.figure, ruled, self._title(case_id, window, threshold))
        self.table.value = table
