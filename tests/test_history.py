"""Lesson 01 helpers: era boundaries, data shaping, and the explorers updating their figure in place."""

from __future__ import annotations

import pandas as pd
import pytest

from peaceops import history, load
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
    assert "absent, not zero" in history.window_summary(window, "troops")


@pytest.mark.parametrize("start,end,component", [(1990, 1990, "total"), (1950, 1980, "police"),
                                                 (1950, 1960, "sailors")])
def test_bad_windows_raise_input_error(totals, start, end, component):
    with pytest.raises(InputError):
        history.totals_window(totals, start, end, component)


def test_slider_and_menu_update_the_figure_in_place(totals):
    explorer = history.TotalsExplorer(totals)
    figure = explorer.figure
    assert explorer.years.description == "Years" and explorer.component.description == "Personnel"
    before = tuple(figure.data[0].x)
    explorer.years.value = (1990, 2005)  # what dragging the slider does
    assert explorer.figure is figure
    assert tuple(figure.data[0].x) != before and list(figure.data[0].x)[0] == 1990
    assert {a.text.split("<br>")[0] for a in figure.layout.annotations if a.name and a.name.startswith("era-")} == {
        "<b>Post-Cold War surge</b>", "<b>After Brahimi</b>"}
    assert any(a.name == "source" for a in figure.layout.annotations)
    explorer.component.value = "police"
    assert list(figure.data[0].y)[2] == 4413  # 1992
    assert "police" in figure.layout.title.text.lower()
    assert explorer.message.value == ""


def test_single_year_or_empty_component_gives_a_message_not_a_traceback(totals):
    explorer = history.TotalsExplorer(totals)
    data = list(explorer.figure.data[0].y)
    explorer.years.value = (2000, 2000)
    assert "single year" in explorer.message.value
    assert list(explorer.figure.data[0].y) == data  # figure kept
    explorer.years.value = (1960, 1970)
    explorer.component.value = "troops"
    assert "1992" in explorer.message.value
    explorer.component.value = "total"
    assert explorer.message.value == ""


def test_milestones_frame_positions_and_hover():
    frame = history.milestones_frame(load("milestones"))
    assert frame["case_id"].isna().all()
    westphalia = frame[frame["milestone_id"] == "westphalia_1648"].iloc[0]
    assert 1648.8 < westphalia["x"] < 1648.9 and westphalia["era"] == "before"
    untso = frame[frame["milestone_id"] == "untso_1948"].iloc[0]
    assert untso["x"] == 1948.5 and "day not given" in untso["hover"]
    assert len(history.milestones_frame(load("milestones"), include_cases=True)) > len(frame)


def test_milestone_explorer_updates_in_place_and_reports_empty_choices():
    explorer = history.MilestoneExplorer()
    figure = explorer.figure
    n = len(figure.data[0].x)
    explorer.category.value = "doctrine"
    assert explorer.figure is figure
    assert set(figure.data[0].y) == {"doctrine"} and len(figure.data[0].x) < n
    explorer.era.value = "cold_war"
    assert "No milestone" in explorer.message.value
    assert set(figure.data[0].y) == {"doctrine"}  # kept
    explorer.category.value = "mission"
    assert explorer.message.value == ""
    assert all(1947 <= x < 1989 for x in figure.data[0].x)
    explorer.include_cases.value = True
    assert len(figure.data[0].x) > 3  # UNFICYP 1964 joins


def test_self_check_questions_are_consistent(totals):
    assert history.FIRST_ARMED_FORCE.check("UNEF I (1956)")[0] is True
    peak_year = int(totals.set_index("year")["personnel_total"].idxmax())
    assert history.era_of(peak_year).label == history.PEAK_YEAR.answer
    assert isinstance(history.eras_table(), pd.DataFrame)
