"""Rebuilding data/ from the upstream release files gives the committed bytes.

Runs when the upstream files are present (../shared/reference beside the collection, or the
folder named by $PEACEOPS_REFERENCE); otherwise it is skipped, saying why.
"""

from __future__ import annotations

import filecmp
import os
from pathlib import Path

import pytest
from conftest import ROOT

REFERENCE = Path(os.environ.get("PEACEOPS_REFERENCE", ROOT.parent / "shared" / "reference"))


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory):
    if not (REFERENCE / "MANIFEST.md").is_file():
        pytest.skip(
            f"upstream release files not found at {REFERENCE}: set PEACEOPS_REFERENCE to the folder "
            "holding them (see data/README.md) to check that data/ rebuilds byte for byte"
        )
    from scripts.build_data import main

    out = tmp_path_factory.mktemp("rebuilt")
    (out / "descriptors").mkdir()
    for descriptor in (ROOT / "data" / "descriptors").glob("*.json"):
        (out / "descriptors" / descriptor.name).write_bytes(descriptor.read_bytes())
    assert main(["--reference", str(REFERENCE), "--out", str(out)]) == 0
    return out


def test_every_derived_table_rebuilds_byte_for_byte(rebuilt):
    produced = sorted(p.name for p in rebuilt.glob("*.csv"))
    assert len(produced) >= 9, produced
    different = [name for name in produced if not filecmp.cmp(rebuilt / name, ROOT / "data" / name, shallow=False)]
    assert different == [], f"rebuilt tables differ from data/: {different} (run `make data` and commit)"


def test_the_assembled_package_matches(rebuilt):
    assert (rebuilt / "datapackage.json").read_bytes() == (ROOT / "data" / "datapackage.json").read_bytes()
