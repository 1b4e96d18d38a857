"""Which choices a unit may make this turn.

The list is the single source of truth: players pick from it, the engine checks against
it, and the environment builds its action mask from it.  Order is stable: techniques in
the fighter's order, then targets in field order, then chakra tiers; ``rest`` and
``guard`` last.
"""

from __future__ import annotations

from collections.abc import Sequence

from kessen.engine.choice import GUARD, REST, Choice
from kessen.engine.model import Technique
from kessen.engine.unit import CRITICAL, OK, Unit

__all__ = ["MAX_CLONES", "legal_choices", "usable"]

#: Shadow clones one unit may keep on the field at once.
MAX_CLONES = 3


def usable(unit: Unit, tech: Technique, units: Sequence[Unit]) -> bool:
    """Whether ``unit`` may use ``tech`` now, before targets are considered."""
    if unit.chakra < tech.cost or unit.cooldowns.get(tech.id, 0) > 0:
        return False
    if tech.needs == "beast" and unit.spec.beast is None:
        return False
    if tech.clones:
        alive = sum(
            1 for u in units if u.origin == unit.uid and u.role == "clone" and u.status == OK
        )
        if alive + tech.clones > MAX_CLONES:
            return False
    if tech.summon is not None:
        for u in units:
            if u.origin == unit.uid and u.role == "summon" and u.status == OK:
                return False
    if tech.seal_steps:
        seal = unit.spec.seal
        if seal is None or unit.seal_stage >= len(seal.stages):
            return False
    return True


def legal_choices(unit: Unit, units: Sequence[Unit]) -> tuple[Choice, ...]:
    """Every choice ``unit`` may make now; empty if it cannot act."""
    if unit.status != OK or unit.stun > 0:
        return ()
    uid = unit.uid
    out: list[Choice] = []
    enemies = [u.uid for u in units if u.side != unit.side and u.status == OK]
    for tech in unit.spec.techniques:
        if not usable(unit, tech, units):
            continue
        if tech.target == "enemy":
            if tech.range == "area":
                if enemies:
                    out.extend(
                        Choice(uid, tech.id, None, tech.cost * tier)
                        for tier in range(1, tech.max_tier + 1)
                        if tech.cost * tier <= unit.chakra
                    )
                continue
            for tier in range(1, tech.max_tier + 1):
                pour = tech.cost * tier
                if pour > unit.chakra:
                    break
                out.extend(Choice(uid, tech.id, target, pour) for target in enemies)
        elif tech.target == "self":
            if tech.heal and unit.health >= unit.max_health:
                continue
            out.append(Choice(uid, tech.id, None, tech.cost))
        else:
            for ally in units:
                if (
                    ally.side == unit.side
                    and ally.role != "clone"
                    and (
                        ally.status == CRITICAL
                        or (ally.status == OK and ally.health < ally.max_health)
                    )
                ):
                    out.append(Choice(uid, tech.id, ally.uid, tech.cost))
    out.append(Choice(uid, REST))
    out.append(Choice(uid, GUARD))
    return tuple(out)
