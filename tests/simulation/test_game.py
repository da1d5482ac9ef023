"""Solo play and the room's record: deterministic with a seed, and every rule of the game enforced."""

from __future__ import annotations

import pytest

from peaceops import simulation
from peaceops.simulation.game import GameOver, NotAllowed, RoomGame, SoloGame, draw_events

PACKAGE = {"security": "un_observers", "power": "cabinet", "ddr": "phased", "elections": "two_years",
           "justice": "truth", "women": "quota"}


@pytest.fixture(scope="module")
def ctx():
    return simulation.load(), simulation.space()


def script(game: SoloGame) -> list[str]:
    game.ask("hlf")
    game.ask("gov")
    game.back_channel()
    game.use_strategy("socialisation")
    while not game.over:
        game.propose(PACKAGE)
    return game.transcript


def test_the_same_seed_gives_the_same_game(ctx):
    s, sp = ctx
    a, b = SoloGame(s, sp, seed=11), SoloGame(s, sp, seed=11)
    assert (a.spoiler_type, a.cond.batna_shift, [e.id for e in a.events]) == (
        b.spoiler_type, b.cond.batna_shift, [e.id for e in b.events])
    assert script(a) == script(b)
    types = {SoloGame(s, sp, seed=n).spoiler_type for n in range(1, 30)}
    assert types == {"limited", "greedy", "total"}, "the seeds reach every spoiler type"
    assert [e.id for e in draw_events(s, 1)] != [e.id for e in draw_events(s, 2)]


def test_a_scripted_game_reaches_an_agreement_and_its_transcript_tells_it(ctx):
    s, sp = ctx
    game = SoloGame(s, sp, seed=2)
    lines = script(game)
    assert game.agreement == sp.index(PACKAGE)
    assert lines[0] == "Round 0 opens. Seed 2."
    assert any(line.startswith("Caucus with Front: priority 1 is power sharing") for line in lines)
    assert any("Back channel to Brigades" in line for line in lines)
    assert lines[-1].startswith("Agreement in round")
    with pytest.raises(GameOver):
        game.propose(PACKAGE)


def test_rounds_questions_and_strategies_are_limited(ctx):
    s, sp = ctx
    game = SoloGame(s, sp, seed=5)
    for _ in range(s.solo["caucus_questions"]):
        game.ask("wpc")
    with pytest.raises(NotAllowed, match="no caucus questions left"):
        game.ask("gov")
    with pytest.raises(NotAllowed, match="outside the talks"):
        SoloGame(s, sp, seed=5).ask("rrb")
    game.use_strategy("inducement")
    with pytest.raises(NotAllowed, match="one spoiler strategy per game"):
        game.use_strategy("coercion")
    bad = {**PACKAGE, "power": "none", "security": "joint"}
    while not game.over:
        game.propose(bad)
    assert game.agreement is None and game.round == s.solo["rounds"]
    assert "No rounds left" in game.transcript[-1]


def test_ripeness_in_play_the_minimums_fall_each_round(ctx):
    s, sp = ctx
    game = SoloGame(s, sp, seed=3)
    first = sp.minimums(game.cond)[sp.ids.index("hlf")]
    game.propose({**PACKAGE, "power": "none"})
    event = game.events_seen[-1]
    assert sp.minimums(game.cond)[sp.ids.index("hlf")] == first - s.party("hlf").hurt + event.batna.get("hlf", 0)


def test_a_breach_of_confidence_costs_trust_and_enough_of_them_a_walkout(ctx):
    s, sp = ctx
    game = SoloGame(s, sp, seed=4)
    with pytest.raises(NotAllowed, match="ask it in caucus first"):
        game.disclose("hlf", "gov")
    game.ask("hlf")
    game.disclose("hlf", "gov")
    trust = game.trust_levels()
    assert trust["hlf"] == 80 - 40 and trust["gov"] == 80 - 10
    with pytest.raises(NotAllowed, match="no longer trusts"):
        game.ask("hlf")
    game.disclose("hlf", "das")
    vote = game.propose(PACKAGE)
    assert not vote.accepts["hlf"] and "no longer trusts the mediators" in vote.reasons["hlf"]
    with pytest.raises(NotAllowed):
        game.disclose("gov", "gov")


def test_rejections_give_a_reason_from_the_party_s_priorities(ctx):
    s, sp = ctx
    vote = SoloGame(s, sp, seed=6).propose({**PACKAGE, "power": "autonomy"})
    assert not vote.accepts["gov"]
    assert vote.reasons["gov"] == ("Government: rejects. On power sharing, \u201cAutonomy for the Ardun Highlands, "
                                   "with its own assembly\u201d is far from its demands.")


def test_the_room_records_votes_beside_the_computation(ctx):
    s, sp = ctx
    room = RoomGame(s, sp, seed=1, spoiler_type="limited")
    with pytest.raises(NotAllowed, match="Round 0 has no event"):
        room.draw_event()
    first = room.record(PACKAGE, {p: True for p in sp.ids})
    assert first.agreed and room.over and first.computed["gov"] is False, "the room may vote against its tables"
    room = RoomGame(s, sp, seed=1, spoiler_type="limited")
    room.record(PACKAGE, {"gov": False})
    with pytest.raises(NotAllowed, match="Draw round 1's event first"):
        room.record(PACKAGE, {"gov": True})
    event = room.draw_event()
    with pytest.raises(NotAllowed, match="already drawn"):
        room.draw_event()
    entry = room.record(PACKAGE, {"gov": True, "hlf": True, "wpc": True, "das": True})
    assert entry.round == 1 and entry.event == event.name and entry.agreed
    assert entry.margins["gov"] == sp.base[sp.index(PACKAGE), 0] - (68 - 4 + event.batna.get("gov", 0))


def test_a_vote_keeps_the_margins_it_had_when_it_was_taken(ctx):
    s, sp = ctx
    game = SoloGame(s, sp, seed=1)
    vote = game.propose(PACKAGE)
    before = dict(vote.margins)
    game.ask("gov")
    game.disclose("gov", "hlf")
    while not game.over:
        game.propose({**PACKAGE, "power": "autonomy"})
    assert game.votes()[0].margins == before
