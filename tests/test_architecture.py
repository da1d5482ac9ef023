"""The package's layout is its design: the core imports neither the lessons nor the workshop
tools; a lesson imports only the core; workshop tools may import both. Tests mirror the package."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import nbformat
import pytest

from peaceops.lessons import ALSO, LESSONS

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "peaceops"


def layer(module: str) -> str:
    """'lessons', 'workshop' or 'core' for a dotted module name inside peaceops."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in ("lessons", "workshop") else "core"


def imported(source: str, package: str = "peaceops") -> set[str]:
    """The peaceops modules a source file imports, anywhere in it (functions included)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.split(".")[0] == package}
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == package:
            found.add(node.module)
            found |= {f"{node.module}.{a.name}" for a in node.names if node.module in (
                f"{package}", f"{package}.lessons", f"{package}.workshop")}
    return found


def violations(module: str, source: str) -> list[str]:
    """Imports of ``source`` (the module ``module``) that run against the layers' direction."""
    here = layer(module)
    bad = []
    for target in sorted(imported(source)):
        there = layer(target)
        if target in ("peaceops.lessons", "peaceops.workshop"):
            there = target.split(".")[1]
        if here == "core" and there in ("lessons", "workshop"):
            bad.append(f"{module} (core) imports {target}")
        if here == "lessons" and there == "workshop":
            bad.append(f"{module} (a lesson) imports {target} (workshop)")
        if here == "lessons" and there == "lessons" and target not in (module, "peaceops.lessons"):
            bad.append(f"{module} imports another lesson, {target}: move what both need into the core")
    return bad


def modules() -> dict[str, Path]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        name = ".".join(rel.parts)
        out[name.removesuffix(".__init__")] = path
    return out


def test_every_module_respects_the_direction_of_dependencies():
    bad = [v for name, path in modules().items() for v in violations(name, path.read_text(encoding="utf-8"))]
    assert not bad, "imports against the layers' direction:\n" + "\n".join(bad)


@pytest.mark.parametrize("module, source", [
    ("peaceops.charts", "from peaceops.lessons import history"),
    ("peaceops.data", "def f():\n    from peaceops.workshop.agenda import build"),
    ("peaceops.lessons.history", "import peaceops.workshop.handouts"),
    ("peaceops.lessons.history", "from peaceops.lessons.recovery import Table"),
    ("peaceops.lessons.history", "from peaceops.lessons import recovery"),
])
def test_the_direction_check_catches_each_kind_of_wrong_import(module, source):
    assert violations(module, source), f"{source!r} in {module} should be refused"


def test_lessons_and_workshop_may_use_what_sits_below_them():
    lesson = "from peaceops import charts, data\nfrom peaceops.widgets import Explorer"
    assert not violations("peaceops.lessons.history", lesson)
    assert not violations("peaceops.workshop.agenda", "from peaceops.lessons import history\nimport peaceops.data")


def test_tests_mirror_the_package():
    missing = []
    for name, _path in modules().items():
        parts = name.split(".")
        if parts[-1] in ("peaceops", "lessons", "workshop"):
            continue
        folder = ROOT / "tests" / ("/".join(parts[1:-1]) if len(parts) > 2 else "")
        if not (folder / f"test_{parts[-1]}.py").is_file():
            missing.append(f"{name}: expected {(folder / f'test_{parts[-1]}.py').relative_to(ROOT)}")
    assert not missing, "every module has its tests beside its name:\n" + "\n".join(missing)


def test_the_lesson_index_names_the_modules_each_lesson_imports():
    for number, (notebook, main) in LESSONS.items():
        assert (PACKAGE / "lessons" / f"{main}.py").is_file(), f"lesson {number}: no module {main}"
        nb = nbformat.read(ROOT / "notebooks" / notebook, as_version=4)
        setup = next(c.source for c in nb.cells if c.get("id") == "setup")
        used = set()
        for match in re.finditer(r"from peaceops\.lessons import ([\w, ]+)", setup):
            used |= {n.strip().split(" as ")[0] for n in match.group(1).split(",")}
        allowed = {main, *ALSO.get(number, ())}
        assert used <= allowed, f"{notebook} imports {sorted(used - allowed)}, not in peaceops.lessons.LESSONS"
        assert main in used, f"{notebook} does not import its module {main} (peaceops.lessons.LESSONS)"
