"""Assemble ``data/datapackage.json`` from one resource descriptor per table.

Each table has ``data/descriptors/<name>.json``: a Frictionless Data Resource
(name, path, title, description, schema with fields, primaryKey and foreignKeys,
sources, licenses). This script joins them, in a fixed order, into the Data
Package that the loader (``peaceops.data``) and the tests read. For the tables
curated by hand, ``sources`` is not typed in the descriptor: it is the list of
distinct sources the rows cite, and this script writes it into the descriptor.

    python scripts/build_datapackage.py [data-folder]
"""

from __future__ import annotations

import csv
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
    "mission_ceilings",
    "women_in_delegations",
    "women_global_shares",
    "indicators",
    "milestones",
    "referendums",
    "actors",
    "human_cost",
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


CURATED = "curated by hand"


def row_sources(csv_path: Path) -> list[dict]:
    """The distinct sources of a hand-curated table, from its rows, in order of first use.

    Each row names its sources in ``source`` (titles separated by "; ") and ``source_url``
    (addresses separated by " ; ", in the same order). Where a row's titles and addresses do not
    pair one to one, each address gets the row's whole ``source`` text as its title.
    """
    found: dict[str, str] = {}
    with csv_path.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            urls = [u.strip() for u in (row.get("source_url") or "").split(" ; ") if u.strip()]
            titles = [t.strip() for t in (row.get("source") or "").split("; ") if t.strip()]
            if len(titles) != len(urls):
                titles = [(row.get("source") or "").strip()] * len(urls)
            for url, title in zip(urls, titles, strict=True):
                found.setdefault(url, title)
    return [{"title": title, "path": url} for url, title in found.items()]


def sync_curated_sources(data_dir: Path, name: str, resource: dict, descriptor: Path) -> dict:
    """For a hand-curated table, set the descriptor's ``sources`` to the sources its rows cite, so the
    two never drift apart; the descriptor file is rewritten only when its list changes."""
    if resource.get("derivation") != CURATED or not (data_dir / resource["path"]).is_file():
        return resource  # derived tables list their releases; a folder without the table keeps the list
    sources = row_sources(data_dir / resource["path"])
    if resource.get("sources") != sources:
        resource["sources"] = sources
        descriptor.write_text(json.dumps(resource, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return resource


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
        resources.append(sync_curated_sources(data_dir, name, resource, descriptors[name]))
    package = dict(PACKAGE, resources=resources)
    out = data_dir / "datapackage.json"
    out.write_text(json.dumps(package, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return out


if __name__ == "__main__":
    assemble(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "data")
