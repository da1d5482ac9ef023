"""The simulation's printed materials, generated from ``data/simulation.json`` (never typed by hand).

    python -m peaceops.simulation.briefs                  # -> build/briefs/
    python -m peaceops.simulation.briefs --out DIR [--data FOLDER]

Writes self-contained HTML files that print cleanly from any browser, one sheet per page on A4 or
US Letter, and fetch nothing from the network:

- ``briefs.html``: every confidential brief, one page per role, in the scenario's order of roles
  (each voting party's own points, its minimum and how it falls each round, its priorities, what it
  may reveal; the mediation team's tools, the spoiler strategies and the trust rules, with no points);
- ``brief-<party>.html``: the same briefs one file per role (``brief-gov.html`` ...);
- ``spoiler-slips.html``: three slips, one per spoiler type, with that type's minimum; the
  facilitator chooses the Brigades' type and hands over one slip (the Brigades' brief does not say);
- ``public.html``: the public briefing every player reads (no points);
- ``outcome-form.html``: the record of each round, the final package and the signatures;
- ``scoring-sheet.html``: every table side by side, the minimums per round and the slips' values,
  for checking votes by hand;
- ``index.html``: links to all of them, and how to print.

``build(out)`` writes them (the handouts builder calls it); ``brief_html(party_id)`` gives one
brief as an HTML fragment for a lesson to show inline. A damaged scenario file gives a short
:class:`peaceops.data.DataError` message, not a traceback.
"""

from __future__ import annotations

import argparse
import html
import sys
from pathlib import Path

from peaceops.data import DataError
from peaceops.simulation import scenario as scenario_module
from peaceops.simulation.scenario import SPOILER_TYPES, Party, Scenario

ROOT = Path(__file__).resolve().parents[3]
TEMPLATES = Path(__file__).resolve().parent / "templates"
CONFIDENTIAL = "Confidential \u2014 do not show to other parties"
FACILITATOR_ONLY = "Facilitator only \u2014 do not show to the parties"
MINUS = "\u2212"
LETTERS = "abcdefghijklmnopqrstuvwxyz"
FILES = {
    "briefs": "briefs.html",
    "public": "public.html",
    "outcome": "outcome-form.html",
    "scoring": "scoring-sheet.html",
    "slips": "spoiler-slips.html",
    "index": "index.html",
}
BATNA = '<abbr title="best alternative to a negotiated agreement">BATNA</abbr>'

esc = html.escape


def brief_file(party_id: str) -> str:
    """The file name of one role's brief: ``brief-gov.html``."""
    return f"brief-{party_id}.html"


def _css(name: str) -> str:
    return (TEMPLATES / name).read_text(encoding="utf-8")


def _scenario(scenario: Scenario | Path | str | None) -> Scenario:
    if isinstance(scenario, Scenario):
        return scenario
    return scenario_module.load(Path(scenario) if scenario is not None else None)


# --- words built from the numbers ------------------------------------------------------------------
def _signed(n: int) -> str:
    return "\u00b10" if n == 0 else (f"+{n}" if n > 0 else f"{MINUS}{-n}")


def _minimum(start: int, hurt: int, round_: int) -> int:
    """A minimum in a round: the start, less the hurt for each round of stalemate (never below 0),
    as in :meth:`peaceops.simulation.model.DealSpace.minimums`."""
    return max(start - hurt * round_, 0)


def _neighbour(s: Scenario) -> str:
    return next((p.name for p in s.parties if p.id == "das"), "its neighbours")  # the neighbouring state


def _the(name: str) -> str:
    """'the Republic of Norvane' for a state's formal name; a plain name stays as it is."""
    return f"the {name}" if " of " in name else name


def _fiction(s: Scenario) -> str:
    text = f"{_the(s.country)}, {_the(_neighbour(s))} and every party, place and person here are fictional."
    return text[0].upper() + text[1:]


def _assumptions() -> str:
    return ("The points, the minimums, how they change from round to round, and the effects of events, "
            "strategies and trust are teaching assumptions that show the mechanics, not estimates of any real "
            "conflict.")


def _note(s: Scenario) -> str:
    return (f'<p class="po-note"><b>{esc(s.title)}</b>, a simulation of mediated peace talks (lesson 13). '
            f'<b>Fiction.</b> {esc(_fiction(s))} <b>Teaching assumptions.</b> '
            f"{esc(_assumptions())}</p>")


def _spoiler(s: Scenario) -> Party:
    return s.party(s.spoiler_party)


def _rounds_text(s: Scenario) -> str:
    return (f"The talks last at most {s.rounds} rounds, numbered 0 to {s.rounds - 1}; each round ends with "
            "a vote on one package, unless the mediators spend it on other work.")


def _who(s: Scenario, pid: str) -> str:
    return s.party(pid).short


def _voters_text(s: Scenario, pids) -> str:
    pids = list(pids)
    if set(pids) == {p.id for p in s.voters}:
        return "every party"
    names = [_who(s, p) for p in pids]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _changes(s: Scenario, changes: dict[str, int], what: str) -> list[str]:
    """["Government minimum +4", ...], grouping parties that change alike."""
    groups: dict[int, list[str]] = {}
    for pid, delta in changes.items():
        groups.setdefault(delta, []).append(pid)
    return [f"{_voters_text(s, pids)}: {what} {_signed(delta)}" for delta, pids in groups.items()]


# --- building blocks -----------------------------------------------------------------------------------
def _header(s: Scenario, title: str, banner: str | None = CONFIDENTIAL, sub: str | None = None) -> str:
    top = f'<p class="po-confidential">{esc(banner)}</p>' if banner else ""
    sub = f"<p class='po-sub'>{esc(sub)}</p>" if sub else ""
    return f"{top}<h1>{esc(title)}</h1>{sub}"


def _row_table(caption: str, head: list[str], rows: list[list[str]], cls: str = "") -> str:
    """A table whose first column heads each row. Cells are HTML already escaped."""
    thead = "".join(f'<th scope="col">{h}</th>' for h in head)
    body = "".join(f'<tr><th scope="row">{r[0]}</th>' + "".join(f"<td>{c}</td>" for c in r[1:]) + "</tr>"
                   for r in rows)
    cls = f' class="{cls}"' if cls else ""
    return f"<table{cls}><caption>{caption}</caption><thead><tr>{thead}</tr></thead><tbody>{body}</tbody></table>"


def _points_table(s: Scenario, party: Party) -> str:
    body = []
    rank = {issue.id: n for n, (issue, _spread) in enumerate(party.priorities(s.issues), start=1)}
    for issue in s.issues:
        table = party.scores[issue.id]
        top = max(table.values())
        for n, option in enumerate(issue.options):
            spread = (f"{min(table.values())} to {top} points" if top > min(table.values())
                      else "all options equal")
            lead = (f'<th scope="rowgroup" rowspan="{len(issue.options)}">{esc(issue.name)}'
                    f'<span class="po-rank">your priority {rank[issue.id]} ({spread})</span></th>' if n == 0 else "")
            best = " po-best" if table[option.id] == top > 0 else ""
            body.append(f'<tr>{lead}<th scope="row">{LETTERS[n]}. {esc(option.name)}</th>'
                        f'<td class="po-num{best}" data-points="{esc(issue.id)}:{esc(option.id)}">'
                        f"{table[option.id]}</td></tr>")
    best = sum(max(t.values()) for t in party.scores.values())
    return (f'<table class="po-points" data-party="{esc(party.id)}"><caption>Your points for each option '
            f"(your best package, the best option on every issue, is worth {best})</caption><thead><tr>"
            '<th scope="col">Issue</th><th scope="col">Option</th><th scope="col" class="po-num">Points</th>'
            f"</tr></thead><tbody>{''.join(body)}</tbody></table>")


def _round_heads(s: Scenario) -> list[str]:
    return [str(r) for r in range(s.rounds)]


def _minimum_table(s: Scenario, party: Party) -> str:
    head = ["Round", *_round_heads(s)]
    if party.batna is None:
        cells = ["your slip" if r == 0 else f"slip {MINUS} {party.hurt * r}" for r in range(s.rounds)]
    else:
        cells = [str(_minimum(party.batna, party.hurt, r)) for r in range(s.rounds)]
    return _row_table("Your minimum in each round, before events", head, [["Minimum", *cells]], "po-minimums")


def _priorities(s: Scenario, party: Party) -> str:
    """The issues in order of priority, in one sentence (the points table marks each issue's rank)."""
    items = "; ".join(f"{n}.\u00a0{esc(issue.label)}" for n, (issue, _spread) in
                      enumerate(party.priorities(s.issues), start=1))
    return ("<p class='po-priorities'><b>Your priorities, in order</b> (the issues on which your points vary most "
            f"come first): {items}.</p>")


def _what_changes(s: Scenario, party: Party) -> str:
    t = s.trust
    items = [
        "<li><b>Events.</b> From round 1 the facilitator may announce an event that changes your minimum or your "
        "trust in the mediators. Keep each change for the rest of the game.</li>"]
    for strategy in s.strategies.values():
        bits = []
        if party.id in strategy.costs:
            bits.append(f"you lose {strategy.costs[party.id]} points on every package")
        if party.id in strategy.trust:
            bits.append(f"your trust in the mediators changes by {_signed(strategy.trust[party.id])}")
        if bits:
            items.append(f"<li><b>{esc(strategy.name)}.</b> If the mediators use it on the "
                         f"{esc(_spoiler(s).short)}, {esc(' and '.join(bits))}.</li>")
    if party.spoiler:
        items.append("<li><b>Strategies aimed at you.</b> If the mediators try to change your mind, your slip says "
                     "how it changes your numbers.</li>")
    items.append(
        f"<li><b>Trust.</b> Your trust in the mediators starts at {t['start']} of 100. It changes by "
        f"{_signed(t['breach']['victim'])} if they pass on what you told them in confidence, by "
        f"{_signed(t['breach']['others'])} if they leak another party's. If they tell you another party's secrets, "
        f"lower your minimum by {t['breach_gain']}. Below {t['caucus_below']} you stop answering in private; below "
        f"{t['walkout_below']} you reject every package.</li>")
    return "<ul>" + "".join(items) + "</ul>"


def _reveal(s: Scenario, party: Party) -> str:
    if party.outside:
        may = [
            "You are outside the talks: you refuse to meet the mediators. Each round you still vote on the "
            "package: a yes means you would stop fighting under it.",
            "If the mediators open the track-2 back channel, the elders (the facilitator) come to you: tell them "
            "your two top priorities, in the voice your slip gives you.",
        ]
    else:
        may = [
            "You may state your public position to anyone, argue for any option, and tell the mediators in "
            "private (caucus) as much about your priorities as you choose: they have promised to keep it "
            "confidential.",
        ]
    mayn = ("You may not show this page to anyone, read out your points, or say your minimum as a number. You may "
            "talk about what matters to you, in your own words.")
    return "<ul>" + "".join(f"<li>{esc(x)}</li>" for x in [*may, mayn]) + "</ul>"


def _rule(s: Scenario) -> str:
    return f"<p>{esc(s.rule['text'])} {esc(_rounds_text(s))}</p>"


# --- the sheets -------------------------------------------------------------------------------------------
def _party_brief(s: Scenario, party: Party) -> str:
    if party.batna is None:
        start = (f"Your minimum at the start is on the slip the facilitator hands you: it depends on what kind of "
                 f"group you are, which only you and the facilitator know. It falls by {party.hurt} each round.")
    else:
        start = (f"Your minimum at the start is {party.batna} points. Each round without an agreement the war "
                 f"goes on and hurts, and your minimum falls by {party.hurt} (ripeness, lesson 03).")
    body = (
        f"{_header(s, f'{party.name}: confidential brief')}"
        f'<div class="po-cols"><div><h2>Who you are</h2><p>{esc(party.background)}</p></div>'
        f"<div><h2>Your public position</h2><p class='po-quote'>\u201c{esc(party.position)}\u201d</p></div></div>"
        f"{_points_table(s, party)}{_priorities(s, party)}"
        f'<div class="po-cols"><div><h2>When you accept: your minimum ({BATNA})</h2>'
        f"<p>Add up your points for the package put to the vote. You accept it when the total reaches your "
        f"minimum for that round; otherwise you reject it. {esc(start)}</p>{_minimum_table(s, party)}"
        f"</div><div><h2>The agreement rule</h2>{_rule(s)}</div></div>"
        f"<h2>What can change your numbers</h2>{_what_changes(s, party)}"
        f"<h2>What you may and may not reveal</h2>{_reveal(s, party)}"
        f"{_note(s)}")
    return f'<section class="po-sheet po-brief" data-role="{esc(party.id)}">{body}</section>'


def _strategy_rows(s: Scenario) -> list[list[str]]:
    return [[esc(st.name), esc(st.text), esc(st.cost_text or "No cost."),
             str(st.rounds)] for st in s.strategies.values()]


def _mediator_brief(s: Scenario, party: Party) -> str:
    t = s.trust
    outside = [p for p in s.voters if p.outside]
    refuse = (f" The {esc(_voters_text(s, [p.id for p in outside]))} are outside the talks: they refuse to meet you."
              if outside else "")
    types = "".join(f"<li><b>{esc(v['name'])}</b>: {esc(v['text'])}</li>" for v in s.spoiler_types.values())
    tools = (
        f"<ul><li><b>Caucus.</b> Meet one party in private and ask about its priorities, as often as the time "
        f"allows. A party answers in confidence only while its trust in you is at least {t['caucus_below']} "
        f"(of 100).{refuse}</li>"
        f"<li><b>Multi-track (lesson 05).</b> {esc(s.track2['text'])}</li>"
        f"<li><b>Spoiler strategies (lesson 04).</b> At most one per game, in the table below. You are not told "
        f"what kind of spoiler the {esc(_spoiler(s).short)} are; Stedman's types are:<ul>{types}</ul></li>"
        f"<li><b>In solo play (lesson 13's notebook, not the room).</b> {esc(s.solo['text'])}</li></ul>")
    strategies = _row_table("The spoiler strategies and their costs",
                            ["Strategy", "What you do", "What it costs", "Rounds used"],
                            _strategy_rows(s), "po-small")
    trust = (
        f"<ul><li>Every voting party starts with trust {t['start']} (of 100) in you.</li>"
        f"<li><b>A breach of confidence</b>: if you pass one party's confidential priorities to another, the party "
        f"betrayed changes its trust by {_signed(t['breach']['victim'])} and every other party by "
        f"{_signed(t['breach']['others'])}, since they learn that you leak; the party told lowers its minimum by "
        f"{t['breach_gain']}.</li>"
        f"<li>Below {t['caucus_below']} a party answers no more caucus questions; below {t['walkout_below']} it "
        f"rejects every package. Some events change trust too.</li></ul>")
    reveal = (
        "<ul><li>You may propose any package, explain it by the parties' public positions, and say what you "
        "think would help the talks.</li><li>You may not pass on what a party told you in caucus without its "
        "consent: that is a breach of confidence (above).</li><li>You have no points and no vote: your task is "
        "an agreement the parties own (consent and impartiality, lesson 02).</li></ul>")
    body = (
        f"{_header(s, f'{party.name}: confidential brief')}"
        f"<h2>Who you are</h2><p>{esc(party.background)}</p>"
        f"<h2>Your mandate</h2><p class='po-quote'>\u201c{esc(party.position)}\u201d</p>"
        f"<h2>The room's agreement rule</h2>{_rule(s)}"
        f"<h2>Your tools</h2>{tools}{strategies}"
        f"<h2>Trust: what a breach of confidence costs (lesson 02)</h2>{trust}"
        f"<h2>What you may and may not reveal</h2>{reveal}"
        f"{_note(s)}")
    return f'<section class="po-sheet po-brief" data-role="{esc(party.id)}">{body}</section>'


def _brief_section(s: Scenario, party: Party) -> str:
    return _party_brief(s, party) if party.votes else _mediator_brief(s, party)


def _public(s: Scenario) -> str:
    def seat(p: Party) -> str:
        if not p.votes:
            return "no vote: mediates"
        if p.outside:
            return "votes; outside the talks"
        return "votes; must accept" if p.id in s.rule["required"] else "votes"

    parties = _row_table("The parties and their public positions", ["Party", "Public position", "At the talks"],
                         [[esc(p.name), f"\u201c{esc(p.position)}\u201d", esc(seat(p))] for p in s.parties])
    issues = "".join(
        f"<li><b>{esc(i.name)}</b>: {esc(i.question)}<ol type='a'>"
        + "".join(f"<li>{esc(o.name)}</li>" for o in i.options) + "</ol></li>" for i in s.issues)
    body = (
        f"{_header(s, f'{s.title}: public briefing', banner=None, sub='For every player. ' + _fiction(s))}"
        f"<h2>The setting</h2>" + "".join(f"<p>{esc(p)}</p>" for p in s.setting)
        + f"{parties}<h2>The issues on the table, and their options</h2><ol class='po-issues'>{issues}</ol>"
        f"<h2>The agreement rule</h2><p>{esc(s.rule['text'])} Each party decides for itself whether a package "
        "is good enough: its confidential brief says how.</p>"
        f"<h2>The rounds</h2><p>The talks last at most {s.rounds} rounds, numbered 0 to {s.rounds - 1}. In each "
        "round the mediators consult the parties, together or one at a time in private (caucus), and put one "
        "package to the vote, unless they spend the round on other work. If the vote meets the agreement rule, "
        "the talks end with an agreement; if not, the next round begins. The longer the war goes on, the more it "
        "hurts: each party's brief says how that changes what it will accept.</p>"
        "<h2>Events</h2><p>From round 1, a round may open with an event outside the talks, drawn by the "
        "facilitator: news that can change what a party will accept, or how far the parties trust the mediators. "
        "Nobody knows in advance which events will come.</p>"
        "<h2>Confidentiality</h2><p>Each role also has a confidential brief. Do not show yours to anyone; the "
        "mediators have promised to keep what you tell them in private to themselves.</p>"
        f"{_note(s)}")
    return f'<section class="po-sheet po-public">{body}</section>'


def _box(label: str = "") -> str:
    return f'<span class="po-box" aria-hidden="true"></span>{esc(label)}'


def _outcome(s: Scenario) -> str:
    options = _row_table(
        "The issues and their options (the letters used below), and the final package",
        ["Issue", "Options", "Final package: letter agreed"],
        [[esc(i.name), "; ".join(f"<b>{LETTERS[n]}</b>. {esc(o.name)}" for n, o in enumerate(i.options)), ""]
         for i in s.issues], "po-small po-write")
    head = '<th scope="col">In round</th>' + "".join(f'<th scope="col">{r}</th>' for r in range(s.rounds))
    blank = "<td></td>" * s.rounds
    labels = ([f"{i.label[:1].upper()}{i.label[1:]}: letter" for i in s.issues]
              + [f"{p.short}: yes or no" for p in s.voters] + ["Agreement rule met?"])
    events = ('<tr><th scope="row">Event drawn</th><td class="po-small">none in round 0</td>'
              + "<td></td>" * (s.rounds - 1) + "</tr>")
    rows = events + "".join(f'<tr><th scope="row">{esc(label)}</th>{blank}</tr>' for label in labels)
    rounds = (f'<table class="po-small po-rounds"><caption>Each round: the package put to the vote, and each '
              f"party's vote</caption><colgroup><col class='po-label'><col span='{s.rounds}'></colgroup>"
              f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
    strategies = "".join(_box(st.name) for st in s.strategies.values())
    record = (
        f"<p><b>The room's spoiler strategy:</b> {strategies} &nbsp; in round ____</p>"
        "<p><b>Track-2 back channel</b> used in round(s): ____ &nbsp; <b>Agreement</b> reached in round ____ "
        f"{_box('no agreement')}</p>"
        "<p><b>Breaches of confidence</b> (whose confidence, told to whom, in which round):</p>"
        '<span class="po-line"></span><span class="po-line"></span>')
    signers = [*s.voters, *[p for p in s.parties if not p.votes]]
    sign_head = "".join(f'<th scope="col">{esc(p.short)}{" (witness)" if not p.votes else ""}</th>'
                        for p in signers)
    signatures = (f'<table class="po-sign"><caption>Signatures (of the parties that accept the final package, and '
                  f"the mediation team as witness)</caption><thead><tr>{sign_head}</tr></thead><tbody><tr>"
                  + "<td></td>" * len(signers) + "</tr></tbody></table>")
    body = (f"{_header(s, f'{s.title}: outcome form', banner=None, sub='Filled in by the facilitator or a recorder as the talks go on. ' + _fiction(s))}"  # noqa: E501
            f"{options}{rounds}{record}{signatures}{_note(s)}")
    return f'<section class="po-sheet po-outcome">{body}</section>'


def _scoring(s: Scenario) -> str:
    voters = s.voters
    spoiler = _spoiler(s)
    head = ('<th scope="col">Issue</th><th scope="col">Option</th>'
            + "".join(f'<th scope="col" class="po-num">{esc(p.short)}</th>' for p in voters))
    rows = []
    for issue in s.issues:
        for n, option in enumerate(issue.options):
            lead = f'<th scope="rowgroup" rowspan="{len(issue.options)}">{esc(issue.label)}</th>' if n == 0 else ""
            cells = ""
            for p in voters:
                v = p.scores[issue.id][option.id]
                best = " po-best" if v == max(p.scores[issue.id].values()) > 0 else ""
                cells += (f'<td class="po-num{best}" data-party="{esc(p.id)}" '
                          f'data-points="{esc(issue.id)}:{esc(option.id)}">{v}</td>')
            rows.append(f'<tr>{lead}<th scope="row">{LETTERS[n]}. {esc(option.name)}</th>{cells}</tr>')
    total = "".join(f'<td class="po-num">{sum(max(t.values()) for t in p.scores.values())}</td>' for p in voters)
    rows.append(f'<tr><th scope="row" colspan="2">Best package (best option on every issue)</th>{total}</tr>')
    points = (f'<table class="po-small po-points-all"><caption>Every party\'s points (best option in bold)</caption>'
              f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>")

    columns = []  # (heading, start, hurt, data-key)
    for p in voters:
        if p.batna is None:
            columns += [(f"{p.short}: {t}", s.spoiler_types[t]["batna"], p.hurt, f"{p.id}:{t}") for t in SPOILER_TYPES]
        else:
            columns.append((p.short, p.batna, p.hurt, p.id))
    mhead = ('<th scope="col">Round</th>'
             + "".join(f'<th scope="col" class="po-num">{r}</th>' for r in range(s.rounds))
             + '<th scope="col" class="po-num">Falls by</th>')
    mrows = "".join(
        f'<tr><th scope="row">{esc(c[0])}</th>'
        + "".join(f'<td class="po-num" data-minimum="{esc(c[3])}:{r}">{_minimum(c[1], c[2], r)}</td>'
                  for r in range(s.rounds))
        + f'<td class="po-num">{c[2]}</td></tr>' for c in columns)
    minimums = (f'<table class="po-small po-minimums-all"><caption>Minimums in rounds 0 to {s.rounds - 1} (start '
                f"{MINUS} fall \u00d7 round; the {esc(spoiler.short)} by type, as on the slips), before events, "
                f"strategies and breaches</caption><thead><tr>{mhead}</tr></thead><tbody>{mrows}</tbody></table>")

    srows = []
    for st in s.strategies.values():
        if st.id == "none":
            continue
        per_type = [f"{_signed(st.bonus.get(t, 0))} points, minimum {_signed(st.batna_change.get(t, 0))}"
                    + ("; talks go on without it" if st.departing_train.get(t) else "") for t in SPOILER_TYPES]
        others = _changes(s, {k: -v for k, v in st.costs.items()}, "points") + _changes(s, st.trust, "trust")
        srows.append([esc(st.name), *map(esc, per_type), esc("; ".join(others) or "nothing"), str(st.rounds)])
    strategies = _row_table("Spoiler strategies, one per game: what they change (points on every package)",
                            ["Strategy", *[f"{esc(spoiler.short)}: {esc(t)}" for t in SPOILER_TYPES],
                             "The others", "Rounds used"], srows, "po-small")
    erows = [[esc(e.name), esc("; ".join(_changes(s, e.batna, "minimum") + _changes(s, e.trust, "trust")) or "nothing")]
             for e in s.events]
    events = _row_table("Events (from round 1; each change lasts for the rest of the game)",
                        ["Event", "Change"], erows, "po-small")
    t = s.trust
    check = (
        f"<p><b>Checking a vote by hand.</b> Add up the party's points for the options of the package, less any "
        f"strategy cost, and compare the total with its minimum for the round, after the events so far. It accepts "
        f"when the total reaches the minimum and its trust is at least {t['walkout_below']}. {esc(s.rule['text'])}"
        f" <b>Breach of confidence:</b> the party betrayed changes its trust by {_signed(t['breach']['victim'])}, "
        f"every other party by {_signed(t['breach']['others'])}; the party told lowers its minimum by "
        f"{t['breach_gain']}. Trust starts at {t['start']}; below {t['caucus_below']} no caucus answers. "
        f"The track-2 back channel uses up {s.track2['rounds']} round: no vote in it.</p>")
    body = (f"{_header(s, 'Facilitator: scoring sheet', banner=FACILITATOR_ONLY)}{check}{points}"
            f"<div class='po-cols'><div>{minimums}</div><div>{events}</div></div>{strategies}{_note(s)}")
    return f'<section class="po-sheet po-scoring">{body}</section>'


def _slip(s: Scenario, type_id: str) -> str:
    spoiler = _spoiler(s)
    kind = s.spoiler_types[type_id]
    start = kind["batna"]
    head = ["Round", *_round_heads(s)]
    cells = [f'<span data-minimum="{esc(type_id)}:{r}">{_minimum(start, spoiler.hurt, r)}</span>'
             for r in range(s.rounds)]
    table = _row_table("Your minimum in each round, before events", head, [["Minimum", *cells]], "po-minimums")
    effects = []
    for st in s.strategies.values():
        if st.id == "none":
            continue
        bits = []
        if st.bonus.get(type_id):
            bits.append(f"add {st.bonus[type_id]} points to every package")
        if st.batna_change.get(type_id):
            bits.append(f"your minimum changes by {_signed(st.batna_change[type_id])}")
        if st.departing_train.get(type_id):
            bits.append("the talks go on without you")
        effects.append(f"<li><b>{esc(st.name)}</b>: {esc(', and '.join(bits) or 'nothing changes for you')}.</li>")
    body = (f'<p class="po-confidential">Spoiler slip: for the {esc(spoiler.short)}\' players only</p>'
            f"<h2>{esc(spoiler.name)}: you are a {esc(kind['name'])} spoiler</h2>"
            f"<p>In Stedman's terms (lesson 04), a spoiler that {esc(kind['text'])}. "
            f"<b>How you sound:</b> {esc(kind['hint'])}</p>"
            f"<p>Your minimum at the start is <b data-batna='{esc(type_id)}'>{start}</b> points; it falls by "
            f"{spoiler.hurt} each round.</p>{table}"
            "<p><b>If the mediators use a strategy on you</b> (the facilitator tells you):</p>"
            f"<ul>{''.join(effects)}</ul>")
    return f'<div class="po-slip" data-type="{esc(type_id)}">{body}</div>'


def _slips(s: Scenario) -> str:
    spoiler = _spoiler(s)
    intro = (f"<p class='po-screen'>Print this page, cut along the dashed lines, and hand the {esc(spoiler.short)}"
             " one slip: the type you chose. Keep the others out of sight.</p>")
    slips = '<p class="po-cut">\u2702 cut here</p>'.join(_slip(s, t) for t in SPOILER_TYPES)
    return (f'<section class="po-sheet po-slips" aria-label="Spoiler slips">{intro}{slips}'
            f"<p class='po-small'>{esc(_fiction(s))} {esc(_assumptions())}</p></section>")


# --- documents -------------------------------------------------------------------------------------------
def _document(title: str, sections: list[str]) -> str:
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            f"<title>{esc(title)}</title>\n<style>\n{_css('sheet.css')}\n{_css('page.css')}</style>\n</head>\n"
            f"<body>\n<main>\n{''.join(sections)}\n</main>\n</body>\n</html>\n")


def brief_html(party_id: str, scenario: Scenario | Path | None = None) -> str:
    """One role's confidential brief as an HTML fragment (its own scoped style), for a lesson to show inline."""
    s = _scenario(scenario)
    try:
        party = s.party(party_id)
    except KeyError:
        raise ValueError(f"No role {party_id!r}: choose one of {', '.join(p.id for p in s.parties)}.") from None
    return f"<style>{_css('sheet.css')}</style>{_brief_section(s, party)}"


def _index(s: Scenario) -> str:
    briefs = "".join(f'<li><a href="{esc(brief_file(p.id))}">{esc(p.name)}</a></li>' for p in s.parties)
    files = [
        ("public", "Public briefing", "for every player (two pages at most)"),
        ("briefs", "All confidential briefs", f"one page per role, {len(s.parties)} pages, in role order"),
        ("slips", "Spoiler slips",
         f"one page, three slips: hand the {_spoiler(s).short} the one for the type you choose"),
        ("outcome", "Outcome form", "one page, for the recorder"),
        ("scoring", "Facilitator's scoring sheet", "one page, to check votes by hand"),
    ]
    items = "".join(f'<li><a href="{esc(FILES[k])}">{esc(name)}</a>: {esc(what)}</li>' for k, name, what in files)
    body = (f"{_header(s, f'{s.title}: printable materials', banner=None, sub='Lesson 13, the mediation simulation. ' + _fiction(s))}"  # noqa: E501
            f"<h2>Files</h2><ul>{items}</ul><h2>One brief per file</h2><ul>{briefs}</ul>"
            "<h2>Printing</h2><ul><li>Open a file in any browser and print it (Ctrl+P or \u2318P): A4 or US Letter, "
            "scale 100 % (or \u201cdefault\u201d), headers and footers off. Each brief, the slips, the outcome form "
            "and the scoring sheet fit one page; the public briefing takes two at most.</li>"
            "<li>Print a role's brief for each player of that role, the public briefing for everyone, one outcome "
            "form, and the scoring sheet and the slips for the facilitator.</li>"
            "<li>Everything here is generated from data/simulation.json: change the scenario, then run "
            "<code>python -m peaceops.simulation.briefs</code> again.</li></ul>"
            f"{_note(s)}")
    return f'<section class="po-sheet po-index">{body}</section>'


def build(out: Path, scenario: Scenario | Path | None = None) -> list[Path]:
    """Write every printed material into ``out`` (created if needed); returns the files written,
    the index first. ``scenario``: a :class:`Scenario`, a data folder, or None for the collection's."""
    s = _scenario(scenario)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    pages: dict[str, str] = {}
    sections = [_brief_section(s, p) for p in s.parties]
    pages[FILES["index"]] = _document(f"{s.title}: printable materials", [_index(s)])
    pages[FILES["briefs"]] = _document(f"{s.title}: confidential briefs (all roles)", sections)
    for party, section in zip(s.parties, sections, strict=True):
        pages[brief_file(party.id)] = _document(f"{s.title}: confidential brief, {party.name}", [section])
    pages[FILES["slips"]] = _document(f"{s.title}: spoiler slips", [_slips(s)])
    pages[FILES["public"]] = _document(f"{s.title}: public briefing", [_public(s)])
    pages[FILES["outcome"]] = _document(f"{s.title}: outcome form", [_outcome(s)])
    pages[FILES["scoring"]] = _document(f"{s.title}: facilitator's scoring sheet", [_scoring(s)])
    written = []
    for name, text in pages.items():
        path = out / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m peaceops.simulation.briefs", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "briefs", help="output folder")
    parser.add_argument("--data", type=Path, default=None,
                        help="folder holding simulation.json (default: $PEACEOPS_DATA, else the collection's data/)")
    args = parser.parse_args(argv)
    try:
        written = build(args.out, args.data)
    except DataError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    for path in written:
        print(f"{path}  {path.stat().st_size / 1024:.1f} kB")
    print(f"{len(written)} files -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
