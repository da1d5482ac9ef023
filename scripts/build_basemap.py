"""Derive the offline base map, ``data/basemap.csv``, from Natural Earth via world-atlas.

Plotly's geo charts download their base map from a CDN when they are drawn, so a
classroom without internet would see a blank map. The collection instead ships a
small outline of the world's countries and draws it as ordinary plotly shapes.

Upstream: the npm package ``world-atlas`` 2.0.2 (Mike Bostock, ISC licence), whose
``countries-110m.json`` is a TopoJSON conversion of Natural Earth 1:110m admin-0
countries (public domain). To rebuild::

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python scripts/build_basemap.py package/countries-110m.json

Output: one row per polygon ring, ``iso_n3`` (ISO 3166-1 numeric, as in the
source), ``name``, ``polygon`` (part of a multi-part country), ``ring`` (0 is the outer
boundary, 1 and more are holes, such as Lesotho inside South Africa) and ``coords``
("lon,lat lon,lat ..." rounded to 0.01 degree).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts.derive.common import write_table  # noqa: E402


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Decode the quantized, delta-encoded arcs of a TopoJSON topology to lon/lat."""
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        points, x, y = [], 0, 0
        for dx, dy in arc:
            if transform:
                x, y = x + dx, y + dy
                sx, sy = transform["scale"]
                tx, ty = transform["translate"]
                points.append((x * sx + tx, y * sy + ty))
            else:
                points.append((dx, dy))
        arcs.append(points)
    return arcs


def ring_points(ring: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    """Join the arcs of one ring; a negative index ``~i`` means arc ``i`` reversed."""
    points: list[tuple[float, float]] = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def rings(topology: dict, layer: str = "countries") -> pd.DataFrame:
    arcs = decode_arcs(topology)
    rows = []
    for geometry in topology["objects"][layer]["geometries"]:
        kind = geometry.get("type")
        if kind == "Polygon":
            polygons = [geometry["arcs"]]
        elif kind == "MultiPolygon":
            polygons = geometry["arcs"]
        else:
            continue
        for part, polygon in enumerate(polygons):
            for n, ring in enumerate(polygon):
                pts = ring_points(ring, arcs)
                coords = " ".join(f"{lon:.2f},{lat:.2f}" for lon, lat in pts)
                rows.append(
                    {
                        "iso_n3": str(geometry.get("id", "")),
                        "name": geometry.get("properties", {}).get("name", ""),
                        "polygon": part,
                        "ring": n,
                        "coords": coords,
                    }
                )
    return pd.DataFrame(rows, columns=["iso_n3", "name", "polygon", "ring", "coords"])


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv:
        print(__doc__)
        return 2
    topology = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    out = Path(argv[1]) if len(argv) > 1 else ROOT / "data" / "basemap.csv"
    write_table(rings(topology), out, sort_by=["name", "iso_n3", "polygon", "ring"])
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
