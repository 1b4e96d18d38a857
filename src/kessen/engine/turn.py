"""One turn, phase by phase.

1. **Reveal**: every choice is shown; chakra and cooldowns are paid.
2. **Defence**: guards, evasions and substitutions take hold before anything lands.
3. **Clashes**: two clashing attacks aimed at each other meet.  Decisive: the stronger
   lands, weakened by half the weaker's power; even (within 15 %): a mutual strike, both
   land in full and at once.
4. **Actions** by speed, fastest first; ties broken by the battle's random stream.
5. **End of turn**: seal costs, chakra regeneration, beast healing, survival clocks,
   clones and summons whose maker fell, cooldowns, stuns, resolve, and the verdict.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from kessen.engine import events as ev
from kessen.engine.choice import GUARD, REST, Choice
from kessen.engine.combat import CLASH_EVEN_PERCENT, apply_blow, damage_of, roll_power
from kessen.engine.model import Fighter, Technique
from kessen.engine.unit import CRITICAL, DEAD, GONE, OK, STABLE, Unit

if TYPE_CHECKING:
    from kessen.engine.battle import Battle

__all__ = ["resolve_bonus", "resolve_turn", "stakes_bonus"]

#: Percent of max health below which resolve awakens.
RESOLVE_HEALTH = 35
#: Percent guarded by the plain ``guard`` action.
GUARD_PERCENT = 50


#: A spec's techniques by id, by the id of the spec (held, so that no other spec can be
#: given its id while it is here): looked up for every action of every turn.
_TECHNIQUES: dict[int, tuple[Fighter, dict[str, Technique]]] = {}


class _Action(NamedTuple):
    # A named tuple built as a plain tuple of its type (two a turn, its own __new__ is a
    # Python function); told apart by identity, never compared.
    unit: Unit
    choice: Choice
    tech: Technique


def resolve_turn(b: Battle, choices: dict[str, Choice]) -> list:
    """Resolve one turn of ``b`` with already-validated ``choices``; returns its events."""
    b.turn += 1
    turn = b.turn
    out: list = []
    units = b.units
    # A stun costs the turns it names, counted now: a stun landed later this turn (even on
    # a unit already stunned) then costs the turns after this one.
    stunned = set()
    for u in units:
        if u.stun > 0 and u.status == OK:
            stunned.add(u.uid)
            u.stun -= 1
        beast = u.spec.beast
        if beast is not None:
            u.beast_budget = beast.per_turn
    # Events are built as plain tuples of their types where they come every turn: a named
    # tuple's own __new__ is a Python function.  The last field is the type's name.
    new = tuple.__new__
    actions: list[_Action] = []
    for u in units:
        choice = choices.get(u.uid)
        if choice is None:
            if u.uid in stunned:
                out.append(ev.Stunned(turn, u.uid))
            continue
        kind = choice.action
        out.append(
            new(ev.ChoiceRevealed, (turn, u.uid, kind, choice.target, choice.chakra, "choice"))
        )
        if kind in (REST, GUARD):
            if kind == GUARD:
                u.guard = GUARD_PERCENT
                out.append(ev.Guard(turn, u.uid, GUARD, GUARD_PERCENT))
            continue
        tech = _technique(u, kind)
        u.chakra -= choice.chakra
        if tech.cooldown:
            u.cooldowns[tech.id] = tech.cooldown + 1
        if tech.is_defence:
            _defend(u, tech, turn, out)
            if tech.heal or tech.seal_steps or tech.clones or tech.summon is not None:
                actions.append(new(_Action, (u, choice, tech)))
        else:
            actions.append(new(_Action, (u, choice, tech)))

    remaining = _resolve_clashes(b, actions, turn, out)
    rng = b.rng
    remaining.sort(key=lambda a: (-a.unit.speed, rng.next64()))
    for action in remaining:
        _perform(b, action, turn, out)
    _end_of_turn(b, choices, turn, out)
    return out


def _technique(unit: Unit, tech_id: str) -> Technique:
    spec = unit.spec
    known = _TECHNIQUES.get(id(spec))
    if known is None or known[0] is not spec:
        if len(_TECHNIQUES) >= 4096:
            _TECHNIQUES.clear()
        # The first of two techniques with one id, as Fighter.technique finds it.
        by_id = {t.id: t for t in reversed(spec.techniques)}
        known = _TECHNIQUES[id(spec)] = (spec, by_id)
    tech = known[1].get(tech_id)
    if tech is None:  # legality was checked before; this is a broken invariant
        raise RuntimeError(f"{unit.uid} has no technique {tech_id!r}")
    return tech


def _defend(u: Unit, tech: Technique, turn: int, out: list) -> None:
    if tech.guard:
        u.guard = max(u.guard, tech.guard)
        out.append(ev.Guard(turn, u.uid, tech.id, tech.guard))
    if tech.evade:
        u.evade = max(u.evade, tech.evade)
    if tech.substitute:
        u.substitute = True


def _resolve_clashes(b: Battle, actions: list[_Action], turn: int, out: list) -> list[_Action]:
    """Find pairs of clashing attacks aimed at each other, resolve them, return the rest."""
    aimed: dict[str, _Action] = {}
    for a in actions:
        if a.tech.is_attack and a.tech.clashes and a.tech.range != "area":
            aimed[a.unit.uid] = a
    if len(aimed) < 2:
        return actions
    pairs: list[tuple[_Action, _Action]] = []
    paired: set[int] = set()
    for a in actions:
        if id(a) in paired or a.unit.uid not in aimed:
            continue
        other = aimed.get(a.choice.target or "")
        if other is not None and other.choice.target == a.unit.uid and id(other) not in paired:
            pairs.append((a, other))
            paired.add(id(a))
            paired.add(id(other))
    if not pairs:
        return actions
    for a, c in pairs:
        _clash(b, a, c, turn, out)
    return [a for a in actions if id(a) not in paired]


def _clash(b: Battle, a: _Action, c: _Action, turn: int, out: list) -> None:
    rng = b.rng
    pa = roll_power(a.unit, a.tech, a.choice.chakra, c.tech.nature, rng)
    pc = roll_power(c.unit, c.tech, c.choice.chakra, a.tech.nature, rng)
    hi, lo = (pa, pc) if pa >= pc else (pc, pa)
    even = hi * 100 <= lo * (100 + CLASH_EVEN_PERCENT)
    win, lose = (a, c) if pa >= pc else (c, a)
    out.append(
        ev.Clash(
            turn,
            a.unit.uid,
            c.unit.uid,
            a.tech.id,
            c.tech.id,
            round(pa),
            round(pc),
            "even" if even else "decisive",
            None if even else win.unit.uid,
        )
    )
    if even:
        # A mutual strike: both blows are worked out before either lands, so a beast can
        # withdraw power from its host's blow while the other is on its way.  Both
        # withdrawals are decided first, so neither side's beast is favoured by order.
        to_c = damage_of(pa, a.tech, c.unit, guarded=False)
        to_a = damage_of(pc, c.tech, a.unit, guarded=False)
        withdrawn_by_a = _withdrawal(a.unit, to_a, to_c)
        withdrawn_by_c = _withdrawal(c.unit, to_c, to_a)
        apply_blow(
            a.unit, c.unit, a.tech, to_c - withdrawn_by_a, "mutual", turn, out, withdrawn_by_c
        )
        apply_blow(
            c.unit, a.unit, c.tech, to_a - withdrawn_by_c, "mutual", turn, out, withdrawn_by_a
        )
        # Secondary effects (stun, drain, tracking) need a user still standing to follow up.
        for x, y in ((a, c), (c, a)):
            if y.unit.status == OK and x.unit.status == OK:
                _after_hit(b, x, y.unit, turn, out)
        return
    damage = damage_of(hi - lo / 2, win.tech, lose.unit, guarded=False)
    apply_blow(win.unit, lose.unit, win.tech, damage, "clash", turn, out)
    if lose.unit.status == OK:
        _after_hit(b, win, lose.unit, turn, out)


def _withdrawal(host: Unit, incoming: int, outgoing: int) -> int:
    """Power a host's beast withdraws from the host's own blow to cover a blow past zero."""
    beast = host.spec.beast
    if beast is None or host.role != "fighter" or incoming <= host.health:
        return 0
    return min(incoming - host.health, outgoing * beast.divert // 100)


def _perform(b: Battle, action: _Action, turn: int, out: list) -> None:
    u, tech, choice = action.unit, action.tech, action.choice
    if u.status != OK:
        out.append(ev.Fizzle(turn, u.uid, tech.id, "user_down"))
        return
    if tech.target == "enemy":
        if tech.range == "area":
            for target in [t for t in b.units if t.side != u.side and t.status == OK]:
                _strike(b, action, target, turn, out)
            return
        target = b.unit(choice.target or "")
        if target.status != OK:
            out.append(ev.Fizzle(turn, u.uid, tech.id, "target_down"))
            return
        if tech.power > 0:
            _strike(b, action, target, turn, out)
        else:
            _after_hit(b, action, target, turn, out)
        return
    target = u if tech.target == "self" else b.unit(choice.target or "")
    _support(b, u, tech, target, turn, out)


def _strike(b: Battle, action: _Action, target: Unit, turn: int, out: list) -> None:
    u, tech = action.unit, action.tech
    if tech.range != "area" and not target.tracked:
        if target.substitute and tech.range == "melee":
            target.substitute = False
            out.append(ev.Substitute(turn, target.uid, u.uid, tech.id))
            return
        if target.evade:
            chance = target.evade * 3 // 2 if tech.range == "ranged" else target.evade
            if b.rng.chance(min(95, chance)):
                out.append(ev.Evade(turn, target.uid, u.uid, tech.id))
                return
    power = roll_power(u, tech, action.choice.chakra, target.spec.affinity, b.rng)
    apply_blow(u, target, tech, damage_of(power, tech, target), "direct", turn, out)
    if target.status == OK and (tech.stun_chance or tech.drain or tech.track_turns):
        _after_hit(b, action, target, turn, out)


def _after_hit(b: Battle, action: _Action, target: Unit, turn: int, out: list) -> None:
    """Secondary effects on a target still standing: stun, chakra drain, tracking."""
    u, tech = action.unit, action.tech
    if tech.stun_chance and b.rng.chance(tech.stun_chance):
        target.stun = max(target.stun, tech.stun_turns)
        out.append(ev.Stun(turn, target.uid, u.uid, tech.stun_turns))
    if tech.drain:
        taken = min(tech.drain, target.chakra)
        target.chakra -= taken
        gained = min(taken // 2, u.max_chakra - u.chakra)
        u.chakra += gained
        out.append(ev.ChakraDrained(turn, u.uid, target.uid, taken, gained))
    if tech.track_turns:
        target.tracked = max(target.tracked, tech.track_turns + 1)
        out.append(ev.Tracked(turn, u.uid, target.uid, tech.track_turns))


def _support(b: Battle, u: Unit, tech: Technique, target: Unit, turn: int, out: list) -> None:
    if tech.heal:
        if target.status == CRITICAL:
            target.status = STABLE
            target.health = min(target.max_health, tech.heal)
            target.clock = 0
            out.append(ev.Heal(turn, u.uid, target.uid, tech.id, target.health, target.health))
            out.append(ev.Stabilised(turn, target.uid, u.uid))
        elif target.status == OK:
            amount = min(tech.heal, target.max_health - target.health)
            target.health += amount
            out.append(ev.Heal(turn, u.uid, target.uid, tech.id, amount, target.health))
        else:
            out.append(ev.Fizzle(turn, u.uid, tech.id, "target_down"))
    if tech.seal_steps and u.spec.seal is not None:
        stages = u.spec.seal.stages
        u.seal_stage = min(len(stages), u.seal_stage + tech.seal_steps)
        out.append(ev.SealStageReached(turn, u.uid, u.seal_stage, stages[u.seal_stage - 1].boost))
    if tech.clones:
        share = u.chakra * tech.clone_share // 100
        each = share // tech.clones
        spec = b.clone_spec(u.spec)
        for _ in range(tech.clones):
            u.chakra -= each
            clone = b.add_unit(spec, u.side, "clone", u.uid, chakra=each)
            out.append(ev.CloneMade(turn, u.uid, clone.uid, each))
    if tech.summon is not None:
        summoned = b.add_unit(tech.summon, u.side, "summon", u.uid)
        summoned.summon_turns = turn + tech.summon_turns if tech.summon_turns else 0
        out.append(ev.Summoned(turn, u.uid, summoned.uid, tech.summon.name))


def _end_of_turn(b: Battle, choices: dict[str, Choice], turn: int, out: list) -> None:
    units = b.units
    # Events of every turn are built as plain tuples of their types (a named tuple's own
    # __new__ is a Python function); the last field is the type's name.
    new = tuple.__new__
    for u in units:
        status = u.status
        if status == OK:
            if u.seal_stage:
                cost = min(u.spec.seal.stages[u.seal_stage - 1].cost, u.health - 1)  # type: ignore[union-attr]
                if cost > 0:
                    u.health -= cost
                    out.append(ev.SealCost(turn, u.uid, cost))
            regen = u.spec.regen
            if regen:
                choice = choices.get(u.uid)
                if choice is not None and choice.action == REST:
                    regen *= 3
                u.chakra = min(u.max_chakra, u.chakra + regen)
            beast = u.spec.beast
            if beast is not None and u.health < u.max_health and u.beast_pool > 0:
                amount = min(beast.heal, u.beast_pool, u.max_health - u.health, u.beast_budget)
                if amount > 0:
                    u.health += amount
                    u.beast_pool -= amount
                    heal = (turn, u.uid, beast.name, amount, u.beast_pool, "beast_heal")
                    out.append(new(ev.BeastHeal, heal))
        elif status == CRITICAL:
            beast = u.spec.beast
            held = 0
            if beast is not None and u.beast_pool > 0 and u.critical_since < turn:
                held = min(beast.heal, u.beast_pool, u.beast_budget)
                u.beast_budget -= held
                u.beast_pool -= held
                if held:
                    out.append(ev.BeastHeal(turn, u.uid, beast.name, held, u.beast_pool))
            # The clock starts on the turn after the fall.
            if not held and u.critical_since < turn:
                u.clock -= 1
                if u.clock <= 0:
                    u.status = DEAD
                    out.append(ev.Death(turn, u.uid, "clock", None))
        if u.cooldowns:
            for key, left in list(u.cooldowns.items()):
                if left <= 1:
                    del u.cooldowns[key]
                else:
                    u.cooldowns[key] = left - 1
        if u.tracked:
            u.tracked -= 1
        u.guard = 0
        u.evade = 0
        u.substitute = False
    for u in units:
        if u.role == "fighter" or u.status != OK:
            continue
        maker = b.unit(u.origin or "")
        expired = u.role == "summon" and u.summon_turns and turn >= u.summon_turns
        if maker.status != OK or expired:
            u.status = GONE
            out.append(ev.Dispelled(turn, u.uid, u.role, None))
    _awaken_resolve(b, turn, out)
    status_type = ev.UnitStatus
    standing = tuple([new(status_type, (u.uid, u.health, u.chakra, u.status)) for u in units])
    out.append(new(ev.TurnEnd, (turn, standing, "turn_end")))
    b.check_end(out)


def resolve_bonus(resolve: int) -> int:
    """Percent power a fighter's resolve adds when everything is at stake: resolve / 2.5."""
    return resolve * 100 // 250


def stakes_bonus(resolve: int) -> int:
    """Percent power from friends counting on you, from the first turn: a quarter of the full."""
    return resolve_bonus(resolve) // 4


def _awaken_resolve(b: Battle, turn: int, out: list) -> None:
    fallen: list[bool] | None = None  # per side, worked out when first needed
    for u in b.units:
        if u.status != OK or u.role != "fighter" or not u.spec.resolve:
            continue
        full = resolve_bonus(u.spec.resolve)
        if u.resolve_bonus >= full:
            continue
        reason = None
        if u.health * 100 <= u.max_health * RESOLVE_HEALTH:
            reason = "desperation"
        else:
            if fallen is None:
                # Nothing in this loop changes a status, so the sides' fallen stay as found.
                fallen = [False, False]
                for v in b.units:
                    if v.role == "fighter" and v.status in (CRITICAL, DEAD, STABLE):
                        fallen[v.side] = True
            if fallen[u.side]:
                reason = "fallen_ally"
        if reason:
            u.resolve_bonus = full
            out.append(ev.Resolve(turn, u.uid, full, reason))
