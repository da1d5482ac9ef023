"""Rebuild the derived tables in ``data/`` from the upstream release files.

Usage::

    python scripts/build_data.py                      # reads ../shared/reference when present
    python scripts/build_data.py --reference DIR --out data

The hand-curated tables (cases, missions, milestones, referendums, actors, ...)
are not rebuilt here: they are edited by hand, with a source on every row.
After the derived tables are written, ``data/datapackage.json`` is assembled from
``data/descriptors/*.json``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from scripts.build_datapackage import assemble  # noqa: E402
from scripts.derive import BUILDERS  # noqa: E402

DEFAULT_REFERENCE = ROOT.parent / "shared" / "reference"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--reference",
        type=Path,
        default=DEFAULT_REFERENCE if DEFAULT_REFERENCE.is_dir() else None,
        help="folder holding the upstream release files (default: ../shared/reference)",
    )
    parser.add_argument("--out", type=Path, default=ROOT / "data", help="output folder (default: data/)")
    args = parser.parse_args(argv)
    if args.reference is None:
        parser.error("no upstream folder: pass --reference DIR (see data/README.md for the downloads)")
    for name, build in BUILDERS:
        for path in build(args.reference, args.out):
            print(f"{name}: wrote {path}")
    assemble(args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
