"""The scenario file, ``data/simulation.json``: read, validated, and turned into plain objects.

The file is the single source of truth of the simulation: the briefs, the public briefing, the
outcome form, the scoring tables and the checks are all generated from it. A damaged file gives a
:class:`peaceops.data.DataError` of one or two lines that names the entry at fault and the fix.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from peaceops.data import DataError, data_dir

FILE = "simulation.json"
SPOILER_TYPES = ("limited", "greedy", "total")
STRATEGIES = ("none", "inducement", "socialisation", "coercion")


@dataclass(frozen=True)
class Option:
    id: str
    name: str


@dataclass(frozen=True)
class Issue:
    id: str
    name: str
    label: str  # the name inside a sentence ("power sharing", "DDR")
    question: str
    pax: tuple[str, ...]
    options: tuple[Option, ...]

    def option(self, option_id: str) -> Option:
        return next(o for o in self.options if o.id == option_id)

    def index(self, option_id: str) -> int:
        return [o.id for o in self.options].index(option_id)


@dataclass(frozen=True)
class Party:
    id: str
    name: str
    short: str
    votes: bool
    required: bool
    position: str
    background: str
    batna: int | None  # None for the spoiler (its type sets it) and for the mediators
    hurt: int  # how far its minimum falls each round of a hurting stalemate
    scores: dict[str, dict[str, int]] | None
    spoiler: bool = False
    outside: bool = False

    def points(self, issue: str, option: str) -> int:
        return self.scores[issue][option] if self.scores else 0

    def priorities(self, issues: tuple[Issue, ...]) -> list[tuple[Issue, int]]:
        """Issues by how much they can matter to this party (best minus worst option), largest first."""
        spread = [(i, max(self.scores[i.id].values()) - min(self.scores[i.id].values())) for i in issues]
        return sorted(spread, key=lambda pair: (-pair[1], [x.id for x in issues].index(pair[0].id)))

    def best(self, issue: Issue) -> Option:
        table = self.scores[issue.id]
        return max(issue.options, key=lambda o: table[o.id])


@dataclass(frozen=True)
class Strategy:
    id: str
    name: str
    text: str
    cost_text: str
    rounds: int = 0
    bonus: dict[str, int] = field(default_factory=dict)  # spoiler type -> points added to every package
    batna_change: dict[str, int] = field(default_factory=dict)  # spoiler type -> change of its minimum
    costs: dict[str, int] = field(default_factory=dict)  # party -> points lost on every package
    trust: dict[str, int] = field(default_factory=dict)  # party -> change of its trust
    departing_train: dict[str, bool] = field(default_factory=dict)  # spoiler type -> talks go on without it


@dataclass(frozen=True)
class Event:
    id: str
    name: str
    text: str
    batna: dict[str, int] = field(default_factory=dict)
    trust: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True, eq=False)  # hashed by identity: one object per reading of the file
class Scenario:
    title: str
    country: str
    about: str
    setting: tuple[str, ...]
    echoes: tuple[dict, ...]
    issues: tuple[Issue, ...]
    parties: tuple[Party, ...]
    rule: dict
    rounds: int
    spoiler_party: str
    spoiler_types: dict[str, dict]
    strategies: dict[str, Strategy]
    trust: dict
    solo: dict
    track2: dict
    events: tuple[Event, ...]
    outlook: dict
    survey: dict

    @property
    def voters(self) -> tuple[Party, ...]:
        return tuple(p for p in self.parties if p.votes)

    def party(self, party_id: str) -> Party:
        for p in self.parties:
            if p.id == party_id:
                return p
        raise KeyError(party_id)

    def issue(self, issue_id: str) -> Issue:
        for i in self.issues:
            if i.id == issue_id:
                return i
        raise KeyError(issue_id)

    @property
    def size(self) -> int:
        """How many packages there are: the product of the options per issue."""
        n = 1
        for i in self.issues:
            n *= len(i.options)
        return n


def _fail(where: str, problem: str) -> DataError:
    return DataError(f"{FILE}, {where}: {problem} Fix it in data/{FILE} (or restore the file with "
                     f"`git checkout data/{FILE}`).")


def _need(raw: dict, key: str, where: str):
    if key not in raw or raw[key] in ("", [], {}):
        raise _fail(where, f"'{key}' is missing or empty.")
    return raw[key]


def parse(raw: dict) -> Scenario:
    """A :class:`Scenario` from the file's JSON, checked entry by entry."""
    if raw.get("fictional") is not True:
        raise _fail("the top", "'fictional' must be true: the scenario must never pass for a real country.")
    issues = []
    for n, item in enumerate(_need(raw, "issues", "the top")):
        where = f"issue {item.get('id', n)!r}"
        options = tuple(Option(_need(o, "id", where), _need(o, "name", where)) for o in _need(item, "options", where))
        if not 2 <= len(options) <= 4:
            raise _fail(where, f"it has {len(options)} options; give it 2 to 4.")
        if len({o.id for o in options}) != len(options):
            raise _fail(where, "two options share an id.")
        issues.append(Issue(_need(item, "id", where), _need(item, "name", where), _need(item, "label", where),
                            _need(item, "question", where),
                            tuple(_need(item, "pax", where)), options))
    if len({i.id for i in issues}) != len(issues):
        raise _fail("issues", "two issues share an id.")
    parties = []
    for n, item in enumerate(_need(raw, "parties", "the top")):
        where = f"party {item.get('id', n)!r}"
        scores = item.get("scores")
        if item.get("votes"):
            if not isinstance(scores, dict):
                raise _fail(where, "a voting party needs a 'scores' table.")
            for issue in issues:
                table = scores.get(issue.id)
                if not isinstance(table, dict):
                    raise _fail(where, f"it gives no points for the issue {issue.id!r}.")
                missing = [o.id for o in issue.options if o.id not in table]
                unknown = sorted(set(table) - {o.id for o in issue.options})
                if missing:
                    raise _fail(where, f"on {issue.id!r} it scores no points for {', '.join(missing)}.")
                if unknown:
                    raise _fail(where, f"on {issue.id!r} it scores an option that does not exist: "
                                       f"{', '.join(unknown)}.")
                if not all(isinstance(v, int) and v >= 0 for v in table.values()):
                    raise _fail(where, f"on {issue.id!r} every score must be a whole number, 0 or more.")
            unknown = sorted(set(scores) - {i.id for i in issues})
            if unknown:
                raise _fail(where, f"it scores issues that do not exist: {', '.join(unknown)}.")
            best = sum(max(t.values()) for t in scores.values())
            if best != 100:
                raise _fail(where, f"its best package is worth {best} points; the tables are scaled to 100.")
            if item.get("batna") is None and not item.get("spoiler"):
                raise _fail(where, "a voting party needs a 'batna' (the minimum total it accepts).")
        parties.append(Party(_need(item, "id", where), _need(item, "name", where), _need(item, "short", where),
                             bool(item.get("votes")), bool(item.get("required")), _need(item, "position", where),
                             _need(item, "background", where), item.get("batna"), int(item.get("hurt", 0)),
                             scores if item.get("votes") else None, bool(item.get("spoiler")),
                             bool(item.get("outside"))))
    ids = [p.id for p in parties]
    if len(set(ids)) != len(ids):
        raise _fail("parties", "two parties share an id.")
    rule = _need(raw, "rule", "the top")
    voting = {p.id for p in parties if p.votes}
    for pid in [*rule.get("required", []), *rule.get("others", [])]:
        if pid not in voting:
            raise _fail("rule", f"{pid!r} is not a voting party.")
    if not 0 <= int(rule.get("at_least", -1)) <= len(rule.get("others", [])):
        raise _fail("rule", "'at_least' must be between 0 and the number of 'others'.")
    spoiler = _need(raw, "spoiler", "the top")
    if spoiler.get("party") not in voting:
        raise _fail("spoiler", f"its party {spoiler.get('party')!r} is not a voting party.")
    types = _need(spoiler, "types", "spoiler")
    if tuple(types) != SPOILER_TYPES:
        raise _fail("spoiler", f"its types must be {', '.join(SPOILER_TYPES)}, in that order.")
    strategies = {}
    for sid, item in _need(spoiler, "strategies", "spoiler").items():
        where = f"spoiler strategy {sid!r}"
        for pid in [*item.get("costs", {}), *item.get("trust", {})]:
            if pid not in voting:
                raise _fail(where, f"it names {pid!r}, which is not a voting party.")
        strategies[sid] = Strategy(sid, _need(item, "name", where), _need(item, "text", where),
                                   item.get("cost_text", ""), int(item.get("rounds", 0)), dict(item.get("bonus", {})),
                                   dict(item.get("batna_change", {})), dict(item.get("costs", {})),
                                   dict(item.get("trust", {})), dict(item.get("departing_train", {})))
    if tuple(strategies) != STRATEGIES:
        raise _fail("spoiler", f"its strategies must be {', '.join(STRATEGIES)}, in that order.")
    events = []
    for item in _need(raw, "events", "the top"):
        where = f"event {item.get('id', '?')!r}"
        for pid in [*item.get("batna", {}), *item.get("trust", {})]:
            if pid not in voting:
                raise _fail(where, f"it names {pid!r}, which is not a voting party.")
        events.append(Event(_need(item, "id", where), _need(item, "name", where), _need(item, "text", where),
                            dict(item.get("batna", {})), dict(item.get("trust", {}))))
    outlook = _need(raw, "outlook", "the top")
    for factor in _need(outlook, "factors", "outlook"):
        where = f"outlook factor {factor.get('id', '?')!r}"
        if factor.get("test") == "accepts":
            if factor.get("party") not in voting:
                raise _fail(where, f"it names {factor.get('party')!r}, which is not a voting party.")
        elif factor.get("test") == "option":
            issue = next((i for i in issues if i.id == factor.get("issue")), None)
            if issue is None:
                raise _fail(where, f"it names the issue {factor.get('issue')!r}, which does not exist.")
            unknown = sorted(set(factor.get("options", [])) - {o.id for o in issue.options}) or (
                [] if factor.get("options") else ["(none given)"])
            if unknown:
                raise _fail(where, f"it names options of {issue.id!r} that do not exist: "
                                   f"{', '.join(map(repr, unknown))}.")
        else:
            raise _fail(where, "its 'test' must be 'accepts' or 'option'.")
    return Scenario(
        title=_need(raw, "title", "the top"), country=_need(raw, "country", "the top"), about=raw.get("about", ""),
        setting=tuple(_need(raw, "setting", "the top")), echoes=tuple(raw.get("echoes", [])), issues=tuple(issues),
        parties=tuple(parties), rule=rule, rounds=int(_need(raw, "rounds", "the top")["count"]),
        spoiler_party=spoiler["party"], spoiler_types=types, strategies=strategies,
        trust=_need(raw, "trust", "the top"), solo=_need(raw, "solo", "the top"),
        track2=_need(raw, "track2", "the top"), events=tuple(events), outlook=outlook,
        survey=raw.get("survey", {}),
    )


@lru_cache(maxsize=4)
def _read(path: str, mtime: int) -> Scenario:
    file = Path(path)
    try:
        raw = json.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise DataError(f"{FILE} is missing from {file.parent.name}/. Restore it with "
                        f"`git checkout data/{FILE}`.") from None
    except json.JSONDecodeError as err:
        raise DataError(f"{FILE}: not valid JSON (line {err.lineno}: {err.msg}). Fix that line, or restore "
                        f"the file with `git checkout data/{FILE}`.") from None
    if not isinstance(raw, dict):
        raise _fail("the top", "the file must hold one JSON object.")
    return parse(raw)


def load(folder: Path | None = None) -> Scenario:
    """The scenario, validated (cached until the file changes)."""
    path = (folder or data_dir()) / FILE
    mtime = path.stat().st_mtime_ns if path.exists() else 0
    return _read(str(path), mtime)
