"""What lesson 13 shows: the briefing, the deal-space explorer, solo play, the room's console, the debrief.

Every table and figure here is computed from ``data/simulation.json`` by :mod:`.model`; nothing is
typed in by hand. Each widget's callbacks are plain methods (``SoloPlay.propose``,
``RoomConsole.record`` ...) that the buttons call and the tests call directly; a move the rules do
not allow gives a short message in the widget, never a traceback.
"""

from __future__ import annotations

import html

import ipywidgets as widgets
import pandas as pd
import plotly.graph_objects as go
from IPython.display import HTML

from peaceops import charts, exercises
from peaceops.data import DataError
from peaceops.simulation import scenario as scenario_module
from peaceops.simulation import space as deal_space
from peaceops.simulation.game import GameOver, NotAllowed, RoomGame, SoloGame
from peaceops.simulation.model import DealSpace
from peaceops.simulation.scenario import SPOILER_TYPES, STRATEGIES, Scenario
from peaceops.widgets import Explorer, InputError, Table, message_html  # noqa: F401 - InputError for callers

SOURCE = ("Computed from data/simulation.json: a fictional scenario; every point, minimum and effect is a "
          "teaching assumption.")
WIDE = {"description_width": "initial"}
ACCEPT, REJECT = charts.OKABE_ITO["blue"], charts.OKABE_ITO["vermillion"]
STRATEGY_COLOURS = dict(zip(STRATEGIES, (charts.OKABE_ITO["black"], charts.OKABE_ITO["orange"],
                                         charts.OKABE_ITO["bluish_green"], charts.OKABE_ITO["reddish_purple"]),
                            strict=True))
STRATEGY_DASHES = dict(zip(STRATEGIES, ("solid", "dash", "dot", "dashdot"), strict=True))


def _button(**kwargs) -> widgets.Button:
    """A button as wide as its text (ipywidgets cuts a long description short with an ellipsis)."""
    return widgets.Button(layout=widgets.Layout(width="auto", min_width="fit-content"), **kwargs)


def _load() -> tuple[Scenario, DealSpace]:
    scenario = scenario_module.load()
    return scenario, deal_space(scenario)


# --- the briefing ---------------------------------------------------------------------------------
def public_briefing() -> HTML:
    """The public briefing every role reads: the setting, the parties' public positions, the issues and
    their options (no points), the agreement rule."""
    s = scenario_module.load()
    esc = html.escape
    setting = "".join(f"<p>{esc(p)}</p>" for p in s.setting)
    parties = "".join(f"<li><b>{esc(p.name)}</b>{' (no vote)' if not p.votes else ''}: "
                      f"\u201c{esc(p.position)}\u201d</li>" for p in s.parties)
    issues = "".join(
        f"<li><b>{esc(i.name)}</b>: {esc(i.question)}<ol type='a'>"
        + "".join(f"<li>{esc(o.name)}</li>" for o in i.options) + "</ol></li>" for i in s.issues)
    return HTML(
        f"<div><p><b>{esc(s.title)}.</b> <i>{esc(s.country)}, its neighbour and every party here are "
        f"fictional.</i></p>{setting}<p><b>The parties and their public positions</b></p><ul>{parties}</ul>"
        f"<p><b>The issues on the table</b></p><ol>{issues}</ol><p><b>The agreement rule.</b> "
        f"{esc(s.rule['text'])} Talks last at most {s.rounds} rounds, numbered 0 to {s.rounds - 1}.</p></div>")


def scenario_size() -> Table:
    """Parties, issues, options and packages: the size of the deal space."""
    s, sp = _load()
    options = " × ".join(str(len(i.options)) for i in s.issues)
    rows = [("Voting parties", len(s.voters)), ("Parties in all (with the mediators)", len(s.parties)),
            ("Issues", len(s.issues)), ("Options per issue", options),
            ("Packages (every combination)", len(sp.packages)),
            ("Pareto-efficient packages", int(sp.pareto.sum()))]
    return Table(pd.DataFrame(rows, columns=["Measure", "Value"]), caption="The size of the deal space")


def sizes_table(every: bool = False) -> Table:
    """Packages that meet the agreement rule (or, with ``every``, that every voting party accepts) in
    each round, for every spoiler type and strategy."""
    s, sp = _load()
    rows = []
    for (stype, strategy), counts in sp.table(every=every).items():
        rows.append({"Spoiler type": stype, "Strategy": s.strategies[strategy].name,
                     **{f"Round {r}": n for r, n in enumerate(counts)}})
    what = "every voting party accepts" if every else "meet the agreement rule"
    return Table(pd.DataFrame(rows), caption=f"Packages that {what}, round by round (of {len(sp.packages):,})")


# --- the deal-space explorer --------------------------------------------------------------------
class DealSpaceExplorer(Explorer):
    """How the feasible set grows with ripeness, and what each spoiler strategy does to it."""

    QUESTION = ("Which strategy towards the splinter group widens the deal space most, and does the answer "
                "depend on its type?")

    def __init__(self):
        self.scenario, self.space = _load()
        self.spoiler = widgets.Dropdown(options=[(f"{t} spoiler", t) for t in SPOILER_TYPES], value="greedy",
                                        description="Spoiler type", style=WIDE)
        self.measure = widgets.ToggleButtons(
            options=[("Meet the agreement rule", False), ("Every voting party accepts", True)], value=False,
            description="Count packages that", style=WIDE)
        self.figure = charts.new_figure("Packages on offer, round by round", SOURCE, widget=True, height=440)
        rounds = list(range(self.scenario.rounds))
        for sid in STRATEGIES:
            self.figure.add_scatter(x=rounds, y=[0] * len(rounds), mode="lines+markers",
                                    name=self.scenario.strategies[sid].name,
                                    line=dict(color=STRATEGY_COLOURS[sid], dash=STRATEGY_DASHES[sid], width=3))
        self.figure.update_xaxes(title_text="Round", tickmode="linear", tick0=0, dtick=1, tickformat="d",
                                 range=[-0.3, rounds[-1] + 0.3])
        self.figure.update_yaxes(title_text="Packages", rangemode="tozero")
        self.takeaway = widgets.HTML()
        super().__init__([self.spoiler, self.measure], self.figure, extra=[self.takeaway])
        self.refresh()

    def show(self, spoiler_type: str | None = None, every: bool | None = None) -> None:
        if spoiler_type is not None:
            self.spoiler.value = spoiler_type
        if every is not None:
            self.measure.value = every
        self.refresh()

    def update(self) -> None:
        stype, every = self.spoiler.value, self.measure.value
        counts = self.cached((stype, every), lambda: {s: self.space.counts(stype, s, every=every) for s in STRATEGIES})
        what = "every voting party accepts" if every else "meet the agreement rule"
        with self.figure.batch_update():
            for trace, sid in zip(self.figure.data, STRATEGIES, strict=True):
                trace.y = counts[sid]
                name = self.scenario.strategies[sid].name
                trace.hovertemplate = f"{name}<br>Round %{{x}}: %{{y}} packages<extra></extra>"
            self.figure.layout.title.text = f"Packages that {what}, round by round ({stype} spoiler)"
        last = {sid: c[-1] for sid, c in counts.items()}
        top = max(last.values())
        best = [sid for sid in STRATEGIES if last[sid] == top]
        names = " and ".join(self.scenario.strategies[sid].name.lower() for sid in best)
        if every and not any(last.values()):
            text = (f"With a {stype} spoiler, no package is acceptable to every voting party in any round, whatever "
                    "the strategy: the choice is to go on without it, and to protect the deal from it.")
        else:
            verb = "leave" if len(best) > 1 else "leaves"
            tie = " (a tie)" if len(best) > 1 else ""
            text = (f"With a {stype} spoiler, {names} {verb} the most packages{tie} by round "
                    f"{self.scenario.rounds - 1} ({top:,}; {last['none']:,} with no strategy). Each line rises with "
                    "the rounds: that is ripeness, as the model assumes it.")
        self.takeaway.value = f"<p><b>Takeaway.</b> {html.escape(text)}</p>"


# --- the acceptance matrix (solo and room) ----------------------------------------------------------
def _acceptance_figure(title: str) -> go.FigureWidget:
    fig = charts.new_figure(title, SOURCE, widget=True, height=360)
    fig.add_heatmap(z=[[0]], x=["Round 0"], y=["—"], zmid=0, zmin=-30, zmax=30, showscale=True,
                    colorscale=[[0, REJECT], [0.5, "#F7F7F7"], [1, ACCEPT]], texttemplate="%{text}",
                    text=[[""]], colorbar=dict(title=dict(text="Points above<br>its minimum")),
                    hovertemplate="%{y}, %{x}: %{text}<extra></extra>", xgap=2, ygap=2)
    fig.update_yaxes(autorange="reversed", showgrid=False, automargin=True)
    fig.update_layout(margin=dict(l=110))
    fig.update_xaxes(side="top", showgrid=False)
    return fig


def _fill_acceptance(fig: go.FigureWidget, scenario: Scenario, columns: list[tuple[str, dict, dict]],
                     margins: bool = True) -> None:
    """``columns``: (label, {party: accepts}, {party: margin}) for each package put to the vote. Without
    ``margins`` the cells show the votes only (the margins stay confidential until the debrief)."""
    if not margins:
        columns = [(label, votes, {p: (10 if ok else -10) for p, ok in votes.items()}) for label, votes, _m in columns]
    parties = [p.short for p in scenario.voters]
    if not columns:
        columns = [("No vote yet", {p.id: None for p in scenario.voters}, {p.id: 0 for p in scenario.voters})]
    z, text = [], []
    for p in scenario.voters:
        z.append([c[2].get(p.id, 0) for c in columns])
        text.append([("—" if c[1].get(p.id) is None else ("accepts" if c[1][p.id] else "rejects"))
                     + (f" {c[2][p.id]:+d}" if margins and c[1].get(p.id) is not None else "") for c in columns])
    with fig.batch_update():
        trace = fig.data[0]
        trace.z, trace.text = z, text
        trace.x, trace.y = [c[0] for c in columns], parties


class _Console:
    """What the solo game and the room's console share: a drop-down per issue, the strategy towards
    the spoiler, and moves that show a message instead of a traceback when the rules forbid them."""

    def _controls(self) -> None:
        self.choices = {
            i.id: widgets.Dropdown(options=[(o.name, o.id) for o in i.options], value=i.options[0].id,
                                   description=i.name, style=WIDE, layout=widgets.Layout(width="95%"))
            for i in self.scenario.issues}
        self.message = widgets.HTML()

    def _act(self, action, *args):
        try:
            result = action(*args)
        except (NotAllowed, GameOver, InputError) as err:
            self.message.value = message_html(str(err))
            return None
        except ValueError as err:  # a package the model cannot read (a control emptied by hand)
            self.message.value = message_html(f"That package cannot be read: {err}. Choose an option on every issue.")
            return None
        self.message.value = ""
        self._redraw()
        return result

    def use_strategy(self, strategy: str | None = None):
        if strategy is not None:
            self.strategy.value = strategy
        return self._act(self.game.use_strategy, self.strategy.value)

    def back_channel(self):
        return self._act(self.game.back_channel)


# --- solo play ---------------------------------------------------------------------------------
class SoloPlay(_Console):
    """The learner is the mediator. Propose packages, ask in caucus, open the back channel, choose a
    strategy towards the spoiler; computer-played parties with hidden tables answer each proposal."""

    def __init__(self, seed: int = 1):
        self.scenario, self.space = _load()
        self.space.pareto  # noqa: B018 - computed now (about 0.1 s, once per kernel), so no callback waits for it
        self.seed_box = widgets.BoundedIntText(value=int(seed), min=1, max=9999, description="Game number (seed)",
                                               style=WIDE, layout=widgets.Layout(width="240px"))
        self.new_button = _button(description="Start a new game", tooltip="Start again with this game number")
        self.new_button.on_click(lambda _b: self.new_game(self.seed_box.value))
        self._controls()
        self.propose_button = _button(description="Propose this package", button_style="primary",
                                             tooltip="Put the package to the vote: it uses up the round")
        self.propose_button.on_click(lambda _b: self.propose())
        talkers = [(p.short, p.id) for p in self.scenario.voters if not p.outside]
        self.caucus_party = widgets.Dropdown(options=talkers, description="Ask in caucus", style=WIDE)
        self.caucus_button = _button(description="Ask about priorities", tooltip="Uses a caucus question")
        self.caucus_button.on_click(lambda _b: self.ask())
        self.channel_button = _button(description="Open the back channel",
                                             tooltip="Track 2 to the Brigades: uses up a round")
        self.channel_button.on_click(lambda _b: self.back_channel())
        self.strategy = widgets.Dropdown(options=[(self.scenario.strategies[s].name, s) for s in STRATEGIES[1:]],
                                         description="Strategy towards the Brigades", style=WIDE,
                                         layout=widgets.Layout(width="max-content"))
        self.strategy_button = _button(description="Use this strategy", tooltip="Once per game")
        self.strategy_button.on_click(lambda _b: self.use_strategy())
        voters = [(p.short, p.id) for p in self.scenario.voters]
        self.leak_about = widgets.Dropdown(options=voters, value=voters[1][1], description="Tell what", style=WIDE)
        self.leak_to = widgets.Dropdown(options=voters, value=voters[0][1], description="said in confidence to",
                                        style=WIDE)
        self.leak_button = _button(description="Pass it on", tooltip="A breach of confidence")
        self.leak_button.on_click(lambda _b: self.disclose())
        self.status = widgets.HTML()
        self.log = widgets.HTML()
        self.figure = _acceptance_figure("Who accepts the package on the table")
        self.debrief_box = widgets.Output()
        package = widgets.VBox([widgets.HTML("<b>Your package</b>"), *self.choices.values(), self.propose_button])
        tools = widgets.VBox([
            widgets.HTML("<b>Your other moves</b>"),
            widgets.HBox([self.caucus_party, self.caucus_button]),
            widgets.HBox([self.channel_button]),
            widgets.HBox([self.strategy, self.strategy_button]),
            widgets.HBox([self.leak_about, self.leak_to, self.leak_button]),
        ])
        self.widget = widgets.VBox([widgets.HBox([self.seed_box, self.new_button]), self.status, self.message,
                                    package, tools, self.figure, self.log, self.debrief_box])
        self.new_game(seed)

    # callbacks --------------------------------------------------------------------------
    def new_game(self, seed: int | None = None) -> None:
        self.game = SoloGame(self.scenario, self.space, seed=int(seed if seed is not None else self.seed_box.value))
        self.seed_box.value = self.game.seed
        self.message.value = ""
        self.debrief_box.clear_output()
        self._redraw()

    def package(self) -> dict[str, str]:
        return {iid: box.value for iid, box in self.choices.items()}

    def set_package(self, package: dict[str, str]) -> None:
        for iid, option in package.items():
            self.choices[iid].value = option

    def propose(self, package: dict[str, str] | None = None):
        if package is not None:
            self.set_package(package)
        return self._act(self.game.propose, self.package())

    def ask(self, party_id: str | None = None):
        if party_id is not None:
            self.caucus_party.value = party_id
        return self._act(self.game.ask, self.caucus_party.value)

    def disclose(self, about: str | None = None, to: str | None = None):
        if about is not None:
            self.leak_about.value = about
        if to is not None:
            self.leak_to.value = to
        return self._act(self.game.disclose, self.leak_about.value, self.leak_to.value)

    # drawing ------------------------------------------------------------------------------
    def _redraw(self) -> None:
        g = self.game
        trust = ", ".join(f"{self.scenario.party(p).short} {t}" for p, t in g.trust_levels().items())
        state = ("agreement reached" if g.agreement is not None else
                 "no rounds left" if g.over else f"round {g.round} (rounds 0 to {g.rounds - 1})")
        self.status.value = (f"<p role='status'><b>Game {g.seed}</b>: {state}; caucus questions left: "
                             f"{g.questions_left}; spoiler strategy: {g.strategy_used or 'none yet'}. "
                             f"Trust in you: {html.escape(trust)}.</p>")
        columns = [(f"Round {vote.round}", vote.accepts, vote.margins) for vote in g.votes()]
        _fill_acceptance(self.figure, self.scenario, columns)
        lines = "".join(f"<li>{html.escape(line)}</li>" for line in g.transcript)
        self.log.value = f"<div style='max-height:22em;overflow:auto'><b>Transcript</b><ul>{lines}</ul></div>"
        for button in (self.propose_button, self.caucus_button, self.channel_button, self.strategy_button,
                       self.leak_button):
            button.disabled = g.over
        if g.over:
            with self.debrief_box:
                self.debrief_box.clear_output()
                debrief(g).show()

    def _ipython_display_(self) -> None:
        from IPython.display import HTML, display

        if charts.handout_mode():
            display(HTML(message_html("The solo game runs in JupyterLab: open this lesson there (or on Binder) "
                                      "to play it. The public briefing above is all a player starts with.", "info")))
            return
        display(self.widget)


# --- the room's console -----------------------------------------------------------------------
class RoomConsole(_Console):
    """The facilitator's projector view: enter the room's package and votes each round, draw the round's
    event, record a spoiler strategy or a breach, and show the debrief at the end."""

    def __init__(self, seed: int = 1, spoiler_type: str | None = None):
        self.scenario, self.space = _load()
        self.space.pareto  # noqa: B018 - computed once per kernel, before any callback
        self.game = RoomGame(self.scenario, self.space, seed=seed, spoiler_type=spoiler_type)
        self._controls()
        self.votes = {p.id: widgets.ToggleButtons(options=[("Accepts", True), ("Rejects", False)], value=False,
                                                  description=p.short, style=WIDE)
                      for p in self.scenario.voters}
        self.event_button = _button(description="Draw the round's event")
        self.event_button.on_click(lambda _b: self.draw_event())
        self.record_button = _button(description="Record this round", button_style="primary")
        self.record_button.on_click(lambda _b: self.record())
        self.strategy = widgets.Dropdown(options=[(self.scenario.strategies[s].name, s) for s in STRATEGIES[1:]],
                                         description="Spoiler strategy used", style=WIDE)
        self.strategy_button = _button(description="Record the strategy")
        self.strategy_button.on_click(lambda _b: self.use_strategy())
        self.channel_button = _button(description="Record a back-channel round",
                                             tooltip="The round closes without a vote")
        self.channel_button.on_click(lambda _b: self.back_channel())
        voters = [(p.short, p.id) for p in self.scenario.voters]
        self.breach_about = widgets.Dropdown(options=voters, value=voters[1][1], description="Whose confidence",
                                             style=WIDE)
        self.breach_to = widgets.Dropdown(options=voters, value=voters[0][1], description="was passed to",
                                          style=WIDE)
        self.breach_button = _button(description="Record a breach")
        self.breach_button.on_click(lambda _b: self.breach())
        self.debrief_button = _button(description="Show the debrief")
        self.debrief_button.on_click(lambda _b: self.show_debrief())
        self.status, self.events = widgets.HTML(), widgets.HTML()
        self.figure = _acceptance_figure("The room's votes (points above each minimum at the debrief)")
        self.revealed = False
        self.debrief_box = widgets.Output()
        self.widget = widgets.VBox([
            self.status, self.message, widgets.HTML("<b>The package on the table</b>"), *self.choices.values(),
            widgets.HTML("<b>The room's votes</b>"), *self.votes.values(),
            widgets.HBox([self.event_button, self.record_button, self.channel_button]),
            widgets.HBox([self.strategy, self.strategy_button]),
            widgets.HBox([self.breach_about, self.breach_to, self.breach_button]),
            self.events, self.figure, self.debrief_button, self.debrief_box])
        self._redraw()

    def draw_event(self):
        event = self._act(self.game.draw_event)
        if event is not None:
            self.events.value = (f"<p role='status'><b>Round {self.game.round}: {html.escape(event.name)}.</b> "
                                 f"{html.escape(event.text)}</p>")
        return event

    def record(self, package: dict[str, str] | None = None, votes: dict[str, bool] | None = None):
        for iid, option in (package or {}).items():
            self.choices[iid].value = option
        for pid, vote in (votes or {}).items():
            self.votes[pid].value = vote
        return self._act(self.game.record, {i: b.value for i, b in self.choices.items()},
                         {p: b.value for p, b in self.votes.items()})

    def breach(self, about: str | None = None, to: str | None = None):
        if about is not None:
            self.breach_about.value = about
        if to is not None:
            self.breach_to.value = to
        text = self._act(self.game.breach, self.breach_about.value, self.breach_to.value)
        if text:
            self.events.value = f"<p role='status'>{html.escape(text)}</p>"
        return text

    def show_debrief(self):
        self.revealed = True
        self._redraw()
        with self.debrief_box:
            self.debrief_box.clear_output()
            debrief(self.game).show()

    def _redraw(self) -> None:
        g = self.game
        state = "agreement reached" if g.agreement is not None else ("no rounds left" if g.over else f"round {g.round}")
        trust = ", ".join(f"{self.scenario.party(p).short} {int(v)}"
                          for p, v in zip(self.space.ids, self.space.trust(g.cond), strict=True))
        self.status.value = (f"<p role='status'><b>Room game {g.seed}</b>: {state}; spoiler strategy: "
                             f"{g.strategy_used or 'none yet'}. Trust in the mediators: {html.escape(trust)}.</p>")
        columns = []
        for entry in g.rounds_played:
            label = f"Round {entry.round}"
            columns.append((label, entry.accepts, entry.margins))
        _fill_acceptance(self.figure, self.scenario, columns, margins=self.revealed)

    def _ipython_display_(self) -> None:
        from IPython.display import HTML, display

        if charts.handout_mode():
            display(HTML(message_html("The room's console runs in JupyterLab, on the facilitator's screen.", "info")))
            return
        display(self.widget)


# --- the debrief ---------------------------------------------------------------------------------
class Debrief:
    """How far the deal on the table was from efficient, and what a deal acceptable to all would have needed."""

    def __init__(self, game: SoloGame | RoomGame):
        self.game = game
        self.scenario, self.space = game.scenario, game.space
        votes = game.votes() if isinstance(game, SoloGame) else game.rounds_played
        self.index = game.agreement if game.agreement is not None else (votes[-1].package if votes else None)
        self.last_round = votes[-1].round if votes else 0  # the round of the agreement, or of the last vote
        self.cond = game.cond.at(self.last_round)

    def summary(self) -> list[str]:
        """The debrief in sentences."""
        if self.index is None:
            return ["No package was put to the vote, so there is nothing to compare."]
        sp, s = self.space, self.scenario
        out = []
        agreed = self.game.agreement is not None
        out.append(("The parties agreed" if agreed else "No agreement; the last package voted") +
                   f" in round {self.last_round}.")
        better = sp.dominating(self.index)
        if better is None:
            out.append("The package is Pareto-efficient: no other package gives every voting party at least as "
                       "much and one of them more.")
        else:
            gain = (sp.base[better] - sp.base[self.index]).tolist()
            gains = ", ".join(f"{p.short} {g:+d}" for p, g in zip(s.voters, gain, strict=True) if g)
            out.append(f"The package is not efficient: another gives every voting party at least as much ({gains}; "
                       f"{sum(gain):+d} points in all). It changes: "
                       + "; ".join(f"{issue}: \u201c{b}\u201d instead of \u201c{a}\u201d"
                                   for issue, a, b in sp.changes(self.index, better)) + ".")
        every = sp.all_accept(self.cond)
        near = sp.nearest(self.index, every)
        if near is None:
            out.append(f"No package was acceptable to every voting party in round {self.cond.round} (the spoiler was "
                       f"{self.game.spoiler_type}; strategy: {self.game.strategy_used or 'none'}).")
        elif near == self.index:
            out.append("Every voting party accepts this package.")
        else:
            out.append("A package every voting party would have accepted needed "
                       + "; ".join(f"{issue}: \u201c{b}\u201d instead of \u201c{a}\u201d"
                                   for issue, a, b in sp.changes(self.index, near)) + ".")
        met = sp.outlook(self.index, self.game.cond)
        out.append(f"Implementation outlook (a teaching device, not a forecast): {sum(m for _n, m in met)} of "
                   f"{len(met)} conditions met: " + "; ".join(f"{n}: {'yes' if m else 'no'}" for n, m in met) + ".")
        needs = []
        for p in s.voters:
            if p.spoiler and self.game.spoiler_type == "total":
                needs.append(f"{p.short}: nothing on the table was enough (a total spoiler)")
                continue
            top = p.priorities(s.issues)[0][0]
            needs.append(f"{p.short}: above all, {top.label} (\u201c{p.best(top).name}\u201d)")
        out.append("What each party needed most: " + "; ".join(needs) + ".")
        out.append(f"The spoiler was {self.game.spoiler_type}: "
                   f"{s.spoiler_types[self.game.spoiler_type]['text']}.")
        return out

    def figure(self) -> go.Figure:
        """Each voting party's score for the package, for the efficient package that dominates it, and its minimum."""
        sp, s = self.space, self.scenario
        fig = charts.new_figure("The package on the table against the efficient frontier", SOURCE, height=420)
        if self.index is None:
            return fig
        names = [p.short for p in s.voters]
        mins = sp.minimums(self.cond).tolist()
        scores = sp.scores(self.game.cond)
        fig.add_bar(x=names, y=scores[self.index].tolist(), name="Your package",
                    marker_color=charts.OKABE_ITO["sky_blue"])
        better = sp.dominating(self.index)
        if better is not None:
            fig.add_bar(x=names, y=scores[better].tolist(), name="An efficient package that dominates it",
                        marker_color=charts.OKABE_ITO["blue"], marker_pattern_shape="/")
        fig.add_scatter(x=names, y=mins, mode="markers", name=f"Minimum in round {self.cond.round}",
                        marker=dict(symbol="line-ew-open", size=36,
                                    line=dict(width=3, color=charts.OKABE_ITO["black"])))
        fig.update_layout(barmode="group", yaxis_title="Points (of 100)", yaxis_range=[0, 100])
        return fig

    def show(self) -> None:
        from IPython.display import HTML, display

        display(HTML("<p><b>Debrief</b></p><ul>" + "".join(f"<li>{html.escape(t)}</li>" for t in self.summary())
                     + "</ul>"))
        display(self.figure())
        display(HTML("<p><b>Takeaway.</b> " + html.escape(self.summary()[1]) + "</p>"))


def debrief(game: SoloGame | RoomGame) -> Debrief:
    return Debrief(game)


# --- the pre- and post-simulation questions -----------------------------------------------------------
_ANSWERS: dict[str, dict[str, str | None]] = {}


class Survey:
    """The same few questions before and after the game: answer, save, and after the game compare."""

    def __init__(self, stage: str):
        if stage not in ("pre", "post"):
            raise InputError("Choose survey('pre') before the game or survey('post') after it.")
        self.stage = stage
        ids = scenario_module.load().survey.get(stage, [])
        self.items = [exercises.item(i) for i in ids]
        self.boxes = [widgets.RadioButtons(options=list(it.question.options), value=None,
                                           description=f"Question {n + 1}", style=WIDE,
                                           layout=widgets.Layout(width="max-content"))
                      for n, it in enumerate(self.items)]
        label = "Save my answers" if stage == "pre" else "Save and compare with before"
        self.button = _button(description=label, button_style="primary")
        self.button.on_click(lambda _b: self.save())
        self.result = widgets.HTML()
        parts = []
        for it, box in zip(self.items, self.boxes, strict=True):
            parts += [widgets.HTML(f"<b>{html.escape(it.question.prompt)}</b>"), box]
        self.widget = widgets.VBox([*parts, self.button, self.result])

    def save(self, answers: list[str] | None = None) -> str:
        if answers is not None:
            for box, a in zip(self.boxes, answers, strict=True):
                box.value = a
        _ANSWERS[self.stage] = {it.id: box.value for it, box in zip(self.items, self.boxes, strict=True)}
        if self.stage == "pre":
            text = "Saved for this session. Answer the same questions again after the game, and compare."
            self.result.value = message_html(text, "info")
            return text
        before = _ANSWERS.get("pre")
        rows = []
        for it in self.items:
            now = _ANSWERS["post"][it.id]
            then = (before or {}).get(it.id)
            change = "no answer before" if before is None or then is None else ("changed" if then != now else "same")
            rows.append(f"<li><b>{html.escape(it.question.prompt)}</b><br>Before: {html.escape(str(then or '—'))}; "
                        f"after: {html.escape(str(now or '—'))} ({change}).</li>")
        after = _ANSWERS["post"]
        changed = sum(1 for it in self.items if before and before.get(it.id) and before[it.id] != after[it.id])
        text = f"{changed} of {len(self.items)} answers changed."
        self.result.value = f"<div role='status'>{html.escape(text)}</div><ul>{''.join(rows)}</ul>"
        return text

    def _ipython_display_(self) -> None:
        from IPython.display import HTML, display

        if charts.handout_mode():
            items = "".join(f"<li>{html.escape(it.question.prompt)}<ul>"
                            + "".join(f"<li>{html.escape(o)}</li>" for o in it.question.options) + "</ul></li>"
                            for it in self.items)
            display(HTML(f"<ol>{items}</ol>"))
            return
        display(self.widget)


def survey(stage: str) -> Survey:
    """The pre- (``"pre"``) or post-simulation (``"post"``) questions."""
    return Survey(stage)


__all__ = ["DataError", "DealSpaceExplorer", "Debrief", "RoomConsole", "SoloPlay", "debrief", "public_briefing",
           "scenario_size", "sizes_table", "survey"]
