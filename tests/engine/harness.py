"""A determinism harness: play a battle twice, round-tripping one copy through JSON.

The first copy plays straight through, its choices made by a chooser (players, a script).
The second copy plays the very same choices, but before the turns named in ``restore_at``
(every turn by default) it is saved with :meth:`Battle.snapshot`, turned into JSON text
and back, and rebuilt with :meth:`Battle.restore`.  After every turn the two copies must
have produced the same events (compared as their JSON lines) and be in the same state.

Anything that makes a battle depend on more than its content, seed and choices shows up
as a :class:`Divergence`: a rule drawing from an unseeded source, state that a snapshot
forgets, an order that depends on memory addresses.  (An order that depends on ``hash()``
of text is the same within one process; the cross-process test catches that one.)

>>> from kessen.engine import Battle, Fighter, Technique
>>> jab = Technique("jab", "Jab", power=30)
>>> def build():
...     return Battle([[Fighter("a", "A", 100, 50, techniques=(jab,))],
...                    [Fighter("b", "B", 100, 50, techniques=(jab,))]], seed=3)
>>> def choose(battle):
...     return [battle.legal_choices(uid)[0] for uid in battle.pending()]
>>> print(play_twice(build, choose, build().catalog))
None
"""

from __future__ import annotations

import json
from collections.abc import Callable, Container, Mapping, Sequence
from dataclasses import dataclass

from kessen.engine import Battle, Choice, Fighter
from kessen.engine.events import event_to_dict
from kessen.errors import KessenError
from kessen.players import Request, make_player

__all__ = [
    "Chooser",
    "Divergence",
    "event_lines",
    "play_twice",
    "players_chooser",
    "replay",
    "roundtrip",
]

Chooser = Callable[[Battle], Sequence[Choice]]


@dataclass(frozen=True)
class Divergence:
    """Where the two copies first differ: the turn, what differed, and how."""

    turn: int
    what: str  # "events", "state", "choices" or "end"
    detail: str

    def __str__(self) -> str:
        return f"turn {self.turn}: {self.what} differ: {self.detail}"


def event_lines(events: Sequence) -> list[str]:
    """Events as the JSON lines the command line prints (compact, keys in order)."""
    return [json.dumps(event_to_dict(e), separators=(",", ":")) for e in events]


def roundtrip(battle: Battle, catalog: Mapping[str, Fighter]) -> Battle:
    """The battle saved as JSON text and restored: what a file or a socket would carry."""
    return Battle.restore(json.loads(json.dumps(battle.snapshot())), catalog)


def players_chooser(seed: int, names: tuple[str, str] = ("heuristic", "heuristic")) -> Chooser:
    """A chooser that asks two named players (with streams derived from ``seed``)."""
    players = [make_player(name, seed, side) for side, name in enumerate(names)]

    def choose(battle: Battle) -> list[Choice]:
        out: list[Choice] = []
        for side in (0, 1):
            request = Request.for_side(battle, side)
            if request.legal:
                out.extend(players[side].choose(request))
        return out

    return choose


def replay(build: Callable[[], Battle], inputs: Sequence[Sequence[Choice]]) -> Battle:
    """A fresh battle from ``build`` fed the recorded ``inputs``, turn by turn."""
    battle = build()
    for choices in inputs:
        battle.play_turn(choices)
    return battle


def _first_difference(expected: list[str], got: list[str]) -> str | None:
    for i, (e, g) in enumerate(zip(expected, got, strict=False)):
        if e != g:
            return f"event {i}: expected {e} got {g}"
    if len(expected) != len(got):
        return f"expected {len(expected)} events, got {len(got)}"
    return None


def play_twice(
    build: Callable[[], Battle],
    choose: Chooser,
    catalog: Mapping[str, Fighter],
    *,
    restore_at: Container[int] | None = None,
    max_turns: int = 500,
) -> Divergence | None:
    """Play ``build()`` twice as the module says; ``None`` when the copies never differ.

    ``restore_at`` holds the turns (``battle.turn`` before the turn is played) at which the
    second copy goes through JSON; ``None`` means every turn, ``()`` never.
    """
    first, second = build(), build()
    difference = _first_difference(event_lines(first.events), event_lines(second.events))
    if difference:
        return Divergence(0, "events", difference)
    while not first.over and first.turn < max_turns:
        turn = first.turn + 1
        choices = list(choose(first))
        if restore_at is None or first.turn in restore_at:
            second = roundtrip(second, catalog)
        expected = event_lines(first.play_turn(choices))
        try:
            got = event_lines(second.play_turn(choices))
        except KessenError as exc:
            return Divergence(turn, "choices", f"the first copy's choices fail: {exc}")
        difference = _first_difference(expected, got)
        if difference:
            return Divergence(turn, "events", difference)
        if first.snapshot() != second.snapshot():
            return Divergence(turn, "state", _state_difference(first, second))
    if first.over != second.over or first.winner != second.winner:
        return Divergence(first.turn, "end", f"{first.end_reason} vs {second.end_reason}")
    return None


def _state_difference(first: Battle, second: Battle) -> str:
    a, b = first.snapshot(), second.snapshot()
    for key in a:
        if a[key] != b.get(key):
            return f"{key}: {str(a[key])[:200]} vs {str(b.get(key))[:200]}"
    return "snapshots differ"
