"""The human-cost table: every case has a sourced toll with its producer and scope, never UCDP battle deaths."""

from __future__ import annotations

import shutil
from urllib.parse import urlsplit

import pandas as pd
import pytest

from peaceops.data import DataError, data_dir, load, resource

CASES = {"balkans", "northern_ireland", "south_africa", "timor_leste", "colombia", "cyprus", "sudan"}
MEASURES = {"deaths", "missing", "displaced", "refugees", "crossed borders", "forcibly removed"}

#: Cases for which no death toll with a named producer and scope was found; the CMP's lists of
#: missing persons stand in. Remove a case from this set when a sourced death toll is added for it.
NO_SOURCED_DEATH_TOLL = {"cyprus"}

#: Pages that were read only over http (no https address verified); every other address must be https.
HTTP_ONLY_HOSTS = {
    "epc2010.princeton.edu",
    "www.incore.ulst.ac.uk",
    "www.overcomingapartheid.msu.edu",
    "prio-cyprus-displacement.net",
}


@pytest.fixture(scope="module")
def table() -> pd.DataFrame:
    return load("human_cost")


def test_every_case_has_a_death_toll_or_a_stated_reason(table):
    assert set(table["case_id"]) == CASES
    with_deaths = set(table.loc[table["measure"] == "deaths", "case_id"])
    assert CASES - with_deaths == NO_SOURCED_DEATH_TOLL, (
        "every case needs a 'deaths' estimate; update NO_SOURCED_DEATH_TOLL only with a reason"
    )
    for case in NO_SOURCED_DEATH_TOLL:
        assert (table.loc[table["case_id"] == case, "measure"] == "missing").any(), case


def test_every_case_has_a_displacement_figure(table):
    moved = {"displaced", "refugees", "crossed borders", "forcibly removed"}
    assert set(table.loc[table["measure"].isin(moved), "case_id"]) == CASES - {"northern_ireland"}


def test_every_row_names_producer_scope_and_an_https_source(table):
    for row in table.itertuples():
        assert isinstance(row.producer, str) and len(row.producer) > 10, row.estimate_id
        assert isinstance(row.scope, str) and len(row.scope) > 40, row.estimate_id
        urls = row.source_url.split(" ; ")
        titles = row.source.split("; ")
        assert len(urls) == len(titles), f"{row.estimate_id}: {len(titles)} titles for {len(urls)} addresses"
        for url in urls:
            parts = urlsplit(url)
            assert parts.netloc and " " not in url, f"{row.estimate_id}: {url!r} is not an address"
            if parts.netloc not in HTTP_ONLY_HOSTS:
                assert parts.scheme == "https", f"{row.estimate_id}: {url!r} is not https"
            else:
                assert parts.scheme in ("http", "https"), f"{row.estimate_id}: {url!r}"


def test_bosnia_counts_are_the_fixed_values(table):
    rows = table.set_index("estimate_id")
    assert rows.at["ba_rdc_killed_missing", "value_best"] == 97207
    assert rows.at["ba_rdc_killed_missing", "period"] == "1991–1995"
    assert "Research and Documentation Centre" in rows.at["ba_rdc_killed_missing", "producer"]
    assert rows.at["ba_icty_otp_deaths", "value_best"] == 104732
    assert rows.at["ba_srebrenica_icmp", "value_best"] > 8000  # "more than 8,000" in the lessons


def test_low_best_high_are_ordered_and_years_run_forward(table):
    low, best, high = table["value_low"], table["value_best"], table["value_high"]
    assert best.notna().all()
    assert not (low > best).fillna(False).any()
    assert not (best > high).fillna(False).any()
    assert not (low > high).fillna(False).any()
    assert (table["start_year"] <= table["end_year"]).all()


def test_no_measure_outside_the_allowed_set(table):
    assert set(table["measure"]) <= MEASURES
    field = {f["name"]: f for f in resource("human_cost")["schema"]["fields"]}["measure"]
    assert set(field["constraints"]["enum"]) == MEASURES


def test_the_loader_refuses_a_low_estimate_above_the_best(tmp_path):
    copy = tmp_path / "data"
    shutil.copytree(data_dir(), copy)
    path = copy / "human_cost.csv"
    text = path.read_text(encoding="utf-8")
    damaged = text.replace(",91800,102800,113800,", ",120000,102800,113800,", 1)
    assert damaged != text
    path.write_text(damaged, encoding="utf-8")
    with pytest.raises(DataError, match=r"value_low=120000, value_best=102800.*low <= best <= high"):
        load("human_cost", copy)


def test_the_loader_refuses_an_unknown_measure(tmp_path):
    copy = tmp_path / "data"
    shutil.copytree(data_dir(), copy)
    path = copy / "human_cost.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",deaths,", ",battle deaths,", 1), encoding="utf-8")
    with pytest.raises(DataError, match=r"column 'measure'.*'battle deaths' is not one of"):
        load("human_cost", copy)


def test_overview_speaks_the_learners_language():
    from peaceops.data import _estimate_text, human_cost_overview

    table = load("human_cost")
    overview = human_cost_overview(table)
    assert len(overview) == len(table)
    assert list(overview.columns) == ["Measure", "Period", "Estimate", "Counted by", "What is counted"]
    text = overview.to_string()
    assert "<NA>" not in text and "nan" not in text.lower().split() and "estimate_id" not in text
    assert list(dict.fromkeys(overview.index))[0] == "Bosnia and Herzegovina (the Balkans)"  # cases' order
    assert _estimate_text(91800, 102800, 113800) == "102,800 (91,800–113,800)"
    assert _estimate_text(None, 450664, 800000) == "450,664 (up to 800,000)"
    assert _estimate_text(None, 97207, None) == "97,207"


def test_scopes_speak_to_learners_not_in_row_ids(table):
    import re

    ids = re.compile(r"\b[a-z]+_[a-z0-9_]+\b")
    leaks = {row.estimate_id: ids.findall(row.scope) for row in table.itertuples() if ids.search(row.scope)}
    assert not leaks, f"scopes are shown to learners; name the estimate, not its id: {leaks}"
