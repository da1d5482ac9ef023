"""Tests of peaceops.lessons.recovery: recurrence, the indicator chart, before/after means and the explorer."""

from __future__ import annotations

import pandas as pd
import pytest

from peaceops import data
from peaceops.lessons import recovery


@pytest.fixture(scope="module")
def tables():
    return {name: data.load(name) for name in ("conflict_years", "cases", "indicators", "conflict_case_map")}


def test_recurrence_table_key_figures(tables):
    table = recovery.recurrence_table(tables["conflict_years"], tables["cases"]).set_index("case")
    assert "Cyprus" not in table.index
    assert table.loc["Northern Ireland", "conflict-years after"] == 0
    assert table.loc["Northern Ireland", "last active year"] == 1998
    assert table.loc["Bosnia and Herzegovina", "conflicts after signature"] == "412"
    assert table.loc["Colombia", "conflict-years after"] == 4
    assert table.loc["Sudan and South Sudan", "conflict-years after"] == 28
    assert table.loc["South Africa", "last active year"] == 1988


def test_conflicts_after_sudan_names_darfur_and_south_sudan(tables):
    out = recovery.conflicts_after(tables["conflict_years"], tables["conflict_case_map"], tables["cases"], "sudan")
    assert set(out["conflict_id"]) == {309, 11344, 11345, 11348}
    with pytest.raises(recovery.InputError):
        recovery.conflicts_after(tables["conflict_years"], tables["conflict_case_map"], tables["cases"], "cyprus")


def test_indicator_chart_splits_before_and_after():
    fig = recovery.indicator_chart("t", "s", "y", widget=True)
    recovery.update_indicator_chart(fig, [2000, 2001, 2002, 2003], [1.0, None, 3.0, 4.0], 2002.4, "Signed")
    assert list(fig.data[0].x) == [2000, 2001]
    assert list(fig.data[1].x) == [2001, 2002, 2003]  # repeats the last 'before' point
    assert fig.data[2].name == "Signed"


def test_indicator_window_gaps_are_messages(tables):
    ind = tables["indicators"]
    with pytest.raises(recovery.InputError, match="South Sudan"):
        recovery.indicator_window(ind, "SSD", "gdp_pc_ppp_2021", 2005, 5)
    with pytest.raises(recovery.InputError, match="Maddison"):
        recovery.indicator_window(ind, "TLS", "gdp_pc_maddison_2011", 1999, 5)
    with pytest.raises(recovery.InputError, match="series runs"):
        recovery.indicator_window(ind, "XKX", "gdp_pc_ppp_2021", 1995, 5)
    info = recovery.indicator_window(ind, "ZAF", "gdp_pc_ppp_2021", 1993, 5)
    assert info["summary"].set_index("period").loc["before", "years with data"] == 3
    assert any("starts in 1990" in n for n in info["notes"])


def test_indicator_before_after_keeps_gaps(tables):
    table = recovery.indicator_before_after(tables["indicators"], tables["cases"])
    ssd = table[(table["country"] == "SSD") & (table["indicator"] == "GDP per capita (PPP)")].iloc[0]
    assert ssd["years before"] == 0 and pd.isna(ssd["mean before"])
    irl = table[(table["country"] == "IRL") & (table["indicator"] == "Life expectancy")].iloc[0]
    assert irl["years before"] == 5 and irl["mean after"] > irl["mean before"]


def test_explorer_updates_in_place(tables):
    explorer = recovery.IndicatorExplorer(initial="COL", indicator="gdp_pc_ppp_2021", window=10)
    fig = explorer.figure
    ys = list(fig.data[0].y)
    explorer.indicator.value = "life_expectancy"
    assert explorer.figure is fig and list(fig.data[0].y) != ys
    explorer.country.value = "GBR"
    assert "United Kingdom" in fig.layout.title.text
    assert "Northern Ireland has no series" in explorer.summary.value
    explorer.window.value = 3
    assert list(fig.data[0].x) == [1995, 1996, 1997]


def test_learner_tables_have_labels_no_index_and_no_na(tables):
    rec = recovery.recurrence(tables["conflict_years"], tables["cases"])
    assert "Conflict active in the year of signature" in rec.frame.columns
    assert set(rec.frame["Conflict active in the year of signature"]) == {"yes", "no"}
    later = recovery.later_conflicts(tables["conflict_years"], tables["conflict_case_map"], tables["cases"], "sudan")
    assert list(later.frame.columns)[0] == "UCDP conflict id" and "Years active after 2005" in later.frame.columns
    table = recovery.before_after(tables["indicators"], tables["cases"], window=5)
    text = repr(table)
    assert "<NA>" not in text and "nan" not in text and "no data" in text
    assert "Kosovo" in set(table.frame["Country"]) and "XKX" not in set(table.frame["Country"])
    irl = table.frame[(table.frame["Country"] == "Ireland") & (table.frame["Indicator"] == "GDP per capita (PPP)")]
    assert irl["Change of the mean (%)"].iloc[0] == "52.0"
    html = table._repr_html_()
    assert "<th" in html and "case_id" not in html and "iso3" not in html


def _years(values, first=1990):
    return pd.DataFrame({"year": range(first, first + len(values)), "value": values})


def test_trend_check_reads_a_continued_trend_and_a_break():
    steady = recovery.trend_check(_years([60.0 + 0.5 * i for i in range(11)]), 1995, "life_expectancy")
    assert steady["fitted"] and steady["verdict"] == "close" and abs(steady["gap_percent"]) < 0.1
    assert steady["line_x"] == list(range(1990, 2001)) and "no break" in steady["text"]
    jump = recovery.trend_check(_years([100.0] * 5 + [100.0] + [130.0] * 5), 1995, "gdp_pc_ppp_2021")
    assert jump["verdict"] == "above" and jump["gap_percent"] == 30.0 and "possible break upwards" in jump["text"]
    short = recovery.trend_check(_years([1.0, 2.0, 3.0, 4.0, 5.0, 6.0]), 1993, "life_expectancy")
    assert not short["fitted"] and "at least 5 years" in short["text"]
    collapse = recovery.trend_check(_years([500.0, 400.0, 300.0, 200.0, 100.0, 90.0, 95.0, 99.0]), 1995,
                                    "gdp_pc_ppp_2021")
    assert not collapse["fitted"] and "zero or below" in collapse["text"]


def test_explorer_answers_the_trend_question(tables):
    explorer = recovery.IndicatorExplorer(initial="COL", indicator="life_expectancy", window=15)
    assert "No break" in explorer.trend.value
    line = explorer.figure.data[3]
    assert line.name.startswith("Trend") and list(line.x)[0] == 2001 and list(line.x)[-1] == 2019
    explorer.show("IRL", "gdp_pc_ppp_2021", 5)
    assert "Above the earlier trend" in explorer.trend.value and "5.0 %" in explorer.trend.value
    explorer.window.value = 2  # too few years before for a line
    assert "No trend check" in explorer.trend.value and list(explorer.figure.data[3].x) == []
    assert "Before the agreement" in explorer.summary.value and "<NA>" not in explorer.summary.value


def test_country_chart_is_a_plain_figure_with_the_trend(tables):
    fig = recovery.country_chart("SDN", "gdp_pc_ppp_2021", 10, tables["indicators"], tables["cases"])
    assert type(fig).__name__ == "Figure" and "Sudan" in fig.layout.title.text
    assert len(fig.data[3].x) > 0
    with pytest.raises(recovery.InputError, match="No chart"):
        recovery.country_chart("SSD", "gdp_pc_ppp_2021")


def test_explorer_bad_input_gives_message(tables):
    explorer = recovery.IndicatorExplorer(initial="COL")
    xs = list(explorer.figure.data[0].x)
    explorer.show("SSD", "gdp_pc_ppp_2021")
    assert "no South Sudan values" in explorer.message.value
    assert list(explorer.figure.data[0].x) == xs
    assert explorer.show("CYP", "life_expectancy") is False
    assert "Cyprus" in explorer.message.value
    assert explorer.show("XXX") is False


def test_explorer_panels_never_show_a_previous_setting(tables):
    explorer = recovery.IndicatorExplorer(tables["indicators"], tables["cases"])
    assert explorer.show("GBR", "gdp_pc_ppp_2021", 5)
    assert "1.4 %" in explorer.trend.value
    assert not explorer.show("SSD", "gdp_pc_ppp_2021", 5)
    assert "South Sudan" in explorer.message.value and "SSD" not in explorer.message.value
    assert "1.4 %" not in explorer.trend.value and explorer.summary.value == ""
    assert explorer.show("SRB", "gdp_pc_ppp_2021", 10)
    assert "no window can give enough years" in explorer.trend.value
