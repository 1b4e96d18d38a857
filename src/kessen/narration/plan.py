"""Content selection and the document plan: what of a battle matters, and where it goes.

The first two stages of story generation (Reiter and Dale): before any sentence is
planned, the fight's turns are sorted into routine exchanges (told as a summary), the
turning point (the first turn one of them is down to half its health: from then on the
end is near) and the climax (the decisive exchange: the turn the last of a side fell).

>>> Plan(climax=9, turning=6).role(3), Plan(climax=9, turning=6).role(6)
(<Role.ROUTINE: 'routine'>, <Role.TURNING: 'turning'>)
>>> Plan(climax=9, turning=6).role(9)
<Role.CLIMAX: 'climax'>
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any

from kessen.engine import Battle

__all__ = [
    "FIXED_BEATS",
    "Plan",
    "Role",
    "decisive_clash",
    "outcome_of",
    "plan_battle",
    "seed_beats",
    "signature_clash",
]

#: Beats said as the scenario's data writes them, the same in every story: its fixed opening.
FIXED_BEATS = frozenset({"summary", "place"})
#: The end is near once a fighter is down to this percent of its health.
HALF = 50


class Role(enum.Enum):
    """What a turn is to the story."""

    ROUTINE = "routine"
    TURNING = "turning"
    CLIMAX = "climax"


@dataclass(frozen=True, slots=True)
class Plan:
    """The fight's shape: the turn of the climax and of the turning point (0: none)."""

    climax: int
    turning: int = 0

    def role(self, turn: int) -> Role:
        if turn == self.climax:
            return Role.CLIMAX
        if turn == self.turning:
            return Role.TURNING
        return Role.ROUTINE


def _fighters(battle: Battle) -> set[str]:
    return {u.uid for u in battle.units if u.role == "fighter"}


def plan_battle(battle: Battle) -> Plan:
    """Find the climax (the last turn a fighter fell, else the last turn) and the turning
    point (the first turn a fighter was down to half its health, if before the climax)."""
    fighters = _fighters(battle)
    falls = [
        e.turn
        for e in battle.events
        if e.type in ("critical", "death") and e.unit in fighters and e.turn > 0
    ]
    last = max((e.turn for e in battle.events if e.type == "turn_end"), default=0)
    climax = max(falls) if falls else last
    turning = 0
    maxima = {u.uid: u.max_health for u in battle.units}
    for e in battle.events:
        if e.type == "hit" and e.target in fighters and e.health * 100 <= maxima[e.target] * HALF:
            turning = e.turn
            break
    return Plan(climax, turning if 0 < turning < climax else 0)


def decisive_clash(battle: Battle, plan: Plan | None = None) -> Any | None:
    """The clash of the climax between two fighters, if the climax had one."""
    plan = plan or plan_battle(battle)
    fighters = _fighters(battle)
    return next(
        (
            e
            for e in battle.events
            if e.type == "clash"
            and e.turn == plan.climax
            and e.unit in fighters
            and e.other in fighters
        ),
        None,
    )


def signature_clash(battle: Battle, scenario: Any) -> Any | None:
    """The decisive clash if it is the scenario's signature clash, both at full power."""
    signatures = scenario.signatures() if scenario is not None else {}
    clash = decisive_clash(battle)
    if clash is None or not signatures:
        return None
    poured = {
        e.unit: e.chakra for e in battle.events if e.type == "choice" and e.turn == clash.turn
    }
    for uid, tech_id in ((clash.unit, clash.technique), (clash.other, clash.other_technique)):
        unit = battle.unit(uid)
        tech = unit.spec.technique(tech_id)
        if signatures.get(unit.spec.id) != tech_id or tech is None:
            return None
        if poured.get(uid, 0) < tech.pours[-1]:
            return None
    return clash


def outcome_of(battle: Battle, after: Any) -> str:
    """How it ended for each fighter, as a story tells it: ``naruto fell and lived /
    sasuke died at the place``.  Finer than the fates: who was standing, where one died."""
    fates = after.fates if after is not None else {}
    deaths = {e.unit: e for e in after.events if e.type == "death"} if after is not None else {}
    parts = []
    for u in battle.units:
        if u.role != "fighter":
            continue
        fate = fates[u.uid].fate if u.uid in fates else u.status
        if fate == "died":
            at_place = u.status == "dead" or (u.uid in deaths and deaths[u.uid].metres == 0)
            how = "died at the place" if at_place else "died on the way"
        elif fate == "departed":
            how = "won and left"
        elif u.status == "ok":
            how = "won standing" if fate == "survived" else fate
        else:
            how = "fell and lived" if fate == "survived" else f"fell, {fate}"
        parts.append(f"{u.spec.id} {how}")
    return " / ".join(parts)


def seed_beats(battle: Battle, after: Any, scenario: Any) -> list[str]:
    """Which beats of the seed story (the Valley of the End) a battle and its aftermath hold.

    Only for a scenario whose fighters have signatures and one of them a beast: elsewhere
    the seed's beats have no meaning, and the list is empty.
    """
    if scenario is None or not scenario.signatures():
        return []
    hosts = [u for u in battle.units if u.role == "fighter" and u.spec.beast is not None]
    if not hosts:
        return []
    host = hosts[0].uid
    rival = next(u.uid for u in battle.units if u.role == "fighter" and u.uid != host)
    beats = []
    clash = decisive_clash(battle)
    if signature_clash(battle, scenario) is not None:
        beats.append("signature clash at the climax")
    if clash is not None and clash.verdict == "even":
        beats.append("mutual strike")
    if any(e.type == "beast_intervention" and e.withdrawn for e in battle.events):
        beats.append("beast withdraws power")
    fates = after.fates if after is not None else {}
    deaths = {e.unit: e for e in after.events if e.type == "death"} if after is not None else {}
    rival_died = rival in fates and fates[rival].fate == "died"
    if rival_died and (rival not in deaths or deaths[rival].metres == 0):
        beats.append("rival dies at the place")
    host_lived = host in fates and fates[host].fate == "survived"
    sustained = after is not None and any(
        e.type == "beast_sustains" and e.unit == host for e in after.events
    )
    if host_lived and sustained:
        beats.append("beast keeps its host alive")
    carries = [e for e in after.events if e.type == "carry_start"] if after is not None else []
    cast = after.cast if after is not None else {}
    by_clone = any(
        e.patient == rival and cast.get(e.carrier) is not None and cast[e.carrier].role == "clone"
        for e in carries
    )
    if rival_died and by_clone:
        beats.append("a clone carries the body")
    if any(e.patient == host and e.took_from is None for e in carries):
        beats.append("the host is carried home")
    seed = {
        "mutual strike",
        "beast withdraws power",
        "rival dies at the place",
        "beast keeps its host alive",
        "a clone carries the body",
        "the host is carried home",
    }
    if seed <= set(beats):
        beats.append("THE SEED'S OUTCOME")
    return beats
