"""Lesson 01 helpers: era boundaries, data shaping, and the explorers updating their figure in place."""

from __future__ import annotations

import pandas as pd
import pytest

from peaceops import load
from peaceops.lessons import history
from peaceops.widgets import InputError


@pytest.fixture(scope="module")
def totals():
    return load("peacekeeping_totals")


def test_eras_are_contiguous_and_cover_the_data():
    eras = history.ERAS
    assert eras[0].start == history.FIRST_YEAR and eras[-1].end == history.LAST_YEAR
    for a, b in zip(eras, eras[1:], strict=False):
        assert b.start == a.end + 1
    assert all(e.justification and e.source for e in eras)
    assert history.era_of(1956).key == "cold_war"
    assert history.era_of(1995).key == "surge"
    assert history.era_of(2015).key == "multidimensional"
    assert history.era_of(1648).key == "before"


def test_key_figures_are_computed_from_the_data(totals):
    kf = history.key_figures(totals)
    assert kf.loc["Peak uniformed personnel"].tolist() == [2015, 107088]
    assert kf.loc["Missions in the personnel peak year", "Value"] == 16
    assert kf.loc["Uniformed personnel in 1990", "Value"] == 13700
    assert kf.loc["Uniformed personnel in 2021", "Value"] == 75085
    assert kf.loc["Peak number of missions (first year reached)"].tolist() == [1999, 21]


def test_components_before_1992_stay_missing_not_zero(totals):
    window = history.totals_window(totals, 1988, 1995, "troops")
    assert window["personnel"].isna().sum() == 4  # 1988-1991
    assert window.loc[window["year"] == 1992, "personnel"].item() == 45675


@pytest.mark.parametrize("start,end,component", [(1990, 1990, "total"), (1950, 1980, "police"),
                                                 (1950, 1960, "sailors")])
def test_bad_windows_raise_input_error(totals, start, end, component):
    with pytest.raises(InputError):
        history.totals_window(totals, start, end, component)


def test_the_lesson_eras_and_their_summary(totals):
    assert history.eras_from(history.DEFAULT_BOUNDS) == history.ERAS
    summary = history.era_summary(totals).set_index("Era")
    assert list(summary.index) == ["1 · Cold War", "2 · Post-Cold War surge", "3 · After Brahimi", "4 · Decline"]
    assert summary.loc["3 · After Brahimi", "Peak personnel"] == "107,088 (2015)"
    assert summary.loc["3 · After Brahimi", "Personnel (first → last December)"] == "37,733 → 107,088"
    # The surge era starts and ends near 18,000: its average change hides a boom and a bust.
    assert summary.loc["2 · Post-Cold War surge", "Average change a year"] == "+56 personnel"
    assert summary.loc["4 · Decline", "Average change a year"].startswith("−")


def test_moved_boundaries_change_the_story(totals):
    eras = history.eras_from((1991, 1995, 2013))
    assert [(e.start, e.end) for e in eras] == [(1947, 1991), (1992, 1995), (1996, 2013), (2014, 2021)]
    assert eras[1].justification.startswith("Your boundaries")
    summary = history.era_summary(totals, (1991, 1995, 2013)).set_index("Era")
    assert summary.loc["2 · Post-Cold War surge", "Personnel (first → last December)"] == "52,154 → 31,031"
    assert summary.loc["2 · Post-Cold War surge", "Average change a year"] == "−7,041 personnel"


@pytest.mark.parametrize("bounds", [(1988, 1989, 2015), (1999, 1988, 2015), (1988, 1999, 2021), (1988, 1999)])
def test_boundaries_that_leave_an_era_too_short_raise_input_error(bounds):
    with pytest.raises(InputError):
        history.eras_from(bounds)


def test_era_explorer_updates_the_figure_in_place(totals):
    explorer = history.EraExplorer(totals)
    figure = explorer.figure
    assert [b.description for b in explorer.bounds] == list(history.EraExplorer.NAMES)
    assert [b.value for b in explorer.bounds] == list(history.DEFAULT_BOUNDS)
    assert "lesson's eras" in figure.layout.title.text and "+56 personnel" in explorer.table.value
    averages = tuple(figure.data[2].y)
    explorer.bounds[0].value = 1991  # what choosing in the first drop-down does
    assert explorer.figure is figure
    assert tuple(figure.data[2].y) != averages and "your eras" in figure.layout.title.text
    labels = {a.text.split("<br>")[1] for a in figure.layout.annotations if a.name and a.name.startswith("era-")}
    assert "1947–1991" in labels and "1992–1999" in labels
    assert any(a.name == "source" for a in figure.layout.annotations)
    assert explorer.set_bounds(1991, 1995, 2013) is True and "−7,041 personnel" in explorer.table.value
    assert explorer.message.value == ""
    explorer.reset.click()
    assert [b.value for b in explorer.bounds] == list(history.DEFAULT_BOUNDS)


def test_era_explorer_keeps_the_figure_on_bad_boundaries(totals):
    explorer = history.EraExplorer(totals)
    averages, table = tuple(explorer.figure.data[2].y), explorer.table.value
    explorer.bounds[1].value = 1989  # era 2 would be the single year 1989
    assert "at least 2 years" in explorer.message.value
    assert tuple(explorer.figure.data[2].y) == averages and explorer.table.value == table
    assert explorer.set_bounds(1990, 1980, 2015) is False and "before it begins" in explorer.message.value
    explorer.bounds[1].value = 1999
    assert explorer.message.value == ""


def test_components_figure_marks_each_peak(totals):
    fig = history.components_figure(totals)
    peaks = {t.name: (t.x[0], t.y[0]) for t in fig.data if t.name.endswith(": peak")}
    assert peaks == {"Troops: peak": (2015, 91383), "Police: peak": (2010, 14322),
                     "Military observers: peak": (2017, 3464)}
    assert min(fig.data[0].x) == history.SPLIT_FIRST_YEAR  # no empty years before the split
    assert any(getattr(a, "name", None) == "source" for a in fig.layout.annotations)


def test_milestones_frame_positions_and_hover():
    frame = history.milestones_frame(load("milestones"))
    assert frame["case_id"].isna().all()
    westphalia = frame[frame["milestone_id"] == "westphalia_1648"].iloc[0]
    assert 1648.8 < westphalia["x"] < 1648.9 and westphalia["era"] == "before"
    untso = frame[frame["milestone_id"] == "untso_1948"].iloc[0]
    assert untso["x"] == 1948.5 and "day not given" in untso["hover"]
    assert len(history.milestones_frame(load("milestones"), include_cases=True)) > len(frame)


def test_timeline_lists_every_milestone_in_order_with_srebrenica():
    fig = history.timeline(load("milestones"))
    rows = list(fig.layout.yaxis.categoryarray)[::-1]
    assert rows[0] == "1945 · UN Charter signed" and rows[-1] == "2015 · HIPPO report"
    assert "1995 · Fall of Srebrenica and genocide" in rows
    assert sum(len(t.x) for t in fig.data) == len(rows)
    assert {t.name for t in fig.data} == {"foundation", "mission", "doctrine", "setback"}


def test_the_lesson_self_checks_agree_with_the_data(totals):
    from peaceops import exercises

    assert exercises.item("1.1").question.answer == "UNEF I (1956)"
    peak_year = int(totals.set_index("year")["personnel_total"].idxmax())
    assert history.era_of(peak_year).label == exercises.item("1.3").question.answer
    assert isinstance(history.eras_table(), pd.DataFrame)
