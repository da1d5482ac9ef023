"""Interactive explorers. Each keeps its controls above one figure and updates that figure in place.

Every explorer exposes its callback as a plain method (for example ``CaseExplorer.show``),
so tests and facilitators can call it directly, and reports bad input in the widget's own
message area rather than as a traceback.
"""

from __future__ import annotations

import datetime as _dt
import html

import ipywidgets as widgets
import pandas as pd
import plotly.graph_objects as go

from peaceops import charts
from peaceops.charts import handout_mode
from peaceops.data import CONFLICT_YEARS_LABEL, CONFLICT_YEARS_NOTE, DataError, load

CASE_SOURCE = (
    "data/cases.csv and data/missions.csv (hand-curated, a source on every row; see data/README.md)"
)


def _message(text: str, kind: str = "warning") -> str:
    colour = {"warning": "#8a4b00", "error": "#a00000", "info": "#333333"}[kind]
    return f'<div role="status" style="color:{colour};padding:4px 0">{html.escape(text)}</div>'


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


def html_table(rows: pd.DataFrame, columns: dict, source_column: str | None = "source_url",
               caption: str | None = None, max_height: str | None = None) -> str:
    """Rows as an escaped HTML table for a widget's list beneath a figure.

    ``columns`` maps each header to a column name or to a function of the row (a namedtuple);
    empty values show as an em dash. With ``source_column``, a last column links each row's
    first source URL (URLs separated by " ; ", as in the curated tables).
    """
    def text(value: object) -> str:
        if value is None or (not isinstance(value, str) and pd.isna(value)) or value == "":
            return "—"
        return html.escape(str(value))

    heads = list(columns) + (["Source"] if source_column else [])
    head = "".join(f"<th style='text-align:left;padding-right:8px'>{html.escape(h)}</th>" for h in heads)
    body = []
    for row in rows.itertuples():
        cells = [text(get(row) if callable(get) else getattr(row, get)) for get in columns.values()]
        if source_column:
            url = str(getattr(row, source_column) or "").split(" ; ")[0].strip()
            cells.append(f'<a href="{html.escape(url)}" target="_blank" rel="noopener">source</a>' if url else "—")
        body.append("<tr>" + "".join(f"<td style='vertical-align:top;padding-right:8px'>{c}</td>" for c in cells)
                    + "</tr>")
    table = (f"<table style='font-size:90%;max-width:1000px'><thead><tr>{head}</tr></thead>"
             f"<tbody>{''.join(body)}</tbody></table>")
    if max_height:
        table = f"<div style='max-height:{max_height};overflow:auto'>{table}</div>"
    return (f"<p>{html.escape(caption)}</p>" if caption else "") + table


class InputError(ValueError):
    """A control holds a value the explorer cannot show (an empty selection, a window with no data).

    Explorers catch it and show its message in the widget: the learner never sees a traceback.
    """


def message_html(text: str, kind: str = "warning") -> str:
    """A short status message for a widget's message area (escaped, announced to screen readers)."""
    return _message(text, kind)


class Explorer:
    """Controls above one figure; any change of a control redraws that figure in place.

    Subclasses build ``controls`` (labelled ipywidgets with a ``description``) and a
    ``figure`` (a plotly ``FigureWidget``), then call ``super().__init__``, and implement
    :meth:`update`, which reads the controls and changes ``self.figure`` inside
    ``self.figure.batch_update()``. :meth:`update` raises :class:`InputError` for input it
    cannot show; :meth:`refresh` turns that into a message in the widget and leaves the
    figure as it was. Tests and facilitators call :meth:`refresh` (or set a control's
    ``value``) directly, exactly as the browser does.
    """

    def __init__(self, controls: list[widgets.Widget], figure, extra: list[widgets.Widget] | None = None):
        self.controls = list(controls)
        self.figure = figure
        self.message = widgets.HTML()
        for control in self.controls:
            control.observe(self._on_change, names="value")
        row = widgets.HBox(self.controls, layout=widgets.Layout(flex_flow="row wrap", grid_gap="8px"))
        self.widget = widgets.VBox([row, self.message, *(extra or []), figure])

    def _on_change(self, _change: dict) -> None:
        self.refresh()

    def cached(self, key: object, compute):
        """``compute()`` once per ``key`` for this explorer: the tables do not change while it is
        shown, so going back to a setting already seen costs nothing."""
        memo = self.__dict__.setdefault("_memo", {})
        if key not in memo:
            memo[key] = compute()
        return memo[key]

    def update(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def refresh(self) -> bool:
        """Redraw from the controls' current values. False, with a message shown, when the input
        cannot be drawn; the figure then keeps its previous data."""
        try:
            self.update()
        except (InputError, DataError) as exc:
            self.message.value = _message(str(exc), "warning" if isinstance(exc, InputError) else "error")
            return False
        self.message.value = ""
        return True

    def _ipython_display_(self) -> None:
        from IPython.display import HTML, display

        if handout_mode():
            # A kernel-less handout cannot run callbacks: show the figure as first drawn (still
            # zoomable, with hover), and the HTML panels, with a note on how to explore further.
            controls = "; ".join(
                f"{c.description}: {_control_value(c)}" for c in self.controls if getattr(c, "description", "")
            )
            display(HTML(_message(f"Interactive in JupyterLab; shown here with {controls}.", "info")))
            for extra in self.widget.children[2:-1]:
                if isinstance(extra, widgets.HTML):
                    display(HTML(extra.value))
            display(go.Figure(self.figure))
            return
        display(self.widget)


def _control_value(control: widgets.Widget) -> str:
    """What a control shows: the chosen label(s) of a selection, else its value (a range as a–b)."""
    label = getattr(control, "label", None)
    if label is not None:
        return ", ".join(map(str, label)) or "none" if isinstance(label, tuple) else str(label)
    value = control.value
    return "–".join(map(str, value)) if isinstance(value, tuple) else str(value)


class CaseExplorer(Explorer):
    """Choose a case: its card of key facts and its timeline figure update in place.

    >>> explorer = CaseExplorer()
    >>> explorer.show("cyprus")          # the same call the dropdown makes
    >>> explorer                          # in a notebook, displays the controls, card and figure
    """

    def __init__(self, cases: pd.DataFrame | None = None, missions: pd.DataFrame | None = None,
                 this_year: int | None = None, initial: str | None = None):
        self.cases = load("cases") if cases is None else cases
        self.missions = load("missions") if missions is None else missions
        self.this_year = this_year or _dt.date.today().year
        options = [(row.name, row.case_id) for row in self.cases.itertuples()]
        first = initial or options[0][1]
        self.dropdown = widgets.Dropdown(
            options=options, value=first, description="Case",
            style={"description_width": "initial"}, layout=widgets.Layout(width="420px"),
        )
        self.card = widgets.HTML()
        case = self._case(first)
        figure = charts.case_timeline(case, self.missions, CASE_SOURCE, self.this_year, widget=True)
        self.card.value = case_card(case)
        super().__init__([self.dropdown], figure, extra=[self.card])

    def _case(self, case_id: str) -> pd.Series:
        match = self.cases[self.cases["case_id"] == case_id]
        if match.empty:
            known = ", ".join(self.cases["case_id"])
            raise InputError(f"Unknown case {case_id!r}. Choose one of: {known}.")
        return match.iloc[0]

    def update(self) -> None:
        case_id = self.dropdown.value
        if not case_id:
            raise InputError("Choose a case from the list to see its facts and timeline.")
        case = self._case(case_id)
        charts.update_case_timeline(self.figure, case, self.missions, self.this_year)
        self.card.value = case_card(case)

    def show(self, case_id: str | None) -> bool:
        """Show ``case_id``, as choosing it in the drop-down does. Returns False, with a message in
        the widget, when the choice is empty or unknown; the figure then keeps its data."""
        if not case_id:
            self.message.value = _message("Choose a case from the list to see its facts and timeline.")
            return False
        if case_id not in set(self.cases["case_id"]):
            known = ", ".join(self.cases["case_id"])
            self.message.value = _message(f"Unknown case {case_id!r}. Choose one of: {known}.", "error")
            return False
        if self.dropdown.value != case_id:
            self.dropdown.value = case_id  # the observer redraws
            return self.message.value == ""
        return self.refresh()
