"""The aftermath's events: typed, JSON-ready, in minutes after the fight.

Like the engine's, each event is a named tuple whose first field is its time (``minute``,
to a tenth) and whose class attribute ``type`` names its kind.  Events that happen somewhere on
the road give the nearest place and the ``metres`` from the battle's place.  Unit ids are
the battle's (``p1.naruto``) for the fighters and the scenario's for everyone else (``kakashi``,
``medic-2``, ``kakashi-clone``).

>>> e = Triage(minute=9.5, unit="kakashi", patient="p1.naruto", finding="alive",
...            minutes_left=41.0, beast=True)
>>> event_to_dict(e)["type"], event_to_dict(e)["phase"]
('triage', 'aftermath')
>>> event_from_dict(event_to_dict(e)) == e
True
"""

from __future__ import annotations

from typing import Any, NamedTuple

__all__ = [
    "AFTERMATH_EVENT_TYPES",
    "AftermathEnd",
    "AftermathStart",
    "ArriveVillage",
    "BeastSpent",
    "BeastSustains",
    "CarryStart",
    "CatchUp",
    "CloneMade",
    "Death",
    "Departs",
    "Fate",
    "MedicsDepart",
    "Meet",
    "MessengerArrives",
    "MessengerSent",
    "RescuerArrives",
    "Stabilised",
    "Triage",
    "Vigil",
    "event_from_dict",
    "event_to_dict",
]


class AftermathStart(NamedTuple):
    """The fight is over: the place, the village, and the road between them in metres."""

    minute: float
    place: str
    village: str
    metres: int
    type = "aftermath_start"


class BeastSustains(NamedTuple):
    """A sealed beast keeps its critical host alive: ``effect`` is ``reverses``, ``holds``
    or ``slows`` (the survival clock); ``minutes`` is how long its pool can keep it up."""

    minute: float
    unit: str
    beast: str
    effect: str
    minutes: float | None
    type = "beast_sustains"


class BeastSpent(NamedTuple):
    """The beast's pool ran dry: the host's clock runs at full speed again."""

    minute: float
    unit: str
    beast: str
    type = "beast_spent"


class Vigil(NamedTuple):
    """A fighter still standing stays by a fallen one (``patient``), or simply stays:
    ``why`` is ``chose`` or ``spent`` (meant to carry them, too hurt to)."""

    minute: float
    unit: str
    patient: str | None
    why: str
    type = "vigil"


class Departs(NamedTuple):
    """A fighter still standing leaves the field for good (``toward`` where, in words)."""

    minute: float
    unit: str
    toward: str
    type = "departs"


class RescuerArrives(NamedTuple):
    """Someone in reach reaches the battle's place."""

    minute: float
    unit: str
    place: str
    type = "rescuer_arrives"


class CatchUp(NamedTuple):
    """A rescuer following the trail catches up with someone carrying a fallen fighter."""

    minute: float
    unit: str
    carrier: str
    patient: str
    place: str
    metres: int
    type = "catch_up"


class Triage(NamedTuple):
    """A rescuer looks at a fallen fighter: ``finding`` is ``alive``, ``stable`` or ``dead``;
    ``beast`` is true when a sealed beast is visibly at work."""

    minute: float
    unit: str
    patient: str
    finding: str
    minutes_left: float | None
    beast: bool
    type = "triage"


class CloneMade(NamedTuple):
    """A rescuer makes a shadow clone to carry a second body."""

    minute: float
    unit: str
    clone: str
    type = "clone_made"


class CarryStart(NamedTuple):
    """``carrier`` takes up ``patient`` (from ``took_from``, if someone carried them before)
    and runs toward the village at ``speed`` metres a minute (``unladen`` without a load)."""

    minute: float
    carrier: str
    patient: str
    speed: float
    unladen: float
    took_from: str | None
    place: str
    metres: int
    type = "carry_start"


class MessengerSent(NamedTuple):
    """A fast runner (a summon such as Pakkun) is sent ahead to the village."""

    minute: float
    unit: str
    by: str
    to: str
    alive: bool
    type = "messenger_sent"


class MessengerArrives(NamedTuple):
    minute: float
    unit: str
    place: str
    type = "messenger_arrives"


class MedicsDepart(NamedTuple):
    """The village's team sets out: ``why`` is ``word`` (a messenger came), ``search`` (no
    word for too long) or ``arrival`` (the wounded came in)."""

    minute: float
    units: tuple[str, ...]
    place: str
    why: str
    type = "medics_depart"


class Meet(NamedTuple):
    """The village's team meets a carrier on the road (or finds a body at the field)."""

    minute: float
    units: tuple[str, ...]
    carrier: str | None
    patient: str
    place: str
    metres: int
    type = "meet"


class Stabilised(NamedTuple):
    """A critical fighter is stabilised (``by`` a medic, ``hospital`` or a beast's name)."""

    minute: float
    unit: str
    by: str
    place: str
    metres: int
    type = "stabilised"


class Death(NamedTuple):
    """A critical fighter's clock ran out; ``carrier`` held them, if anyone did."""

    minute: float
    unit: str
    carrier: str | None
    place: str
    metres: int
    type = "death"


class ArriveVillage(NamedTuple):
    """Someone reaches the village, ``carrying`` someone or not."""

    minute: float
    unit: str
    carrying: str | None
    place: str
    type = "arrive_village"


class Fate(NamedTuple):
    """How it ended for one fighter: ``survived``, ``died``, ``departed`` or ``critical``
    (still dying when the simulation stopped, with no one coming)."""

    unit: str
    fate: str
    minute: float | None


class AftermathEnd(NamedTuple):
    minute: float
    fates: tuple[Fate, ...]
    type = "aftermath_end"


AFTERMATH_EVENT_TYPES: dict[str, type] = {
    cls.type: cls  # type: ignore[attr-defined]
    for cls in (
        AftermathStart,
        BeastSustains,
        BeastSpent,
        Vigil,
        Departs,
        RescuerArrives,
        CatchUp,
        Triage,
        CloneMade,
        CarryStart,
        MessengerSent,
        MessengerArrives,
        MedicsDepart,
        Meet,
        Stabilised,
        Death,
        ArriveVillage,
        AftermathEnd,
    )
}


def event_to_dict(event: Any) -> dict[str, Any]:
    """The JSON object of an aftermath event: ``type``, ``phase``, then its fields."""
    out: dict[str, Any] = {"type": event.type, "phase": "aftermath"}
    for name, value in zip(event._fields, event, strict=True):
        if name == "fates":
            value = [list(f) for f in value]
        elif name == "units":
            value = list(value)
        out[name] = value
    return out


def event_from_dict(data: dict[str, Any]) -> Any:
    """Rebuild an aftermath event from :func:`event_to_dict`'s layout."""
    cls = AFTERMATH_EVENT_TYPES[data["type"]]
    values = []
    for name in cls._fields:
        value = data[name]
        if name == "fates":
            value = tuple(Fate(*f) for f in value)
        elif name == "units":
            value = tuple(value)
        values.append(value)
    return cls(*values)
