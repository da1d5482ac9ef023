"""Shared test fixtures.

- The repository root goes on ``sys.path`` so tests can import ``scripts.derive``.
- ``tiny``: a valid two-table data package written into a temporary folder. The unit tests of
  the loader damage this tiny copy, never the real ``data/`` folder.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

CASES_FIELDS = [
    {"name": "case_id", "type": "string", "constraints": {"required": True, "unique": True}},
    {"name": "name", "type": "string", "constraints": {"required": True}},
    {"name": "conflict_start", "type": "integer", "constraints": {"minimum": 1900, "maximum": 2030}},
    {"name": "agreement_date", "type": "date"},
    {"name": "region", "type": "string", "constraints": {"enum": ["Europe", "Africa", "Asia", "Americas"]}},
]
CASES_CSV = (
    "case_id,name,conflict_start,agreement_date,region\n"
    "cyprus,Cyprus,1963,,Europe\n"
    "colombia,Colombia,1964,2016-11-24,Americas\n"
)
YEARS_FIELDS = [
    {"name": "case_id", "type": "string", "constraints": {"required": True}},
    {"name": "year", "type": "integer", "constraints": {"required": True, "minimum": 1946, "maximum": 2021}},
    {"name": "bd_low", "type": "integer"},
    {"name": "bd_best", "type": "integer"},
    {"name": "bd_high", "type": "integer"},
    {"name": "active", "type": "boolean"},
]
YEARS_CSV = (
    "case_id,year,bd_low,bd_best,bd_high,active\n"
    "colombia,2002,2695,2751,3273,true\n"
    "colombia,2016,,,,false\n"
    "cyprus,1974,1000,1000,1500,true\n"
)


def write_package(folder: Path, cases_csv: str = CASES_CSV, years_csv: str = YEARS_CSV) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "cases.csv").write_text(cases_csv, encoding="utf-8")
    (folder / "conflict_years.csv").write_text(years_csv, encoding="utf-8")
    package = {
        "name": "tiny",
        "resources": [
            {"name": "cases", "path": "cases.csv",
             "schema": {"fields": CASES_FIELDS, "primaryKey": "case_id"}},
            {"name": "conflict_years", "path": "conflict_years.csv",
             "schema": {"fields": YEARS_FIELDS, "primaryKey": ["case_id", "year"],
                        "foreignKeys": [{"fields": "case_id",
                                         "reference": {"resource": "cases", "fields": "case_id"}}]}},
        ],
    }
    (folder / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    return folder


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    """A valid two-table data package in a temporary folder."""
    return write_package(tmp_path / "data")


def _data_fingerprint() -> dict[str, tuple[int, str]]:
    import hashlib

    return {
        str(p.relative_to(ROOT)): (p.stat().st_size, hashlib.sha256(p.read_bytes()).hexdigest())
        for folder in ("data", "notebooks")
        for p in sorted((ROOT / folder).rglob("*"))
        if p.is_file() and ".ipynb_checkpoints" not in p.parts
    }


@pytest.fixture(scope="session", autouse=True)
def data_folder_is_never_written():
    """No lesson and no test may write to data/ or to the lessons: compare every file before and
    after the session (a browser that autosaves a lesson would commit its outputs)."""
    before = _data_fingerprint()
    yield
    after = _data_fingerprint()
    changed = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))
    assert not changed, f"the test session changed files in data/ or notebooks/: {changed}"
