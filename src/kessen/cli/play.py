"""``kessen play A B``: a person plays one side in the terminal against a built-in player.

Each turn shows both sides (health, chakra, states, cooldowns), then, for each unit of
the person's side that can act, its legal choices, numbered, with their chakra cost and
the damage they would do.  A choice is read as its number or written out: ``rasengan``,
``rasengan sasuke``, ``rasengan sasuke 48``, ``rasengan x2`` (twice the cost), ``guard``,
or the full notation ``naruto rasengan p2.sasuke 48``; a missing target or chakra is
filled in when only one fits.  ``auto`` lets the heuristic choose for that unit, ``help``
lists these, ``quit`` (or the end of input) leaves.  A choice that cannot be read or is
not allowed is refused with the reason, and the question is asked again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from kessen.arena import check_player_spec, player_from_spec
from kessen.cli.battle_log import render_turn, unit_names
from kessen.cli.common import PackOption, SaveOption, get_pack, parse_side, record_path
from kessen.engine import GUARD, REST, Battle, Choice, Unit, estimate_damage
from kessen.errors import ChoiceSyntaxError, IllegalChoiceError, KessenError
from kessen.players import Player, Request, make_player
from kessen.replay import save_record

__all__ = ["PlaySession", "read_choice", "register"]

HELP = (
    "Type a number from the list, or a choice: 'rasengan', 'rasengan sasuke', "
    "'rasengan sasuke 48', 'rasengan x2' (twice the cost), 'guard', 'rest'.\n"
    "'auto' lets the heuristic choose for this unit; 'quit' leaves the battle."
)


class _Quit(Exception):
    """The person left (``quit`` or the end of input)."""


def play(
    side_a: Annotated[str, typer.Argument(help="First side: a fighter id, or a team a+b.")],
    side_b: Annotated[str, typer.Argument(help="Second side.")],
    opponent: Annotated[
        str, typer.Option(help="Who plays the other side: search, heuristic, random, search:400.")
    ] = "search",
    side: Annotated[int, typer.Option(help="The side you play: 1 (first) or 2 (second).")] = 1,
    seed: Annotated[int, typer.Option(help="Seed of the battle.")] = 7,
    turn_limit: Annotated[int, typer.Option(help="Turns before the battle is called a draw.")] = 40,
    save: SaveOption = None,
    pack: PackOption = None,
) -> None:
    """Play one side of a battle yourself, a turn at a time."""
    if side not in (1, 2):
        raise KessenError(f"--side {side}: you play side 1 or side 2")
    check_player_spec(opponent)
    save = record_path(save)
    content = get_pack(pack)
    teams = [parse_side(content, side_a), parse_side(content, side_b)]
    battle = Battle(teams, seed=seed, turn_limit=turn_limit, catalog=content.catalog)
    mine = side - 1
    session = PlaySession(battle, mine, player_from_spec(opponent, seed, 1 - mine), opponent)
    labels = [f"{name} ({opponent})" for name in (side_a, side_b)]
    labels[mine] = f"{(side_a, side_b)[mine]} (you)"
    session.names = (labels[0], labels[1])
    finished = session.run()
    if save:
        # A battle left half way is kept too: its record replays to where it stopped.
        players = ["human", "human"]
        players[1 - mine] = opponent
        save_record(save, battle, content, players=tuple(players), sides=(side_a, side_b))
        print(f"Saved the record{'' if finished else ' (unfinished)'} to {save}")


class PlaySession:
    """One person, one battle: show, ask, play, narrate, until the end or until they leave."""

    def __init__(
        self,
        battle: Battle,
        side: int,
        opponent: Player,
        opponent_name: str,
        read: Callable[[str], str] = input,
        console: Console | None = None,
    ) -> None:
        self.battle = battle
        self.side = side
        self.opponent = opponent
        self.opponent_name = opponent_name
        self.read = read
        self.console = console or Console(highlight=False)
        self.helper = make_player("heuristic", battle.seed, side)
        #: What the battle's last line calls each side.
        self.names: tuple[str, str] = ("side 1", "side 2")

    def run(self) -> bool:
        """Play to the end; ``False`` if the person left first."""
        battle = self.battle
        while not battle.over:
            self.show_field()
            try:
                choices = self.ask_turn()
            except _Quit:
                self.console.print(f"You leave the battle at turn {battle.turn + 1}.")
                return False
            other = Request.for_side(battle, 1 - self.side)
            if other.legal:
                choices.extend(self.opponent.choose(other))
            events = battle.play_turn(choices)
            for line in render_turn(battle, events, self.names):
                self.console.print(line, markup=False)
        self.console.print(_verdict(battle, self.side))
        return True

    def show_field(self) -> None:
        battle = self.battle
        table = Table(title=f"Turn {battle.turn + 1} of at most {battle.turn_limit}")
        for column in ("side", "unit", "health", "chakra", "state", "cooldowns"):
            table.add_column(column, justify="right" if column in ("health", "chakra") else "left")
        names = unit_names(battle)
        for u in battle.units:
            if u.status == "gone":
                continue
            who = "you" if u.side == self.side else self.opponent_name
            cooldowns = ", ".join(f"{t} {n}" for t, n in sorted(u.cooldowns.items()))
            table.add_row(
                who,
                f"{names[u.uid]} ({u.uid})",
                f"{u.health}/{u.max_health}",
                f"{u.chakra}/{u.max_chakra}",
                _state(u),
                cooldowns or "-",
            )
        self.console.print(table)

    def ask_turn(self) -> list[Choice]:
        battle = self.battle
        pending = battle.pending(self.side)
        if not pending:
            self.console.print("None of your units can act this turn.")
        choices = []
        for uid in pending:
            choices.append(self.ask_unit(battle.unit(uid), battle.legal_choices(uid)))
        return choices

    def ask_unit(self, unit: Unit, legal: tuple[Choice, ...]) -> Choice:
        names = unit_names(self.battle)
        self.console.print(f"Choices for {names[unit.uid]} ({unit.chakra} chakra):")
        for i, c in enumerate(legal, 1):
            self.console.print(f"  {i:>2}) {_describe(self.battle, unit, c, names)}", markup=False)
        while True:
            try:
                text = self.read(f"{names[unit.uid]}> ")
            except (EOFError, KeyboardInterrupt):
                self.console.print("")
                raise _Quit from None
            word = text.strip().lower()
            if word in ("quit", "exit", "q"):
                raise _Quit
            if word in ("help", "?"):
                self.console.print(HELP, markup=False)
                continue
            if word == "auto":
                request = Request(self.battle, self.side, self.battle.turn + 1, {unit.uid: legal})
                return self.helper.choose(request)[0]
            try:
                return read_choice(self.battle, unit, legal, text)
            except (ChoiceSyntaxError, IllegalChoiceError) as exc:
                self.console.print(
                    f"Not accepted: {exc}. Try again ('help' for help).", markup=False
                )


def read_choice(battle: Battle, unit: Unit, legal: tuple[Choice, ...], text: str) -> Choice:
    """The legal choice ``text`` names for ``unit``: a number from the list, or words.

    >>> from kessen.content import load_starter_pack
    >>> pack = load_starter_pack()
    >>> b = Battle([[pack.fighter("naruto")], [pack.fighter("sasuke")]], seed=1)
    >>> me = b.unit("p1.naruto")
    >>> read_choice(b, me, b.legal_choices("p1.naruto"), "rasengan x2").notation()
    'p1.naruto rasengan p2.sasuke 48'
    >>> read_choice(b, me, b.legal_choices("p1.naruto"), "99")
    Traceback (most recent call last):
    ...
    kessen.errors.ChoiceSyntaxError: there is no choice 99 (choose 1 to 14)
    """
    words = text.split()
    if not words:
        raise ChoiceSyntaxError("type a number or a choice")
    if len(words) == 1 and words[0].isdigit():
        number = int(words[0])
        if not 1 <= number <= len(legal):
            raise ChoiceSyntaxError(f"there is no choice {number} (choose 1 to {len(legal)})")
        return legal[number - 1]
    if words[0].lower() in (unit.uid, unit.uid.split(".", 1)[1]) and len(words) > 1:
        words = words[1:]
    action, words = _action(unit, words)
    target, chakra, tier = _target_and_chakra(battle, words, text)
    options = [c for c in legal if c.action == action]
    if not options:
        raise IllegalChoiceError(_why_not(unit, action))
    if target is not None:
        options = [c for c in options if c.target == target]
        if not options:
            aims = sorted({c.target for c in legal if c.action == action and c.target})
            listed = f" (targets: {', '.join(aims)})" if aims else ""
            raise IllegalChoiceError(f"{action} cannot be aimed at {target}{listed}")
    elif len({c.target for c in options}) > 1:
        named = ", ".join(sorted({c.target or "-" for c in options}))
        raise ChoiceSyntaxError(f"{action} needs a target: {named}")
    tech = unit.spec.technique(action)
    if tier is not None and tech is not None:
        chakra = tech.cost * tier
    if chakra is not None:
        found = [c for c in options if c.chakra == chakra]
        if not found:
            amounts = ", ".join(str(c.chakra) for c in options)
            raise IllegalChoiceError(f"{action} takes {amounts} chakra here, not {chakra}")
        return found[0]
    return min(options, key=lambda c: c.chakra)


def _action(unit: Unit, words: list[str]) -> tuple[str, list[str]]:
    """The technique (or rest / guard) the first words name, and the words left."""
    techs = unit.spec.techniques
    for k in range(len(words), 0, -1):
        phrase = " ".join(words[:k]).lower()
        if phrase in (REST, GUARD):
            return phrase, words[k:]
        for t in techs:
            if phrase in (t.id, t.name.lower(), t.id.replace("_", " ")):
                return t.id, words[k:]
    head = words[0].lower()
    found = [t.id for t in techs if t.id.startswith(head)]
    found += [a for a in (REST, GUARD) if a.startswith(head)]
    if len(found) == 1:
        return found[0], words[1:]
    if found:
        raise ChoiceSyntaxError(f"{words[0]!r} could be {' or '.join(found)}")
    known = ", ".join([t.id for t in techs] + [REST, GUARD])
    raise ChoiceSyntaxError(f"{unit.spec.name} knows no {words[0]!r} (known: {known})")


def _target_and_chakra(
    battle: Battle, words: list[str], text: str
) -> tuple[str | None, int | None, int | None]:
    target = chakra = tier = None
    for word in words:
        low = word.lower()
        if low.isdigit():
            chakra = int(low)
        elif len(low) == 2 and "x" in low and low.replace("x", "").isdigit():
            tier = int(low.replace("x", ""))
        elif target is None:
            target = _unit_named(battle, word)
        else:
            raise ChoiceSyntaxError(f"cannot read {text!r}: unexpected {word!r}")
    return target, chakra, tier


def _unit_named(battle: Battle, word: str) -> str:
    """The id of the unit called ``word`` (``p2.sasuke``, ``sasuke`` or ``Sasuke``)."""
    low = word.lower()
    names = unit_names(battle)
    found = [
        u.uid
        for u in battle.units
        if u.status != "gone"
        and low in (u.uid.lower(), u.uid.split(".", 1)[1].lower(), names[u.uid].lower())
    ]
    if len(found) == 1:
        return found[0]
    if found:
        raise ChoiceSyntaxError(f"{word!r} could be {' or '.join(found)}")
    raise ChoiceSyntaxError(f"there is no unit called {word!r} on the field")


def _why_not(unit: Unit, action: str) -> str:
    tech = unit.spec.technique(action)
    if tech is None:
        return f"{unit.spec.name} cannot {action} now"
    if unit.cooldowns.get(tech.id):
        left = unit.cooldowns[tech.id]
        return f"{tech.name} is cooling down ({left} more turn{'s' if left > 1 else ''})"
    if unit.chakra < tech.cost:
        return f"{tech.name} costs {tech.cost} chakra; {unit.spec.name} has {unit.chakra}"
    return f"{tech.name} cannot be used now"


def _describe(battle: Battle, unit: Unit, c: Choice, names: dict[str, str]) -> str:
    if c.action == REST:
        regained = unit.spec.regen * 3
        return f"rest (recover {regained} chakra)" if regained else "rest (no chakra to recover)"
    if c.action == GUARD:
        return "guard (halve the damage taken this turn)"
    tech = unit.spec.technique(c.action)
    if tech is None:
        return c.notation()
    parts = [tech.id]
    if c.target:
        parts.append(f"at {names.get(c.target, c.target)}")
    cost = f"{c.chakra} chakra" if c.chakra else "free"
    if tech.cost and c.chakra > tech.cost:
        cost += f" (x{c.chakra // tech.cost})"
    parts.append(f"- {cost}")
    if tech.is_attack and c.target:
        parts.append(f"~{estimate_damage(unit, tech, c.chakra, battle.unit(c.target))} damage")
    if tech.cooldown:
        parts.append(f"cooldown {tech.cooldown}")
    return " ".join(parts)


def _state(u: Unit) -> str:
    bits = [u.status if u.status != "critical" else f"CRITICAL ({u.clock} turns)"]
    if u.role != "fighter":
        bits.append(u.role)
    if u.stun:
        bits.append(f"stunned {u.stun}")
    if u.tracked:
        bits.append("tracked")
    if u.seal_stage:
        bits.append(f"seal stage {u.seal_stage}")
    if u.resolve_on:
        bits.append("resolve")
    if u.spec.beast is not None:
        bits.append(f"{u.spec.beast.name} {u.beast_pool}")
    return ", ".join(bits)


def _verdict(battle: Battle, side: int) -> str:
    if battle.winner is None:
        why = "the turn limit" if battle.end_reason == "turn_limit" else "both sides fell"
        return f"The battle ends in a draw ({why})."
    return "You win!" if battle.winner == side else "You lose."


def register(app: typer.Typer) -> None:
    app.command("play")(play)
