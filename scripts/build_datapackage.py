"""Assemble ``data/datapackage.json`` from one resource descriptor per table.

Each table has ``data/descriptors/<name>.json``: a Frictionless Data Resource
(name, path, title, description, schema with fields, primaryKey and foreignKeys,
sources, licenses). This script joins them, in a fixed order, into the Data
Package that the loader (``peaceops.data``) and the tests read.

    python scripts/build_datapackage.py [data-folder]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Tables in reading order; any other descriptor follows alphabetically.
ORDER = [
    "cases",
    "conflict_case_map",
    "conflict_years",
    "conflict_termination",
    "agreements",
    "peacekeeping_totals",
    "missions",
    "mission_troops",
    "women_in_delegations",
    "women_global_shares",
    "indicators",
    "milestones",
    "referendums",
    "actors",
]

PACKAGE = {
    "profile": "tabular-data-package",
    "name": "diplomatic-engagement-peace-operations",
    "title": "Diplomatic Engagement in Peace Operations: teaching tables",
    "description": (
        "Small tidy tables on seven peace processes (Bosnia and Herzegovina, Northern Ireland, "
        "South Africa, Timor-Leste, Colombia, Cyprus, Sudan) and on UN peacekeeping, derived "
        "from UCDP, PA-X, PADD, Geo-PKO, Our World in Data and the World Bank, or curated by "
        "hand with a source on every row. See data/README.md."
    ),
    "licenses": [
        {
            "name": "CC-BY-4.0",
            "title": "Creative Commons Attribution 4.0",
            "path": "https://creativecommons.org/licenses/by/4.0/",
        }
    ],
}


def assemble(data_dir: Path = ROOT / "data") -> Path:
    data_dir = Path(data_dir)
    descriptors = {p.stem: p for p in (data_dir / "descriptors").glob("*.json")}
    names = [n for n in ORDER if n in descriptors] + sorted(set(descriptors) - set(ORDER))
    resources = []
    for name in names:
        resource = json.loads(descriptors[name].read_text(encoding="utf-8"))
        if resource.get("name") != name:
            raise ValueError(f"{descriptors[name]}: 'name' must be {name!r}, the file's stem")
        if resource.get("profile") != "tabular-data-resource":
            raise ValueError(f"{descriptors[name]}: 'profile' must be 'tabular-data-resource'")
        resources.append(resource)
    package = dict(PACKAGE, resources=resources)
    out = data_dir / "datapackage.json"
    out.write_text(json.dumps(package, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return out


if __name__ == "__main__":
    assemble(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "data")
