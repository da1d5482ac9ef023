"""Self-checks and "compare your view" questions, read from one question bank.

Every question the lessons ask lives in ``data/question_bank.json``: plain data, reviewed like the
lessons, so that no prompt, option, answer or feedback text sits in a notebook cell. A lesson
shows one with a single short call::

    exercises.check("9.2")

Two kinds of item:

- ``choice``: a fact or a definition, with one right answer and feedback for every option
  ("Correct" / "Not quite");
- ``view``: a contested judgement. The learner commits to a view (and may write why), then sees
  the range of positions that experts and practitioners hold, each with its source. Nothing is
  marked right or wrong.

Each item records its lesson, the objective it checks, its type (``recall``, ``apply`` or
``judgement``) and, where it states a fact, its source.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import ipywidgets as widgets

from peaceops.data import DataError, data_dir

BANK = "question_bank.json"
TYPES = ("recall", "apply", "judgement")
KINDS = ("choice", "view")
ID = re.compile(r"^(\d{1,2})\.(\d{1,2})[a-z]?$")


@dataclass(frozen=True)
class Question:
    """A multiple-choice question with one right answer. ``feedback`` maps each option to its explanation."""

    prompt: str
    options: tuple[str, ...]
    answer: str
    feedback: dict[str, str]

    def __post_init__(self) -> None:
        if self.answer not in self.options:
            raise ValueError(f"The answer {self.answer!r} is not one of the options {self.options!r}.")
        missing = [o for o in self.options if o not in self.feedback]
        if missing:
            raise ValueError(f"Feedback is missing for option(s) {missing!r}.")

    def check(self, choice: str | None) -> tuple[bool | None, str]:
        """(correct?, explanation). ``None`` when nothing valid is chosen yet."""
        if choice is None or choice == "":
            return None, "Choose an answer first."
        if choice not in self.options:
            return None, f"{choice!r} is not one of the options."
        correct = choice == self.answer
        prefix = "Correct. " if correct else "Not quite. "
        return correct, prefix + self.feedback[choice]


@dataclass(frozen=True)
class Position:
    """One position on a contested question: who holds it, their argument, and the source."""

    view: str
    who: str
    argument: str
    source: str
    source_url: str


@dataclass(frozen=True)
class View:
    """A contested question: the learner's view is recorded, then compared with the positions held."""

    prompt: str
    options: tuple[str, ...]
    positions: tuple[Position, ...]
    note: str = ""

    def __post_init__(self) -> None:
        unknown = [p.view for p in self.positions if p.view not in self.options]
        if unknown:
            raise ValueError(f"Position(s) {unknown!r} are not among the options {self.options!r}.")
        if len(self.positions) < 2:
            raise ValueError("A contested question needs at least two positions, each with its source.")

    def compare(self, choice: str | None) -> tuple[bool, str]:
        """(recorded?, text): the positions, with the learner's own marked; nothing is right or wrong."""
        if choice is None or choice == "":
            return False, "Choose the view closest to yours first."
        if choice not in self.options:
            return False, f"{choice!r} is not one of the options."
        same = [p for p in self.positions if p.view == choice]
        lead = (f"You chose: {choice}. " + (f"{len(same)} of the positions below share your view. " if same
                                             else "None of the positions below is quite yours: say why. "))
        return True, lead + "There is no single right answer: compare your reasons with theirs."


@dataclass(frozen=True)
class Item:
    """One entry of the question bank."""

    id: str
    lesson: int
    objective: str
    type: str
    question: Question | View
    source: str = ""
    source_url: str = ""
    extra: dict = field(default_factory=dict)


def _problem(item_id: str, message: str) -> DataError:
    return DataError(f"{BANK}, item {item_id!r}: {message} Fix the item in data/{BANK} "
                     "(or restore the file with `git checkout data/`).")


def _item(raw: dict, lessons: set[int]) -> Item:
    item_id = str(raw.get("id", "?"))
    match = ID.match(item_id)
    if not match:
        raise _problem(item_id, "the id must look like '9.2' (lesson, then number).")
    lesson = raw.get("lesson")
    if lesson != int(match.group(1)):
        raise _problem(item_id, f"its lesson is {lesson!r}, but the id says lesson {int(match.group(1))}.")
    if lessons and lesson not in lessons:
        raise _problem(item_id, f"there is no lesson {lesson} in notebooks/.")
    for key in ("objective", "type", "kind", "prompt", "options"):
        if not raw.get(key):
            raise _problem(item_id, f"'{key}' is missing or empty.")
    if raw["type"] not in TYPES:
        raise _problem(item_id, f"type {raw['type']!r} is not one of {', '.join(TYPES)}.")
    options = tuple(raw["options"])
    if len(set(options)) != len(options) or len(options) < 2:
        raise _problem(item_id, "it needs at least two different options.")
    try:
        if raw["kind"] == "choice":
            question: Question | View = Question(raw["prompt"], options, raw.get("answer", ""),
                                                 dict(raw.get("feedback", {})))
        elif raw["kind"] == "view":
            positions = tuple(Position(**p) for p in raw.get("positions", []))
            for p in positions:
                if not (p.who and p.argument and p.source and p.source_url.startswith(("https://", "http://"))):
                    raise ValueError(f"the position {p.view!r} needs who, argument, source and source_url.")
            question = View(raw["prompt"], options, positions, raw.get("note", ""))
        else:
            raise _problem(item_id, f"kind {raw['kind']!r} is not one of {', '.join(KINDS)}.")
    except (TypeError, ValueError) as err:
        raise _problem(item_id, str(err)) from None
    if raw["kind"] == "view" and raw["type"] != "judgement":
        raise _problem(item_id, "a 'view' item is a contested judgement: its type must be 'judgement'.")
    return Item(item_id, lesson, raw["objective"], raw["type"], question, raw.get("source", ""),
                raw.get("source_url", ""))


def _lessons(folder: Path) -> set[int]:
    notebooks = folder.parent / "notebooks"
    return {int(p.name[:2]) for p in notebooks.glob("[0-9][0-9]_*.ipynb")} if notebooks.is_dir() else set()


@lru_cache(maxsize=4)
def _read(path: str, mtime: int) -> dict[str, Item]:
    file = Path(path)
    try:
        raw = json.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataError(f"{file}: the question bank is missing. Restore it with `git checkout data/{BANK}`.") from None
    except json.JSONDecodeError as err:
        raise DataError(f"{file}: not valid JSON (line {err.lineno}: {err.msg}). Restore it with "
                        f"`git checkout data/{BANK}`, or fix that line.") from None
    lessons = _lessons(file.parent)
    items: dict[str, Item] = {}
    for entry in raw.get("items", []):
        item = _item(entry, lessons)
        if item.id in items:
            raise _problem(item.id, "the id is used twice.")
        items[item.id] = item
    return items


def bank(folder: Path | None = None) -> dict[str, Item]:
    """Every item of the question bank, by id, validated (cached until the file changes)."""
    path = (folder or data_dir()) / BANK
    mtime = path.stat().st_mtime_ns if path.exists() else 0
    return _read(str(path), mtime)


def item(item_id: str, folder: Path | None = None) -> Item:
    """One item; an unknown id gives a message naming the ids the lesson has."""
    items = bank(folder)
    if item_id not in items:
        lesson = item_id.split(".")[0]
        known = sorted((i for i in items if i.split(".")[0] == lesson), key=_order)
        hint = f" Lesson {lesson} has: {', '.join(known)}." if known else ""
        raise DataError(f"There is no question {item_id!r} in data/{BANK}.{hint}")
    return items[item_id]


def _order(item_id: str) -> tuple[int, int, str]:
    m = ID.match(item_id)
    return (int(m.group(1)), int(m.group(2)), item_id) if m else (999, 999, item_id)


def _prompt_and_options(question: Question | View, label: str) -> tuple[widgets.HTML, widgets.RadioButtons]:
    """The bold prompt and the labelled radio buttons (nothing chosen yet) that both widgets show."""
    prompt = widgets.HTML(f"<b>{html.escape(question.prompt)}</b>")
    choice = widgets.RadioButtons(
        options=list(question.options), value=None, description=label,
        style={"description_width": "initial"}, layout=widgets.Layout(width="max-content"),
    )
    return prompt, choice


class SelfCheck:
    """A labelled set of radio buttons with a Check button and an immediate explanation."""

    def __init__(self, question: Question, label: str = "Your answer"):
        self.question = question
        self.prompt, self.choice = _prompt_and_options(question, label)
        self.button = widgets.Button(description="Check", button_style="primary", tooltip="Check your answer")
        self.feedback = widgets.HTML()
        self.button.on_click(lambda _b: self.check())
        self.widget = widgets.VBox([self.prompt, self.choice, self.button, self.feedback])

    def check(self, choice: str | None = None) -> bool | None:
        if choice is not None:
            self.choice.value = choice
        correct, text = self.question.check(self.choice.value)
        colour = {True: "#006d2c", False: "#a00000", None: "#8a4b00"}[correct]
        self.feedback.value = f'<div role="status" style="color:{colour}">{html.escape(text)}</div>'
        return correct

    def handout_html(self) -> str:
        """The question for a kernel-less handout: the options, and the answer folded away."""
        options = "".join(f"<li>{html.escape(o)}</li>" for o in self.question.options)
        _, explanation = self.question.check(self.question.answer)
        return (f"<div><b>{html.escape(self.question.prompt)}</b><ul>{options}</ul>"
                f"<details><summary>Answer</summary><p>{html.escape(explanation)}</p></details></div>")

    def _ipython_display_(self) -> None:
        _show(self)


def _positions_html(view: View, chosen: str | None = None) -> str:
    rows = []
    for p in view.positions:
        mine = ' style="background:#fff3cd"' if p.view == chosen else ""
        rows.append(
            f"<li{mine}><b>{html.escape(p.view)}</b>: {html.escape(p.who)}. {html.escape(p.argument)} "
            f'<small>(<a href="{html.escape(p.source_url)}" target="_blank" rel="noopener">'
            f"{html.escape(p.source)}</a>)</small></li>"
        )
    note = f"<p>{html.escape(view.note)}</p>" if view.note else ""
    return f"<ul>{''.join(rows)}</ul>{note}"


class CompareViews:
    """Commit to a view, write why, then see the positions held, with their sources. Not marked."""

    def __init__(self, view: View, label: str = "Your view"):
        self.view = view
        self.prompt, self.choice = _prompt_and_options(view, label)
        self.reason = widgets.Textarea(
            placeholder="In one or two sentences: why? What evidence would change your mind?",
            description="Your reasons", style={"description_width": "initial"},
            layout=widgets.Layout(width="95%", height="4em"),
        )
        self.button = widgets.Button(description="Compare my view", button_style="primary",
                                     tooltip="See the positions experts and practitioners hold")
        self.result = widgets.HTML()
        self.button.on_click(lambda _b: self.compare())
        self.widget = widgets.VBox([self.prompt, self.choice, self.reason, self.button, self.result])

    def compare(self, choice: str | None = None) -> bool:
        if choice is not None:
            self.choice.value = choice
        recorded, text = self.view.compare(self.choice.value)
        body = _positions_html(self.view, self.choice.value) if recorded else ""
        colour = "#1f3b63" if recorded else "#8a4b00"
        self.result.value = f'<div role="status" style="color:{colour}">{html.escape(text)}</div>{body}'
        return recorded

    def handout_html(self) -> str:
        options = "".join(f"<li>{html.escape(o)}</li>" for o in self.view.options)
        return (f"<div><b>{html.escape(self.view.prompt)}</b><ul>{options}</ul><p>Write down your view and "
                "why, then open the positions.</p><details><summary>Positions held, with sources</summary>"
                f"{_positions_html(self.view)}</details></div>")

    def _ipython_display_(self) -> None:
        _show(self)


def _show(widget: SelfCheck | CompareViews) -> None:
    from IPython.display import HTML, display

    from peaceops.charts import handout_mode

    display(HTML(widget.handout_html()) if handout_mode() else widget.widget)


def check(item_id: str) -> SelfCheck | CompareViews:
    """The widget for question ``item_id`` of the bank: a self-check for facts, a compare-your-view
    for contested judgements. A bad id or a damaged bank gives one short message, not a traceback."""
    entry = item(item_id)
    if isinstance(entry.question, View):
        return CompareViews(entry.question)
    return SelfCheck(entry.question)
