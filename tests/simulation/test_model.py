"""The deal space against an independent brute force written from the JSON alone."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import numpy as np
import pytest

from peaceops import simulation
from peaceops.simulation.model import Conditions, pareto_mask
from peaceops.simulation.scenario import SPOILER_TYPES, STRATEGIES

RAW = json.loads((Path(__file__).resolve().parents[2] / "data" / "simulation.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def sp():
    return simulation.space()


def brute(spoiler_type: str, strategy: str, round_: int, every: bool = False) -> int:
    """Count agreed packages with plain loops over the JSON, sharing no code with the model."""
    voters = [p for p in RAW["parties"] if p["votes"]]
    chosen = RAW["spoiler"]["strategies"][strategy]
    count = 0
    for combo in itertools.product(*[[(i["id"], o["id"]) for o in i["options"]] for i in RAW["issues"]]):
        yes = {}
        for p in voters:
            score = sum(p["scores"][iid][oid] for iid, oid in combo)
            minimum = p["batna"] if p["batna"] is not None else RAW["spoiler"]["types"][spoiler_type]["batna"]
            minimum -= p["hurt"] * round_
            if p["id"] == RAW["spoiler"]["party"]:
                score += chosen.get("bonus", {}).get(spoiler_type, 0)
                minimum += chosen.get("batna_change", {}).get(spoiler_type, 0)
            score -= chosen.get("costs", {}).get(p["id"], 0)
            yes[p["id"]] = score >= max(minimum, 0)
        rule = RAW["rule"]
        if every:
            count += all(yes.values())
        else:
            count += all(yes[q] for q in rule["required"]) and sum(yes[q] for q in rule["others"]) >= rule["at_least"]
    return count


@pytest.mark.parametrize("spoiler_type, strategy, round_", [
    ("greedy", "none", 0), ("greedy", "none", 2), ("limited", "inducement", 3), ("greedy", "socialisation", 4),
    ("total", "coercion", 5), ("limited", "coercion", 1),
])
def test_the_feasible_set_matches_an_independent_brute_force(sp, spoiler_type, strategy, round_):
    cond = Conditions(round=round_, spoiler_type=spoiler_type, strategy=strategy)
    assert sp.feasible(cond).sum() == brute(spoiler_type, strategy, round_)
    assert sp.all_accept(cond).sum() == brute(spoiler_type, strategy, round_, every=True)


def test_scores_and_minimums_by_hand(sp):
    package = {"security": "un_observers", "power": "cabinet", "ddr": "phased", "elections": "two_years",
               "justice": "truth", "women": "quota"}
    i = sp.index(package)
    assert sp.package(i) == package
    # Government: 9 + 10 + 16 + 6 + 10 + 2
    assert sp.base[i, sp.ids.index("gov")] == 53
    cond = Conditions(round=3, spoiler_type="limited", strategy="inducement")
    assert sp.minimums(cond)[sp.ids.index("gov")] == 68 - 4 * 3
    assert sp.scores(cond)[i, sp.ids.index("gov")] == 53 - 4, "inducement costs the Government 4 points"
    assert sp.minimums(cond)[sp.ids.index("rrb")] == 82 - 2 * 3
    assert sp.scores(cond)[i, sp.ids.index("rrb")] == sp.base[i, sp.ids.index("rrb")] + 18


def test_ripeness_the_feasible_set_grows_from_empty(sp):
    for stype in SPOILER_TYPES:
        for strategy in STRATEGIES:
            counts = sp.counts(stype, strategy)
            assert counts[0] == 0 and counts == sorted(counts) and counts[-1] > counts[1], (stype, strategy, counts)


def test_the_agreement_rule_is_satisfiable_at_some_round(sp):
    assert any(sp.counts("greedy", "none"))
    assert sp.counts("greedy", "none")[:4] == [0, 2, 19, 63]


def test_each_spoiler_type_has_its_own_best_strategy_and_a_total_spoiler_none(sp):
    last = {(t, s): c[-1] for (t, s), c in sp.table(every=True).items()}
    assert max(STRATEGIES, key=lambda s: last[("limited", s)]) == "inducement"
    assert max(STRATEGIES, key=lambda s: last[("greedy", s)]) == "socialisation"
    assert not any(last[("total", s)] for s in STRATEGIES)


def test_walkout_below_the_trust_line(sp):
    cond = Conditions(round=5, spoiler_type="limited", trust={"gov": 20})
    assert not sp.accepts(cond)[:, sp.ids.index("gov")].any() and not sp.feasible(cond).any()


def test_pareto_mask_against_a_pairwise_check():
    rng = np.random.default_rng(3)
    scores = rng.integers(0, 6, size=(60, 3))
    slow = [not any((o >= r).all() and (o > r).any() for o in scores) for r in scores]
    assert pareto_mask(scores).tolist() == slow


def test_dominating_and_nearest(sp):
    worst = int(np.argmin(sp.base.sum(axis=1)))
    better = sp.dominating(worst)
    assert better is not None and sp.pareto[better]
    assert (sp.base[better] >= sp.base[worst]).all() and (sp.base[better] > sp.base[worst]).any()
    efficient = int(np.flatnonzero(sp.pareto)[0])
    assert sp.dominating(efficient) is None
    every = sp.all_accept(Conditions(round=5, spoiler_type="limited", strategy="inducement"))
    near = sp.nearest(worst, every)
    assert every[near] and len(sp.changes(worst, near)) == (sp.packages[near] != sp.packages[worst]).sum()
    assert sp.nearest(worst, np.zeros(len(sp.packages), bool)) is None


def test_outlook_counts_the_departing_train_only_against_a_total_spoiler(sp):
    package = sp.index({"security": "un_force", "power": "cabinet", "ddr": "phased", "elections": "two_years",
                        "justice": "truth", "women": "quota"})
    total = dict(sp.outlook(package, Conditions(round=3, spoiler_type="total", strategy="coercion")))
    greedy = dict(sp.outlook(package, Conditions(round=3, spoiler_type="greedy", strategy="none")))
    name = next(n for n in total if n.startswith("The splinter"))
    assert total[name] and not greedy[name]
    assert total["A UN mission monitors the ceasefire"]


def test_bad_packages_are_named(sp):
    with pytest.raises(ValueError, match="no option for the issue 'women'"):
        sp.index({"security": "joint", "power": "none", "ddr": "phased", "elections": "two_years", "justice": "truth"})
