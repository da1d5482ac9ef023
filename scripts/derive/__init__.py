"""Derivations of the collection's small tables from upstream release files.

Each module exposes ``build(reference: Path, out: Path) -> list[Path]`` and is
registered in ``scripts/build_data.py``. Every module writes through
:func:`scripts.derive.common.write_table`, so output bytes are deterministic.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path

# Run order. Each name is a module in this package with a ``build`` function.
MODULES = ["ucdp", "peacekeeping", "indicators", "agreements", "delegates", "missions"]


def _builder(name: str) -> Callable[[Path, Path], list[Path]]:
    def build(reference: Path, out: Path) -> list[Path]:
        return importlib.import_module(f"scripts.derive.{name}").build(reference, out)

    return build


BUILDERS = [(name, _builder(name)) for name in MODULES]
