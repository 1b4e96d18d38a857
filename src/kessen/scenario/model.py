"""A loaded scenario, as frozen values: what the aftermath and the narration read.

>>> route = Route((Waypoint("valley", "the Valley", 0), Waypoint("road", "the road", 9000),
...                Waypoint("konoha", "Konoha", 15000)))
>>> route.length
15000
>>> route.where(50).place, route.where(50).relation
('valley', 'at')
>>> route.where(11000).place, route.where(11000).relation
('road', 'past')
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

__all__ = [
    "AftermathRules",
    "FighterNotes",
    "Place",
    "Rescuer",
    "Route",
    "Scenario",
    "Spot",
    "Tone",
    "Waypoint",
]

#: Within this many metres of a place, a runner is *at* it.
AT_PLACE_METRES = 250


@dataclass(frozen=True, slots=True)
class Place:
    id: str
    name: str
    description: str = ""


@dataclass(frozen=True, slots=True)
class Waypoint:
    """A place on the route, ``metres`` from the battle's place."""

    place: str
    name: str
    metres: int


@dataclass(frozen=True, slots=True)
class Spot:
    """Where a point of the route is, in words: ``at``, ``past`` or ``before`` a place."""

    place: str
    name: str
    relation: str


@dataclass(frozen=True, slots=True)
class Route:
    """The way from the battle's place to the village, as places along it."""

    waypoints: tuple[Waypoint, ...]

    @property
    def length(self) -> int:
        return self.waypoints[-1].metres

    def where(self, metres: float) -> Spot:
        """The place nearest to ``metres`` along the route, and how it stands to it."""
        best = min(self.waypoints, key=lambda w: (abs(w.metres - metres), w.metres))
        if abs(best.metres - metres) <= AT_PLACE_METRES:
            relation = "at"
        else:
            relation = "past" if metres > best.metres else "before"
        return Spot(best.place, best.name, relation)


@dataclass(frozen=True, slots=True)
class FighterNotes:
    """What a scenario says about one of its fighters."""

    id: str
    motives: tuple[str, ...] = ()
    memories: tuple[str, ...] = ()
    replace: bool = False
    after_victory: str = "stay"
    leaves_for: str = ""
    last_words: tuple[str, ...] = ()
    signature: str | None = None


class Tone(enum.Enum):
    """What kind of fight a scenario is, which sets the tone of its story."""

    DEATH_MATCH = "death_match"
    EXAM = "exam"


@dataclass(frozen=True, slots=True)
class Rescuer:
    """Someone in reach after the fight: at the field after ``arrives_after`` minutes, or
    waiting in the village.  Fields left ``None`` come from the pack's fighter."""

    id: str
    name: str = ""
    pronoun: str | None = None
    title: str = ""
    relation: str = ""
    count: int = 1
    arrives_after: tuple[int, int] | None = None
    in_village: bool = False
    messenger: str | None = None
    clones: int | None = None
    travel_speed: int | None = None
    abilities: tuple[str, ...] | None = None


@dataclass(frozen=True, slots=True)
class AftermathRules:
    """The declared factors of the rescue (see ``docs/aftermath.md``)."""

    carry_factor: float = 0.7
    clone_pace: float = 0.85
    triage_minutes: tuple[int, int] = (1, 3)
    stabilise_minutes: tuple[int, int] = (3, 6)
    hospital_minutes: int = 2
    search_after: tuple[int, int] | None = None
    trail_minutes: tuple[int, int] = (6, 14)


@dataclass(frozen=True)
class Scenario:
    """A whole scenario: the fight, the map, the people in reach, the rules of the rescue."""

    id: str
    title: str
    source: str
    place: str
    village: str
    sides: tuple[tuple[str, ...], tuple[str, ...]]
    places: dict[str, Place]
    route: Route
    summary: str = ""
    stakes: tuple[str, ...] = ()
    turn_limit: int = 40
    tone: Tone = Tone.DEATH_MATCH
    fighters: dict[str, FighterNotes] = field(default_factory=dict)
    rescuers: tuple[Rescuer, ...] = ()
    rules: AftermathRules = AftermathRules()

    def notes(self, fighter_id: str) -> FighterNotes:
        """The scenario's notes on a fighter (empty notes if it says nothing)."""
        return self.fighters.get(fighter_id) or FighterNotes(fighter_id)

    def motives(self, fighter_id: str, own: tuple[str, ...]) -> tuple[str, ...]:
        """The fighter's motives in this scenario: its own plus (or replaced by) these."""
        notes = self.notes(fighter_id)
        return notes.motives if notes.replace else notes.motives + own

    def memories(self, fighter_id: str, own: tuple[str, ...]) -> tuple[str, ...]:
        notes = self.notes(fighter_id)
        if notes.replace:
            return notes.memories
        return notes.memories + tuple(m for m in own if m not in notes.memories)

    def signatures(self) -> dict[str, str]:
        """Fighter id -> the technique it saves itself for (only those that name one)."""
        return {k: f.signature for k, f in self.fighters.items() if f.signature}

    def __repr__(self) -> str:
        return f"<Scenario {self.id}: {' vs '.join('+'.join(s) for s in self.sides)}>"
