"""Interactive explorers. Each keeps its controls above one figure and updates that figure in place.

Every explorer exposes its callback as a plain method (for example ``CaseExplorer.show``),
so tests and facilitators can call it directly, and reports bad input in the widget's own
message area rather than as a traceback.
"""

from __future__ import annotations

import html

import ipywidgets as widgets
import pandas as pd
import plotly.graph_objects as go

from peaceops.charts import handout_mode
from peaceops.data import DataError


def _message(text: str, kind: str = "warning") -> str:
    colour = {"warning": "#8a4b00", "error": "#a00000", "info": "#333333"}[kind]
    return f'<div role="status" style="color:{colour};padding:4px 0">{html.escape(text)}</div>'


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


#: How a gap in the data reads in a table for learners.
NO_DATA = "no data"


class Table:
    """A table as learners see it: labelled columns, "no data" for a gap, no index numbers.

    ``frame`` is shown as it is (its column names are the labels); missing values become
    ``missing`` (default "no data"). In a notebook it renders as an escaped HTML table; as text
    (``repr``) it prints without the index, so checked outputs compare the data.
    """

    def __init__(self, frame: pd.DataFrame, caption: str | None = None, missing: str = NO_DATA):
        shown = frame.reset_index(drop=True).astype(object)
        self.frame = shown.where(shown.notna(), missing)
        self.caption = caption

    def _repr_html_(self) -> str:
        columns = {c: (lambda row, i=i: row[i + 1]) for i, c in enumerate(self.frame.columns)}
        return html_table(self.frame, columns, source_column=None, caption=self.caption)

    def __repr__(self) -> str:
        text = self.frame.to_string(index=False)
        return f"{self.caption}\n{text}" if self.caption else text

    def __len__(self) -> int:
        return len(self.frame)
