"""The question bank: every item well formed, every lesson's check call finds its item, and no
answer or feedback text in a notebook cell."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import nbformat
import pytest

from peaceops import exercises
from peaceops.data import DataError
from peaceops.sources import refusal

ROOT = Path(__file__).resolve().parent.parent
BANK = ROOT / "data" / "question_bank.json"
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
CALL = re.compile(r"""exercises\.check\(\s*["']([^"']+)["']\s*\)""")


@pytest.fixture(scope="module")
def items():
    return exercises.bank()


def test_every_choice_has_its_answer_among_the_options_and_feedback_for_each(items):
    assert items, "the question bank is empty"
    for item in items.values():
        q = item.question
        if isinstance(q, exercises.Question):
            assert q.answer in q.options, item.id
            assert set(q.feedback) >= set(q.options), item.id
            assert all(q.feedback[o].strip() for o in q.options), f"{item.id}: empty feedback"


def test_every_item_names_an_existing_lesson_objective_and_type(items):
    lessons = {int(p.name[:2]) for p in NOTEBOOKS}
    for item in items.values():
        assert item.lesson in lessons, f"{item.id}: lesson {item.lesson} does not exist"
        assert item.objective.strip() and item.type in exercises.TYPES, item.id


def test_contested_views_show_sourced_positions_and_are_never_marked(items):
    for item in (i for i in items.values() if isinstance(i.question, exercises.View)):
        assert item.type == "judgement", item.id
        for p in item.question.positions:
            assert p.source and p.source_url.startswith("http") and not refusal(p.source_url), (item.id, p.view)
        widget = exercises.check(item.id)
        assert isinstance(widget, exercises.CompareViews)
        assert widget.compare(item.question.options[0]) is True
        assert "Correct" not in widget.result.value and "Not quite" not in widget.result.value


def test_every_check_call_in_a_lesson_finds_its_item():
    for path in NOTEBOOKS:
        for cell in nbformat.read(path, as_version=4).cells:
            for item_id in CALL.findall(cell.source) if cell.cell_type == "code" else []:
                entry = exercises.item(item_id)
                assert entry.lesson == int(path.name[:2]), f"{path.name} shows {item_id}, an item of another lesson"


def test_a_self_check_gives_feedback_and_a_bad_choice_a_message():
    widget = exercises.check("0.1")
    assert widget.check("Cyprus") is True and "Correct" in widget.feedback.value
    assert widget.check("Colombia") is False and "Not quite" in widget.feedback.value
    assert widget.question.check(None) == (None, "Choose an answer first.")


def test_an_unknown_id_names_the_lessons_items():
    with pytest.raises(DataError, match=r"no question '0\.99'.*Lesson 0 has: 0\.1"):
        exercises.check("0.99")


@pytest.mark.parametrize("damage, expected", [
    (lambda b: b["items"][0].update(answer="Atlantis"), r"item '0\.1'.*not one of the options"),
    (lambda b: b["items"][0]["feedback"].popitem(), r"item '0\.1'.*Feedback is missing"),
    (lambda b: b["items"][0].update(type="trivia"), r"item '0\.1'.*type 'trivia'"),
    (lambda b: b["items"][0].update(lesson=42), r"item '0\.1'.*id says lesson 0"),
    (lambda b: b["items"].append(dict(b["items"][0])), r"item '0\.1'.*used twice"),
    (lambda b: b["items"][0].update(kind="view", type="judgement", positions=[]),
     r"item '0\.1'.*at least two positions"),
])
def test_a_damaged_bank_names_the_item_and_the_fix(tmp_path, damage, expected):
    folder = tmp_path / "data"
    folder.mkdir()
    shutil.copytree(ROOT / "notebooks", tmp_path / "notebooks")
    bank = json.loads(BANK.read_text(encoding="utf-8"))
    damage(bank)
    (folder / "question_bank.json").write_text(json.dumps(bank), encoding="utf-8")
    with pytest.raises(DataError, match=expected):
        exercises.bank(folder)


def test_a_broken_file_says_how_to_restore_it(tmp_path):
    (tmp_path / "question_bank.json").write_text('{"items": [', encoding="utf-8")
    with pytest.raises(DataError, match=r"not valid JSON.*git checkout data/question_bank.json"):
        exercises.bank(tmp_path)


def test_no_notebook_cell_holds_a_question_answer_or_feedback():
    for path in NOTEBOOKS:
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type == "code":
                assert "exercises.Question(" not in cell.source and "answer=" not in cell.source, (
                    f"{path.name} cell {cell.id}: move the question into data/question_bank.json "
                    "and show it with exercises.check(id)"
                )


PANDAS = re.compile(r"\[\s*\[|\[\s*[\"']|\.loc\[|\.iloc\[|\.query\(|\.groupby\(|\.assign\(|\.merge\(|\.sort_values\(")


def test_visible_code_is_one_short_call_without_pandas():
    """Learners are not programmers: past the setup cell, a code cell is a call or two, never pandas."""
    for path in NOTEBOOKS:
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type != "code" or cell.id == "setup":
                continue
            assert not PANDAS.search(cell.source), (
                f"{path.name} cell {cell.id}: pandas in a visible cell; add a named function to the lesson's "
                "module that shows the table with labels"
            )
            lines = [line for line in cell.source.splitlines() if line.strip() and not line.lstrip().startswith("#")]
            assert len(lines) <= 3, f"{path.name} cell {cell.id}: {len(lines)} lines of code; keep one short call"
