"""Which choices a unit may make this turn.

The list is the single source of truth: players pick from it, the engine checks against
it, and the environment builds its action mask from it.  Order is stable: techniques in
the fighter's order, then targets in field order, then chakra tiers; ``rest`` and
``guard`` last.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from kessen.engine.choice import GUARD, REST, Choice
from kessen.engine.model import Fighter, Technique
from kessen.engine.unit import CRITICAL, OK, Unit

__all__ = ["MAX_CLONES", "legal_choices", "usable"]

#: Shadow clones one unit may keep on the field at once.
MAX_CLONES = 3
#: Entries the caches below keep before they start afresh.
CACHE_SIZE = 8192

# A unit's choices come back turn after turn (chakra counts only through the costs it
# covers), and working them out is the hottest loop of a battle: they are kept by
# everything they depend on (see ``legal_choices``).  Keyed by the id of a spec, the
# entries hold the spec, so that no other spec can be given its id meanwhile.
_SpecInfo = tuple[Fighter, tuple[int, ...], tuple[bool, ...] | None]
_SPECS: dict[int, _SpecInfo] = {}
_KNOWN: dict[tuple, tuple[Fighter, tuple[Choice, ...]]] = {}


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
    spec = unit.spec
    info = _SPECS.get(id(spec))
    if info is None or info[0] is not spec:
        info = _spec_info(spec)
    side = unit.side
    needs = info[2]
    if needs is None:
        enemies = tuple([u.uid for u in units if u.side != side and u.status == OK])
        situation = None
    else:
        enemies, situation = _situation(unit, units, needs)
    cooldowns = unit.cooldowns
    key = (
        id(spec),
        unit.uid,
        side,
        bisect_right(info[1], unit.chakra),
        enemies,
        tuple([tid for tid, left in cooldowns.items() if left > 0]) if cooldowns else (),
        situation,
    )
    known = _KNOWN.get(key)
    if known is not None and known[0] is spec:
        return known[1]
    choices = _work_out(unit, units, enemies)
    if len(_KNOWN) >= CACHE_SIZE:
        _KNOWN.clear()
    _KNOWN[key] = (spec, choices)
    return choices


def _spec_info(spec: Fighter) -> _SpecInfo:
    """The chakra amounts a spec's choices turn on, and which other parts of a unit's
    state they depend on (see ``_situation``), if any."""
    techniques = spec.techniques
    thresholds = sorted({t.cost for t in techniques} | {p for t in techniques for p in t.pours})
    needs = (
        any(t.clones or t.summon is not None for t in techniques),
        any(t.seal_steps for t in techniques),
        any(t.heal and t.target == "self" for t in techniques),
        any(t.target not in ("enemy", "self") for t in techniques),
    )
    info = (spec, tuple(thresholds), needs if any(needs) else None)
    if len(_SPECS) >= CACHE_SIZE:
        _SPECS.clear()
    _SPECS[id(spec)] = info
    return info


def _situation(
    unit: Unit, units: Sequence[Unit], needs: tuple[bool, ...]
) -> tuple[tuple[str, ...], tuple]:
    """The enemies able to act and what else ``unit``'s choices depend on: the clones
    and summons it keeps, its seal, its health, the allies it could heal."""
    makes, sealed, heals_self, heals_allies = needs
    uid, side = unit.uid, unit.side
    enemies = []
    clones = 0
    summoned = False
    hurt = []
    for u in units:
        status = u.status
        if u.side != side:
            if status == OK:
                enemies.append(u.uid)
            continue
        if makes and u.origin == uid and status == OK:
            if u.role == "clone":
                clones += 1
            elif u.role == "summon":
                summoned = True
        if (
            heals_allies
            and u.role != "clone"
            and (status == CRITICAL or (status == OK and u.health < u.max_health))
        ):
            hurt.append(u.uid)
    seal = unit.spec.seal
    situation = (
        clones,
        summoned,
        sealed and (seal is None or unit.seal_stage >= len(seal.stages)),
        heals_self and unit.health >= unit.max_health,
        tuple(hurt),
    )
    return tuple(enemies), situation


def _work_out(unit: Unit, units: Sequence[Unit], enemies: tuple[str, ...]) -> tuple[Choice, ...]:
    """``legal_choices`` of a unit able to act, from scratch."""
    uid = unit.uid
    side = unit.side
    chakra = unit.chakra
    # Choices are built as plain tuples of the Choice type: the named tuple's own __new__
    # is a Python function, and this is the hottest loop of a battle.
    new = tuple.__new__
    out: list[Choice] = []
    append = out.append
    cooldowns = unit.cooldowns
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
