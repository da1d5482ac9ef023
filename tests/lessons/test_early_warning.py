"""The toy early-warning rule: its meaning, its record, and the explorer updating in place."""

from __future__ import annotations

import pandas as pd
import pytest

from peaceops.lessons import early_warning as ew
from peaceops.widgets import InputError


def _yearly(values):
    years = list(range(1989, 1989 + len(values)))
    return pd.DataFrame({"case_id": "x", "year": years, "deaths": pd.array(values, dtype="Float64"),
                         "status": "estimate"})


def test_rule_flags_two_rises_in_a_row_and_scores_next_year():
    ruled = ew.apply_rule(_yearly([10, 20, 30, 40, 35, 50, 60, 70]), window=2, threshold=0).set_index("year")
    assert list(ruled.index[ruled["flagged"]]) == [1991, 1992, 1995, 1996]
    assert bool(ruled.loc[1992, "escalation"]) is False  # 40 -> 35
    assert ruled.loc[1991, "outcome"] == "not scored"  # before 1993
    assert ruled.loc[1995, "outcome"] == "hit"  # 60 -> 70


def test_threshold_and_bad_window():
    ruled = ew.apply_rule(_yearly([10, 20, 30, 40, 50]), window=1, threshold=35)
    assert list(ruled.loc[ruled["flagged"], "year"]) == [1992, 1993]
    with pytest.raises(InputError, match="outside the range"):
        ew.apply_rule(_yearly([1, 2]), window=0)
    with pytest.raises(InputError, match="not a number"):
        ew.apply_rule(_yearly([1, 2]), window=1, threshold=-5)


def test_default_record_is_poor_and_consistent():
    table = ew.score_table()
    total = table.loc["All scored cases"]
    assert total["case-years scored"] == 140
    assert (total["flags"], total["hits"], total["false alarms"], total["misses"]) == (11, 4, 7, 30)
    assert total["hits"] + total["misses"] == total["escalations"] == 34
    assert "South Africa" not in table.index and "Cyprus" not in table.index


def test_explorer_updates_figure_in_place():
    explorer = ew.EarlyWarningExplorer(initial="sudan")
    figure = explorer.figure
    before = (tuple(figure.data[1].x), tuple(figure.data[2].x), explorer.table.value)
    explorer.window.value = 1
    assert explorer.figure is figure
    after = (tuple(figure.data[1].x), tuple(figure.data[2].x), explorer.table.value)
    assert after != before
    assert "1 year in a row" in figure.layout.title.text
    explorer.case.value = "colombia"
    assert "Colombia" in figure.layout.title.text
    assert explorer.message.value == ""


def test_explorer_bad_input_gives_message():
    explorer = ew.EarlyWarningExplorer()
    x_before = tuple(explorer.figure.data[0].x)
    explorer.case.value = None
    assert "Choose a case" in explorer.message.value
    assert tuple(explorer.figure.data[0].x) == x_before


def test_record_for_learners_has_labels_and_words_for_empty_shares():
    table = ew.record()
    frame = table.frame.set_index("Case")
    assert frame.loc["Northern Ireland", "Flags that were false alarms (%)"] == "no flags"
    assert frame.loc["All scored cases", "False alarms"] == 7
    assert "<NA>" not in repr(table) and "share of flags" not in repr(table)


def test_explorer_states_hits_against_false_alarms():
    explorer = ew.EarlyWarningExplorer()
    assert "11 flags, of which 4 hits and 7 false alarms" in explorer.table.value
    explorer.window.value = 1
    assert "32 flags, of which 11 hits and 21 false alarms" in explorer.table.value
    explorer.threshold.value = 1000
    assert "22 flags, of which 9 hits and 13 false alarms" in explorer.table.value
    assert "<NA>" not in explorer.table.value
