"""The notebook lint: clean commits, the python3 kernel, and the lesson skeleton from STYLE.md."""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
CASE_IDS = {"balkans", "northern_ireland", "south_africa", "timor_leste", "colombia", "cyprus", "sudan"}
CHECK_TAG = "nbval-check-output"
FRONT_MATTER = ("**Questions**", "**Objectives**", "**Time**", "**Prerequisites**", "**Data used**")
SECTIONS = ("## Exercises", "## Discussion", "## Key points", "## What's next", "## Sources")
ABSOLUTE = re.compile(r"(?<![\w.])(/work/|/tmp/|/home/|/root/|/Users/|[A-Z]:\\\\)")


def test_there_are_notebooks():
    assert NOTEBOOKS, "no lessons found in notebooks/"


def markdown(nb) -> list[str]:
    return [c.source for c in nb.cells if c.cell_type == "markdown"]


@pytest.fixture(params=NOTEBOOKS, ids=lambda p: p.name)
def lesson(request):
    path = request.param
    return path, nbformat.read(path, as_version=4)


def test_valid_with_python3_kernel_and_stable_ids(lesson):
    path, nb = lesson
    nbformat.validate(nb)
    assert nb.metadata.kernelspec.name == "python3", f"{path.name}: kernelspec must be python3"
    ids = [c.get("id") for c in nb.cells]
    assert all(ids) and len(set(ids)) == len(ids), f"{path.name}: every cell needs its own stable id"
    assert "widgets" not in nb.metadata, f"{path.name}: saved widget state must not be committed"


def test_only_checked_cells_keep_outputs(lesson):
    path, nb = lesson
    checked = 0
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        tags = cell.metadata.get("tags", [])
        if CHECK_TAG in tags:
            checked += 1
            assert cell.outputs, f"{path.name} cell {cell.id}: tagged {CHECK_TAG} but has no stored output"
            assert cell.metadata.get("keep_output") is True, f"{path.name} cell {cell.id}: set keep_output"
        else:
            assert not cell.outputs, f"{path.name} cell {cell.id}: committed output (clear it)"
            assert cell.execution_count is None, f"{path.name} cell {cell.id}: committed execution count"
    assert checked >= 1, f"{path.name}: at least one cell of key figures must be output-checked by nbval"


def test_lesson_skeleton(lesson):
    path, nb = lesson
    number = path.name[:2]
    cells = markdown(nb)
    assert cells[0].startswith(f"# {number} · "), f"{path.name}: first cell must be the title '# {number} · ...'"
    front = cells[1]
    for part in FRONT_MATTER:
        assert part in front, f"{path.name}: front matter (second cell) lacks {part}"
    text = "\n".join(cells)
    for heading in SECTIONS:
        assert re.search(rf"^{re.escape(heading)}", text, re.M), f"{path.name}: missing section {heading!r}"
    lesson_no = str(int(number))
    exercises = re.findall(rf"^### Exercise {lesson_no}\.(\d+)", text, re.M)
    assert len(exercises) >= 2, f"{path.name}: needs at least two exercises 'Exercise {lesson_no}.N'"
    for cell in cells:
        if re.search(r"^### Exercise", cell, re.M):
            assert "<details>" in cell and "<summary>" in cell, (
                f"{path.name}: each exercise needs a collapsed <details> solution in its own cell"
            )
            assert re.search(r"\((optional, )?\d+ min", cell), f"{path.name}: each exercise states its minutes"


def test_lesson_metadata(lesson):
    path, nb = lesson
    meta = nb.metadata.get("peaceops")
    assert meta, f"{path.name}: metadata.peaceops is missing"
    assert meta["lesson"] == int(path.name[:2])
    for key in ("teaching_minutes", "exercise_minutes"):
        assert isinstance(meta[key], int) and meta[key] > 0, f"{path.name}: {key} must be a positive integer"
    assert set(meta["cases"]) <= CASE_IDS, f"{path.name}: unknown case ids {set(meta['cases']) - CASE_IDS}"
    front = markdown(nb)[1]
    assert f"{meta['teaching_minutes']} min teaching" in front, f"{path.name}: front matter and metadata disagree"
    assert f"{meta['exercise_minutes']} min exercises" in front, f"{path.name}: front matter and metadata disagree"


def test_no_absolute_paths_or_solutions_in_code(lesson):
    path, nb = lesson
    for cell in nb.cells:
        assert not ABSOLUTE.search(cell.source), f"{path.name} cell {cell.id}: absolute path from a machine"
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert raw["nbformat"] == 4 and raw["nbformat_minor"] >= 5


def test_every_lesson_has_a_core_judgement_task_with_a_rubric_and_folded_discussion_points(lesson):
    path, nb = lesson
    cells = markdown(nb)
    core = [c for c in cells if re.match(r"### Exercise", c) and "(optional" not in c.splitlines()[0]]
    assert any(re.search(r"\*\*(Rubric|What a strong answer does)", c) for c in core), (
        f"{path.name}: no core exercise has a rubric ('**Rubric.**' or '**What a strong answer does**') "
        "in its folded solution"
    )
    discussion = next(c for c in cells if c.startswith("## Discussion"))
    questions = len(re.findall(r"^\d+\.", discussion, re.M))
    assert discussion.count("<details>") >= questions, (
        f"{path.name}: fold 'Points a facilitator would raise' under each discussion question"
    )
    assert isinstance(nb.metadata.peaceops.get("discussion_minutes"), int), f"{path.name}: discussion_minutes"
