"""data/datapackage.json validates with the standard tooling (frictionless), foreign keys included."""

from __future__ import annotations

import json
import shutil

import pytest
from conftest import ROOT
from frictionless import validate

DATA = ROOT / "data"


def errors(path) -> list[tuple[str, str]]:
    report = validate(str(path))
    return [(e[0], e[1]) for e in report.flatten(["type", "message"])]


def test_the_data_package_is_valid():
    found = errors(DATA / "datapackage.json")
    assert found == [], found[:10]


@pytest.fixture
def copy(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


def test_validation_catches_an_unknown_case_id(copy):
    path = copy / "missions.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",cyprus,", ",cyprs,", 1), encoding="utf-8")
    found = errors(copy / "datapackage.json")
    assert any(kind == "foreign-key" for kind, _ in found), found


def test_validation_catches_a_duplicate_key(copy):
    path = copy / "peacekeeping_totals.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines + [lines[-1]]), encoding="utf-8")
    found = errors(copy / "datapackage.json")
    assert any(kind == "primary-key" for kind, _ in found), found


def test_every_resource_names_source_licence_and_describes_every_field():
    package = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    for res in package["resources"]:
        assert res.get("sources"), f"{res['name']}: no sources"
        assert res.get("licenses"), f"{res['name']}: no licence"
        assert res.get("description"), f"{res['name']}: no description"
        for field in res["schema"]["fields"]:
            assert field.get("description"), f"{res['name']}.{field['name']}: no description"


def test_the_catalogue_is_current():
    from scripts.build_catalogue import build

    assert (DATA / "README.md").read_text(encoding="utf-8") == build(ROOT), (
        "data/README.md is out of date: run `python scripts/build_catalogue.py`"
    )


def test_every_curated_row_has_a_source():
    from peaceops.data import load

    package = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    curated = [r["name"] for r in package["resources"] if r.get("derivation") == "curated by hand"]
    assert {"cases", "missions", "milestones", "referendums", "actors"} <= set(curated)
    for name in curated:
        table = load(name)
        assert table["source"].notna().all(), f"{name}: a row has no source"
        urls = table["source_url"].dropna()
        assert len(urls) == len(table), f"{name}: a row has no source_url"
        for value in urls:
            for url in value.split(" ; "):
                assert url.startswith(("http://", "https://")), f"{name}: {url!r} is not a URL"


def test_curated_descriptors_list_exactly_the_sources_their_rows_cite():
    from scripts.build_datapackage import CURATED, row_sources

    for path in sorted((DATA / "descriptors").glob("*.json")):
        res = json.loads(path.read_text(encoding="utf-8"))
        if res.get("derivation") != CURATED:
            continue
        assert res["sources"] == row_sources(DATA / res["path"]), (
            f"{path.name}: its sources differ from those its rows cite; run `python scripts/build_datapackage.py`"
        )
