"""Determinism: execute every lesson three times; the output-checked cells must be identical each
time, and identical to what is committed (what nbval compares against).

    python benchmarks/determinism.py [--runs 3]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
CHECK_TAG = "nbval-check-output"


def checked_outputs(nb: nbformat.NotebookNode) -> dict[str, str]:
    out = {}
    for cell in nb.cells:
        if cell.cell_type == "code" and CHECK_TAG in cell.metadata.get("tags", []):
            data = [{k: v for k, v in o.get("data", {}).items() if k in ("text/plain", "text/html")}
                    | ({"text": o["text"]} if "text" in o else {}) for o in cell.get("outputs", [])]
            out[cell.id] = json.dumps(data, sort_keys=True)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    differing = []
    for path in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        committed = checked_outputs(nbformat.read(path, as_version=4))
        runs = []
        for _ in range(args.runs):
            nb = nbformat.read(path, as_version=4)
            NotebookClient(nb, timeout=600, kernel_name="python3",
                           resources={"metadata": {"path": str(path.parent)}}).execute()
            runs.append(checked_outputs(nb))
        same_runs = all(r == runs[0] for r in runs)
        same_committed = runs[0] == committed
        print(f"{path.name:34s} checked cells {len(committed)}  identical across {args.runs} runs: {same_runs}  "
              f"identical to committed: {same_committed}", flush=True)
        if not (same_runs and same_committed):
            differing.append(path.name)
    print("all identical" if not differing else f"DIFFERENT: {differing}")
    return 1 if differing else 0


if __name__ == "__main__":
    raise SystemExit(main())
