"""environment.yml (Binder, conda) and the pip requirements pin the same stack."""

from __future__ import annotations

import re
import tomllib
from importlib.metadata import version
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CORE = {"jupyterlab", "ipywidgets", "plotly", "anywidget", "pandas"}


def pip_pins(*files: str) -> dict[str, str]:
    pins: dict[str, str] = {}
    for name in files:
        for line in (ROOT / name).read_text().splitlines():
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            match = re.fullmatch(r"([A-Za-z0-9_.-]+)==([A-Za-z0-9_.]+)", line)
            assert match, f"{name}: {line!r} is not pinned as name==version"
            pins[match[1].lower()] = match[2]
    return pins


def conda_pins() -> tuple[dict[str, str], list]:
    env = yaml.safe_load((ROOT / "environment.yml").read_text())
    assert env["channels"] == ["conda-forge"], "environment.yml must use conda-forge only"
    pins: dict[str, str] = {}
    pip_section: list = []
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            pip_section = dep.get("pip", [])
            continue
        name, _, ver = dep.partition("=")
        pins[name.lower()] = ver
    return pins, pip_section


def test_conda_and_pip_pin_the_same_versions():
    conda, pip_section = conda_pins()
    pip = pip_pins("requirements.txt", "requirements-test.txt")
    assert conda.pop("python") == "3.11"
    assert "pip" in conda and conda.pop("pip") == ""
    for name, ver in conda.items():
        assert name in pip, f"{name} is pinned in environment.yml but not in the pip requirements"
        assert pip[name] == ver, f"{name}: environment.yml has {ver}, the pip requirements have {pip[name]}"
    for name in pip_pins("requirements.txt"):
        assert name in conda, f"{name} is in requirements.txt but not in environment.yml"
    assert CORE <= set(conda), f"the interactive stack {sorted(CORE)} must be pinned together"
    assert "-e ." in pip_section, "environment.yml must install the helper package (pip: -e .)"


def test_package_extras_match_the_test_requirements():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    extras = {re.split("==", r)[0].lower(): r.split("==")[1] for r in project["optional-dependencies"]["test"]}
    assert extras == pip_pins("requirements-test.txt")


def test_installed_versions_are_the_pinned_ones():
    for name, ver in pip_pins("requirements.txt", "requirements-test.txt").items():
        assert version(name) == ver, f"{name} {version(name)} is installed, but {ver} is pinned: run `make test`"
