"""Workshop agendas built from the lessons' own metadata, never typed by hand.

Each lesson records its teaching, exercise and optional minutes in ``metadata.peaceops``.
This module picks the lessons that fit a time budget, orders them, inserts breaks and prints
an agenda with start times::

    python -m peaceops.agenda --minutes 90
    python -m peaceops.agenda --minutes 210 --start 13:30
    python -m peaceops.agenda --minutes 420 --lessons 00,02,04,08,09,12
    python -m peaceops.agenda --update facilitator/README.md   # refill the guide's agendas

How lessons are chosen: every session opens with a short welcome and closes with a wrap-up
discussion. When not all lessons fit, they are added in the order of :data:`PRIORITY` (the
introduction first, then the lessons that carry the collection's central argument): each with
its exercises if it fits, else its teaching part alone with the exercises set as homework,
else not at all. They are then shown in lesson order. Optional exercises are added last,
lesson by lesson, where time remains. Breaks: one whenever the next lesson would take a block
past :data:`BLOCK` minutes; in sessions of :data:`LUNCH_FROM` minutes or more the first break
after :data:`LUNCH_AFTER` minutes of lessons is a lunch break.
"""

from __future__ import annotations

import argparse
import json
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"

# Which lessons a short session keeps first: the introduction, the principles, the contested
# "resolved" cases and the synthesis carry the collection's argument; the rest deepen it.
PRIORITY = ["00", "02", "09", "12", "04", "08", "03", "01", "05", "06", "10", "07", "11"]
BLOCK = 120  # minutes of lessons between breaks, at most
WELCOME = 5
WRAP_UP = 10
BREAK = 15
LUNCH = 45
LUNCH_FROM = 360  # sessions this long or longer get a lunch break
LUNCH_AFTER = 150  # minutes of lessons before lunch, at least


@dataclass(frozen=True)
class Lesson:
    number: str
    title: str
    file: str
    teaching: int
    exercises: int
    optional: int

    @property
    def core(self) -> int:
        return self.teaching + self.exercises


@dataclass(frozen=True)
class Item:
    start: int  # minutes from the session start
    minutes: int
    label: str


def read_lessons(folder: Path = NOTEBOOKS) -> list[Lesson]:
    """Every lesson's number, title and minutes, from the notebooks' metadata."""
    lessons = []
    for path in sorted(Path(folder).glob("[0-9][0-9]_*.ipynb")):
        meta = json.loads(path.read_text(encoding="utf-8"))["metadata"]["peaceops"]
        lessons.append(
            Lesson(
                number=path.name[:2],
                title=meta["title"],
                file=path.name,
                teaching=int(meta["teaching_minutes"]),
                exercises=int(meta["exercise_minutes"]),
                optional=int(meta.get("optional_minutes", 0)),
            )
        )
    return lessons


def _minutes(lesson: Lesson, optional: set[str], teaching_only: set[str]) -> int:
    if lesson.number in teaching_only:
        return lesson.teaching
    return lesson.core + (lesson.optional if lesson.number in optional else 0)


def schedule(lessons: list[Lesson], optional: set[str], teaching_only: set[str] = frozenset(),
             long_day: bool = False) -> list[Item]:
    """Lay lessons out in order, between a welcome and a wrap-up, with breaks. ``optional`` names
    the lessons whose optional exercises are included, ``teaching_only`` those whose exercises
    are set as homework; ``long_day`` allows a lunch break."""
    items: list[Item] = [Item(0, WELCOME, "Welcome, aims of the session, and a check that everyone's notebooks run")]
    clock = WELCOME
    since_break = taught = 0
    lunch_done = False
    for i, lesson in enumerate(lessons):
        minutes = _minutes(lesson, optional, teaching_only)
        if i and since_break + minutes > BLOCK:
            if long_day and not lunch_done and taught >= LUNCH_AFTER:
                items.append(Item(clock, LUNCH, "Lunch"))
                clock += LUNCH
                lunch_done = True
            else:
                items.append(Item(clock, BREAK, "Break"))
                clock += BREAK
            since_break = 0
        if lesson.number in teaching_only:
            detail = f"{lesson.teaching} min teaching; exercises as homework"
        else:
            extra = f", optional {lesson.optional}" if lesson.number in optional and lesson.optional else ""
            detail = f"{lesson.teaching} min teaching, {lesson.exercises} min exercises{extra}"
        items.append(Item(clock, minutes, f"{lesson.number} · {lesson.title} ({detail})"))
        clock += minutes
        since_break += minutes
        taught += minutes
    items.append(Item(clock, WRAP_UP, "Wrap-up: key points, open questions, where to go next"))
    return items


def end_of(items: list[Item]) -> int:
    return items[-1].start + items[-1].minutes if items else 0


def plan(minutes: int, lessons: list[Lesson] | None = None) -> tuple[list[Item], list[Lesson]]:
    """The agenda that fits ``minutes`` (breaks included), and the lessons left out."""
    if minutes <= 0:
        raise ValueError(f"A session of {minutes} minutes has no room for a lesson: give a positive number.")
    lessons = read_lessons() if lessons is None else lessons
    long_day = minutes >= LUNCH_FROM
    by_number = {lesson.number: lesson for lesson in lessons}
    order = [n for n in PRIORITY if n in by_number] + [n for n in by_number if n not in PRIORITY]
    chosen: list[str] = []
    teaching_only: set[str] = set()

    def fits(numbers: list[str], optional: set[str], homework: set[str]) -> bool:
        return end_of(schedule([by_number[n] for n in numbers], optional, homework, long_day)) <= minutes

    for number in order:
        trial = sorted(chosen + [number])
        if fits(trial, set(), teaching_only):
            chosen = trial
        elif fits(trial, set(), teaching_only | {number}):
            chosen, teaching_only = trial, teaching_only | {number}
    optional: set[str] = set()
    for number in chosen:
        if number not in teaching_only and by_number[number].optional and fits(chosen, optional | {number},
                                                                               teaching_only):
            optional.add(number)
    items = schedule([by_number[n] for n in chosen], optional, teaching_only, long_day)
    left_out = [lesson for lesson in lessons if lesson.number not in chosen]
    return items, left_out


def render(minutes: int, start: str = "09:00", lessons: list[Lesson] | None = None) -> str:
    """The agenda as Markdown text."""
    try:
        t0 = datetime.strptime(start, "%H:%M")
    except ValueError:
        raise ValueError(f"Start time {start!r} is not HH:MM (for example 09:00 or 13:30).") from None
    items, left_out = plan(minutes, lessons)
    if len(items) <= 2:
        shortest = min(lesson.teaching for lesson in (lessons or read_lessons()))
        raise ValueError(f"No lesson fits in {minutes} minutes: the shortest teaching part needs {shortest} "
                         f"minutes, plus {WELCOME + WRAP_UP} for the welcome and wrap-up.")

    def at(offset: int) -> str:
        return (t0 + timedelta(minutes=offset)).strftime("%H:%M")

    lines = ["| Time | Item |", "|---|---|"]
    for item in items:
        label = f"**{item.label}**" if item.label in ("Break", "Lunch") else item.label
        label = label.replace("|", "\\|")
        lines.append(f"| {at(item.start)}–{at(item.start + item.minutes)} | {label} |")
    used = end_of(items)
    lines.append("")
    lines.append(f"{used} of {minutes} minutes planned; {minutes - used} minutes to spare for questions and setup.")
    if left_out:
        skipped = "; ".join(f"{x.number} · {x.title}" for x in left_out)
        lines.append(f"Not included (set as self-study): {skipped}.")
    return "\n".join(lines)


BLOCK_RE = re.compile(r"(<!-- agenda (\d+)(?: start=(\d\d:\d\d))? -->\n)(.*?)(<!-- /agenda -->)", re.S)


def update_blocks(text: str) -> str:
    """Fill every ``<!-- agenda N -->`` ... ``<!-- /agenda -->`` block of a Markdown text with the
    agenda for N minutes (``<!-- agenda N start=HH:MM -->`` sets the start time)."""
    def fill(match: re.Match) -> str:
        minutes, start = int(match.group(2)), match.group(3) or "09:00"
        command = f"python -m peaceops.agenda --minutes {minutes}" + (f" --start {start}" if match.group(3) else "")
        body = f"{render(minutes, start)}\n\n*Generated by `{command}`; do not edit by hand.*\n"
        return match.group(1) + body + match.group(5)

    return BLOCK_RE.sub(fill, text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m peaceops.agenda", description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=int, help="length of the session, breaks included")
    parser.add_argument("--update", type=Path, metavar="FILE",
                        help="refill the <!-- agenda N --> blocks of a Markdown file (the facilitator guide)")
    parser.add_argument("--start", default="09:00", help="start time, HH:MM (default 09:00)")
    parser.add_argument("--lessons", help="comma-separated lesson numbers to choose from (default: all)")
    args = parser.parse_args(argv)
    if args.update:
        args.update.write_text(update_blocks(args.update.read_text(encoding="utf-8")), encoding="utf-8")
        print(f"updated the agendas in {args.update}")
        return 0
    if args.minutes is None:
        parser.error("give --minutes N (or --update FILE)")
    lessons = read_lessons()
    if args.lessons:
        wanted = {n.strip().zfill(2) for n in args.lessons.split(",") if n.strip()}
        unknown = wanted - {lesson.number for lesson in lessons}
        if unknown:
            parser.error(f"unknown lesson number(s): {', '.join(sorted(unknown))}")
        lessons = [lesson for lesson in lessons if lesson.number in wanted]
    try:
        print(render(args.minutes, args.start, lessons))
    except ValueError as exc:
        parser.error(str(exc))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
