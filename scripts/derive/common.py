"""Shared helpers for the derivation scripts: deterministic CSV output."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

# The folder layout of ../shared/reference (one folder per upstream release).
# Each derivation names the files it reads relative to the reference root.


class UpstreamMissing(FileNotFoundError):
    """An upstream release file is absent; the message says which and where to get it."""


def upstream(reference: Path, relpath: str, where: str) -> Path:
    """Return ``reference / relpath`` or raise a message naming the file and its origin."""
    path = Path(reference) / relpath
    if not path.is_file():
        raise UpstreamMissing(
            f"Upstream file not found: {path}\n"
            f"  Download it from {where} and pass its folder with --reference."
        )
    return path


def write_table(df: pd.DataFrame, path: Path, sort_by: list[str]) -> Path:
    """Write ``df`` to ``path`` as UTF-8 CSV with LF line endings, rows sorted.

    Sorting and fixed formatting make the bytes identical on every rebuild.
    Floats are written with up to 6 significant decimals; missing values are empty.
    """
    out = df.sort_values(sort_by, kind="mergesort").reset_index(drop=True)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    out.to_csv(path, index=False, lineterminator="\n", encoding="utf-8", float_format="%.6g")
    return path
