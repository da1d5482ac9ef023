"""Tests of peaceops.lessons.violence: the band chart, setbacks, before/after tables and the explorer."""

from __future__ import annotations

import pandas as pd
import pytest

from peaceops import data
from peaceops.lessons import violence


@pytest.fixture(scope="module")
def tables():
    return {name: data.load(name) for name in
            ("conflict_years", "cases", "milestones", "referendums", "conflict_case_map")}


def test_band_segments_break_at_missing_years_and_widen_single_points():
    xs, ys = violence._segments([2000, 2001, 2002, 2003], [1, None, 3, 4], [2, None, 5, 6])
    assert xs.count(None) == 2  # two separate polygons
    assert min(x for x in xs if x is not None) == pytest.approx(1999.7)  # single year widened


def test_band_chart_update_in_place():
    fig = violence.band_chart("t", "s", "y", widget=True)
    assert len(fig.data) == 6
    violence.update_band_chart(fig, [2000, 2001, 2002], [1, 2, None], [2, 3, None], [3, 4, None],
                               statuses=["estimate", "estimate", "below threshold"],
                               events=[violence.Event(2001.5, "Signed", "line"), violence.Event(2000.2, "Bomb")])
    assert list(fig.data[1].y) == [2.0, 3.0, None]
    assert list(fig.data[2].x) == [2002]
    assert list(fig.data[5].text) == ["Bomb"]
    assert fig.data[4].name == "Signed"


def test_setbacks_include_omagh_colombia_no_vote_and_south_sudan(tables):
    ni = violence.setbacks(tables["milestones"], tables["referendums"], "northern_ireland")
    omagh = ni[ni["label"] == "Omagh bombing"].iloc[0]
    assert omagh["date"] == pd.Timestamp("1998-08-15")
    co = violence.setbacks(tables["milestones"], tables["referendums"], "colombia")
    assert "Colombia votes No" in set(co["label"])
    sd = violence.setbacks(tables["milestones"], tables["referendums"], "sudan")
    assert "South Sudan civil war begins" in set(sd["label"])


def test_before_after_table_key_figures(tables):
    table = violence.before_after_table(tables["conflict_years"], tables["cases"], window=5)
    assert "Cyprus" not in set(table["case"])
    assert len(table) == 6 * 3
    bosnia = table[(table["case"] == "Bosnia and Herzegovina") & (table["period"] == "before")].iloc[0]
    assert (bosnia["low"], bosnia["best"], bosnia["high"]) == (37808, 42462, 49262)
    ni = table[table["case"] == "Northern Ireland"].set_index("period")
    assert ni.loc["event year", "best"] == 29
    assert pd.isna(ni.loc["after", "best"]) and ni.loc["after", "below threshold"] == 5
    for row in table.dropna(subset=["best"]).itertuples():
        assert row.low <= row.best <= row.high


def test_key_figures_are_labelled_with_ranges_and_no_missing_markers(tables):
    table = violence.key_figures(tables["conflict_years"], tables["cases"], window=5)
    assert list(table.index.names) == ["Case and agreement", "Period"]
    assert list(table.columns) == ["Years", violence.DEATHS_LABEL, "Years with an estimate", "Below threshold",
                                   "Active, no estimate", "Not covered"]
    dayton = table.loc["Bosnia and Herzegovina: Dayton Agreement (1995)"]
    assert dayton.loc["Before", violence.DEATHS_LABEL] == "42,462 (37,808–49,262)"
    ni = table.loc["Northern Ireland: Good Friday Agreement (1998)"]
    assert ni.loc["Year of signature", violence.DEATHS_LABEL] == "29"
    assert ni.loc["After", violence.DEATHS_LABEL] == "no estimate" and ni.loc["After", "Below threshold"] == 5
    assert "<NA>" not in table.to_string() and "nan" not in table.to_string().lower()


def test_deaths_text():
    assert violence.deaths_text(1276, 2171, 5847) == "2,171 (1,276–5,847)"
    assert violence.deaths_text(29, 29, 29) == "29"
    assert violence.deaths_text(pd.NA, pd.NA, pd.NA) == "no estimate"


@pytest.mark.parametrize("case_id, window, expected", [
    ("sudan", 5, ["13,547 before, 3,180 after: deaths fell by 77%", "the fall survives the uncertainty"]),
    ("sudan", 10, ["26,844 before, 12,277 after: deaths fell by 54%", "the ranges overlap", "(27,644)", "(26,744)"]),
    ("colombia", 8, ["fell by 76%", "Not like for like: 3 of the 8 years", "in the years the data cover"]),
    ("northern_ireland", 5, ["cannot say whether deaths fell"]),
    ("northern_ireland", 10, ["no year reached UCDP's threshold", "not the same as no deaths",
                              "before 1989 and have no estimate"]),
])
def test_verdict_says_whether_the_fall_survives_the_window(tables, case_id, window, expected):
    text = violence.verdict(violence.case_window(tables["conflict_years"], tables["cases"], case_id, window))
    for part in expected:
        assert part in text, (part, text)


def test_agreements_table_lists_colombias_nine_comprehensive_agreements_oldest_first():
    table = violence.agreements_table(data.load("agreements"), "colombia")
    assert len(table) == 9 and table.index.name == "Date"
    assert table.index[0] == "9 March 1990" and table.index[-1] == "24 November 2016"
    assert table.iloc[-1]["Agreement (name in the UCDP or PA-X record)"].startswith("Acuerdo final para la terminación")
    assert "  " not in " ".join(table.iloc[:, 1])
    with pytest.raises(violence.InputError, match="no comprehensive agreement"):
        violence.agreements_table(data.load("agreements"), "cyprus")
    with pytest.raises(violence.InputError, match="Unknown stage"):
        violence.agreements_table(data.load("agreements"), "colombia", "final")


def test_coverage_notes_before_1989_and_after_2021():
    notes = violence.coverage_notes(1985, 2025)
    assert any("1989" in n for n in notes) and any("2021" in n for n in notes)
    assert violence.coverage_notes(1995, 2005) == []


def test_conflicts_in_window_names_kosovo_after_dayton(tables):
    out = violence.conflicts_in_window(tables["conflict_years"], tables["conflict_case_map"], "balkans", 1996, 2000)
    assert list(out["conflict_id"]) == [412]
    assert out["active_years"].iloc[0] == "1998–1999"


def test_explorer_updates_figure_in_place(tables):
    explorer = violence.BeforeAfterExplorer(initial="northern_ireland", window=5)
    fig = explorer.figure
    before = list(fig.data[1].x)
    explorer.case.value = "colombia"  # as a learner would
    assert explorer.figure is fig
    assert list(fig.data[1].x) != before
    assert "Colombia" in fig.layout.title.text
    explorer.window.value = 10
    assert list(fig.data[1].x)[0] == 2006
    assert "2021" in explorer.summary.value  # the window runs past the data
    assert "Not like for like" in explorer.summary.value  # the verdict says so
    assert explorer.show("sudan", 10) is True
    assert "the ranges overlap" in explorer.summary.value and "<th scope=\"row\"" in explorer.summary.value
    assert "Year of signature" in explorer.summary.value and "&lt;NA&gt;" not in explorer.summary.value


def test_explorer_cyprus_gives_message_and_keeps_figure(tables):
    explorer = violence.BeforeAfterExplorer(initial="colombia", window=3)
    xs = list(explorer.figure.data[1].x)
    assert explorer.show("cyprus") is False
    assert "Cyprus has no comprehensive peace agreement" in explorer.message.value
    assert list(explorer.figure.data[1].x) == xs
    assert explorer.show("atlantis") is False
    assert explorer.show("sudan", 4) is True and explorer.message.value == ""


def test_window_below_one_is_an_input_error(tables):
    with pytest.raises(violence.InputError):
        violence.case_window(tables["conflict_years"], tables["cases"], "colombia", 0)


def test_verdict_cannot_say_when_before_is_active_without_estimates():
    import pandas as pd

    na = pd.NA
    summary = pd.DataFrame({
        "period": ["before", "event year", "after"], "first_year": [1985, 1988, 1989],
        "last_year": [1987, 1988, 1991], "bd_low": [na, na, 90], "bd_best": [na, na, 100],
        "bd_high": [na, na, 120], "years_not_covered": [0, 0, 0],
    })
    years = pd.DataFrame({"year": range(1985, 1992),
                          "status": ["active, no estimate"] * 4 + ["estimate"] * 3})
    text = violence.verdict({"summary": summary, "years": years})
    assert "cannot say whether deaths fell" in text and "did not fall" not in text
    years["status"] = ["below threshold"] * 4 + ["estimate"] * 3
    assert "did not fall" in violence.verdict({"summary": summary, "years": years})
