"""Agendas come from the lessons' metadata and run as printed: for both audience profiles and the
four lengths (90 minutes, half a day, a full day, two days), every agenda adds up to the session,
keeps its clock on 5-minute marks, leaves at least 10 % slack, lists every core exercise and the
discussion of each lesson it includes, and sends nothing to homework."""

from __future__ import annotations

import json
import re

import pytest
from conftest import ROOT

from peaceops.workshop import agenda

PROFILES = ["training-centre", "seminar"]
LENGTHS = [(90, 1), (210, 1), (420, 1), (420, 2)]  # minutes per day, days
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def notebook_facts():
    """Per lesson, read straight from the notebooks (not through the module under test): its
    metadata and the numbers of its core exercises, from the ``### Exercise N.M`` headings that do
    not say "optional"."""
    facts = {}
    for path in NOTEBOOKS:
        nb = json.loads(path.read_text(encoding="utf-8"))
        core = []
        for cell in nb["cells"]:
            if cell["cell_type"] == "markdown":
                for number, rest in re.findall(r"^###\s+Exercise\s+(\d+\.\d+)(.*)$", "".join(cell["source"]), re.M):
                    if "optional" not in rest.lower():
                        core.append(number)
        facts[path.name[:2]] = (nb["metadata"]["peaceops"], core)
    return facts


FACTS = notebook_facts()


def mentions(text: str, number: str) -> bool:
    return re.search(rf"(?<![\d.]){re.escape(number)}(?![\d])", text) is not None


@pytest.fixture(scope="module", params=[(p, m, d) for p in PROFILES for m, d in LENGTHS],
                ids=lambda x: f"{x[0]}-{x[1]}x{x[2]}")
def case(request):
    profile, minutes, days = request.param
    return profile, minutes, days, agenda.plan(minutes, profile=profile, days=days), \
        agenda.render(minutes, profile=profile, days=days)


def test_every_day_adds_up_on_five_minute_marks(case):
    _, minutes, days, plan, text = case
    assert len(plan.days) == days, "each day is an agenda of its own"
    for day in plan.days:
        assert day[0].start == 0 and day[0].kind == "launch", "every day opens with a launch"
        assert sum(item.minutes for item in day) == minutes, "the items add up to the day"
        for before, after in zip(day, day[1:], strict=False):
            assert before.start + before.minutes == after.start, "start times are consecutive"
        assert all(item.start % 5 == 0 and item.minutes % 5 == 0 and item.minutes > 0 for item in day)
    times = re.findall(r"^\| (\d\d):(\d\d)–(\d\d):(\d\d) \|", text, re.M)
    assert len(times) == len(plan.items)
    assert all(int(m) % 5 == 0 for t in times for m in (t[1], t[3])), "no 10:41 on the clock"


def test_every_day_keeps_ten_percent_slack(case):
    _, minutes, _, plan, text = case
    for day in plan.days:
        slack = sum(item.minutes for item in day if item.kind == "slack")
        assert slack >= 0.10 * minutes, f"only {slack} of {minutes} minutes of slack"
    assert "Slack: " in text


def test_every_lesson_runs_whole_with_its_core_exercises_and_discussion(case):
    _, _, _, plan, text = case
    rows = {line.split(" | ")[1][2:4]: line for line in text.splitlines() if line.startswith("| ") and " | **" in line
            and line.split(" | ")[1][2:4].isdigit()}
    for lesson in plan.lessons():
        meta, core = FACTS[lesson.number]
        discussion = meta.get("discussion_minutes", agenda.DISCUSSION_DEFAULT)
        row = rows[lesson.number]
        for number in core:
            assert mentions(row, number), f"lesson {lesson.number}'s row lacks its core Exercise {number}:\n{row}"
        assert f"Discussion ({discussion} min)" in row, f"lesson {lesson.number}'s row lacks its discussion"
        assert f"{meta['teaching_minutes']} min teaching" in row and f"({meta['exercise_minutes']} min)" in row
    for item in plan.items:
        if item.kind == "lesson":
            meta, _ = FACTS[item.lesson.number]
            need = meta["teaching_minutes"] + meta["exercise_minutes"] + meta.get("discussion_minutes", 10)
            need += meta.get("optional_minutes", 0) if item.with_optional else 0
            assert need <= item.minutes < need + 5, f"{item.lesson.number}: {item.minutes} min for {need} min of work"


def test_nothing_is_sent_to_homework(case):
    _, _, _, plan, text = case
    assert "homework" not in text.replace("Nothing is set as homework", "").lower()
    numbers = [lesson.number for lesson in plan.lessons()]
    assert len(numbers) == len(set(numbers)), "a lesson is never split"
    assert set(numbers) | {x.number for x in plan.left_out} == set(FACTS)
    assert not set(numbers) & {x.number for x in plan.left_out}


def test_order_breaks_and_restarts(case):
    _, minutes, _, plan, _ = case
    numbers = [lesson.number for lesson in plan.lessons()]
    assert numbers[0] == "00", "the introduction comes first"
    assert numbers == sorted(numbers, key=lambda n: (n == "12", n)), "lesson order, the synthesis last"
    for day in plan.days:
        kinds = [item.kind for item in day]
        for i, kind in enumerate(kinds):
            if kind in ("break", "lunch"):
                assert kinds[i + 1] == "restart" and kinds[i + 2] == "lesson", "a restart after every break"
                assert kinds[i - 1] in ("slack", "lesson")
            if kind == "lesson" and "lesson" in kinds[i + 1:]:
                nxt = kinds[i + 1:].index("lesson") + i + 1
                assert set(kinds[i + 1:nxt]) & {"switch", "restart"}, "time to change notebooks"
        pauses = kinds.count("break") + kinds.count("lunch")
        assert kinds.count("lunch") == (1 if minutes >= agenda.LUNCH_FROM and pauses else 0), "lunch on a long day"
        run = 0
        for item in day:
            run = 0 if item.kind in ("break", "lunch") else run + (item.minutes if item.kind in ("lesson", "switch")
                                                                    else 0)
            assert run <= agenda.BLOCK
    if minutes >= agenda.SHORT_SESSION:
        assert plan.days[-1][-1].kind == "wrap-up"


def test_the_synthesis_is_left_out_only_when_there_is_no_room(case):
    _, minutes, days, plan, _ = case
    if any(x.number == agenda.CLOSING for x in plan.left_out):
        by_number = {x.number: x for x in agenda.read_lessons()}
        chosen = [x.number for x in plan.lessons()]
        assert agenda._layout(by_number, chosen + [agenda.CLOSING], minutes, days) is None


def test_the_two_profiles_put_their_own_lessons_first():
    lessons = {x.number for x in agenda.read_lessons()}
    for profile in agenda.PROFILES.values():
        assert sorted(profile.order) == sorted(lessons), f"{profile.name}: every lesson once"
        assert profile.order[0] == "00"
    assert agenda.PROFILES["training-centre"].order[:5] == ("00", "02", "04", "06", "07")
    seminar = agenda.PROFILES["seminar"].order
    assert max(seminar.index(n) for n in ("01", "03", "08", "09", "10", "12")) < min(
        seminar.index(n) for n in ("02", "04", "06", "07"))
    train = [x.number for x in agenda.plan(420, profile="training-centre").lessons()]
    seminar_day = [x.number for x in agenda.plan(420, profile="seminar").lessons()]
    assert {"02", "04"} <= set(train) and not {"08", "09"} & set(train)
    assert {"08", "09"} <= set(seminar_day) and not {"02", "04", "06", "07"} & set(seminar_day)
    two_days = [x.number for x in agenda.plan(420, profile="training-centre", days=2).lessons()]
    # two training-centre days hold the practice lessons and the simulation (105 minutes), which takes
    # the synthesis's place; the synthesis closes when there is room (test_the_mediation_simulation_hook)
    assert {"00", "02", "04", "06", "07", "13"} <= set(two_days)


def fake(number: str, teaching: int = 30, exercises: int = 20, optional: int = 10, discussion: int = 10):
    tasks = (agenda.Exercise(f"{int(number)}.1", "Core", False), agenda.Exercise(f"{int(number)}.2", "Extra", True))
    return agenda.Lesson(number, f"Lesson {number}", f"{number}_x.ipynb", teaching, exercises, optional, discussion,
                         False, tasks)


def test_the_mediation_simulation_hook(monkeypatch):
    assert agenda.MEDIATION_SIMULATION == "13", "the simulation is lesson 13"
    assert (agenda.NOTEBOOKS / "13_simulation.ipynb").is_file()
    order = agenda._profiles()["training-centre"].order
    assert order[order.index("07") + 1] == "13"
    monkeypatch.setattr(agenda, "PROFILES", agenda._profiles())
    lessons = [fake(n) for n in ("00", "02", "03", "04", "05", "06", "07", "08", "12", "13")]
    chosen = [x.number for x in agenda.plan(420, lessons, "training-centre", days=2).lessons()]
    assert "13" in chosen and not {"05", "08"} & set(chosen), "the simulation comes before the other lessons"
    assert chosen[-2:] == ["13", "12"], "the synthesis still closes"


def test_a_lesson_too_long_is_dropped_never_cut():
    lessons = [fake("00"), fake("02", teaching=200), fake("04")]
    plan = agenda.plan(210, lessons)
    assert [x.number for x in plan.lessons()] == ["00", "04"] and [x.number for x in plan.left_out] == ["02"]
    assert "homework" not in agenda.render(210, lessons=lessons).replace("Nothing is set as homework", "")


def test_optional_exercises_only_where_time_remains():
    lessons = [fake("00"), fake("04")]
    roomy = agenda.plan(420, lessons)
    assert all(item.with_optional for item in roomy.items if item.kind == "lesson")
    assert "optional Exercise 4.2 (10 min)" in agenda.render(420, lessons=lessons)
    tight = agenda.plan(90, [fake("00", optional=30)])
    assert not any(item.with_optional for item in tight.items)


def test_discussion_minutes_default_when_the_metadata_lacks_them(tmp_path):
    headings = ["### Exercise 3.1 · Name it (3 min)", "### Exercise 3.2 · More (optional, 10 min)"]
    nb = {"cells": [{"cell_type": "markdown", "metadata": {}, "source": [h]} for h in headings],
          "metadata": {"peaceops": {"title": "T", "teaching_minutes": 30, "exercise_minutes": 3, "optional_minutes": 10,
                                    "optional": ["Exercise 3.2"]}}, "nbformat": 4, "nbformat_minor": 5}
    (tmp_path / "03_t.ipynb").write_text(json.dumps(nb))
    nb["metadata"]["peaceops"]["discussion_minutes"] = 15
    (tmp_path / "04_t.ipynb").write_text(json.dumps(nb))
    three, four = agenda.read_lessons(tmp_path)
    assert (three.discussion, three.discussion_assumed) == (agenda.DISCUSSION_DEFAULT, True)
    assert (four.discussion, four.discussion_assumed) == (15, False)
    assert [x.number for x in three.core_tasks] == ["3.1"] and [x.number for x in three.optional_tasks] == ["3.2"]
    text = agenda.render(420, lessons=[three, four])
    assert "Discussion minutes are not yet in the metadata of lesson 03: 10 minutes assumed." in text


def test_a_chosen_set_of_lessons():
    lessons = [lesson for lesson in agenda.read_lessons() if lesson.number in {"00", "06"}]
    plan = agenda.plan(480, lessons)
    assert [x.number for x in plan.lessons()] == ["00", "06"] and not plan.left_out


@pytest.mark.parametrize(("minutes", "start", "message"), [
    (0, "09:00", "give a positive number"),
    (93, "09:00", "give a multiple of 5"),
    (60, "09:00", "No room for lesson 00 in 60 minutes"),
    (90, "9h", "is not HH:MM"),
    (90, "09:03", "not on a 5-minute mark"),
])
def test_bad_input_gives_clear_messages(minutes, start, message):
    with pytest.raises(ValueError, match=message):
        agenda.render(minutes, start)


def test_no_lesson_fits():
    with pytest.raises(ValueError, match="No lesson fits in 45 minutes: the shortest, 04, needs 60 minutes"):
        agenda.plan(45, [fake("04"), fake("06", teaching=40)])


def test_command_line(capsys):
    assert agenda.main(["--minutes", "90", "--start", "13:30"]) == 0
    assert capsys.readouterr().out.startswith("| Time | Item |\n|---|---|\n| 13:30–13:45 | **Launch**")
    assert agenda.main(["--profile", "seminar", "--minutes", "420", "--days", "2"]) == 0
    out = capsys.readouterr().out
    assert "**Day 2**" in out and "university seminar" in out and "Launch, day 2" in out
    for bad in (["--minutes", "90", "--lessons", "00,99"], ["--minutes", "90", "--profile", "army"],
                ["--minutes", "90", "--start", "09:03"], []):
        with pytest.raises(SystemExit):
            agenda.main(bad)


def test_update_fills_marked_blocks(tmp_path):
    guide = tmp_path / "guide.md"
    guide.write_text("# Guide\n<!-- agenda 90 -->\nold text\n<!-- /agenda -->\n\n<!-- agenda 210 start=13:30 -->\n"
                     "<!-- /agenda -->\n<!-- agenda 420 profile=seminar days=2 -->\n<!-- /agenda -->\nend\n")
    assert agenda.main(["--update", str(guide)]) == 0
    text = guide.read_text()
    assert "old text" not in text and text.endswith("end\n")
    assert agenda.render(90) in text and agenda.render(210, "13:30") in text
    assert agenda.render(420, profile="seminar", days=2) in text
    assert "python -m peaceops.workshop.agenda --minutes 210 --start 13:30" in text
    assert "python -m peaceops.workshop.agenda --profile seminar --minutes 420 --days 2" in text
    assert agenda.update_blocks(text) == text  # idempotent
    with pytest.raises(ValueError, match="unknown option"):
        agenda.update_blocks("<!-- agenda 90 colour=red -->\n<!-- /agenda -->")


def test_the_facilitator_guide_agendas_are_current():
    guide = ROOT / "facilitator" / "README.md"
    text = guide.read_text(encoding="utf-8")
    blocks = set()
    for _, minutes, options, _, _ in agenda.BLOCK_RE.findall(text):
        options = dict(pair.split("=", 1) for pair in options.split())
        blocks.add((options.get("profile", agenda.DEFAULT_PROFILE), int(minutes), int(options.get("days", 1))))
    for profile in PROFILES:
        for minutes, days in LENGTHS:
            assert (profile, minutes, days) in blocks, f"the guide lacks the {profile} agenda, {days} × {minutes} min"
    assert agenda.update_blocks(text) == text, (
        "facilitator/README.md agendas differ from what the command produces now: "
        "run `python -m peaceops.workshop.agenda --update facilitator/README.md`"
    )
