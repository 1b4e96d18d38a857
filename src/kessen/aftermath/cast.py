"""Who takes part in the aftermath, with the names and pronouns the story needs.

Fighters come from the battle; rescuers from the scenario, filled in from the pack (a
rescuer the scenario defines itself needs no pack entry).  A rescuer listed with
``count = n`` is a team (``medic``) of members ``medic-1`` .. ``medic-n``.
"""

from __future__ import annotations

from dataclasses import dataclass

from kessen.content import Pack
from kessen.engine import Battle, Fighter
from kessen.scenario import Rescuer, Scenario

__all__ = ["DEFAULT_METRES_PER_SPEED", "CastMember", "RescueTeam", "build_cast"]

#: Metres a minute per point of speed, for anyone whose pack entry gives no travel speed.
DEFAULT_METRES_PER_SPEED = 5


@dataclass(frozen=True, slots=True)
class CastMember:
    """Anyone the aftermath's events name.  ``role``: fighter, rescuer, team, member,
    messenger or clone; ``of``: a member's team or a clone's maker."""

    id: str
    name: str
    pronoun: str
    role: str
    title: str = ""
    relation: str = ""
    count: int = 1
    of: str | None = None
    speed: float = 0.0
    abilities: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RescueTeam:
    """One rescuer entry of the scenario, resolved: the team and its members."""

    rescuer: Rescuer
    team: CastMember
    members: tuple[CastMember, ...]
    messenger: CastMember | None
    clones: int


def travel_speed(spec: Fighter) -> float:
    """A fighter's speed on the road in metres a minute."""
    return float(spec.travel_speed or spec.speed * DEFAULT_METRES_PER_SPEED)


def build_cast(
    battle: Battle, scenario: Scenario, pack: Pack
) -> tuple[dict[str, CastMember], list[RescueTeam]]:
    """Everyone's cast entry by id, and the rescue teams in the scenario's order."""
    cast: dict[str, CastMember] = {}
    for u in battle.units:
        if u.role == "fighter":
            s = u.spec
            cast[u.uid] = CastMember(
                u.uid,
                s.name,
                s.pronoun,
                "fighter",
                s.title,
                speed=travel_speed(s),
                abilities=s.abilities,
            )
    teams = []
    catalog = pack.catalog
    for r in scenario.rescuers:
        spec = catalog.get(r.id)
        team = CastMember(
            id=r.id,
            name=r.name or (spec.name if spec else r.id),
            pronoun=r.pronoun or (spec.pronoun if spec else "they"),
            role="team" if r.count > 1 else "rescuer",
            title=r.title or (spec.title if spec else ""),
            relation=r.relation,
            count=r.count,
            speed=float(r.travel_speed or (travel_speed(spec) if spec else 300)),
            abilities=r.abilities if r.abilities is not None else (spec.abilities if spec else ()),
        )
        cast[team.id] = team
        if r.count == 1:
            members: tuple[CastMember, ...] = (team,)
        else:
            members = tuple(
                CastMember(
                    f"{r.id}-{i}",
                    team.name,
                    team.pronoun,
                    "member",
                    team.title,
                    of=team.id,
                    speed=team.speed,
                    abilities=team.abilities,
                )
                for i in range(1, r.count + 1)
            )
            cast.update((m.id, m) for m in members)
        messenger = None
        if r.messenger is not None:
            m = catalog[r.messenger]
            messenger = CastMember(
                m.id,
                m.name,
                m.pronoun,
                "messenger",
                m.title,
                of=team.id,
                speed=travel_speed(m),
                abilities=m.abilities,
            )
            cast[m.id] = messenger
        clones = r.clones if r.clones is not None else _clones_of(spec)
        for i in range(1, clones + 1):
            cid = f"{r.id}-clone" if clones == 1 else f"{r.id}-clone{i}"
            cast[cid] = CastMember(
                cid,
                team.name,
                team.pronoun,
                "clone",
                of=team.id,
                speed=team.speed,
                abilities=team.abilities,
            )
        teams.append(RescueTeam(r, team, members, messenger, clones))
    return cast, teams


def _clones_of(spec: Fighter | None) -> int:
    """How many shadow clones a rescuer can make to carry: what its techniques allow."""
    if spec is None:
        return 0
    return max((t.clones for t in spec.techniques if t.clones), default=0)
