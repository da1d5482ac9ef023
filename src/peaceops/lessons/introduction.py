"""Lesson 00 · Introduction: the seven cases, their key facts and when the missions came.

:class:`CaseExplorer` sets two cases side by side on one time axis; :func:`case_card` is the card of
one case's key facts, with its sources as links. Built on the core: ``peaceops.widgets.Explorer``,
``peaceops.charts`` and ``peaceops.data``.
"""

from __future__ import annotations

import datetime as _dt
import html
import re

import ipywidgets as widgets
import pandas as pd
import plotly.graph_objects as go

from peaceops import charts
from peaceops.charts import handout_mode
from peaceops.data import CONFLICT_YEARS_LABEL, CONFLICT_YEARS_NOTE, load
from peaceops.widgets import Explorer, InputError, html_table, message_html

CASE_SOURCE = (
    "data/cases.csv and data/missions.csv (hand-curated, a source on every row; see data/README.md)"
)


def _join(value: object, sep: str = ";") -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return "—"
    parts = [p.strip() for p in str(value).split(sep) if p.strip()]
    return ", ".join(parts) if parts else "—"


def case_card(case: pd.Series) -> str:
    """The key facts of one case as an HTML card (escaped; sources as links)."""
    def esc(v: object) -> str:
        return "—" if v is None or (not isinstance(v, str) and pd.isna(v)) else html.escape(str(v))

    date = case["agreement_date"]
    date_text = date.strftime("%d %B %Y").lstrip("0") if pd.notna(date) else "no agreement signed"
    urls = [u.strip() for u in str(case.get("source_url", "") or "").split(" ; ") if u.strip()]
    links = " ".join(f'<a href="{html.escape(u)}" target="_blank" rel="noopener">[{i}]</a>'
                     for i, u in enumerate(urls, 1))
    colour = charts.CASE_COLOURS.get(case["case_id"], "#333")
    rows = [
        ("Countries", html.escape(_join(case["countries_iso3"]))),
        (CONFLICT_YEARS_LABEL, f"{esc(case['conflict_period'])}<br><small>{CONFLICT_YEARS_NOTE}</small>"),
        ("Key agreement", f"{esc(case['key_agreement'])}<br><small>{html.escape(date_text)}, "
                          f"{esc(case['agreement_place'])}</small>"),
        ("Mediators and facilitators", html.escape(_join(case["mediators"]))),
        ("UN missions", html.escape(_join(case["un_missions"]))),
        ("Situation today", esc(case["status_today"])),
        ("Sources", f"{esc(case['source'])} {links}"),
    ]
    body = "".join(
        f'<tr><th style="text-align:left;vertical-align:top;padding:2px 10px 2px 0">{k}</th>'
        f'<td style="text-align:left;padding:2px 0">{v}</td></tr>'
        for k, v in rows
    )
    return (
        f'<div style="border-left:6px solid {colour};padding:6px 12px;max-width:900px">'
        f'<h3 style="margin:4px 0">{esc(case["name"])}</h3><table>{body}</table></div>'
    )


class CaseExplorer(Explorer):
    """Two cases side by side on one time axis: when did the missions come, relative to the
    fighting and to the key agreement?

    Choose the two cases and the time axis: calendar years, years from the first conflict year,
    or years from the key agreement (0 = its signature). The figure, the table of mission timings
    beneath it and the two case cards update in place.

    >>> explorer = CaseExplorer(initial="cyprus", second="colombia")
    >>> explorer.compare("balkans", "colombia", "agreement")   # what the three controls do
    >>> explorer.show("sudan")                                  # the first case only
    >>> explorer                                                # in a notebook: controls, figure, table, cards
    """

    QUESTION = "When did the missions come relative to the fighting and the agreement?"
    #: Short labels for the figure's rows (the full names are on the cards).
    SHORT_NAMES = {
        "balkans": "Balkans", "northern_ireland": "N. Ireland", "south_africa": "South Africa",
        "timor_leste": "Timor-Leste", "colombia": "Colombia", "cyprus": "Cyprus", "sudan": "Sudan",
    }
    ALIGNMENTS = {
        "calendar": "Calendar years",
        "conflict": "From the first conflict year",
        "agreement": "From the key agreement",
    }
    AXIS_TITLES = {
        "calendar": "Year",
        "conflict": "Years since the first conflict year (0 = 1 January of that year)",
        "agreement": "Years before (−) and after (+) the key agreement (0 = the day it was signed)",
    }
    CONFLICT_ROW = "conflict years"
    TRACES = ("UCDP active years", "Key agreement signed", "UN mission", "Mission of another organisation")

    def __init__(self, cases: pd.DataFrame | None = None, missions: pd.DataFrame | None = None,
                 this_year: int | None = None, initial: str | None = None, second: str | None = None,
                 align: str = "calendar"):
        self.cases = load("cases") if cases is None else cases
        self.missions = load("missions") if missions is None else missions
        self.this_year = this_year or _dt.date.today().year
        options = [(row.name, row.case_id) for row in self.cases.itertuples()]
        ids = [value for _label, value in options]
        first = initial or ("cyprus" if "cyprus" in ids else ids[0])
        if second is None:
            second = next((c for c in ("colombia", "cyprus", *ids) if c != first and c in ids), first)
        style = {"description_width": "initial"}
        self.dropdown = widgets.Dropdown(options=options, value=first, description="First case", style=style,
                                         layout=widgets.Layout(width="380px"))
        self.second = widgets.Dropdown(options=options, value=second, description="Second case", style=style,
                                       layout=widgets.Layout(width="380px"))
        self.align = widgets.ToggleButtons(
            options=[(label, key) for key, label in self.ALIGNMENTS.items()], value=align,
            description="Time axis", style={"description_width": "initial", "button_width": "210px"},
            tooltips=["Years as on a calendar", "0 = the first year of the conflict years shown",
                      "0 = the day the key agreement was signed"],
        )
        self.table = widgets.HTML()
        self.cards = widgets.HBox(
            [widgets.HTML(layout=widgets.Layout(width="50%")), widgets.HTML(layout=widgets.Layout(width="50%"))],
            layout=widgets.Layout(grid_gap="12px"),
        )
        figure = charts.new_figure("", CASE_SOURCE, widget=True, height=420)
        figure.add_trace(go.Scatter(mode="lines", name=self.TRACES[0], hovertemplate="%{text}<extra></extra>",
                                    line=dict(width=12, color=charts.OKABE_ITO["vermillion"])))
        figure.add_trace(go.Scatter(mode="markers", name=self.TRACES[1], hovertemplate="%{text}<extra></extra>",
                                    marker=dict(symbol="diamond", size=16, color=charts.OKABE_ITO["black"],
                                                line=dict(width=1, color="white"))))
        figure.add_trace(go.Scatter(mode="lines", name=self.TRACES[2], hovertemplate="%{text}<extra></extra>",
                                    line=dict(width=9, color=charts.OKABE_ITO["sky_blue"])))
        figure.add_trace(go.Scatter(mode="lines", name=self.TRACES[3], hovertemplate="%{text}<extra></extra>",
                                    line=dict(width=9, color=charts.OKABE_ITO["orange"], dash="dot")))
        figure.update_layout(legend=dict(orientation="h", y=1.0, yanchor="bottom", x=0),
                             margin=dict(l=190, t=110, b=110), hoverlabel=dict(align="left"))
        super().__init__([self.dropdown, self.second, self.align], figure)
        self.widget.children = (*self.widget.children, self.table, self.cards)
        self._draw(first, second, align)

    # --- data ---------------------------------------------------------------------------------

    def _case(self, case_id: str | None) -> pd.Series:
        if not case_id:
            raise InputError("Choose a case from each list to compare their timelines.")
        match = self.cases[self.cases["case_id"] == case_id]
        if match.empty:
            known = ", ".join(self.cases["case_id"])
            raise InputError(f"Unknown case {case_id!r}. Choose one of: {known}.")
        return match.iloc[0]

    @staticmethod
    def _decimal(date: object, year: object, end: bool = False) -> tuple[float | None, bool]:
        """A date as a decimal year, and whether it is known to the day (else the start or the end of
        ``year``, or None when there is neither)."""
        if date is not None and pd.notna(date):
            return charts.decimal_year(date), True
        if year is None or pd.isna(year):
            return None, False
        return float(year) + (0.999 if end else 0.0), False

    @staticmethod
    def _gap(years: float, exact: bool = True) -> str:
        """-3.8 -> '3.8 years before'; 0.85 -> '10 months after'; 0.02 -> '7 days after' (months below two years)."""
        days = round(abs(years) * 365.25)
        if days == 0:
            return "on the same day"
        if days < 31:
            text = f"{days} day{'s' if days != 1 else ''}"
        elif days < 730:
            months = max(1, round(days / 30.44))
            text = f"{months} month{'s' if months != 1 else ''}"
        else:
            text = f"{abs(years):.1f} years"
        return ("" if exact else "about ") + text + (" before" if years < 0 else " after")

    @staticmethod
    def spans(case: pd.Series) -> list[tuple[int, int]]:
        """The conflict years as spans: '1963–1964; 1974' -> [(1963, 1964), (1974, 1974)]. Falls back to
        ``conflict_start``–``conflict_end`` when the period cannot be read."""
        out = []
        for part in str(case.get("conflict_period", "") or "").split(";"):
            years = [int(y) for y in re.findall(r"\d{4}", part)]
            if years:
                out.append((min(years), max(years)))
        return out or [(int(case["conflict_start"]), int(case["conflict_end"]))]

    def reference(self, case: pd.Series, align: str) -> float:
        """The year that becomes 0 on the axis. Raises :class:`InputError` when the case has none."""
        if align == "calendar":
            return 0.0
        if align == "conflict":
            return float(case["conflict_start"])
        if align == "agreement":
            if pd.isna(case["agreement_date"]):
                raise InputError(f"{case['name']} has no key agreement to line up on: there is still no "
                                 "settlement. Choose another time axis, or another case.")
            return charts.decimal_year(case["agreement_date"])
        raise InputError(f"Unknown time axis {align!r}. Choose one of: {', '.join(self.ALIGNMENTS.values())}.")

    def timing(self, case_id: str) -> pd.DataFrame:
        """The case's missions in order, with when each began relative to the conflict years shown
        and to the key agreement, in words; dates known only to the year are marked."""
        case = self._case(case_id)
        rows = self.missions[self.missions["case_id"] == case_id].copy()
        spans = self.spans(case)
        start, end = spans[0][0], spans[-1][1]
        period = str(case["conflict_period"])
        agreement = case["agreement_date"]
        out = []
        for m in rows.itertuples():
            x, exact = self._decimal(m.start_date, m.start_year)
            year = int(m.start_year)
            began = f"{m.start_date.day} {m.start_date:%B %Y}" if exact else f"{year} (year only)"
            if year < start:
                fighting = f"{start - year} year{'s' if start - year != 1 else ''} before the first conflict year"
            elif year == end and start != end:
                fighting = f"in the last conflict year ({end})"
            elif any(a <= year <= b for a, b in spans):
                fighting = f"during the conflict years ({period})"
            elif year < end:
                fighting = f"in a gap between the conflict years ({period})"
            elif year == end + 1:
                fighting = f"the year after the last conflict year ({end})"
            else:
                fighting = f"{year - end} years after the last conflict year ({end})"
            if pd.isna(agreement):
                relative = "no key agreement"
            else:
                relative = self._gap(x - charts.decimal_year(agreement), exact)
            out.append({"case": case["name"], "mission": m.mission, "full_name": m.full_name,
                        "organisation": m.organisation, "type": m.type, "began": began, "x": x,
                        "fighting": fighting, "agreement": relative, "source_url": m.source_url})
        frame = pd.DataFrame(out, columns=["case", "mission", "full_name", "organisation", "type", "began", "x",
                                           "fighting", "agreement", "source_url"])
        return frame.sort_values(["x", "mission"]).reset_index(drop=True)

    def _case_data(self, case: pd.Series, align: str) -> dict:
        """One case's rows and the x/y/hover data of its four traces, shifted to the time axis."""
        shift = self.reference(case, align)
        short = self.SHORT_NAMES.get(case["case_id"], str(case["name"]))
        conflict_row = f"{short} · {self.CONFLICT_ROW}"
        spans = self.spans(case)
        hover = (f"<b>{html.escape(str(case['name']))}</b><br>{CONFLICT_YEARS_LABEL}: "
                 f"{html.escape(str(case['conflict_period']))}")
        cx, cy, ct = [], [], []
        for a, b in spans:  # one bar per span: a gap between the conflict years stays a gap
            cx += [a - shift, b + 0.999 - shift, None]
            cy += [conflict_row] * 2 + [None]
            ct += [hover] * 2 + [None]
        data = {"rows": [conflict_row], "xs": [], "conflict": (cx, cy, ct),
                "agreement": ([], [], []), "un": ([], [], []), "other": ([], [], []), "agreement_x": None}
        data["xs"] += [spans[0][0] - shift, spans[-1][1] + 1 - shift]
        if pd.notna(case["agreement_date"]):
            ax = charts.decimal_year(case["agreement_date"]) - shift
            when = f"{case['agreement_date'].day} {case['agreement_date']:%B %Y}"
            data["agreement"] = ([ax], [conflict_row],
                                 [f"<b>{html.escape(str(case['agreement_short']))}</b><br>signed {when}"])
            data["agreement_x"] = ax
            data["xs"].append(ax)
        timing = self.timing(case["case_id"]).set_index("mission")
        rows = self.missions[self.missions["case_id"] == case["case_id"]].set_index("mission", drop=False)
        for m in rows.loc[list(timing.index)].itertuples():  # in the order they began
            x0, _ = self._decimal(m.start_date, m.start_year)
            x1, _ = self._decimal(m.end_date, m.end_year, end=True)
            ongoing = x1 is None
            x1 = float(self.this_year) + 0.999 if ongoing else x1
            row = f"{short} · {m.mission}"
            until = getattr(m, "mandate_until", None)
            status = "no end date in the table: drawn to this year"
            if ongoing and until is not None and pd.notna(until):
                status += f"; the last renewal found runs to {until.day} {until:%B %Y}"
            t = timing.loc[m.mission]
            agreed = ("no key agreement" if pd.isna(case["agreement_date"])
                      else f"{t['agreement']} the key agreement")
            hover = (f"<b>{html.escape(m.mission)}</b>: {html.escape(m.full_name)}<br>"
                     f"{html.escape(m.organisation)}, {html.escape(m.type)}; began {html.escape(t['began'])}"
                     + (f" ({html.escape(status)})" if ongoing else "")
                     + f"<br>{html.escape(t['fighting'])}; {html.escape(agreed)}")
            x, y, text = data["un" if m.organisation == "UN" else "other"]
            x += [x0 - shift, x1 - shift, None]
            y += [row, row, None]
            text += [hover, hover, None]
            data["rows"].append(row)
            data["xs"] += [x0 - shift, x1 - shift]
        return data

    # --- drawing ------------------------------------------------------------------------------

    def _draw(self, first: str | None, second: str | None, align: str) -> None:
        a, b = self._case(first), self._case(second)
        if a["case_id"] == b["case_id"]:
            raise InputError("Choose two different cases: the point is to compare them.")
        if align not in self.ALIGNMENTS:
            self.reference(a, align)  # raises, naming the choices
        parts = [self._case_data(a, align), self._case_data(b, align)]
        rows = parts[0]["rows"] + parts[1]["rows"]
        order = rows[::-1]  # the first category is drawn at the bottom: the first case goes on top
        position = {row: i for i, row in enumerate(order)}
        xs = parts[0]["xs"] + parts[1]["xs"]
        lo, hi = min(xs), max(xs)

        def joined(key: str) -> tuple[list, list, list]:
            x, y, t = [], [], []
            for p in parts:
                px, py, pt = p[key]
                x += list(px)
                y += list(py)
                t += list(pt)
            return x, y, t

        shapes = [dict(type="line", xref="paper", x0=0, x1=1, yref="y",
                       y0=len(parts[1]["rows"]) - 0.5, y1=len(parts[1]["rows"]) - 0.5,
                       line=dict(color="#777777", width=1))]
        for p in parts:
            if p["agreement_x"] is not None:  # a dotted line through the case's own rows at its agreement
                ys = [position[r] for r in p["rows"]]
                shapes.append(dict(type="line", xref="x", yref="y", x0=p["agreement_x"], x1=p["agreement_x"],
                                   y0=min(ys) - 0.45, y1=max(ys) + 0.45, layer="below",
                                   line=dict(color=charts.OKABE_ITO["black"], width=1.5, dash="dot")))
        if align != "calendar":
            shapes.append(dict(type="line", xref="x", yref="paper", x0=0, x1=0, y0=0, y1=1, layer="below",
                               line=dict(color="#555555", width=1)))
        fig = self.figure
        with fig.batch_update():
            for i, key in enumerate(("conflict", "agreement", "un", "other")):
                fig.data[i].x, fig.data[i].y, fig.data[i].text = joined(key)
            fig.layout.shapes = shapes
            fig.layout.title.text = (f"{html.escape(str(a['name']))} and {html.escape(str(b['name']))}: "
                                     f"conflict years, key agreement and missions ({self.ALIGNMENTS[align].lower()})")
            fig.update_yaxes(type="category", categoryorder="array", categoryarray=order, autorange=True,
                             tickmode="linear", dtick=1, title=None)  # a label on every row, never thinned out
            fig.update_xaxes(title=self.AXIS_TITLES[align])
            fig.layout.height = max(360, 200 + 26 * len(rows))
            charts.year_axis(fig, int(lo // 1), int(-(-hi // 1)))
        self.table.value = self.timing_html(a["case_id"], b["case_id"])
        self.cards.children[0].value = case_card(a)
        self.cards.children[1].value = case_card(b)

    def timing_html(self, first: str, second: str) -> str:
        """Both cases' missions as one table: when each began, relative to the fighting and the agreement."""
        parts = [self.timing(first), self.timing(second)]
        rows = pd.concat(parts, ignore_index=True)
        none = [str(self._case(c)["name"]) for c, part in zip((first, second), parts, strict=True) if part.empty]
        note = "".join(f"<p><b>{html.escape(name)}</b>: no peace operation in data/missions.csv, so no rows "
                       "below; the process went ahead without one.</p>" for name in none)
        return note + html_table(rows, {
            "Case": "case", "Mission": "mission", "Run by": "organisation", "Type": "type", "Began": "began",
            "Relative to the conflict years shown": "fighting", "Relative to the key agreement": "agreement",
        }, caption=f"{self.QUESTION} The conflict years are the {CONFLICT_YEARS_LABEL} on the cards; dates known "
                   "only to the year are counted from 1 January and marked 'about'.")

    def update(self) -> None:
        self._draw(self.dropdown.value, self.second.value, self.align.value)

    def compare(self, first: str | None, second: str | None, align: str | None = None) -> bool:
        """Set both cases (and the time axis), as the controls do. False, with a message in the widget,
        when the choice cannot be drawn (an empty or unknown case, the same case twice, a case with no
        agreement on the agreement axis); the figure then keeps its data."""
        align = self.align.value if align is None else align
        try:
            for case_id in (first, second):
                self._case(case_id)
            if align not in self.ALIGNMENTS:
                raise InputError(f"Unknown time axis {align!r}. Choose one of: {', '.join(self.ALIGNMENTS)}.")
        except InputError as exc:
            self.message.value = message_html(str(exc), "error" if "Unknown" in str(exc) else "warning")
            return False
        controls = [(self.dropdown, first), (self.second, second), (self.align, align)]
        changed = [c for c, v in controls if c.value != v]
        if not changed:
            return self.refresh()
        for control in self.controls:  # set the values without drawing after each one
            control.unobserve(self._on_change, names="value")
        try:
            for control, value in controls:
                control.value = value
        finally:
            for control in self.controls:
                control.observe(self._on_change, names="value")
        return self.refresh()

    def show(self, case_id: str | None) -> bool:
        """Show ``case_id`` as the first case, as choosing it in the first drop-down does. Returns False,
        with a message in the widget, when the choice is empty or unknown; the figure then keeps its data."""
        if not case_id:
            self.message.value = message_html("Choose a case from the list to see its facts and timeline.")
            return False
        if case_id not in set(self.cases["case_id"]):
            known = ", ".join(self.cases["case_id"])
            self.message.value = message_html(f"Unknown case {case_id!r}. Choose one of: {known}.", "error")
            return False
        second = self.second.value
        if second == case_id:  # keep two different cases: the old first case moves to second place
            second = self.dropdown.value if self.dropdown.value != case_id else next(
                c for c in self.cases["case_id"] if c != case_id)
        return self.compare(case_id, second)

    def _ipython_display_(self) -> None:
        super()._ipython_display_()
        if handout_mode():  # the table and the cards sit below the figure: show them in a handout too
            from IPython.display import HTML, display

            display(HTML(self.table.value))
            display(HTML("".join(c.value for c in self.cards.children)))
