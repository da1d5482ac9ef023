"""The core widgets: the explorer base, self-checks and the learner-facing tables."""

from __future__ import annotations

import pytest

from peaceops import widgets
from peaceops.exercises import Question, SelfCheck

QUESTION = Question(
    prompt="Which?",
    options=("A", "B"),
    answer="B",
    feedback={"A": "A is wrong because.", "B": "B is right because."},
)


def test_self_check_feedback():
    check = SelfCheck(QUESTION)
    assert check.check() is None and "Choose an answer" in check.feedback.value
    assert check.check("A") is False and "Not quite. A is wrong" in check.feedback.value
    assert check.check("B") is True and "Correct. B is right" in check.feedback.value
    assert check.choice.description == "Your answer"


def test_question_must_be_consistent():
    with pytest.raises(ValueError, match="not one of the options"):
        Question("?", ("A", "B"), "C", {"A": "", "B": ""})
    with pytest.raises(ValueError, match="Feedback is missing"):
        Question("?", ("A", "B"), "A", {"A": ""})
    assert QUESTION.check("Z") == (None, "'Z' is not one of the options.")


def test_explorer_base_reports_input_errors_in_the_widget():
    import ipywidgets
    import plotly.graph_objects as go

    class Doubler(widgets.Explorer):
        def __init__(self):
            self.slider = ipywidgets.IntSlider(value=1, min=0, max=5, description="Value")
            super().__init__([self.slider], go.FigureWidget(data=[go.Scatter(x=[0], y=[1])]))

        def update(self):
            if self.slider.value == 0:
                raise widgets.InputError("Zero has nothing to show: choose 1 or more.")
            self.figure.data[0].y = [2 * self.slider.value]

    d = Doubler()
    d.slider.value = 3
    assert d.figure.data[0].y == (6,) and d.message.value == ""
    d.slider.value = 0
    assert "Zero has nothing to show" in d.message.value and d.figure.data[0].y == (6,)
    d.slider.value = 2
    assert d.message.value == "" and d.figure.data[0].y == (4,)


def test_html_table_escapes_and_links_the_first_source():
    import pandas as pd

    rows = pd.DataFrame({"actor": ["<b>A</b>", "B"], "years": ["1995", None],
                         "source_url": ["https://a.example/x ; https://b.example/y", ""]})
    out = widgets.html_table(rows, {"Actor": "actor", "Years": "years", "Upper": lambda r: r.actor.upper()},
                             caption="2 rows", max_height="100px")
    assert "&lt;b&gt;A&lt;/b&gt;" in out and "<b>A</b>" not in out
    assert 'href="https://a.example/x"' in out and "b.example" not in out
    assert out.count("—") == 2  # the missing year and the missing source
    assert "<p>2 rows</p>" in out and "max-height:100px" in out


def test_table_shows_labels_no_index_and_no_data_for_gaps():
    import pandas as pd

    from peaceops.widgets import Table

    table = Table(pd.DataFrame({"Case": ["Cyprus", "Colombia"], "Signed": [None, "2016"]}), caption="Key agreements")
    text = repr(table)
    assert text.splitlines()[0] == "Key agreements" and "no data" in text and "<NA>" not in text and "None" not in text
    assert not any(line.startswith(("0 ", "1 ")) for line in text.splitlines())  # no index numbers
    assert "<table" in table._repr_html_() and len(table) == 2
