"""The mediation simulation: a scoreable multi-party, multi-issue peace-talks game (lesson 13).

- :mod:`.scenario` reads and checks ``data/simulation.json``, the single source of truth;
- :mod:`.model` brute-forces the deal space: scores, acceptance, the feasible set, Pareto efficiency;
- :mod:`.game` plays it: solo against computer-played parties, or as the room's record;

Built on the core only (``peaceops.data``, ``charts``, ``widgets``); the workshop tools may import it.
"""

from __future__ import annotations

from functools import lru_cache

from peaceops.simulation.model import Conditions, DealSpace
from peaceops.simulation.scenario import Scenario, load

__all__ = ["Conditions", "DealSpace", "Scenario", "load", "space"]


@lru_cache(maxsize=2)
def _space(scenario: Scenario) -> DealSpace:
    return DealSpace(scenario)


def space(scenario: Scenario | None = None) -> DealSpace:
    """The deal space of the scenario (by default the collection's), computed once per kernel."""
    return _space(scenario or load())
