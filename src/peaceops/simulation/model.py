"""The deal space: every package of the scenario, scored for every party, by brute force.

A *package* picks one option on every issue. The scenario has few enough of them (the product
of the options per issue, 1,728 here) that everything is computed for all packages at once:

- each voting party's score for every package, and whether it accepts (score at least its
  minimum, the BATNA, and trust in the mediators above the walk-out line);
- the packages that meet the agreement rule (the zone of possible agreement, "feasible");
- the Pareto-efficient packages: none other gives every voting party at least as much and one more;
- how the feasible set changes with the round (ripeness) and the spoiler strategy.

Every number these functions use comes from the scenario file; the modelling choices (a minimum
that falls by a fixed step each round, strategy effects as fixed points) are teaching
assumptions, stated in the lesson and in the briefs.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field, replace
from functools import cached_property

import numpy as np

from peaceops.simulation.scenario import SPOILER_TYPES, STRATEGIES, Scenario


@dataclass(frozen=True)
class Conditions:
    """What changes the numbers: the round, the spoiler's type and the strategy used on it,
    events and breaches of confidence (as changes of minimums and trust)."""

    round: int = 0
    spoiler_type: str = "greedy"
    strategy: str = "none"
    batna_shift: dict[str, int] = field(default_factory=dict)  # party -> points added to its minimum
    trust: dict[str, int] = field(default_factory=dict)  # party -> trust in the mediators (start if absent)

    def at(self, round_: int) -> Conditions:
        return replace(self, round=round_)


class DealSpace:
    """All packages of a scenario with their scores; computations for given :class:`Conditions`."""

    def __init__(self, scenario: Scenario):
        self.scenario = scenario
        self.issues = scenario.issues
        self.voters = scenario.voters
        self.ids = [p.id for p in self.voters]
        ranges = [range(len(i.options)) for i in self.issues]
        self.packages = np.array(list(itertools.product(*ranges)), dtype=np.int8)
        self.base = np.zeros((len(self.packages), len(self.voters)), dtype=np.int16)
        for j, party in enumerate(self.voters):
            for k, issue in enumerate(self.issues):
                row = np.array([party.points(issue.id, o.id) for o in issue.options], dtype=np.int16)
                self.base[:, j] += row[self.packages[:, k]]
        self._strides = np.cumprod([1] + [len(i.options) for i in self.issues][::-1])[:-1][::-1]
        self._spoiler = self.ids.index(scenario.spoiler_party)

    # --- packages -------------------------------------------------------------------------
    def index(self, package: dict[str, str]) -> int:
        """The row of a package given as {issue id: option id}."""
        try:
            picks = [issue.index(package[issue.id]) for issue in self.issues]
        except KeyError as err:
            raise ValueError(f"the package has no option for the issue {err.args[0]!r}") from None
        except ValueError:
            raise ValueError("the package names an option that does not exist") from None
        return int(np.dot(picks, self._strides))

    def package(self, index: int) -> dict[str, str]:
        return {issue.id: issue.options[int(k)].id for issue, k in zip(self.issues, self.packages[index], strict=True)}

    def describe(self, index: int) -> list[tuple[str, str]]:
        """(issue name, option name) for each issue of a package."""
        return [(issue.name, issue.options[int(k)].name) for issue, k in zip(self.issues, self.packages[index],
                                                                             strict=True)]

    # --- numbers under conditions -----------------------------------------------------------
    def trust(self, cond: Conditions) -> np.ndarray:
        start = self.scenario.trust["start"]
        return np.array([cond.trust.get(pid, start) for pid in self.ids])

    def minimums(self, cond: Conditions) -> np.ndarray:
        """Each voting party's minimum (BATNA) in the conditions' round: its starting minimum, less
        its hurt for each round of stalemate, plus events, breaches and the spoiler strategy."""
        strategy = self.scenario.strategies[cond.strategy]
        out = []
        for party in self.voters:
            start = party.batna if party.batna is not None else self.scenario.spoiler_types[cond.spoiler_type]["batna"]
            value = start - party.hurt * cond.round + cond.batna_shift.get(party.id, 0)
            if party.id == self.scenario.spoiler_party:
                value += strategy.batna_change.get(cond.spoiler_type, 0)
            out.append(max(value, 0))
        return np.array(out)

    def scores(self, cond: Conditions) -> np.ndarray:
        """Every package's score for every voting party, after the spoiler strategy's bonus and costs."""
        strategy = self.scenario.strategies[cond.strategy]
        shift = np.zeros(len(self.voters), dtype=np.int16)
        shift[self._spoiler] += strategy.bonus.get(cond.spoiler_type, 0)
        for pid, cost in strategy.costs.items():
            shift[self.ids.index(pid)] -= cost
        return self.base + shift

    def accepts(self, cond: Conditions) -> np.ndarray:
        """Packages x voting parties: True where the party accepts."""
        willing = self.trust(cond) >= self.scenario.trust["walkout_below"]
        return (self.scores(cond) >= self.minimums(cond)) & willing

    def agreed(self, accepts: np.ndarray) -> np.ndarray:
        """Which rows of an acceptance matrix meet the agreement rule."""
        rule = self.scenario.rule
        accepts = np.atleast_2d(accepts)
        required = accepts[:, [self.ids.index(p) for p in rule["required"]]].all(axis=1)
        others = accepts[:, [self.ids.index(p) for p in rule["others"]]].sum(axis=1)
        return required & (others >= rule["at_least"])

    def feasible(self, cond: Conditions) -> np.ndarray:
        """The zone of possible agreement: packages that meet the agreement rule."""
        return self.agreed(self.accepts(cond))

    def all_accept(self, cond: Conditions) -> np.ndarray:
        return self.accepts(cond).all(axis=1)

    def counts(self, spoiler_type: str, strategy: str, rounds: int | None = None,
               every: bool = False) -> list[int]:
        """Feasible packages (or, with ``every``, packages all voting parties accept) in each round."""
        cond = Conditions(spoiler_type=spoiler_type, strategy=strategy)
        n = rounds or self.scenario.rounds
        pick = self.all_accept if every else self.feasible
        return [int(pick(cond.at(r)).sum()) for r in range(n)]

    def table(self, every: bool = False) -> dict[tuple[str, str], list[int]]:
        """Counts per round for every spoiler type and strategy."""
        return {(t, s): self.counts(t, s, every=every) for t in SPOILER_TYPES for s in STRATEGIES}

    # --- efficiency -------------------------------------------------------------------------
    @cached_property
    def pareto(self) -> np.ndarray:
        """Pareto-efficient packages over the voting parties' scores. Uniform bonuses and costs
        (the spoiler strategies) shift a party's every score alike, so this set never changes."""
        return pareto_mask(self.base)

    def dominating(self, index: int) -> int | None:
        """The efficient package that gives every voting party at least as much as ``index`` and the
        most points in all; None when ``index`` is itself efficient."""
        if self.pareto[index]:
            return None
        row = self.base[index]
        better = np.flatnonzero(self.pareto & (self.base >= row).all(axis=1) & (self.base > row).any(axis=1))
        return int(better[np.argmax(self.base[better].sum(axis=1))])

    def nearest(self, index: int, among: np.ndarray) -> int | None:
        """The package in ``among`` (a mask) with the fewest issues changed from ``index``; ties go to
        the most points in all. None when ``among`` is empty."""
        rows = np.flatnonzero(among)
        if not len(rows):
            return None
        changed = (self.packages[rows] != self.packages[index]).sum(axis=1)
        total = self.base[rows].sum(axis=1)
        best = np.lexsort((-total, changed))[0]
        return int(rows[best])

    def changes(self, frm: int, to: int) -> list[tuple[str, str, str]]:
        """(issue, from option, to option) for each issue on which two packages differ."""
        out = []
        for issue, a, b in zip(self.issues, self.packages[frm], self.packages[to], strict=True):
            if a != b:
                out.append((issue.name, issue.options[int(a)].name, issue.options[int(b)].name))
        return out

    # --- implementation outlook ---------------------------------------------------------------
    def outlook(self, index: int, cond: Conditions) -> list[tuple[str, bool]]:
        """The conditions of the teaching outlook (the scenario's ``outlook.factors``) for a package,
        each met or not."""
        acc = self.accepts(cond)[index]
        strategy = self.scenario.strategies[cond.strategy]
        package = self.package(index)
        out = []
        for factor in self.scenario.outlook["factors"]:
            if factor["test"] == "accepts":
                met = bool(acc[self.ids.index(factor["party"])])
                if factor.get("departing_train") and strategy.departing_train.get(cond.spoiler_type):
                    met = True
            else:
                met = package[factor["issue"]] in factor["options"]
            out.append((factor["name"], met))
        return out


def pareto_mask(scores: np.ndarray) -> np.ndarray:
    """True for rows no other row weakly dominates (at least as good everywhere, better somewhere)."""
    scores = np.asarray(scores)
    keep = np.ones(len(scores), dtype=bool)
    for start in range(0, len(scores), 256):
        block = scores[start:start + 256]
        ge = (scores[None, :, :] >= block[:, None, :]).all(axis=2)
        gt = (scores[None, :, :] > block[:, None, :]).any(axis=2)
        keep[start:start + len(block)] = ~(ge & gt).any(axis=1)
    return keep
