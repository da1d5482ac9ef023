"""Workshop agendas built from the lessons' own metadata, never typed by hand.

Each lesson records its teaching, core exercise, discussion and optional minutes in
``metadata.peaceops``; its exercise headings (``### Exercise N.M · Title (K min)``) name its
core and optional tasks. This module picks the lessons that fit a session for an audience,
lays them out with launch, switches, breaks and restarts, and prints an agenda that runs as
printed::

    python -m peaceops.workshop.agenda --minutes 90
    python -m peaceops.workshop.agenda --profile seminar --minutes 210 --start 13:30
    python -m peaceops.workshop.agenda --profile training-centre --minutes 420 --days 2
    python -m peaceops.workshop.agenda --minutes 420 --lessons 00,02,04,08,09,12
    python -m peaceops.workshop.agenda --update facilitator/README.md   # refill the guide's agendas

The rules:

- **A lesson is in whole, or not at all.** A lesson in the agenda gets its teaching, every core
  exercise and its discussion; nothing is set as homework. When the lessons do not all fit,
  whole lessons are dropped, in the reverse of the profile's order of priority (:data:`PROFILES`).
  Optional exercises are added last, lesson by lesson in the same order, only where time remains.
- **Launch and changes of notebook take time.** Every day opens with a launch (JupyterLab or
  Binder running, aims, ground rules, content note: :data:`LAUNCH` minutes); moving from one
  lesson to the next takes :data:`SWITCH` minutes; after every break and lunch comes a restart
  (:data:`RESTART` minutes: Binder stops sessions idle for about 10 minutes, so learners relaunch,
  restart the kernel and re-run the setup cell).
- **Breaks**: one whenever the next lesson would take a block past :data:`BLOCK` minutes; on a day
  of :data:`LUNCH_FROM` minutes or more, the break nearest the middle of the day is lunch.
- **Slack**: at least :data:`SLACK` (10 %) of each day, rounded up to 5 minutes, is left as
  explicit slack rows at the end of each block (catch-up and questions); every lesson row is
  also rounded up to the next 5 minutes. Clock times fall on 5-minute marks.
- **Two days** are two agendas: day 2 opens with a fresh launch, and lessons keep their order.
"""

from __future__ import annotations

import argparse
import json
import math
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

NOTEBOOKS = Path(__file__).resolve().parents[3] / "notebooks"

STEP = 5  # every item lasts a multiple of 5 minutes, so clock times fall on 5-minute marks
LAUNCH = 15  # JupyterLab or Binder running, aims, ground rules, content note
SWITCH = 5  # save, open the next lesson, run its setup cell
RESTART = 5  # after a break: relaunch Binder if it stopped, restart the kernel, run the setup cell
BREAK = 15
LUNCH = 45
LUNCH_FROM = 360  # days this long or longer have a lunch break
BLOCK = 120  # minutes of lessons and switches between breaks, at most
WRAP_UP = 10
SHORT_SESSION = 120  # a shorter session holds one lesson: its own key points close it, with no wrap-up row
SLACK = 0.10  # at least this share of every day is slack
DISCUSSION_DEFAULT = 10  # minutes assumed where a lesson's metadata has no discussion_minutes yet

OPENING = "00"  # opens every agenda that can hold it
CLOSING = "12"  # the synthesis: closes every agenda that has room for it

# The mediation simulation (lesson 13, a scoreable multi-party role-play): the training-centre
# profile takes it right after the practice lessons 02, 04, 06 and 07; the seminar profile last.
MEDIATION_SIMULATION: str | None = "13"


@dataclass(frozen=True)
class Profile:
    name: str
    label: str
    why: str
    order: tuple[str, ...]  # priority: the first lessons are kept when not all fit


def _profiles() -> dict[str, Profile]:
    simulation = (MEDIATION_SIMULATION,) if MEDIATION_SIMULATION else ()
    return {
        "training-centre": Profile(
            "training-centre", "peacekeeping training centre",
            "practice-heavy lessons first: principles in real cases (02), spoilers and consent under strain (04), "
            "local communities (06), working with partners (07)",
            ("00", "02", "04", "06", "07", *simulation, "12", "03", "05", "11", "01", "08", "09", "10"),
        ),
        "seminar": Profile(
            "seminar", "university seminar",
            "analysis-heavy lessons first: success stories and \"resolved\" conflicts read through the data (08, 09), "
            "the comparison (12), recurrence and trends (10), mediation (03), history (01)",
            ("00", "09", "08", "12", "10", "03", "01", "02", "11", "04", "05", "06", "07", *simulation),
        ),
    }


PROFILES = _profiles()
DEFAULT_PROFILE = "training-centre"


@dataclass(frozen=True)
class Exercise:
    number: str  # "2.1"
    title: str
    optional: bool


@dataclass(frozen=True)
class Lesson:
    number: str
    title: str
    file: str
    teaching: int
    exercises: int  # the core exercises' minutes
    optional: int  # the optional exercises' minutes
    discussion: int = DISCUSSION_DEFAULT
    discussion_assumed: bool = False  # True when the metadata has no discussion_minutes yet
    tasks: tuple[Exercise, ...] = ()

    @property
    def core_tasks(self) -> tuple[Exercise, ...]:
        return tuple(x for x in self.tasks if not x.optional)

    @property
    def optional_tasks(self) -> tuple[Exercise, ...]:
        return tuple(x for x in self.tasks if x.optional)

    @property
    def core(self) -> int:
        """Teaching, core exercises and discussion: what the lesson needs to be in an agenda at all."""
        return self.teaching + self.exercises + self.discussion


@dataclass(frozen=True)
class Item:
    start: int  # minutes from the day's start
    minutes: int
    label: str
    kind: str  # launch | lesson | switch | break | lunch | restart | slack | wrap-up
    lesson: Lesson | None = None
    with_optional: bool = False


@dataclass
class Agenda:
    profile: Profile
    minutes: int  # per day
    days: list[list[Item]]
    left_out: list[Lesson] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def items(self) -> list[Item]:
        return [item for day in self.days for item in day]

    def lessons(self) -> list[Lesson]:
        return [item.lesson for item in self.items if item.kind == "lesson"]


EXERCISE_RE = re.compile(r"^###\s+Exercise\s+(\d+\.\d+)\s*(?:·\s*)?(.*?)\s*$", re.M)


def read_exercises(nb: dict, optional_names: list[str] = ()) -> tuple[Exercise, ...]:
    """The ``### Exercise N.M · Title (K min)`` headings of a notebook; optional ones say
    ``(optional, K min)`` or are listed in ``metadata.peaceops.optional``."""
    found = []
    for cell in nb["cells"]:
        if cell["cell_type"] != "markdown":
            continue
        for number, rest in EXERCISE_RE.findall("".join(cell["source"])):
            title = re.sub(r"\s*\([^()]*\bmin\)\s*$", "", rest).strip()
            optional = "optional" in rest.lower() or f"Exercise {number}" in optional_names
            found.append(Exercise(number, title, optional))
    return tuple(found)


def read_lessons(folder: Path = NOTEBOOKS) -> list[Lesson]:
    """Every lesson's number, title, minutes and exercises, from the notebooks."""
    lessons = []
    for path in sorted(Path(folder).glob("[0-9][0-9]_*.ipynb")):
        nb = json.loads(path.read_text(encoding="utf-8"))
        meta = nb["metadata"]["peaceops"]
        discussion = meta.get("discussion_minutes")
        lessons.append(
            Lesson(
                number=path.name[:2],
                title=meta["title"],
                file=path.name,
                teaching=int(meta["teaching_minutes"]),
                exercises=int(meta["exercise_minutes"]),
                optional=int(meta.get("optional_minutes", 0)),
                discussion=DISCUSSION_DEFAULT if discussion is None else int(discussion),
                discussion_assumed=discussion is None,
                tasks=read_exercises(nb, meta.get("optional", [])),
            )
        )
    return lessons


def _ceil(minutes: float) -> int:
    return STEP * math.ceil(minutes / STEP - 1e-9)


def min_slack(minutes: int) -> int:
    """The slack a day of ``minutes`` must keep: 10 %, rounded up to 5 minutes."""
    return _ceil(SLACK * minutes)


def lesson_minutes(lesson: Lesson, with_optional: bool = False) -> int:
    """A lesson row's length: teaching, core exercises, discussion (and the optional exercises),
    rounded up to 5 minutes."""
    return _ceil(lesson.core + (lesson.optional if with_optional else 0))


def _ids(tasks: tuple[Exercise, ...]) -> str:
    word = "Exercise" if len(tasks) == 1 else "Exercises"
    return f"{word} {', '.join(x.number for x in tasks)}"


def lesson_label(lesson: Lesson, with_optional: bool = False) -> str:
    parts = [f"{lesson.teaching} min teaching"]
    if lesson.core_tasks:
        parts.append(f"{_ids(lesson.core_tasks)} ({lesson.exercises} min)")
    elif lesson.exercises:
        parts.append(f"exercises ({lesson.exercises} min)")
    parts.append(f"Discussion ({lesson.discussion} min)")
    used = lesson.core
    if with_optional:
        tasks = lesson.optional_tasks
        parts.append(f"optional {_ids(tasks) if tasks else 'exercises'} ({lesson.optional} min)")
        used += lesson.optional
    spare = lesson_minutes(lesson, with_optional) - used
    if spare:
        parts.append(f"{spare} min in hand")
    return f"**{lesson.number} · {lesson.title}**: " + "; ".join(parts)


def _launch(day: int, days: int, first: Lesson) -> str:
    if day == 1:
        return (f"**Launch**: JupyterLab or Binder running on every machine, lesson {first.number} open and its setup "
                "cell run; aims of the session; ground rules; content note")
    return (f"**Launch, day {day}**: JupyterLab or Binder running again (Binder keeps nothing overnight: upload the "
            f"notebooks you downloaded), lesson {first.number} open and its setup cell run; recap of day {day - 1} "
            "and today's aims; ground rules and content note")


def _switch(before: Lesson, after: Lesson) -> str:
    return (f"Switch to lesson {after.number}: save lesson {before.number} (on Binder, download it), "
            f"open lesson {after.number}, run its setup cell")


def _restart(after: Lesson) -> str:
    return ("Restart after the break: relaunch Binder if it stopped (it stops idle sessions after about 10 minutes) "
            f"and upload your notebook; open lesson {after.number}, restart the kernel, run the setup cell")


def _wrap_up(day: int, days: int) -> str:
    if day < days:
        return f"**Close of day {day}**: key points, questions to bring tomorrow; download your notebooks"
    return "**Wrap-up**: key points, open questions, where to go next"


BREAK_LABEL = "**Break**: save first (on Binder, download your notebook)"
LUNCH_LABEL = "**Lunch**: save first (on Binder, download your notebook)"
SLACK_LABEL = "*Slack*: catch-up and questions (if on time, move on)"
SLACK_LAST_LABEL = "*Slack*: catch-up and questions; close with the lesson's key points and what to read next"


def wrap_up_minutes(minutes: int) -> int:
    """The wrap-up's length: none in a session shorter than :data:`SHORT_SESSION` (one lesson,
    whose key points close it), else :data:`WRAP_UP`."""
    return 0 if minutes < SHORT_SESSION else WRAP_UP


def layout_day(lessons: list[Lesson], minutes: int, optional: set[str] = frozenset(), day: int = 1,
               days: int = 1) -> list[Item] | None:
    """One day's items, adding up to ``minutes``, or None when the lessons do not fit with the
    launch, switches, breaks, restarts, wrap-up and at least :func:`min_slack` minutes of slack."""
    if not lessons:
        return None
    blocks: list[list[tuple[int, str, str, Lesson | None, bool]]] = [[(LAUNCH, _launch(day, days, lessons[0]),
                                                                      "launch", None, False)]]
    since_break = 0
    for i, lesson in enumerate(lessons):
        with_optional = lesson.number in optional
        m = lesson_minutes(lesson, with_optional)
        if i:
            if since_break + SWITCH + m > BLOCK:
                blocks.append([(RESTART, _restart(lesson), "restart", None, False)])
                since_break = 0
            else:
                blocks[-1].append((SWITCH, _switch(lessons[i - 1], lesson), "switch", None, False))
                since_break += SWITCH
        blocks[-1].append((m, lesson_label(lesson, with_optional), "lesson", lesson, with_optional))
        since_break += m
    wrap = wrap_up_minutes(minutes)
    long_day = minutes >= LUNCH_FROM and len(blocks) > 1
    breaks = (len(blocks) - 1) * BREAK + ((LUNCH - BREAK) if long_day else 0)
    required = sum(m for block in blocks for m, *_ in block) + breaks + wrap
    slack = minutes - required
    if slack < min_slack(minutes):
        return None
    # the slack goes to the end of each block, 5 minutes at a time, first block first
    shares = [0] * len(blocks)
    for unit in range(slack // STEP):
        shares[unit % len(blocks)] += STEP

    def build(lunch_at: int | None) -> list[Item]:
        items: list[Item] = []
        clock = 0

        def add(m: int, label: str, kind: str, lesson: Lesson | None = None, opt: bool = False) -> None:
            nonlocal clock
            items.append(Item(clock, m, label, kind, lesson, opt))
            clock += m

        for b, block in enumerate(blocks):
            if b:
                if b == lunch_at:
                    add(LUNCH, LUNCH_LABEL, "lunch")
                else:
                    add(BREAK, BREAK_LABEL, "break")
            for entry in block:
                add(*entry)
            if b == len(blocks) - 1:
                if shares[b]:
                    add(shares[b], SLACK_LABEL if wrap else SLACK_LAST_LABEL, "slack")
                if wrap:
                    add(wrap, _wrap_up(day, days), "wrap-up")
            elif shares[b]:
                add(shares[b], SLACK_LABEL, "slack")
        return items

    if not long_day:
        return build(None)
    # lunch: the break that starts nearest the middle of the day
    options = [build(b) for b in range(1, len(blocks))]
    return min(options, key=lambda items: abs(next(x.start for x in items if x.kind == "lunch") - minutes / 2))


def _display_order(numbers: list[str]) -> list[str]:
    """Lesson order, except that the synthesis comes last."""
    return sorted(numbers, key=lambda n: (n == CLOSING, n))


def _layout(by_number: dict[str, Lesson], numbers: list[str], minutes: int, days: int,
            optional: set[str] = frozenset(), split: list[list[str]] | None = None) -> list[list[Item]] | None:
    """Lay the lessons out over the days in lesson order, each day filled before the next; with
    ``split`` given, keep that assignment of lessons to days."""
    if split is None:
        split, current = [], []
        for n in _display_order(numbers):
            trial = current + [n]
            if layout_day([by_number[x] for x in trial], minutes, optional, len(split) + 1, days):
                current = trial
            else:
                if not current:
                    return None
                split.append(current)
                current = [n]
                if len(split) >= days:
                    return None
        split.append(current)
        if len(split) > days:
            return None
    result = []
    for d, group in enumerate(split, start=1):
        items = layout_day([by_number[x] for x in group], minutes, optional, d, days)
        if items is None:
            return None
        result.append(items)
    return result


def plan(minutes: int, lessons: list[Lesson] | None = None, profile: str = DEFAULT_PROFILE,
         days: int = 1) -> Agenda:
    """The agenda for an audience ``profile`` that fits ``days`` days of ``minutes`` minutes
    (breaks included), and the lessons it leaves out."""
    if minutes <= 0:
        raise ValueError(f"A session of {minutes} minutes has no room for a lesson: give a positive number.")
    if minutes % STEP:
        raise ValueError(f"A session of {minutes} minutes does not fall on 5-minute marks: give a multiple of 5.")
    if days < 1:
        raise ValueError(f"{days} days: give 1 or more.")
    if profile not in PROFILES:
        raise ValueError(f"Unknown profile {profile!r}: choose one of {', '.join(PROFILES)}.")
    prof = PROFILES[profile]
    lessons = read_lessons() if lessons is None else lessons
    by_number = {lesson.number: lesson for lesson in lessons}
    order = [n for n in prof.order if n in by_number] + sorted(n for n in by_number if n not in prof.order)
    chosen: list[str] = []
    for number in order:
        if _layout(by_number, chosen + [number], minutes, days):
            chosen.append(number)
        elif number == OPENING:
            lesson = by_number[number]
            need = lesson_minutes(lesson)
            wrap = wrap_up_minutes(minutes)
            at_least = next(m for m in range(STEP, 10_000, STEP)
                            if LAUNCH + need + wrap_up_minutes(m) + min_slack(m) <= m)
            raise ValueError(
                f"No room for lesson {number} in {minutes} minutes: it opens every agenda and needs {need} minutes "
                f"(teaching, core exercises and discussion), plus {LAUNCH} for the launch"
                f"{f', {wrap} for the wrap-up' if wrap else ''} and at least 10 % slack. "
                f"Give at least {at_least} minutes.")
    if not chosen:
        shortest = min(lessons, key=lesson_minutes) if lessons else None
        detail = f": the shortest, {shortest.number}, needs {lesson_minutes(shortest)} minutes" if shortest else ""
        raise ValueError(f"No lesson fits in {minutes} minutes{detail}, plus the launch, the wrap-up and "
                         "10 % slack.")
    layout = _layout(by_number, chosen, minutes, days)
    split = [[item.lesson.number for item in day if item.kind == "lesson"] for day in layout]
    optional: set[str] = set()
    for number in chosen:
        if by_number[number].optional and _layout(by_number, chosen, minutes, days, optional | {number}, split):
            optional.add(number)
    layout = _layout(by_number, chosen, minutes, days, optional, split)
    agenda = Agenda(prof, minutes, layout, [lesson for lesson in lessons if lesson.number not in chosen])
    agenda.notes = _notes(agenda)
    return agenda


def _notes(agenda: Agenda) -> list[str]:
    total = agenda.minutes * len(agenda.days)
    slack = sum(item.minutes for item in agenda.items if item.kind == "slack")
    notes = [
        f"Profile: {agenda.profile.label} ({agenda.profile.why}).",
        "Every lesson listed runs in full: teaching, all its core exercises and its discussion. Nothing is set as "
        "homework; optional exercises appear only where time remained.",
        f"Slack: {slack} of {total} minutes ({round(100 * slack / total)} %), in the slack rows; each lesson row is "
        "also rounded up to the next 5 minutes (\"in hand\").",
    ]
    assumed = [lesson.number for lesson in agenda.lessons() if lesson.discussion_assumed]
    if assumed:
        notes.append(f"Discussion minutes are not yet in the metadata of lesson{'s' if len(assumed) > 1 else ''} "
                     f"{', '.join(assumed)}: {DISCUSSION_DEFAULT} minutes assumed.")
    if agenda.left_out:
        skipped = "; ".join(f"{x.number} · {x.title}" for x in agenda.left_out)
        notes.append(f"Not in this agenda (whole lessons left out; each also works for self-study): {skipped}.")
    return notes


def _start(start: str) -> datetime:
    try:
        t0 = datetime.strptime(start, "%H:%M")
    except ValueError:
        raise ValueError(f"Start time {start!r} is not HH:MM (for example 09:00 or 13:30).") from None
    if t0.minute % STEP:
        raise ValueError(f"Start time {start!r} is not on a 5-minute mark (for example 09:00 or 13:35).")
    return t0


def render(minutes: int, start: str = "09:00", lessons: list[Lesson] | None = None,
           profile: str = DEFAULT_PROFILE, days: int = 1) -> str:
    """The agenda as Markdown text."""
    t0 = _start(start)
    agenda = plan(minutes, lessons, profile, days)

    def at(offset: int) -> str:
        return (t0 + timedelta(minutes=offset)).strftime("%H:%M")

    lines: list[str] = []
    for d, day in enumerate(agenda.days, start=1):
        if len(agenda.days) > 1:
            lines += [f"**Day {d}**", ""]
        lines += ["| Time | Item |", "|---|---|"]
        for item in day:
            label = item.label.replace("|", "\\|")
            lines.append(f"| {at(item.start)}–{at(item.start + item.minutes)} | {label} |")
        lines.append("")
    lines += [f"- {note}" for note in agenda.notes]
    return "\n".join(lines)


def command(minutes: int, profile: str | None = None, days: int = 1, start: str | None = None) -> str:
    parts = ["python -m peaceops.workshop.agenda"]
    if profile:
        parts.append(f"--profile {profile}")
    parts.append(f"--minutes {minutes}")
    if days != 1:
        parts.append(f"--days {days}")
    if start:
        parts.append(f"--start {start}")
    return " ".join(parts)


BLOCK_RE = re.compile(r"(<!-- agenda (\d+)((?: [a-z]+=[\w:-]+)*) -->\n)(.*?)(<!-- /agenda -->)", re.S)


def update_blocks(text: str) -> str:
    """Fill every ``<!-- agenda N -->`` ... ``<!-- /agenda -->`` block of a Markdown text with the
    agenda for N minutes. Options after N: ``profile=seminar``, ``days=2``, ``start=HH:MM``."""
    def fill(match: re.Match) -> str:
        minutes = int(match.group(2))
        options = dict(pair.split("=", 1) for pair in match.group(3).split())
        unknown = set(options) - {"profile", "days", "start"}
        if unknown:
            raise ValueError(f"agenda block for {minutes} minutes: unknown option(s) {', '.join(sorted(unknown))}")
        days = int(options.get("days", 1))
        start = options.get("start")
        profile = options.get("profile")
        body = render(minutes, start or "09:00", profile=profile or DEFAULT_PROFILE, days=days)
        cmd = command(minutes, profile, days, start)
        return f"{match.group(1)}{body}\n\n*Generated by `{cmd}`; do not edit by hand.*\n{match.group(5)}"

    return BLOCK_RE.sub(fill, text)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m peaceops.workshop.agenda", description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=int, help="length of each day, breaks included (a multiple of 5)")
    parser.add_argument("--profile", choices=list(PROFILES), default=DEFAULT_PROFILE,
                        help=f"the audience, which sets the lessons' priority (default {DEFAULT_PROFILE})")
    parser.add_argument("--days", type=int, default=1, help="number of days (default 1); each opens with a launch")
    parser.add_argument("--update", type=Path, metavar="FILE",
                        help="refill the <!-- agenda N --> blocks of a Markdown file (the facilitator guide)")
    parser.add_argument("--start", default="09:00", help="start time of each day, HH:MM on a 5-minute mark "
                                                          "(default 09:00)")
    parser.add_argument("--lessons", help="comma-separated lesson numbers to choose from (default: all)")
    args = parser.parse_args(argv)
    if args.update:
        try:
            text = update_blocks(args.update.read_text(encoding="utf-8"))
        except ValueError as exc:
            parser.error(str(exc))
        args.update.write_text(text, encoding="utf-8")
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
        print(render(args.minutes, args.start, lessons, args.profile, args.days))
    except ValueError as exc:
        parser.error(str(exc))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
