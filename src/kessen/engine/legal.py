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
    side = unit.side
    chakra = unit.chakra
    # Choices are built as plain tuples of the Choice type: the named tuple's own __new__
    # is a Python function, and this is the hottest loop of a battle.
    new = tuple.__new__
    out: list[Choice] = []
    append = out.append
    cooldowns = unit.cooldowns
    enemies = [u.uid for u in units if u.side != side and u.status == OK]
    for tech in unit.spec.techniques:
        tid = tech.id
        # The two commonest refusals, checked here before the call; usable() has them too.
        if chakra < tech.cost or cooldowns.get(tid, 0) > 0 or not usable(unit, tech, units):
            continue
        target_kind = tech.target
        if target_kind == "enemy":
            if not enemies:
                continue
            # An area technique has no target: one choice per tier.
            targets = (None,) if tech.range == "area" else enemies
            for pour in tech.pours:
                if pour > chakra:
                    break
                for target in targets:
                    append(new(Choice, (uid, tid, target, pour)))
        elif target_kind == "self":
            if tech.heal and unit.health >= unit.max_health:
                continue
            append(new(Choice, (uid, tid, None, tech.cost)))
        else:
            for ally in units:
                if (
                    ally.side == side
                    and ally.role != "clone"
                    and (
                        ally.status == CRITICAL
                        or (ally.status == OK and ally.health < ally.max_health)
                    )
                ):
                    append(new(Choice, (uid, tid, ally.uid, tech.cost)))
    append(new(Choice, (uid, REST, None, 0)))
    append(new(Choice, (uid, GUARD, None, 0)))
    return tuple(out)
