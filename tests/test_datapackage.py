"""data/datapackage.json validates with the standard tooling (frictionless), foreign keys included."""

from __future__ import annotations

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
    import json

    package = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    for res in package["resources"]:
        assert res.get("sources"), f"{res['name']}: no sources"
        assert res.get("licenses"), f"{res['name']}: no licence"
        assert res.get("description"), f"{res['name']}: no description"
        for field in res["schema"]["fields"]:
            assert field.get("description"), f"{res['name']}.{field['name']}: no description"
