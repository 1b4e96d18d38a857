"""What a scenario asks of its fighters' play: save yourself for your signature technique.

The seed story's rivals hold back until "they lunged at each other, full powered attacks
met".  A scenario says so in its data (``signature`` in a fighter's notes); this module
turns it into behaviour, around any player, without scripting any result:

- while the end is not near, a fighter with a signature never spends the chakra it needs
  to pour its signature in at full power (:data:`LUNGES` times), never charges any other
  technique, keeps the signature itself for later, and leaves its seal shut and its
  beast's chakra alone unless it is well behind;
- once the end is near (one of the rivals is down to :data:`CLIMAX_PERCENT` of its
  health: both see it at once), it lunges at its rival with the signature at full power,
  whenever it can; the engine decides what comes of it (a clash, a mutual strike, a
  dodge), and the fight goes on until it is decided.

Everything else is the wrapped player's choice, among the choices left to it.

>>> from kessen.players.intent import CLIMAX_PERCENT
>>> 0 < CLIMAX_PERCENT < 100
True
"""

from __future__ import annotations

from collections.abc import Mapping

from kessen.engine import Battle, Choice, Unit
from kessen.players.base import Player, Request

__all__ = ["CLIMAX_PERCENT", "IntentPlayer", "end_is_near"]

#: The end is near when either rival is at or below this percent of its health.
CLIMAX_PERCENT = 50
#: A fighter saving itself keeps the chakra for this many lunges at full power: "full
#: powered attacks met", and met again until one of them broke.
LUNGES = 2
#: A fighter saving itself leaves its seal shut (each stage eats at the bearer) and its
#: beast's chakra alone, unless it is behind its rival by this many points of health
#: percent: "cursed seal met sealed curse" is for the end.
BEHIND = 15


class IntentPlayer:
    """A player that follows its scenario's intent and asks ``inner`` for the rest."""

    def __init__(self, inner: Player, signatures: Mapping[str, str]) -> None:
        self.inner = inner
        self.signatures = dict(signatures)
        self.name = inner.name

    def choose(self, request: Request) -> list[Choice]:
        battle = request.battle
        lunges: list[Choice] = []
        left: dict[str, tuple[Choice, ...]] = {}
        for uid, options in request.legal.items():
            unit = battle.unit(uid)
            tech_id = self.signatures.get(unit.spec.id) if unit.role == "fighter" else None
            rival = _rival(battle, unit) if tech_id is not None else None
            if tech_id is None or rival is None:
                left[uid] = options
                continue
            full = _full_pour(unit, tech_id)
            if end_is_near(unit, rival):
                lunge = next(
                    (
                        c
                        for c in options
                        if c.action == tech_id and c.target == rival.uid and c.chakra == full
                    ),
                    None,
                )
                if lunge is not None:
                    lunges.append(lunge)
                    continue
            left[uid] = _holding_back(unit, options, tech_id, full, rival) or options
        chosen = (
            self.inner.choose(Request(battle, request.side, request.turn, left)) if left else []
        )
        return lunges + list(chosen)


def end_is_near(unit: Unit, rival: Unit) -> bool:
    """Whether one of the two is down to :data:`CLIMAX_PERCENT` of its health."""
    return any(u.health * 100 <= u.max_health * CLIMAX_PERCENT for u in (unit, rival))


def _rival(battle: Battle, unit: Unit) -> Unit | None:
    """The enemy fighter still standing, if there is exactly one."""
    foes = [u for u in battle.units if u.side != unit.side and u.role == "fighter"]
    standing = [u for u in foes if u.status == "ok"]
    return standing[0] if len(standing) == 1 and len(foes) == 1 else None


def _full_pour(unit: Unit, tech_id: str) -> int:
    tech = unit.spec.technique(tech_id)
    return tech.pours[-1] if tech is not None and tech.pours else 0


def _percent(unit: Unit) -> int:
    return unit.health * 100 // max(1, unit.max_health)


def _holding_back(
    unit: Unit, options: tuple[Choice, ...], tech_id: str, full: int, rival: Unit
) -> tuple[Choice, ...]:
    """The choices that keep the signature, and the chakra to pour it in, for later; the
    seal and the beast's techniques stay unused unless the fighter is well behind."""
    kept = []
    behind = _percent(unit) + BEHIND < _percent(rival)
    for c in options:
        if c.action == tech_id:
            continue
        tech = unit.spec.technique(c.action)
        if tech is not None and (tech.seal_steps or tech.needs == "beast") and not behind:
            continue
        if tech is not None and (c.chakra > tech.cost or unit.chakra - c.chakra < full * LUNGES):
            continue
        kept.append(c)
    return tuple(kept)
