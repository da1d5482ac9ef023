"""The game itself, without widgets: solo play against computer-played parties, and the room's record.

:class:`SoloGame` is deterministic given its seed. The seed draws the spoiler's hidden type, a
small hidden adjustment to each party's minimum (``solo.noise`` points either way) and the order
of the events, so a facilitator who gives a group the same seed gives everyone the same game.
:class:`RoomGame` records what a room decides (the package on the table, the votes, the events
the facilitator draws) and compares it with the computation.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field, replace

import numpy as np

from peaceops.simulation.model import Conditions, DealSpace
from peaceops.simulation.scenario import SPOILER_TYPES, Scenario


class GameOver(ValueError):
    """An action after the game has ended (an agreement, or no rounds left)."""


class NotAllowed(ValueError):
    """An action the rules do not allow now; the message says why and what to do instead."""


@dataclass
class Vote:
    """One round's vote on a package."""

    round: int
    package: int
    accepts: dict[str, bool]
    reasons: dict[str, str]
    agreed: bool
    event: str = ""
    margins: dict[str, int] = field(default_factory=dict)  # points above (or below) each minimum, at the vote


@dataclass
class Record:
    """What happened in one round: a vote, or an action that used the round up."""

    round: int
    kind: str  # "vote", "back channel", "socialisation"
    text: str
    vote: Vote | None = None


def draw_events(scenario: Scenario, seed: int) -> list:
    """The order in which events arrive, from round 1 on (the same for the same seed)."""
    rng = random.Random(f"events-{seed}")
    deck = list(scenario.events)
    rng.shuffle(deck)
    return deck


class _Base:
    def __init__(self, scenario: Scenario, space: DealSpace, seed: int, spoiler_type: str | None = None):
        self.scenario = scenario
        self.space = space
        self.seed = int(seed)
        rng = random.Random(f"game-{self.seed}")
        self.spoiler_type = spoiler_type or rng.choice(SPOILER_TYPES)
        self.cond = Conditions(spoiler_type=self.spoiler_type,
                               trust={p.id: scenario.trust["start"] for p in scenario.voters})
        self.events = draw_events(scenario, self.seed)
        self.events_seen: list = []
        self.history: list[Record] = []
        self.strategy_used: str | None = None
        self.agreement: int | None = None
        self.breaches: list[tuple[str, str]] = []

    @property
    def round(self) -> int:
        return self.cond.round

    @property
    def rounds(self) -> int:
        return self.scenario.solo["rounds"]

    @property
    def over(self) -> bool:
        return self.agreement is not None or self.round >= self.rounds

    def _check_open(self) -> None:
        if self.agreement is not None:
            raise GameOver("The parties have agreed: the talks are over. Read the debrief, or start a new game.")
        if self.round >= self.rounds:
            raise GameOver(f"All {self.rounds} rounds are used up. Read the debrief, or start a new game.")

    def _shift(self, changes: dict[str, int], key: str) -> None:
        current = dict(getattr(self.cond, key))
        for pid, delta in changes.items():
            if key == "trust":
                current[pid] = max(0, min(100, current.get(pid, self.scenario.trust["start"]) + delta))
            else:
                current[pid] = current.get(pid, 0) + delta
        self.cond = replace(self.cond, **{key: current})

    def apply_event(self, event) -> None:
        self._shift(event.batna, "batna_shift")
        self._shift(event.trust, "trust")
        self.events_seen.append(event)

    def next_round(self) -> object | None:
        """Close the round. The next one opens with the next event drawn; returns it (None at the end)."""
        self.cond = self.cond.at(self.round + 1)
        if self.round < self.rounds:
            event = self.events[(self.round - 1) % len(self.events)]
            self.apply_event(event)
            return event
        return None

    def use_strategy(self, strategy: str) -> str:
        """Apply a spoiler strategy (once per game). Returns what happened, in words."""
        self._check_open()
        if strategy not in self.scenario.strategies or strategy == "none":
            raise NotAllowed(f"Choose one of: {', '.join(s for s in self.scenario.strategies if s != 'none')}.")
        if self.strategy_used:
            raise NotAllowed(f"You have already used {self.strategy_used}: one spoiler strategy per game.")
        chosen = self.scenario.strategies[strategy]
        self.strategy_used = strategy
        self.cond = replace(self.cond, strategy=strategy)
        self._shift(chosen.trust, "trust")
        text = f"{chosen.name}: {chosen.text} {chosen.cost_text}"
        if chosen.rounds:
            self.history.append(Record(self.round, strategy, text))
            self.next_round()
        return text

    def vote(self, index: int, votes: dict[str, bool] | None = None) -> Vote:
        """The vote on package ``index`` this round: computed from the tables, or (in the room) as
        the room voted, with the computed answer kept beside it."""
        acc = self.space.accepts(self.cond)[index]
        computed = {pid: bool(a) for pid, a in zip(self.space.ids, acc, strict=True)}
        chosen = computed if votes is None else {pid: bool(votes.get(pid, False)) for pid in self.space.ids}
        agreed = bool(self.space.agreed(np.array([chosen[p] for p in self.space.ids]))[0])
        reasons = {pid: self.reason(pid, index) for pid, ok in chosen.items() if not ok}
        margin = self.space.scores(self.cond)[index] - self.space.minimums(self.cond)
        margins = {pid: int(m) for pid, m in zip(self.space.ids, margin, strict=True)}
        return Vote(self.round, index, chosen, reasons, agreed, self.events_seen[-1].name if self.events_seen else "",
                    margins)

    def reason(self, party_id: str, index: int) -> str:
        """Why a party rejects a package, in words drawn from its priorities and its trust."""
        party = self.scenario.party(party_id)
        trust = self.space.trust(self.cond)[self.space.ids.index(party_id)]
        if trust < self.scenario.trust["walkout_below"]:
            return f"{party.short}: rejects. It no longer trusts the mediators and turns down whatever they propose."
        package = self.space.package(index)
        # the issue on which this package costs the party most against its own best option
        losses = []
        for issue in self.scenario.issues:
            table = party.scores[issue.id]
            losses.append((max(table.values()) - table[package[issue.id]], issue))
        loss, issue = max(losses, key=lambda pair: pair[0])
        option = issue.option(package[issue.id])
        return f"{party.short}: rejects. On {issue.label}, \u201c{option.name}\u201d is far from its demands."


class SoloGame(_Base):
    """The learner as mediator against computer-played parties with hidden tables."""

    def __init__(self, scenario: Scenario, space: DealSpace, seed: int = 1, spoiler_type: str | None = None):
        super().__init__(scenario, space, seed, spoiler_type)
        rng = random.Random(f"noise-{self.seed}")
        noise = int(scenario.solo.get("noise", 0))
        self._shift({p.id: rng.randint(-noise, noise) for p in scenario.voters}, "batna_shift")
        self.questions_left = int(scenario.solo["caucus_questions"])
        self.asked: dict[str, int] = {}
        self.learned: list[str] = []
        self.transcript: list[str] = [f"Round 0 opens. Seed {self.seed}."]

    def propose(self, package: dict[str, str] | int) -> Vote:
        """Put a package to the vote. The round closes; if the parties agree, the game ends."""
        self._check_open()
        index = package if isinstance(package, int) else self.space.index(package)
        vote = self.vote(index)
        yes = [self.scenario.party(p).short for p, ok in vote.accepts.items() if ok]
        no = [self.scenario.party(p).short for p, ok in vote.accepts.items() if not ok]
        line = (f"Round {self.round}: proposal voted. Accept: {', '.join(yes) or 'nobody'}. "
                f"Reject: {', '.join(no) or 'nobody'}.")
        self.history.append(Record(self.round, "vote", line, vote))
        self.transcript.append(line)
        self.transcript.extend(f"  {r}" for r in vote.reasons.values())
        if vote.agreed:
            self.agreement = index
            self.transcript.append(f"Agreement in round {self.round}: the rule is met.")
        else:
            event = self.next_round()
            if event is not None:
                self.transcript.append(f"Round {self.round} opens. Event: {event.name}. {event.text}")
            else:
                self.transcript.append("No rounds left: the talks end without an agreement.")
        return vote

    def ask(self, party_id: str) -> str:
        """A caucus question: the party tells the mediators its next two priorities, and the option it
        wants on each. Does not use up a round, but the questions are limited."""
        self._check_open()
        party = self.scenario.party(party_id)
        if not party.votes:
            raise NotAllowed("Ask one of the voting parties.")
        if party.outside:
            raise NotAllowed(f"{party.short} refuse to meet the mediators: they are outside the talks. "
                             "Try the track-2 back channel.")
        if self.questions_left <= 0:
            raise NotAllowed("You have no caucus questions left.")
        trust = self.space.trust(self.cond)[self.space.ids.index(party_id)]
        if trust < self.scenario.trust["caucus_below"]:
            raise NotAllowed(f"{party.short} will not speak in confidence to mediators it no longer trusts "
                             f"(trust {trust} of 100).")
        self.questions_left -= 1
        text = self._priorities(party_id)
        self.transcript.append(f"Caucus with {party.short}: {text}")
        return text

    def _priorities(self, party_id: str) -> str:
        party = self.scenario.party(party_id)
        ranked = party.priorities(self.scenario.issues)
        start = self.asked.get(party_id, 0)
        if start >= len(ranked):
            return f"{party.short} has nothing to add: you have heard all its priorities."
        chunk = ranked[start:start + 2]
        self.asked[party_id] = start + len(chunk)
        said = "; ".join(
            f"priority {start + n + 1} is {issue.label} (it wants \u201c{party.best(issue).name}\u201d)"
            for n, (issue, _spread) in enumerate(chunk))
        self.learned.append(f"{party.short}: {said}")
        return said + "."

    def back_channel(self) -> str:
        """Track 2: elders who still talk to the spoiler report its top priorities and how it talks
        about its goals. Uses up a round."""
        self._check_open()
        spoiler = self.scenario.spoiler_party
        said = self._priorities(spoiler)
        hint = self.scenario.spoiler_types[self.spoiler_type]["hint"]
        text = f"Back channel to {self.scenario.party(spoiler).short}: {said} {hint}"
        self.transcript.append(f"Round {self.round}: {text}")
        self.history.append(Record(self.round, "back channel", text))
        event = self.next_round()
        if event is not None:
            self.transcript.append(f"Round {self.round} opens. Event: {event.name}. {event.text}")
        return text

    def use_strategy(self, strategy: str) -> str:
        round_, seen = self.round, len(self.events_seen)
        text = super().use_strategy(strategy)
        self.transcript.append(f"Round {round_}: spoiler strategy. {text}")
        if len(self.events_seen) > seen:
            event = self.events_seen[-1]
            self.transcript.append(f"Round {self.round} opens. Event: {event.name}. {event.text}")
        elif self.round >= self.rounds:
            self.transcript.append("No rounds left: the talks end without an agreement.")
        return text

    def disclose(self, about: str, to: str) -> str:
        """Pass ``about``'s confidential priorities to ``to``: the tempting shortcut. ``to`` lowers
        its minimum a little; ``about`` loses much trust in the mediators, every other party some."""
        self._check_open()
        if about in self.space.ids and about not in self.asked:
            party = self.scenario.party(about).short
            raise NotAllowed(f"{party} has told you nothing in confidence yet: ask it in caucus first.")
        text = _breach(self, about, to)
        self.transcript.append(f"Round {self.round}: {text}")
        return text

    def trust_levels(self) -> dict[str, int]:
        return {pid: int(t) for pid, t in zip(self.space.ids, self.space.trust(self.cond), strict=True)}

    def votes(self) -> list[Vote]:
        return [r.vote for r in self.history if r.vote is not None]


def _breach(game: _Base, about: str, to: str) -> str:
    """A breach of confidence: ``to`` lowers its minimum a little; ``about`` loses much trust in the
    mediators, every other party some."""
    if about == to:
        raise NotAllowed("Choose two different parties.")
    for pid in (about, to):
        if pid not in game.space.ids:
            raise NotAllowed("Choose two voting parties.")
    rules = game.scenario.trust["breach"]
    game._shift({pid: (rules["victim"] if pid == about else rules["others"]) for pid in game.space.ids}, "trust")
    game._shift({to: -int(game.scenario.trust["breach_gain"])}, "batna_shift")
    game.breaches.append((about, to))
    a, b = game.scenario.party(about).short, game.scenario.party(to).short
    return (f"The mediators told {b} what {a} said in confidence. {b} is pleased; {a} will find out. "
            f"Trust: {a} {rules['victim']:+d}, everyone else {rules['others']:+d}.")


@dataclass
class RoomRound(Vote):
    """A round in the room: the room's votes (``accepts``) beside what the tables say."""

    computed: dict[str, bool] = field(default_factory=dict)


class RoomGame(_Base):
    """The facilitator's record of a game played in the room: packages, votes and events."""

    def __init__(self, scenario: Scenario, space: DealSpace, seed: int = 1, spoiler_type: str | None = None):
        super().__init__(scenario, space, seed, spoiler_type)
        self.rounds_played: list[RoomRound] = []
        self.drawn: set[int] = set()

    @property
    def rounds(self) -> int:
        return self.scenario.rounds

    def draw_event(self):
        """The round's event (once per round, from round 1; the same order for the same seed)."""
        self._check_open()
        if self.round == 0:
            raise NotAllowed("Round 0 has no event: events start with round 1.")
        if self.round in self.drawn:
            raise NotAllowed(f"Round {self.round}'s event is already drawn: {self.events_seen[-1].name}.")
        event = self.events[(self.round - 1) % len(self.events)]
        self.apply_event(event)
        self.drawn.add(self.round)
        return event

    def next_round(self):
        # in the room the facilitator draws each event when the round begins
        self.cond = self.cond.at(self.round + 1)
        return None

    def back_channel(self) -> str:
        """The room's mediators used the track-2 back channel: the round closes without a vote."""
        self._check_open()
        text = f"Round {self.round}: the mediators used the back channel; no vote this round."
        self.history.append(Record(self.round, "back channel", text))
        self.next_round()
        return text

    def breach(self, about: str, to: str) -> str:
        """The room's mediators passed ``about``'s confidence to ``to``: the same effects as in solo play."""
        self._check_open()
        return _breach(self, about, to)

    def record(self, package: dict[str, str] | int, votes: dict[str, bool]) -> RoomRound:
        """Record the room's package and votes for this round, and close the round."""
        self._check_open()
        if self.round >= 1 and self.round not in self.drawn:
            raise NotAllowed(f"Draw round {self.round}'s event first: it changes the numbers the vote is checked "
                             "against.")
        index = package if isinstance(package, int) else self.space.index(package)
        vote = self.vote(index, votes)
        computed = {pid: bool(a) for pid, a in zip(self.space.ids, self.space.accepts(self.cond)[index], strict=True)}
        entry = RoomRound(self.round, index, vote.accepts, vote.reasons, vote.agreed,
                          self.events_seen[-1].name if self.round in self.drawn else "", vote.margins, computed)
        self.rounds_played.append(entry)
        if vote.agreed:
            self.agreement = index
        else:
            self.next_round()
        return entry
