"""One ``kessen sim`` session: lines in, lines out, no I/O of its own.

The session holds at most one battle at a time.  Each turn it sends a request (with an id)
to every side the client plays that has a unit able to act; when every request of the
turn is answered, the turn is played and its events are sent.  A line that is wrong in
any way gets an ``error`` line and changes nothing.

>>> from kessen.content import load_starter_pack
>>> session = SimSession(load_starter_pack())
>>> session.greeting()
['kessen-sim 1']
>>> [line.split()[0] for line in session.handle("start p1=naruto p2=sasuke seed=7")][-2:]
['request', 'request']
>>> import json
>>> kind, payload = session.handle("choose 1 naruto dance")[0].split(" ", 1)
>>> kind, json.loads(payload)["code"]
('error', 'illegal')
>>> session.handle("choose 1 naruto guard")
['ok {"id":1}']
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kessen.content import Pack
from kessen.engine import Battle, Choice
from kessen.engine.events import event_to_dict
from kessen.errors import ChoiceSyntaxError, KessenError
from kessen.players import Player, Request
from kessen.protocol.commands import Choose, Simple, Start, parse_line
from kessen.protocol.messages import (
    SIDE_NAMES,
    battle_payload,
    end_payload,
    error,
    message,
    not_utf8,
    request_payload,
)
from kessen.protocol.setup import BattleSetup, battle_setup

__all__ = ["GREETING", "MAX_LINE", "PROTOCOL_VERSION", "SimSession"]

PROTOCOL_VERSION = 1
GREETING = f"kessen-sim {PROTOCOL_VERSION}"
#: Longest line read, in characters; longer lines are refused whole.
MAX_LINE = 65536


@dataclass
class _Request:
    id: int
    side: int
    turn: int
    answered: bool = False


@dataclass
class _Game:
    """The battle being played, and this turn's requests and accepted choices."""

    battle: Battle
    setup: BattleSetup
    bots: tuple[Player | None, ...]
    open: dict[int, _Request] = field(default_factory=dict)
    chosen: dict[int, list[Choice]] = field(default_factory=dict)


class SimSession:
    """The protocol's state machine; :meth:`handle` answers one client line."""

    def __init__(self, pack: Pack) -> None:
        self.pack = pack
        self.game: _Game | None = None
        self.closed = False
        self._next_id = 1

    @property
    def battle(self) -> Battle | None:
        """The battle being played (or the last one), if any."""
        return None if self.game is None else self.game.battle

    def greeting(self) -> list[str]:
        return [GREETING]

    def handle(self, line: str) -> list[str]:
        """The lines to send in answer to one line from the client."""
        text = line.strip()
        if self.closed or not text or text.startswith("#"):
            return []
        if len(text) > MAX_LINE:
            return [error("malformed", f"line longer than {MAX_LINE} characters", text)]
        if not_utf8(text):
            return [error("malformed", "the line is not UTF-8 text", text)]
        try:
            command = parse_line(text)
        except KessenError as exc:
            return [error("malformed", str(exc), text)]
        if isinstance(command, Start):
            return self._start(command, text)
        if isinstance(command, Simple) and command.name == "quit":
            self.closed = True
            return [message("bye", {})]
        if self.game is None:
            return [error("no-battle", "no battle yet: send start first", text)]
        if isinstance(command, Choose):
            return self._choose(self.game, command, text)
        return self._record(self.game, text)

    # -- start ---------------------------------------------------------------------------

    def _start(self, command: Start, text: str) -> list[str]:
        if self.game is not None and not self.game.battle.over:
            why = f"a battle is running (turn {self.game.battle.turn + 1}); finish it first"
            return [error("busy", why, text)]
        try:
            setup = battle_setup(command.options, self.pack)
            battle = setup.battle(self.pack)
        except KessenError as exc:
            return [error("bad-start", str(exc), text)]
        self.game = game = _Game(battle, setup, setup.bots())
        out = [message("battle", battle_payload(battle, self.pack, setup.sides, setup.players))]
        out += [message("event", event_to_dict(e)) for e in battle.events]
        return out + self._advance(game)

    def _advance(self, game: _Game) -> list[str]:
        """Ask for the next turn's choices (playing turns nobody has to answer)."""
        battle = game.battle
        out: list[str] = []
        while not battle.over:
            game.chosen, game.open = {}, {}
            for side in (0, 1):
                if not battle.pending(side):
                    continue
                bot = game.bots[side]
                if bot is not None:
                    game.chosen[side] = list(bot.choose(Request.for_side(battle, side)))
                    continue
                request = _Request(self._next_id, side, battle.turn + 1)
                self._next_id += 1
                game.open[request.id] = request
                out.append(message("request", request_payload(battle, request.id, side)))
            if game.open:
                return out
            out += _play(game)
        return [*out, message("end", end_payload(battle, game.setup.sides))]

    # -- choose --------------------------------------------------------------------------

    def _choose(self, game: _Game, command: Choose, text: str) -> list[str]:
        request = game.open.get(command.request)
        if request is None:
            return [self._no_such_request(game, command.request, text)]
        if request.answered:
            why = f"request {request.id} ({SIDE_NAMES[request.side]}) is already answered"
            return [error("answered", why + _waiting(game), text)]
        try:
            choices = _read_choices(game.battle, request, command.choices)
        except KessenError as exc:
            code = "syntax" if isinstance(exc, ChoiceSyntaxError) else "illegal"
            return [error(code, str(exc), text)]
        request.answered = True
        game.chosen[request.side] = choices
        out = [message("ok", {"id": request.id})]
        if all(r.answered for r in game.open.values()):
            out += _play(game)
            out += self._advance(game)
        return out

    def _no_such_request(self, game: _Game, request_id: int, text: str) -> str:
        if game.battle.over:
            return error("over", "the battle is over; send start for another", text)
        if not 1 <= request_id < self._next_id:
            return error("unknown-request", f"no request {request_id} was sent", text)
        why = f"request {request_id} is from an earlier turn" + _waiting(game)
        return error("stale", why, text)

    # -- record --------------------------------------------------------------------------

    def _record(self, game: _Game, text: str) -> list[str]:
        if not game.battle.over:
            return [error("not-over", "the record is written when the battle is over", text)]
        from kessen.replay import pack_id, record_of

        players, sides = game.setup.players, game.setup.sides
        record = record_of(game.battle, pack_id(self.pack), players=players, sides=sides)
        return [f"record {line}" for line in record.lines()]


def _play(game: _Game) -> list[str]:
    choices = [c for side in (0, 1) for c in game.chosen.get(side, ())]
    events = game.battle.play_turn(choices)
    return [message("event", event_to_dict(e)) for e in events]


def _waiting(game: _Game) -> str:
    waiting = [r for r in game.open.values() if not r.answered]
    if not waiting:
        return ""
    which = " and ".join(f"request {r.id} ({SIDE_NAMES[r.side]})" for r in waiting)
    return f"; turn {waiting[0].turn} waits for {which}"


def _read_choices(battle: Battle, request: _Request, texts: tuple[str, ...]) -> list[Choice]:
    """One legal choice per pending unit of the request's side, or a KessenError saying why."""
    side = SIDE_NAMES[request.side]
    chosen: dict[str, Choice] = {}
    for item in texts:
        choice = _parse_for_side(battle, request, item)
        if battle.unit(choice.unit).side != request.side:
            raise KessenError(f"{choice.unit} is not {side}'s: request {request.id} is {side}'s")
        if choice.unit in chosen:
            raise KessenError(f"two choices for {choice.unit}")
        if choice not in battle.legal_choices(choice.unit):
            raise KessenError(_why_illegal(battle, choice))
        chosen[choice.unit] = choice
    missing = [uid for uid in battle.pending(request.side) if uid not in chosen]
    if missing:
        raise KessenError(f"request {request.id} needs a choice for {', '.join(missing)} too")
    return list(chosen.values())


def _parse_for_side(battle: Battle, request: _Request, text: str) -> Choice:
    """The choice ``text`` names, short unit names read on the request's side."""
    try:
        return battle.parse_choice(text, request.side)
    except ChoiceSyntaxError:
        try:  # a short name of the other side's unit: say so, rather than "no unit called"
            choice = battle.parse_choice(text)
        except KessenError:
            choice = None
        if choice is not None and battle.unit(choice.unit).side != request.side:
            side = SIDE_NAMES[request.side]
            raise KessenError(
                f"{choice.unit} is not {side}'s: request {request.id} is {side}'s"
            ) from None
        raise


def _why_illegal(battle: Battle, choice: Choice) -> str:
    head = f"{choice.notation()!r} is not allowed"
    if choice.unit not in battle.pending():
        return f"{head}: {choice.unit} cannot act this turn"
    options = [c.notation() for c in battle.legal_choices(choice.unit) if c.action == choice.action]
    if options:
        return f"{head}; with {choice.action}: {', '.join(options[:6])}"
    actions = dict.fromkeys(c.action for c in battle.legal_choices(choice.unit))
    return f"{head}: {choice.unit} can do {', '.join(actions)}"
