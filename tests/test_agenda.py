"""Agendas come from the lessons' metadata and fit their time budget."""

from __future__ import annotations

import pytest

from peaceops import agenda


@pytest.mark.parametrize("minutes", [60, 90, 120, 210, 300, 420, 480])
def test_agenda_fits_the_budget_and_keeps_lesson_order(minutes):
    items, left_out = agenda.plan(minutes)
    assert agenda.end_of(items) <= minutes
    numbers = [item.label[:2] for item in items if item.label[:2].isdigit()]
    assert numbers == sorted(numbers) and numbers[0] == "00", "the introduction comes first"
    assert items[0].label.startswith("Welcome") and items[-1].label.startswith("Wrap-up")
    for before, after in zip(items, items[1:], strict=False):
        assert before.start + before.minutes == after.start, "no gaps or overlaps"
    all_numbers = {lesson.number for lesson in agenda.read_lessons()}
    assert set(numbers) | {lesson.number for lesson in left_out} == all_numbers


def test_minutes_come_from_the_metadata():
    lessons = {lesson.number: lesson for lesson in agenda.read_lessons()}
    items, _ = agenda.plan(420)
    for item in items:
        if item.label[:2].isdigit() and "homework" not in item.label:
            lesson = lessons[item.label[:2]]
            assert item.minutes in (lesson.core, lesson.core + lesson.optional)
            assert f"{lesson.teaching} min teaching, {lesson.exercises} min exercises" in item.label


def test_breaks_and_lunch():
    items, _ = agenda.plan(420)
    labels = [item.label for item in items]
    assert labels.count("Lunch") == 1
    short, _ = agenda.plan(90)
    assert "Lunch" not in [item.label for item in short]
    # never more than BLOCK minutes of lessons without a break
    run = 0
    for item in items:
        run = 0 if item.label in ("Break", "Lunch") else run + (item.minutes if item.label[:2].isdigit() else 0)
        assert run <= agenda.BLOCK


def test_short_sessions_set_exercises_as_homework():
    text = agenda.render(90)
    assert "exercises as homework" in text and "Not included (set as self-study)" in text


def test_a_chosen_set_of_lessons():
    lessons = [lesson for lesson in agenda.read_lessons() if lesson.number in {"00", "06"}]
    items, left_out = agenda.plan(480, lessons)
    assert [item.label[:2] for item in items if item.label[:2].isdigit()] == ["00", "06"] and not left_out


@pytest.mark.parametrize(("minutes", "start", "message"), [
    (0, "09:00", "give a positive number"),
    (10, "09:00", "No lesson fits in 10 minutes"),
    (90, "9h", "is not HH:MM"),
])
def test_bad_input_gives_clear_messages(minutes, start, message):
    with pytest.raises(ValueError, match=message):
        agenda.render(minutes, start)


def test_command_line(capsys):
    assert agenda.main(["--minutes", "90", "--start", "13:30"]) == 0
    assert capsys.readouterr().out.startswith("| Time | Item |\n|---|---|\n| 13:30–13:35 | Welcome")
    with pytest.raises(SystemExit):
        agenda.main(["--minutes", "90", "--lessons", "00,99"])


def test_update_fills_marked_blocks(tmp_path):
    guide = tmp_path / "guide.md"
    guide.write_text("# Guide\n<!-- agenda 90 -->\nold text\n<!-- /agenda -->\n\n<!-- agenda 210 start=13:30 -->\n"
                     "<!-- /agenda -->\nend\n")
    assert agenda.main(["--update", str(guide)]) == 0
    text = guide.read_text()
    assert "old text" not in text and text.endswith("end\n")
    assert agenda.render(90) in text and agenda.render(210, "13:30") in text
    assert "python -m peaceops.agenda --minutes 210 --start 13:30" in text
    assert agenda.update_blocks(text) == text  # idempotent


def test_the_facilitator_guide_agendas_are_current():
    from conftest import ROOT

    guide = ROOT / "facilitator" / "README.md"
    text = guide.read_text(encoding="utf-8")
    blocks = agenda.BLOCK_RE.findall(text)
    assert {int(b[1]) for b in blocks} >= {90, 210, 420}, "the guide needs the 90-minute, half-day and full-day agendas"
    assert agenda.update_blocks(text) == text, (
        "facilitator/README.md agendas differ from what the command produces now: "
        "run `python -m peaceops.agenda --update facilitator/README.md`"
    )
