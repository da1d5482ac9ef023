"""The widgets of lesson 13, driven through their callbacks as the buttons drive them."""

from __future__ import annotations

import pytest

from peaceops.simulation import play
from peaceops.simulation.scenario import SPOILER_TYPES

PACKAGE = {"security": "un_observers", "power": "cabinet", "ddr": "phased", "elections": "two_years",
           "justice": "truth", "women": "quota"}


def test_a_full_solo_game_through_the_widget(monkeypatch):
    shown = []
    monkeypatch.setattr(play.Debrief, "show", lambda self: shown.append(self.summary()))
    game = play.SoloPlay(seed=2)
    game.ask("hlf")
    game.back_channel()
    game.use_strategy("socialisation")
    for _ in range(6):
        game.propose(PACKAGE)
        if game.game.over:
            break
    assert game.game.agreement is not None
    assert "agreement reached" in game.status.value and game.propose_button.disabled
    heat = game.figure.data[0]
    assert list(heat.x) == [f"Round {v.round}" for v in game.game.votes()]
    assert list(heat.y) == ["Government", "Front", "Brigades", "Coalition", "Dastia"]
    assert all(t.startswith(("accepts", "rejects")) for row in heat.text for t in row)
    assert shown and shown[0][0].startswith("The parties agreed in round")
    assert "Transcript" in game.log.value and "Back channel" in game.log.value


def test_a_move_the_rules_forbid_shows_a_message_not_a_traceback():
    game = play.SoloPlay(seed=3)
    assert game.ask("rrb") is None if "rrb" in dict(game.caucus_party.options).values() else True
    game.use_strategy("inducement")
    assert game.use_strategy("coercion") is None
    assert "one spoiler strategy per game" in game.message.value
    game.new_game(9)
    assert game.message.value == "" and game.game.seed == 9 and game.game.strategy_used is None


def test_the_explorer_draws_every_setting_in_place():
    explorer = play.DealSpaceExplorer()
    figure = explorer.figure
    for stype in SPOILER_TYPES:
        for every in (False, True):
            explorer.show(stype, every)
            assert explorer.figure is figure and len(figure.data) == 4
            assert [list(t.y) for t in figure.data] == [explorer.space.counts(stype, s, every=every)
                                                        for s in ("none", "inducement", "socialisation", "coercion")]
            assert stype in figure.layout.title.text
    assert "no package is acceptable to every voting party" in explorer.takeaway.value
    explorer.show("limited", True)
    assert "inducement leaves the most packages" in explorer.takeaway.value.lower()
    assert list(figure.data[0].x) == list(range(6)) and figure.layout.xaxis.dtick == 1


def test_the_room_console_records_rounds_and_shows_the_debrief(monkeypatch):
    shown = []
    monkeypatch.setattr(play.Debrief, "show", lambda self: shown.append(self.summary()))
    room = play.RoomConsole(seed=1, spoiler_type="greedy")
    assert room.draw_event() is None and "Round 0 has no event" in room.message.value
    room.record(PACKAGE, {"gov": False, "hlf": True, "rrb": False, "wpc": True, "das": True})
    assert room.draw_event() is not None and "Round 1" in room.events.value
    room.record(votes={"gov": True})
    assert "agreement reached" in room.status.value
    assert list(room.figure.data[0].x) == ["Round 0", "Round 1"]
    assert all(text in ("accepts", "rejects") for row in room.figure.data[0].text for text in row), \
        "margins stay confidential during play"
    room.show_debrief()
    assert any("+" in text or "-" in text for row in room.figure.data[0].text for text in row)
    assert shown and "The parties agreed in round 1." == shown[0][0]


def test_debrief_names_the_dominating_package_and_the_changes_needed():
    room = play.RoomConsole(seed=1, spoiler_type="limited")
    weak = {"security": "joint", "power": "none", "ddr": "disarm_first", "elections": "six_months",
            "justice": "courts", "women": "silent"}
    room.record(weak, {"gov": True, "hlf": True, "wpc": True, "das": True})
    text = play.debrief(room.game).summary()
    assert text[1].startswith("The package is not efficient: another gives every voting party at least as much")
    assert any(t.startswith("No package was acceptable to every voting party in round 0") for t in text)
    fig = play.debrief(room.game).figure()
    assert [t.name for t in fig.data][:2] == ["Your package", "An efficient package that dominates it"]


def test_tables_for_the_checked_cells():
    size = play.scenario_size()
    assert "1728" in repr(size) and "315" in repr(size)
    rule = play.sizes_table()
    assert len(rule) == 12 and "Round 5" in repr(rule)
    assert "every voting party accepts" in repr(play.sizes_table(every=True))
    assert "fictional" in play.public_briefing()._repr_html_()


def test_the_survey_compares_before_and_after():
    pre = play.survey("pre")
    n = len(pre.items)
    assert 3 <= n <= 5
    pre.save([pre.items[k].question.options[0] for k in range(n)])
    post = play.survey("post")
    answers = [post.items[k].question.options[0] for k in range(n)]
    answers[0] = post.items[0].question.options[1]
    assert post.save(answers) == f"1 of {n} answers changed."
    with pytest.raises(play.InputError):
        play.survey("during")


def test_the_room_records_a_back_channel_and_a_breach():
    room = play.RoomConsole(seed=2, spoiler_type="limited")
    room.back_channel()
    assert room.game.round == 1 and not room.game.rounds_played
    room.breach("hlf", "gov")
    assert "Front 40" in room.status.value and "told Government what Front said" in room.events.value
    assert room.breach("gov", "gov") is None and "two different parties" in room.message.value


def test_the_explorer_names_a_tie():
    explorer = play.DealSpaceExplorer()
    explorer.show("total", False)
    assert "no strategy and socialisation leave the most packages (a tie)" in explorer.takeaway.value


def test_the_debrief_names_the_round_of_the_last_vote(monkeypatch):
    room = play.RoomConsole(seed=3, spoiler_type="total")
    room.record({**PACKAGE, "power": "none"}, {"gov": True})
    room.draw_event()
    room.record({**PACKAGE, "power": "none"}, {"gov": True})
    room.draw_event()
    summary = play.debrief(room.game).summary()
    assert summary[0] == "No agreement; the last package voted in round 1."
    assert play.debrief(room.game).cond.round == 1
