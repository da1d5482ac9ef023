"""The loader: typed tables from valid files, and clear errors from damaged ones."""

from __future__ import annotations

import json
import warnings

import pandas as pd
import pytest

from peaceops.data import DataError, DataWarning, load, resource, table_names


def test_loads_typed_columns(tiny):
    years = load("conflict_years", tiny)
    assert str(years["year"].dtype) == "Int64"
    assert str(years["bd_best"].dtype) == "Int64"
    assert years["bd_best"].isna().sum() == 1  # a missing estimate stays missing, never 0
    assert str(years["active"].dtype) == "boolean"
    cases = load("cases", tiny)
    assert pd.api.types.is_datetime64_any_dtype(cases["agreement_date"])
    assert cases.loc[cases.case_id == "colombia", "agreement_date"].iloc[0] == pd.Timestamp("2016-11-24")
    assert pd.isna(cases.loc[cases.case_id == "cyprus", "agreement_date"].iloc[0])


def test_returns_a_fresh_copy(tiny):
    first = load("cases", tiny)
    first.loc[0, "name"] = "changed"
    assert load("cases", tiny).loc[0, "name"] == "Cyprus"


def test_table_names_and_unknown_table(tiny):
    assert table_names(tiny) == ["cases", "conflict_years"]
    with pytest.raises(DataError, match=r"no table called 'case'.*Did you mean 'cases'"):
        resource("case", tiny)


def test_missing_file_names_the_file_and_the_fix(tiny):
    (tiny / "cases.csv").unlink()
    with pytest.raises(DataError) as err:
        load("cases", tiny)
    message = str(err.value)
    assert "cases.csv: file not found" in message
    assert "git checkout -- data/cases.csv" in message


def test_missing_descriptor(tmp_path):
    with pytest.raises(DataError, match="datapackage.json: the data descriptor is missing"):
        load("cases", tmp_path)


def test_missing_column_names_the_column(tiny):
    (tiny / "cases.csv").write_text("case_id,name,agreement_date,region\ncyprus,Cyprus,,Europe\n")
    with pytest.raises(DataError, match=r"cases.csv: column 'conflict_start' is missing") as err:
        load("cases", tiny)
    assert not isinstance(err.value, KeyError)


def test_misspelt_column_is_suggested(tiny):
    text = (tiny / "conflict_years.csv").read_text().replace("bd_best", "bd_bset")
    (tiny / "conflict_years.csv").write_text(text)
    with pytest.raises(DataError, match=r"column 'bd_best' is missing; the file has 'bd_bset': is it misspelt"):
        load("conflict_years", tiny)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("2002,2695", "20O2,2695", r"column 'year', line 2: '20O2' is not a whole number"),
        ("2751", "2751.5", r"column 'bd_best', line 2: '2751.5' is not a whole number"),
        ("true", "maybe", r"column 'active', line 2: 'maybe' is not true or false"),
        ("2016,,", "2031,,", r"column 'year', line 3: 2031 is above the maximum 2021"),
        ("2695,2751", "2800,2751", r"line 2: bd_low=2800, bd_best=2751.*low <= best <= high"),
        ("cyprus,1974", "colombia,2002", r"line 4: duplicate key \(case_id='colombia', year=2002\)"),
        ("cyprus,1974", "cyprs,1974", r"'cyprs' is not a known cases id. Did you mean 'cyprus'"),
    ],
)
def test_bad_values_in_years(tiny, old, new, expected):
    path = tiny / "conflict_years.csv"
    path.write_text(path.read_text().replace(old, new, 1))
    with pytest.raises(DataError, match=expected):
        load("conflict_years", tiny)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("2016-11-24", "24/11/2016", r"column 'agreement_date', line 3: '24/11/2016' is not a date"),
        ("Americas", "America", r"'America' is not one of Europe, Africa, Asia, Americas. Did you mean 'Americas'"),
        ("cyprus,Cyprus", "cyprus,", r"column 'name', line 2: the value is missing but required"),
    ],
)
def test_bad_values_in_cases(tiny, old, new, expected):
    path = tiny / "cases.csv"
    path.write_text(path.read_text().replace(old, new, 1))
    with pytest.raises(DataError, match=expected):
        load("cases", tiny)


def test_empty_file_header_only_and_wrong_encoding(tiny):
    path = tiny / "cases.csv"
    path.write_text("")
    with pytest.raises(DataError, match="the file is empty"):
        load("cases", tiny)
    path.write_text("case_id,name,conflict_start,agreement_date,region\n")
    with pytest.raises(DataError, match="header row but no data rows"):
        load("cases", tiny)
    path.write_bytes("case_id,name,conflict_start,agreement_date,region\ncyprus,Κύπρος,1963,,Europe\n"
                     .encode("cp1253"))
    with pytest.raises(DataError, match="not UTF-8 text.*CSV UTF-8"):
        load("cases", tiny)


def test_extra_column_is_kept_with_a_warning(tiny):
    path = tiny / "cases.csv"
    path.write_text(path.read_text().replace("region\n", "region,notes\n").replace("Europe\n", "Europe,x\n")
                    .replace("Americas\n", "Americas,y\n"))
    with pytest.warns(DataWarning, match="extra column"):
        cases = load("cases", tiny)
    assert list(cases["notes"]) == ["x", "y"]


def test_reloads_after_the_file_changes(tiny):
    assert len(load("cases", tiny)) == 2
    path = tiny / "cases.csv"
    path.write_text(path.read_text() + "sudan,Sudan,1983,2005-01-09,Africa\n")
    assert len(load("cases", tiny)) == 3


def test_bad_descriptor_json(tiny):
    (tiny / "datapackage.json").write_text("{not json")
    with pytest.raises(DataError, match="not valid JSON"):
        load("cases", tiny)


def test_real_tables_all_load():
    """Every table the collection ships loads and passes its own checks, with no warning."""
    names = table_names()
    assert "cases" in names
    with warnings.catch_warnings():
        warnings.simplefilter("error", DataWarning)
        for name in names:
            frame = load(name)
            assert len(frame) > 0, name


def test_real_cases_are_the_seven():
    cases = load("cases")
    assert list(cases["case_id"]) == [
        "balkans", "northern_ireland", "south_africa", "timor_leste", "colombia", "cyprus", "sudan"
    ]
    assert cases["source"].notna().all() and cases["source_url"].notna().all()
    assert (cases["source_url"].str.startswith("http")).all()


def test_descriptor_files_match_the_package():
    """datapackage.json is exactly what scripts/build_datapackage.py assembles from data/descriptors."""
    from conftest import ROOT

    from scripts.build_datapackage import ORDER  # noqa: F401  (import proves the script imports)

    package = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
    on_disk = {p.stem for p in (ROOT / "data" / "descriptors").glob("*.json")}
    assert {r["name"] for r in package["resources"]} == on_disk
    for res in package["resources"]:
        assert json.loads((ROOT / "data" / "descriptors" / f"{res['name']}.json").read_text()) == res
