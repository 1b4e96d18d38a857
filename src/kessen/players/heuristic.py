"""The ``heuristic`` player: a sensible fighter with no look-ahead.

Per unit, in order of priority:

1. heal a fallen or badly hurt ally when it can;
2. power up while it is safe: cursed seal stages, shadow clones, a summon;
3. when a blow from the strongest enemy would take it down: often (more often the more
   resolve it has) lunge with its strongest clashing attack at full power, as the rivals
   of the Valley of the End do; otherwise, now and then, defend (substitution, foresight,
   guard), so that it is not predictable;
4. otherwise attack where the expected damage is highest, finishing a target when it can,
   and pour in more chakra when a clash is likely or the blow would decide the fight;
5. rest when nothing is affordable.
"""

from __future__ import annotations

from bisect import bisect_right

from kessen.engine import (
    GUARD,
    REST,
    Battle,
    Choice,
    Fighter,
    RandomStream,
    Unit,
    estimate_damage,
)
from kessen.engine.combat import tier_multiplier
from kessen.engine.model import Technique
from kessen.players.base import Request, register_player

__all__ = ["HeuristicPlayer"]


class HeuristicPlayer:
    name = "heuristic"

    def __init__(self, stream: RandomStream) -> None:
        self.stream = stream

    def choose(self, request: Request) -> list[Choice]:
        battle = request.battle
        return [
            self._choose_one(battle, battle.unit(uid), options)
            for uid, options in request.legal.items()
        ]

    def _choose_one(self, battle: Battle, unit: Unit, options: tuple[Choice, ...]) -> Choice:
        spec = unit.spec
        by_action, techs, kinds = _grouped(options, spec)
        ally_heals, self_heals, power_ups, defences = kinds
        chance = self.stream.chance

        for tid in ally_heals:
            for c in by_action[tid]:
                ally = battle.unit(c.target or "")
                if ally.status != "ok" or ally.health * 3 < ally.max_health:
                    return c
        if self_heals and unit.health * 2 < unit.max_health:
            return by_action[self_heals[0]][0]

        enemies = [u for u in battle.units if u.side != unit.side and u.status == "ok"]
        threat = max((_threat(e, unit) for e in enemies), default=0)
        healthy = unit.health > threat * 2
        if healthy or chance(50):
            for tid, tech in power_ups:
                if tech.seal_steps or tech.summon is not None:
                    return by_action[tid][0]
                if tech.clones and unit.chakra * 2 >= unit.max_chakra:
                    return by_action[tid][0]

        if threat >= unit.health and unit.role == "fighter" and chance(spec.resolve * 3 // 4):
            # "They both knew that losing was no option. They lunged at each other, full
            # powered attacks met": with its life on the line, a fighter of resolve stakes
            # everything on its strongest clashing blow rather than on a dodge.
            lunge = _full_power_lunge(unit, techs, by_action, enemies)
            if lunge is not None:
                return lunge
        if threat >= unit.health and chance(55):
            if defences:
                return by_action[defences[self.stream.below(len(defences))].id][0]
            if chance(50):
                return Choice(unit.uid, GUARD)

        best = self._best_attack(battle, unit, techs, by_action, enemies)
        if best is not None:
            return best
        return Choice(unit.uid, REST)

    def _best_attack(
        self,
        battle: Battle,
        unit: Unit,
        techs: dict[str, Technique],
        by_action: dict[str, list[Choice]],
        enemies: list[Unit],
    ) -> Choice | None:
        best: Choice | None = None
        best_score = 0.0
        rich = unit.chakra * 100 >= unit.max_chakra * 55
        clash_threats: dict[str, int] = {}
        for tid, tech in techs.items():
            if not tech.is_attack:
                if tech.target == "enemy" and (tech.stun_chance or tech.drain or tech.track_turns):
                    for c in by_action[tid]:
                        score = _hindrance(tech, battle.unit(c.target or ""), unit)
                        if score > best_score:
                            best, best_score = c, score
                continue
            # Damage is proportional to power, so one estimate per target serves every tier.
            per_target: dict[str | None, int] = {}
            cost = tech.cost
            for c in by_action[tid]:
                # tier_multiplier(), written out: this runs for every option.
                chakra = c.chakra
                tier = 1.0 if cost <= 0 or chakra <= cost else 1.0 + (chakra - cost) / (2 * cost)
                if tech.range == "area":
                    if None not in per_target:
                        per_target[None] = sum(_estimate(unit, tech, cost, e) for e in enemies)
                    score = per_target[None] * tier + 10 * sum(
                        1 for e in enemies if e.role == "clone"
                    )
                else:
                    target = battle.unit(c.target or "")
                    base = per_target.get(c.target)
                    if base is None:
                        base = per_target[c.target] = _estimate(unit, tech, cost, target)
                    damage = base * tier
                    if target.role == "clone":
                        score = 12.0
                    else:
                        weight = 1.6 if target.role == "fighter" else 0.6
                        score = min(damage, target.health) * weight
                        if damage >= target.health and target.role == "fighter":
                            score += 60
                        if tech.clashes and target.role == "fighter":
                            # Only a clashing attack meets the target's own: what it could
                            # do to us is what meeting it head-on can cancel.
                            cancel = clash_threats.get(target.uid)
                            if cancel is None:
                                cancel = clash_threats[target.uid] = _clash_threat(target, unit)
                            score += 0.5 * cancel
                        if c.chakra > tech.cost and not rich and damage < target.health:
                            score *= 0.55
                # Chakra is a resource: prefer the cheaper of two similar blows.
                score -= c.chakra * 0.08
                if score > best_score:
                    best, best_score = c, score
        return best


def _full_power_lunge(
    unit: Unit,
    techs: dict[str, Technique],
    by_action: dict[str, list[Choice]],
    enemies: list[Unit],
) -> Choice | None:
    """The strongest clashing attack, charged as far as it goes, at the deadliest enemy."""
    fighters = [e for e in enemies if e.role == "fighter"]
    if not fighters:
        return None
    foe = max(fighters, key=lambda e: (_threat(e, unit), e.uid))
    best: Choice | None = None
    best_power = 0.0
    for tid, tech in techs.items():
        if not (tech.is_attack and tech.clashes):
            continue
        for c in by_action[tid]:
            if c.target == foe.uid:
                power = tech.power * tier_multiplier(tech, c.chakra)
                if power > best_power:
                    best, best_power = c, power
    return best


def _hindrance(tech: Technique, target: Unit, me: Unit) -> float:
    """What a technique without power is worth against ``target``, in damage terms.

    A stun is worth the blows it prevents; a drain, the chakra it takes; tracking, the
    dodges it rules out.
    """
    score = 0.0
    if tech.stun_chance and not target.stun:
        score += tech.stun_chance / 100 * tech.stun_turns * _threat(target, me) * 1.2
    if tech.drain:
        score += min(tech.drain, target.chakra) * 0.4
    if tech.track_turns and not target.tracked:
        score += 6.0 * sum(1 for t in target.spec.techniques if t.is_defence)
    return score - tech.cost * 0.08


def _threat(enemy: Unit, me: Unit) -> int:
    """The most damage ``enemy`` could plausibly do to ``me`` this turn (at tier 2)."""
    key, known = _known(enemy, me, 0)
    if known is not None:
        return known
    worst = 0
    for tech in enemy.spec.techniques:
        if tech.is_attack and enemy.chakra >= tech.cost and not enemy.cooldowns.get(tech.id):
            pour = tech.cost * 2 if enemy.chakra >= tech.cost * 2 else tech.cost
            worst = max(worst, estimate_damage(enemy, tech, pour, me))
    _remember(key, enemy, me, worst)
    return worst


def _clash_threat(enemy: Unit, me: Unit) -> int:
    """The most damage one of ``enemy``'s clashing attacks could do to ``me``, fully charged."""
    key, known = _known(enemy, me, 1)
    if known is not None:
        return known
    worst = 0
    for tech in enemy.spec.techniques:
        if tech.clashes and enemy.chakra >= tech.cost and not enemy.cooldowns.get(tech.id):
            pour = max(p for p in tech.pours if p <= enemy.chakra)
            worst = max(worst, estimate_damage(enemy, tech, pour, me))
    _remember(key, enemy, me, worst)
    return worst


# The estimates behind a decision come back decision after decision (the same fighters,
# the same chakra tiers), and they are most of what a decision costs: they are kept here
# by everything they depend on.  Keys hold ids of specs and techniques; the entries hold
# the objects, so that no other can be given their ids meanwhile.  Each cache starts
# afresh once it holds CACHE_SIZE entries.
CACHE_SIZE = 8192
_THREATS: dict[tuple, tuple[Fighter, Fighter, int]] = {}
_ESTIMATES: dict[tuple, tuple[Fighter, Technique, Fighter, int]] = {}
#: A technique's id and the technique, by what the player does with it: heal an ally,
#: heal itself, power up (seal stages, summons, clones), defend; in the spec's order.
_Kinds = tuple[list[str], list[str], list[tuple[str, Technique]], list[Technique]]
_GROUPS: dict[int, tuple[tuple[Choice, ...], Fighter, dict[str, list[Choice]], dict, _Kinds]] = {}
#: Per spec: the chakra amounts its threats turn on (costs, twice the costs, the pours).
_THRESHOLDS: dict[int, tuple[Fighter, tuple[int, ...]]] = {}


def _known(enemy: Unit, me: Unit, kind: int) -> tuple[tuple, int | None]:
    """The key of a threat of ``kind`` (0: _threat, 1: _clash_threat), and its value if
    known.  A threat depends on the enemy's spec, the costs its chakra covers, the
    techniques it has cooling down, its seal and resolve (its power), and on the spec
    and guard of the one it threatens."""
    spec = enemy.spec
    found = _THRESHOLDS.get(id(spec))
    if found is None or found[0] is not spec:
        if len(_THRESHOLDS) >= CACHE_SIZE:
            _THRESHOLDS.clear()
        amounts = {p for t in spec.techniques for p in (t.cost, 2 * t.cost, *t.pours)}
        found = _THRESHOLDS[id(spec)] = (spec, tuple(sorted(amounts)))
    cooldowns = enemy.cooldowns
    key = (
        kind,
        id(spec),
        bisect_right(found[1], enemy.chakra),
        tuple([tid for tid, left in cooldowns.items() if left]) if cooldowns else (),
        enemy.seal_stage,
        enemy.resolve_bonus,
        id(me.spec),
        me.guard,
    )
    known = _THREATS.get(key)
    if known is not None and known[0] is spec and known[1] is me.spec:
        return key, known[2]
    return key, None


def _remember(key: tuple, enemy: Unit, me: Unit, value: int) -> None:
    if len(_THREATS) >= CACHE_SIZE:
        _THREATS.clear()
    _THREATS[key] = (enemy.spec, me.spec, value)


def _estimate(user: Unit, tech: Technique, chakra: int, target: Unit) -> int:
    """:func:`~kessen.engine.estimate_damage`, kept by what it depends on: the user's spec,
    seal and resolve, the technique, the chakra, the target's spec and guard."""
    spec, target_spec = user.spec, target.spec
    key = (
        id(spec),
        user.seal_stage,
        user.resolve_bonus,
        id(tech),
        chakra,
        id(target_spec),
        target.guard,
    )
    known = _ESTIMATES.get(key)
    if known is not None and known[0] is spec and known[1] is tech and known[2] is target_spec:
        return known[3]
    value = estimate_damage(user, tech, chakra, target)
    if len(_ESTIMATES) >= CACHE_SIZE:
        _ESTIMATES.clear()
    _ESTIMATES[key] = (spec, tech, target_spec, value)
    return value


def _grouped(
    options: tuple[Choice, ...], spec: Fighter
) -> tuple[dict[str, list[Choice]], dict[str, Technique], _Kinds]:
    """The options by action, the spec's techniques among them in the spec's order, and
    those techniques sorted by kind (see ``_Kinds``), so that a decision need not look
    at every technique for each kind.

    Kept by the options (the engine hands out the same tuple for the same situation);
    the caller must change none of them.
    """
    known = _GROUPS.get(id(options))
    if known is not None and known[0] is options and known[1] is spec:
        return known[2], known[3], known[4]
    by_action: dict[str, list[Choice]] = {}
    for c in options:
        by_action.setdefault(c.action, []).append(c)
    techs = {t.id: t for t in spec.techniques if t.id in by_action}
    kinds: _Kinds = (
        [tid for tid, t in techs.items() if t.heal and t.target == "ally"],
        [tid for tid, t in techs.items() if t.heal and t.target == "self"],
        [(tid, t) for tid, t in techs.items() if t.seal_steps or t.summon is not None or t.clones],
        [t for t in techs.values() if t.is_defence],
    )
    if isinstance(options, tuple):  # anything else may change: never kept
        if len(_GROUPS) >= CACHE_SIZE:
            _GROUPS.clear()
        _GROUPS[id(options)] = (options, spec, by_action, techs, kinds)
    return by_action, techs, kinds


register_player("heuristic", HeuristicPlayer)
