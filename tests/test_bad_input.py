"""The bad-input matrix: damaged tables and awkward widget input, each with the message a learner sees.

Every case works on a copy of the real data/ folder in a temporary directory; data/ itself is
never written (conftest.py checks that for the whole test session).
"""

from __future__ import annotations

import shutil
import warnings

import pytest
from conftest import ROOT

from peaceops.data import DataError, DataWarning, load


@pytest.fixture
def data_copy(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(ROOT / "data", target, ignore=shutil.ignore_patterns("descriptors", "README.md"))
    return target


def edit(folder, name, old, new, count=1):
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture assumption: {old!r} not in {name}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def first_data_line(folder, name):
    return (folder / name).read_text(encoding="utf-8").splitlines()[1]


def set_cell(folder, name, column, value, line=2):
    """Set one cell (by column name, on a 1-based file line) with the csv module, quoting right."""
    import csv
    import io

    path = folder / name
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    rows[line - 1][rows[0].index(column)] = value
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


# Each case: id, table, how to damage the copy, the words the message must contain.
CASES = [
    ("missing file", "conflict_years", lambda d: (d / "conflict_years.csv").unlink(),
     [r"conflict_years.csv: file not found", r"git checkout -- data/conflict_years.csv"]),
    ("empty file", "cases", lambda d: (d / "cases.csv").write_text(""), [r"cases.csv: the file is empty"]),
    ("only a header row", "missions",
     lambda d: (d / "missions.csv").write_text((d / "missions.csv").read_text().splitlines()[0] + "\n"),
     [r"missions.csv: the file has a header row but no data rows"]),
    ("missing column", "conflict_years", lambda d: edit(d, "conflict_years.csv", ",bd_high\n", "\n"),
     [r"column 'bd_high' is missing", r"Expected columns"]),
    ("misspelt column", "conflict_years", lambda d: edit(d, "conflict_years.csv", "bd_best", "bd_bset"),
     [r"column 'bd_best' is missing; the file has 'bd_bset': is it misspelt\?"]),
    ("text in a number column", "peacekeeping_totals",
     lambda d: set_cell(d, "peacekeeping_totals.csv", "personnel_total", "about 600", 3),
     [r"peacekeeping_totals.csv, column 'personnel_total', line 3: 'about 600' is not a whole number"]),
    ("decimal in a whole-number column", "peacekeeping_totals",
     lambda d: set_cell(d, "peacekeeping_totals.csv", "missions", "2.5", 3),
     [r"column 'missions', line 3: '2.5' is not a whole number"]),
    ("duplicate key", "peacekeeping_totals",
     lambda d: (d / "peacekeeping_totals.csv").write_text(
         (d / "peacekeeping_totals.csv").read_text() + first_data_line(d, "peacekeeping_totals.csv") + "\n"),
     [r"'year'", r"appears twice|duplicate key"]),
    ("unknown case id", "missions", lambda d: set_cell(d, "missions.csv", "case_id", "cyprs"),
     [r"missions.csv, column 'case_id', line 2: 'cyprs' is not one of", r"Did you mean"]),
    ("low greater than high", "conflict_years",
     lambda d: set_cell(d, "conflict_years.csv", "bd_low", "999999",
                        1 + next(i for i, line in enumerate((d / "conflict_years.csv").read_text().splitlines())
                                 if line.startswith("colombia,289,2002"))),
     [r"bd_low=999999", r"low <= best <= high"]),
    ("year out of range", "conflict_years", lambda d: set_cell(d, "conflict_years.csv", "year", "2031"),
     [r"column 'year', line 2: 2031 is above the maximum 2021"]),
    ("year before the data", "peacekeeping_totals", lambda d: set_cell(d, "peacekeeping_totals.csv", "year", "1900"),
     [r"column 'year', line 2: 1900 is below the minimum 1947"]),
    ("negative count", "peacekeeping_totals", lambda d: set_cell(d, "peacekeeping_totals.csv", "missions", "-1"),
     [r"column 'missions', line 2: -1 is below the minimum 0"]),
    ("wrong encoding", "cases",
     lambda d: (d / "cases.csv").write_bytes((d / "cases.csv").read_text(encoding="utf-8")
                                             .replace("–", "-").encode("cp1252", errors="replace")),
     [r"cases.csv: not UTF-8 text", r"CSV UTF-8"]),
    ("garbage bytes", "milestones", lambda d: (d / "milestones.csv").write_bytes(bytes(range(256)) * 8),
     [r"milestones.csv: (not UTF-8 text|not a valid CSV table)"]),
    ("a row with too many fields", "referendums",
     lambda d: (d / "referendums.csv").write_text((d / "referendums.csv").read_text() + "a," * 14 + "o\n"),
     [r"referendums.csv: not a valid CSV table", r"commas and quotes"]),
    ("date written the wrong way", "agreements", lambda d: set_cell(d, "agreements.csv", "date", "14/12/1995"),
     [r"column 'date', line 2: '14/12/1995' is not a date written YYYY-MM-DD"]),
    ("misspelt category", "missions", lambda d: set_cell(d, "missions.csv", "type", "peacekeepin"),
     [r"'peacekeepin' is not one of", r"Did you mean 'peacekeeping'"]),
    ("required value missing", "cases", lambda d: set_cell(d, "cases.csv", "name", ""),
     [r"cases.csv, column 'name', line 2: the value is missing but required"]),
    ("not a true/false value", "agreements", lambda d: set_cell(d, "agreements.csv", "ceasefire", "maybe"),
     [r"column 'ceasefire', line 2: 'maybe' is not true or false"]),
    ("value not of the expected form", "agreements", lambda d: set_cell(d, "agreements.csv", "agreement_id", "556"),
     [r"column 'agreement_id', line 2: '556' does not have the expected form"]),
    ("missing descriptor", "cases", lambda d: (d / "datapackage.json").unlink(),
     [r"datapackage.json: the data descriptor is missing", r"PEACEOPS_DATA"]),
    ("broken descriptor", "cases", lambda d: (d / "datapackage.json").write_text("{\"resources\": ["),
     [r"datapackage.json: not valid JSON", r"build_datapackage.py"]),
    ("unknown table name", "case", lambda d: None, [r"no table called 'case'", r"Did you mean 'cases'"]),
]


@pytest.mark.parametrize(("table", "damage", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_damaged_table_gives_a_clear_message(data_copy, table, damage, expected):
    damage(data_copy)
    with pytest.raises(DataError) as err:
        load(table, data_copy)
    message = str(err.value)
    for pattern in expected:
        import re

        assert re.search(pattern, message), f"message lacks {pattern!r}:\n{message}"
    assert "Traceback" not in message


def test_the_matrix_is_large_enough():
    assert len(CASES) >= 20


def test_extra_columns_are_accepted_with_a_warning(data_copy):
    edit(data_copy, "referendums.csv", "source_url\n", "source_url,notes\n")
    with pytest.warns(DataWarning, match=r"extra column\(s\) 'notes'"):
        table = load("referendums", data_copy)
    assert "notes" in table.columns and len(table) == 7


@pytest.mark.parametrize("kind", ["byte order mark (Excel's CSV UTF-8)", "Windows line endings"])
def test_harmless_variants_load(data_copy, kind):
    path = data_copy / "cases.csv"
    text = path.read_text(encoding="utf-8")
    if kind.startswith("byte"):
        path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    else:
        path.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    with warnings.catch_warnings():
        warnings.simplefilter("error", DataWarning)
        assert list(load("cases", data_copy)["case_id"])[:2] == ["balkans", "northern_ireland"]


# Widget edge cases: a message in the widget, never a traceback, and the figure keeps its data.

def _snapshot(explorer):
    return [tuple(t.x) if t.x is not None else None for t in explorer.figure.data]


def test_case_explorer_empty_selection():
    from peaceops.lessons.introduction import CaseExplorer

    explorer = CaseExplorer(this_year=2026)
    before = _snapshot(explorer)
    assert explorer.show("") is False and "Choose a case" in explorer.message.value
    assert _snapshot(explorer) == before


def test_era_boundaries_that_leave_a_single_year():
    from peaceops.lessons.history import EraExplorer

    explorer = EraExplorer()
    before = _snapshot(explorer)
    explorer.controls[1].value = explorer.controls[0].value + 1  # era 2 would be one year long
    assert explorer.message.value, "an era of a single year must give a message"
    assert _snapshot(explorer) == before


def test_case_with_no_agreement_in_the_violence_window():
    from peaceops.lessons.violence import BeforeAfterExplorer

    explorer = BeforeAfterExplorer()
    explorer.case.value = "cyprus"
    assert "agreement" in explorer.message.value.lower()


def test_the_same_case_twice_in_a_comparison():
    from peaceops.lessons.tracks import TrackExplorer

    explorer = TrackExplorer(load("actors"), load("cases"))
    before = _snapshot(explorer)
    explorer.second.value = explorer.first.value
    assert explorer.message.value and _snapshot(explorer) == before


def test_country_with_no_data_for_the_indicator():
    from peaceops.lessons.recovery import IndicatorExplorer

    explorer = IndicatorExplorer()
    explorer.refresh()
    country = next(c for c in explorer.controls if "ountry" in (c.description or ""))
    indicator = next(c for c in explorer.controls if "ndicator" in (c.description or ""))
    indicator.value = "gdp_pc_ppp_2021"
    country.value = "SSD"  # South Sudan: no World Bank PPP series
    assert "South Sudan" in explorer.message.value or "no" in explorer.message.value.lower()


def test_same_case_twice_in_the_comparison():
    from peaceops.lessons.comparison import ComparisonExplorer

    explorer = ComparisonExplorer()
    before = _snapshot(explorer)
    explorer.case_b.value = explorer.case_a.value
    assert explorer.message.value and _snapshot(explorer) == before
