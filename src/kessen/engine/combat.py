"""How hard a technique hits, and what a blow does to the one it lands on.

The numbers, in one place (``docs/rules.md`` explains them):

* power = technique power x chakra tier (1x, 1.5x, 2x for 1, 2, 3 times the cost)
  x offence / 100 x seal boost x resolve boost x nature multiplier x spread (90-110 %)
* damage = power x 100 / (100 + defence) x (100 - guard) %, with ``pierce`` percent of
  defence and guard ignored; area techniques hit every enemy at 75 %.
* a blow that takes a fighter past zero by at most :data:`TOUGHNESS` percent of its health
  leaves it **critical** (unconscious, on a survival clock); a bigger one kills.  A
  jinchuriki's beast first covers the excess: power withdrawn from the host's own attack
  in the same exchange, then its own chakra, up to what the seal lets through a turn.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kessen.engine import events as ev
from kessen.engine.model import Technique, nature_multiplier
from kessen.engine.unit import CRITICAL, DEAD, GONE, OK, Unit

if TYPE_CHECKING:
    from kessen.engine.rng import RandomStream

__all__ = [
    "CLASH_EVEN_PERCENT",
    "TOUGHNESS",
    "apply_blow",
    "base_power",
    "damage_of",
    "estimate_damage",
    "tier_multiplier",
]

#: A clash is even (a mutual strike) when the stronger power is within this percent.
CLASH_EVEN_PERCENT = 15
#: Percent of max health a blow may overshoot zero by and leave its target critical, not dead.
TOUGHNESS = 30
#: Longest survival clock, in turns, of a fighter left critical by a light overshoot.
MAX_CLOCK = 5


def tier_multiplier(tech: Technique, chakra: int) -> float:
    """1.0 at the technique's cost, +0.5 for each further cost's worth poured in."""
    if tech.cost <= 0 or chakra <= tech.cost:
        return 1.0
    return 1.0 + (chakra - tech.cost) / (2 * tech.cost)


def base_power(user: Unit, tech: Technique, chakra: int) -> float:
    """Power before nature, spread and the defender: what the user brings."""
    spec = user.spec
    # tier_multiplier() and Fighter.offence(), written out: this runs for every blow and
    # for every estimate a player makes.
    cost = tech.cost
    tier = 1.0 if cost <= 0 or chakra <= cost else 1.0 + (chakra - cost) / (2 * cost)
    kind = tech.kind
    if kind == "taijutsu":
        offence = spec.taijutsu
    elif kind == "genjutsu":
        offence = spec.genjutsu
    else:
        offence = spec.ninjutsu
    power = tech.power * tier * offence / 100
    if user.seal_stage and spec.seal is not None:
        power *= 1 + spec.seal.stages[user.seal_stage - 1].boost / 100
    if user.resolve_bonus:
        power *= 1 + user.resolve_bonus / 100
    return power


def damage_of(power: float, tech: Technique, target: Unit, guarded: bool = True) -> int:
    """Damage ``power`` does to ``target`` through its defence (and guard, if ``guarded``)."""
    keep = 100 - tech.pierce
    defence = target.spec.defence * keep / 100
    damage = power * 100 / (100 + defence)
    if guarded and target.guard:
        damage *= (100 - target.guard * keep / 100) / 100
    if tech.range == "area":
        damage *= 0.75
    return max(1, round(damage))


def estimate_damage(user: Unit, tech: Technique, chakra: int, target: Unit) -> int:
    """Expected damage without the random spread: for players that plan, not for rules."""
    power = base_power(user, tech, chakra) * nature_multiplier(tech.nature, target.spec.affinity)
    return damage_of(power, tech, target)


def _beast_cover(target: Unit, excess: int, withdrawn: int, turn: int, out: list) -> int:
    """Let the target's beast absorb up to ``excess``; returns what it absorbed.

    ``withdrawn`` was taken from the host's own blow as the exchange began; it covers what
    it can (the other side's beast may have softened the incoming blow meanwhile), and the
    beast's own chakra covers the rest, within the seal's budget for the turn.
    """
    beast = target.spec.beast
    if beast is None or (excess <= 0 and not withdrawn):
        return 0
    covered = min(withdrawn, max(0, excess))
    spent = min(max(0, excess - covered), target.beast_budget, target.beast_pool)
    target.beast_budget -= spent
    target.beast_pool -= spent
    if withdrawn or spent:
        out.append(ev.BeastIntervention(turn, target.uid, beast.name, withdrawn, spent))
    return covered + spent


def apply_blow(
    attacker: Unit,
    target: Unit,
    tech: Technique,
    damage: int,
    via: str,
    turn: int,
    out: list,
    withdrawn: int = 0,
) -> None:
    """Land ``damage`` on ``target`` and emit what follows: hit, dispel, critical, death.

    ``withdrawn`` is the damage the target's beast took out of the target's own blow in
    the same exchange (a mutual strike); it covers the blow's excess before the beast's
    own chakra does.
    """
    if target.role == "clone":
        target.health = 0
        target.status = GONE
        out.append(ev.Hit(turn, attacker.uid, target.uid, tech.id, damage, 0, via))
        out.append(ev.Dispelled(turn, target.uid, "clone", attacker.uid))
        return
    if damage < target.health:
        target.health -= damage
        # A plain tuple of the Hit type: a named tuple's own __new__ is a Python function.
        hit = (turn, attacker.uid, target.uid, tech.id, damage, target.health, via, "hit")
        out.append(tuple.__new__(ev.Hit, hit))
        if withdrawn:  # with nothing withdrawn and no excess, the beast has nothing to do
            _beast_cover(target, 0, withdrawn, turn, out)
        return
    excess = damage - target.health
    target.health = 0
    out.append(ev.Hit(turn, attacker.uid, target.uid, tech.id, damage, 0, via))
    if target.role == "summon":
        target.status = GONE
        out.append(ev.Dispelled(turn, target.uid, "summon", attacker.uid))
        return
    excess -= _beast_cover(target, excess, withdrawn, turn, out)
    limit = max(1, target.max_health * TOUGHNESS // 100)
    if excess > limit:
        target.status = DEAD
        out.append(ev.Death(turn, target.uid, "blow", attacker.uid))
        return
    if target.status == OK:
        target.status = CRITICAL
        target.critical_since = turn
        target.clock = 1 + (MAX_CLOCK - 1) * (limit - excess) // limit
        out.append(ev.Critical(turn, target.uid, target.clock))


def roll_power(
    user: Unit, tech: Technique, chakra: int, against_nature: str, rng: RandomStream
) -> float:
    """Power with the nature multiplier and the random spread (one draw from the stream)."""
    power = base_power(user, tech, chakra) * nature_multiplier(tech.nature, against_nature)
    return power * (90 + rng.below(21)) / 100
