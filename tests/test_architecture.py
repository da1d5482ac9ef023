"""The package's layout is its design: the core imports neither the lessons, the simulation nor the
workshop tools; a lesson imports only the core; the simulation (lesson 13's subpackage) imports only
the core; workshop tools may import all of them. Tests mirror the package."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import nbformat
import pytest

from peaceops.lessons import ALSO, LESSONS, PACKAGES

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "peaceops"


def layer(module: str) -> str:
    """'lessons', 'simulation', 'workshop' or 'core' for a dotted module name inside peaceops."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in LAYERS else "core"


LAYERS = ("lessons", "simulation", "workshop")


def imported(source: str, package: str = "peaceops") -> set[str]:
    """The peaceops modules a source file imports, anywhere in it (functions included)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.split(".")[0] == package}
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == package:
            found.add(node.module)
            found |= {f"{node.module}.{a.name}" for a in node.names if node.module in (
                f"{package}", *(f"{package}.{name}" for name in LAYERS))}
    return found


def violations(module: str, source: str) -> list[str]:
    """Imports of ``source`` (the module ``module``) that run against the layers' direction."""
    here = layer(module)
    bad = []
    for target in sorted(imported(source)):
        there = layer(target)
        if target in tuple(f"peaceops.{name}" for name in LAYERS):
            there = target.split(".")[1]
        if here == "core" and there in LAYERS:
            bad.append(f"{module} (core) imports {target}")
        if here == "lessons" and there in ("workshop", "simulation"):
            bad.append(f"{module} (a lesson) imports {target} ({there})")
        if here == "simulation" and there in ("workshop", "lessons"):
            bad.append(f"{module} (the simulation) imports {target} ({there}): move what it needs into the core")
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
    ("peaceops.charts", "from peaceops.simulation import play"),
    ("peaceops.lessons.history", "from peaceops.simulation.model import DealSpace"),
    ("peaceops.simulation.play", "from peaceops.lessons import principles"),
    ("peaceops.simulation.game", "import peaceops.workshop.agenda"),
])
def test_the_direction_check_catches_each_kind_of_wrong_import(module, source):
    assert violations(module, source), f"{source!r} in {module} should be refused"


def test_lessons_and_workshop_may_use_what_sits_below_them():
    lesson = "from peaceops import charts, data\nfrom peaceops.widgets import Explorer"
    assert not violations("peaceops.lessons.history", lesson)
    assert not violations("peaceops.workshop.agenda", "from peaceops.lessons import history\nimport peaceops.data")
    assert not violations("peaceops.workshop.handouts", "from peaceops.simulation import briefs")
    assert not violations("peaceops.simulation.play", "from peaceops import charts, exercises\n"
                          "from peaceops.simulation.model import DealSpace")


def test_tests_mirror_the_package():
    missing = []
    for name, _path in modules().items():
        parts = name.split(".")
        if parts[-1] in ("peaceops", *LAYERS):
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


def test_a_lesson_served_by_a_subpackage_imports_it_and_no_lesson_module():
    for number, (notebook, package) in PACKAGES.items():
        assert number not in LESSONS, f"lesson {number} is both in LESSONS and PACKAGES"
        assert (PACKAGE / package / "__init__.py").is_file(), f"lesson {number}: no subpackage peaceops.{package}"
        nb = nbformat.read(ROOT / "notebooks" / notebook, as_version=4)
        setup = next(c.source for c in nb.cells if c.get("id") == "setup")
        assert f"from peaceops.{package} import" in setup, f"{notebook} does not import peaceops.{package}"
        assert "peaceops.lessons" not in setup, f"{notebook} imports a lesson module: use peaceops.{package}"
    numbers = {int(p.name[:2]) for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")}
    assert numbers == set(LESSONS) | set(PACKAGES), "every lesson is in LESSONS or PACKAGES, and only those"
