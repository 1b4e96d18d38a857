"""The engine keeps legal choices by what they depend on: kept or worked out afresh, a
unit's choices are the same, whatever its state and the field's."""

from __future__ import annotations

import gc

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kessen.engine import Battle
from kessen.engine import legal as legal_module
from kessen.engine.legal import legal_choices
from kessen.engine.unit import CRITICAL, OK, Unit

from .scenarios import duel, effect, fighter, tech
from .test_properties import battles

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def fresh(unit: Unit, units: list[Unit]) -> tuple:
    """The choices worked out from scratch, with nothing kept."""
    if unit.status != OK or unit.stun > 0:
        return ()
    enemies = tuple(u.uid for u in units if u.side != unit.side and u.status == OK)
    return legal_module._work_out(unit, units, enemies)


def perturbed(battle: Battle, draw: st.DrawFn) -> Battle:
    """A copy with a unit's state moved the ways choices turn on: chakra around a cost,
    health, cooldowns, seal stage, status."""
    copy = battle.copy()
    unit = draw(st.sampled_from(copy.units))
    amounts = sorted({p for t in unit.spec.techniques for p in (t.cost, *t.pours)})
    if amounts:
        near = draw(st.sampled_from(amounts)) + draw(st.integers(-1, 1))
        unit.chakra = max(0, min(unit.max_chakra, near))
    if draw(st.booleans()):
        unit.health = draw(st.integers(1, max(1, unit.max_health)))
    if unit.spec.techniques and draw(st.booleans()):
        tid = draw(st.sampled_from(unit.spec.techniques)).id
        unit.cooldowns[tid] = draw(st.integers(0, 2))
    if unit.spec.seal is not None:
        unit.seal_stage = draw(st.integers(0, len(unit.spec.seal.stages)))
    unit.status = draw(st.sampled_from((OK, OK, OK, CRITICAL, "dead", "gone")))
    return copy


@SETTINGS
@given(battles(), st.data())
def test_kept_choices_are_the_choices_worked_out_afresh(case, data):
    _, build, choose = case
    battle = build()
    while True:
        for b in (battle, perturbed(battle, data.draw)):
            for unit in b.units:
                assert legal_choices(unit, b.units) == fresh(unit, b.units), unit
        if battle.over:
            break
        battle.play_turn(choose(battle))


def test_a_spec_that_dies_cannot_lend_its_choices_to_another():
    # Specs made and dropped one after the other may be given the same id: what was kept
    # for one must never be handed out for the next.
    for n in range(200):
        punch = tech(f"punch{n % 7}", power=10 + n)
        a, b = fighter("a", punch), fighter("b", punch)
        battle = duel(a, b, seed=n)
        assert [c.action for c in battle.legal_choices("p1.a")] == [punch.id, "rest", "guard"]
        del a, b, battle, punch
        gc.collect()


def test_the_choices_follow_the_costs_that_chakra_covers():
    blast = tech("blast", power=40, cost=10)
    heal = tech("mend", effect("heal", amount=20), target="self", cost=5)
    battle = duel(fighter("a", blast, heal, chakra=40), fighter("b", blast), seed=1)
    a = battle.unit("p1.a")
    seen = {}
    for chakra in range(41):
        a.chakra = chakra
        for hurt in (False, True):
            a.health = a.max_health - hurt
            got = legal_choices(a, battle.units)
            assert got == fresh(a, battle.units)
            seen[chakra, hurt] = [c.notation() for c in got]
    assert seen[9, False] == ["p1.a rest", "p1.a guard"]
    assert "p1.a blast p2.b 30" in seen[30, False] and "p1.a mend 5" not in seen[30, False]
    assert "p1.a mend 5" in seen[5, True]
