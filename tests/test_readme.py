"""The README's lesson table lists every lesson with the minutes from its metadata."""

from __future__ import annotations

import json

from conftest import ROOT


def test_readme_lists_every_lesson_with_its_minutes():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for path in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        meta = json.loads(path.read_text(encoding="utf-8"))["metadata"]["peaceops"]
        row = f"| {meta['lesson']:02d} | [{meta['title']}](notebooks/{path.name}) | " \
              f"{meta['teaching_minutes']} + {meta['exercise_minutes']} + {meta['discussion_minutes']} |"
        assert row in readme, f"README.md: the lesson table lacks or misstates {path.name}; expected:\n{row}"


def test_readme_names_the_two_commands_and_the_binder_placeholder_once():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make lab" in readme and "make test" in readme
    assert readme.count("OWNER/REPO") == 2  # the badge link, and the sentence that explains it
    assert "urlpath=lab/tree/notebooks/00_introduction.ipynb" in readme


def test_make_lab_binds_to_localhost_keeps_the_token_and_opens_the_introduction():
    import shutil
    import subprocess

    if not shutil.which("make"):
        import pytest

        pytest.skip("make is not installed")
    stamp = ROOT / ".venv" / ".installed"
    out = subprocess.run(["make", "-n", "lab", "VENV=.venv"], cwd=ROOT, capture_output=True, text=True).stdout
    line = next(x for x in out.splitlines() if "jupyter lab" in x)
    assert "--ServerApp.ip=127.0.0.1" in line and line.endswith("notebooks/00_introduction.ipynb")
    assert "token=" not in line and "--no-browser" not in line  # token auth kept; opens the browser
    assert "NeverCheckForUpdate" in line and "news_url=None" in line and "extension_manager=readonly" in line
    assert stamp.exists() or "pip install" in out, "make lab must create .venv when it is missing"
