"""The engine's only output: typed events, never English.

Every event is an immutable named tuple whose first field is ``turn`` and whose last
field, ``type``, names its kind (it has a default: never pass it).  :func:`event_to_dict`
gives the JSON layout: one object with ``type`` first, then the fields in the order below
(documented in ``docs/events.md``).

>>> e = Hit(turn=3, unit="p1.naruto", target="p2.sasuke", technique="rasengan",
...         damage=41, health=59, via="clash")
>>> event_to_dict(e)["type"], event_to_dict(e)["damage"]
('hit', 41)
>>> event_from_dict(event_to_dict(e)) == e
True
"""

from __future__ import annotations

from typing import Any, NamedTuple

__all__ = [
    "EVENT_TYPES",
    "BattleEnd",
    "BattleStart",
    "BeastHeal",
    "BeastIntervention",
    "ChakraDrained",
    "ChoiceRevealed",
    "Clash",
    "CloneMade",
    "Critical",
    "Death",
    "Dispelled",
    "Evade",
    "Event",
    "Fizzle",
    "Guard",
    "Heal",
    "Hit",
    "Resolve",
    "SealCost",
    "SealStageReached",
    "Stabilised",
    "Stun",
    "Stunned",
    "Substitute",
    "Summoned",
    "Tracked",
    "TurnEnd",
    "UnitStatus",
    "event_from_dict",
    "event_to_dict",
]


class UnitStatus(NamedTuple):
    """One unit's standing at the end of a turn (inside :class:`TurnEnd`)."""

    unit: str
    health: int
    chakra: int
    status: str


class BattleStart(NamedTuple):
    """The battle begins: the seed and, per side, the ids of its units."""

    turn: int
    seed: int
    sides: tuple[tuple[str, ...], ...]
    type: str = "battle_start"


class ChoiceRevealed(NamedTuple):
    """A unit's secret choice, revealed as the turn resolves."""

    turn: int
    unit: str
    technique: str
    target: str | None
    chakra: int
    type: str = "choice"


class Guard(NamedTuple):
    """A unit braces: ``percent`` of incoming damage is blocked this turn."""

    turn: int
    unit: str
    technique: str
    percent: int
    type: str = "guard"


class Evade(NamedTuple):
    """An attack missed because its target dodged it."""

    turn: int
    unit: str
    attacker: str
    technique: str
    type: str = "evade"


class Substitute(NamedTuple):
    """The target swapped itself for a log; the attack struck the log."""

    turn: int
    unit: str
    attacker: str
    technique: str
    type: str = "substitute"


class Clash(NamedTuple):
    """Two attacks aimed at each other met. ``verdict`` is ``decisive`` or ``even``."""

    turn: int
    unit: str
    other: str
    technique: str
    other_technique: str
    power: int
    other_power: int
    verdict: str
    winner: str | None
    type: str = "clash"


class Hit(NamedTuple):
    """Damage landed. ``via`` is ``direct``, ``clash`` (won a clash) or ``mutual``."""

    turn: int
    unit: str
    target: str
    technique: str
    damage: int
    health: int
    via: str
    type: str = "hit"


class Fizzle(NamedTuple):
    """An action came to nothing: its user or its target could no longer take part."""

    turn: int
    unit: str
    technique: str
    reason: str
    type: str = "fizzle"


class BeastIntervention(NamedTuple):
    """A sealed beast kept its host alive, withdrawing power from the host's own attack."""

    turn: int
    unit: str
    beast: str
    withdrawn: int
    chakra: int
    type: str = "beast_intervention"


class BeastHeal(NamedTuple):
    """The beast mended its host from its own pool (or held the survival clock still)."""

    turn: int
    unit: str
    beast: str
    amount: int
    pool: int
    type: str = "beast_heal"


class Heal(NamedTuple):
    """A technique restored health."""

    turn: int
    unit: str
    target: str
    technique: str
    amount: int
    health: int
    type: str = "heal"


class Critical(NamedTuple):
    """A unit at zero health was kept alive: unconscious, ``clock`` turns to live."""

    turn: int
    unit: str
    clock: int
    type: str = "critical"


class Stabilised(NamedTuple):
    """A critical unit was healed in time: still down, no longer dying."""

    turn: int
    unit: str
    by: str
    type: str = "stabilised"


class Death(NamedTuple):
    """A fighter died. ``cause`` is ``blow`` or ``clock``."""

    turn: int
    unit: str
    cause: str
    by: str | None
    type: str = "death"


class CloneMade(NamedTuple):
    """A shadow clone appeared, carrying ``chakra`` of its creator's chakra."""

    turn: int
    unit: str
    clone: str
    chakra: int
    type: str = "clone_made"


class Dispelled(NamedTuple):
    """A clone or summon vanished in smoke. ``by`` is the attacker, if any."""

    turn: int
    unit: str
    role: str
    by: str | None
    type: str = "dispelled"


class Summoned(NamedTuple):
    """A contract called an animal unit to the field."""

    turn: int
    unit: str
    summon: str
    name: str
    type: str = "summon"


class SealStageReached(NamedTuple):
    """A cursed seal reached a new stage: ``boost`` percent power, at a cost each turn."""

    turn: int
    unit: str
    stage: int
    boost: int
    type: str = "seal_stage"


class SealCost(NamedTuple):
    """The seal took its toll at the end of the turn."""

    turn: int
    unit: str
    health_lost: int
    type: str = "seal_cost"


class Resolve(NamedTuple):
    """Resolve awakened: power rises by ``bonus`` percent while everything is at stake."""

    turn: int
    unit: str
    bonus: int
    reason: str
    type: str = "resolve"


class Stun(NamedTuple):
    """A unit was stunned for ``turns`` turns."""

    turn: int
    unit: str
    by: str
    turns: int
    type: str = "stun"


class Stunned(NamedTuple):
    """A stunned unit lost its action this turn."""

    turn: int
    unit: str
    type: str = "stunned"


class Tracked(NamedTuple):
    """A tracker has the target's scent: it cannot evade or substitute for ``turns``."""

    turn: int
    unit: str
    target: str
    turns: int
    type: str = "tracked"


class ChakraDrained(NamedTuple):
    """Chakra taken from a target; the user gained ``gained``."""

    turn: int
    unit: str
    target: str
    amount: int
    gained: int
    type: str = "chakra_drained"


class TurnEnd(NamedTuple):
    """The end of a turn, with every unit's standing."""

    turn: int
    units: tuple[UnitStatus, ...]
    type: str = "turn_end"


class BattleEnd(NamedTuple):
    """The battle is over. ``winner`` is a side index (0 or 1) or ``None`` for a draw.

    ``reason`` is ``defeat`` (one side has no fighter able to act), ``draw`` (both fell in
    the same turn) or ``turn_limit``.
    """

    turn: int
    winner: int | None
    reason: str
    type: str = "battle_end"


Event = (
    BattleStart
    | ChoiceRevealed
    | Guard
    | Evade
    | Substitute
    | Clash
    | Hit
    | Fizzle
    | BeastIntervention
    | BeastHeal
    | Heal
    | Critical
    | Stabilised
    | Death
    | CloneMade
    | Dispelled
    | Summoned
    | SealStageReached
    | SealCost
    | Resolve
    | Stun
    | Stunned
    | Tracked
    | ChakraDrained
    | TurnEnd
    | BattleEnd
)

EVENT_TYPES: dict[str, Any] = {
    cls._field_defaults["type"]: cls
    for cls in (
        BattleStart,
        ChoiceRevealed,
        Guard,
        Evade,
        Substitute,
        Clash,
        Hit,
        Fizzle,
        BeastIntervention,
        BeastHeal,
        Heal,
        Critical,
        Stabilised,
        Death,
        CloneMade,
        Dispelled,
        Summoned,
        SealStageReached,
        SealCost,
        Resolve,
        Stun,
        Stunned,
        Tracked,
        ChakraDrained,
        TurnEnd,
        BattleEnd,
    )
}


def event_to_dict(event: Event) -> dict[str, Any]:
    """The JSON object of an event: ``type`` first, then its fields."""
    out: dict[str, Any] = {"type": event.type}
    for name, value in zip(event._fields, event, strict=True):
        if name == "type":
            continue
        if name in ("units", "sides"):
            out[name] = [list(item) for item in value]  # type: ignore[union-attr]
        else:
            out[name] = value
    return out


def event_from_dict(data: dict[str, Any]) -> Event:
    """Rebuild an event from :func:`event_to_dict`'s layout."""
    cls = EVENT_TYPES[data["type"]]
    values = []
    for name in cls._fields:
        if name == "type":
            continue
        value = data[name]
        if name == "units":
            value = tuple(UnitStatus(*u) for u in value)
        elif name == "sides":
            value = tuple(tuple(s) for s in value)
        values.append(value)
    return cls(*values)
