"""Power and damage: offence, chakra tiers, natures, defence, guard, pierce, area."""

from __future__ import annotations

import pytest

from kessen.engine import RandomStream, nature_multiplier
from kessen.engine.combat import tier_multiplier
from kessen.engine.model import NATURES

from .scenarios import duel, effect, expected_damage, fighter, of_type, spread_bounds, tech


def _one_hit(attacker, target, choice: str, seed: int = 1):
    battle = duel(attacker, target, seed=seed)
    events = battle.play_turn([choice, "p2.b rest"])
    (hit,) = of_type(events, "hit")
    return battle, hit


def test_damage_follows_the_documented_formula_exactly():
    # power 40 x tier 2 (1.5) x offence 80/100 x lightning on earth (1.25) x spread,
    # through defence 60 with a quarter of it pierced
    bolt = tech("bolt", effect("pierce", amount=25), power=40, cost=10, nature="lightning")
    a = fighter("a", bolt, ninjutsu=80)
    b = fighter("b", health=500, defence=60, affinity="earth")
    battle = duel(a, b, seed=11)
    stream = RandomStream(0)
    stream.state = battle.rng.state
    stream.next64()  # the speed-order tie-break key of the one action
    spread = 90 + stream.below(21)
    events = battle.play_turn(["p1.a bolt p2.b 20", "p2.b rest"])
    (hit,) = of_type(events, "hit")
    power = 40 * 1.5 * 80 / 100 * 1.25 * spread / 100
    assert hit.damage == expected_damage(power, 60, pierce=25)
    assert hit.health == 500 - hit.damage


@pytest.mark.parametrize(("pour", "multiplier"), [(10, 1.0), (20, 1.5), (30, 2.0)])
def test_more_chakra_more_power(pour, multiplier):
    blast = tech("blast", power=40, cost=10)
    _, hit = _one_hit(fighter("a", blast), fighter("b", health=500), f"p1.a blast p2.b {pour}")
    low, high = spread_bounds(40 * multiplier)
    assert low <= hit.damage <= high


def test_same_seed_tier_three_does_twice_tier_one():
    blast = tech("blast", power=40, cost=10)
    damages = [
        _one_hit(fighter("a", blast), fighter("b", health=500), f"p1.a blast p2.b {p}", 9)[1].damage
        for p in (10, 30)
    ]
    assert abs(damages[1] - 2 * damages[0]) <= 1


def test_tier_multiplier_values():
    blast = tech("blast", power=40, cost=10)
    assert [tier_multiplier(blast, c) for c in (10, 20, 30)] == [1.0, 1.5, 2.0]
    assert tier_multiplier(tech("free", power=10), 0) == 1.0


def test_chakra_poured_is_paid():
    blast = tech("blast", power=40, cost=10)
    battle, _ = _one_hit(fighter("a", blast), fighter("b", health=500), "p1.a blast p2.b 30")
    assert battle.unit("p1.a").chakra == 100 - 30


def test_tiers_offered_are_what_the_unit_can_afford():
    blast = tech("blast", power=40, cost=10)
    battle = duel(fighter("a", blast, chakra=25), fighter("b"))
    pours = [c.chakra for c in battle.legal_choices("p1.a") if c.action == "blast"]
    assert pours == [10, 20]
    poor = duel(fighter("a", blast, chakra=9), fighter("b"))
    assert "blast" not in {c.action for c in poor.legal_choices("p1.a")}


def test_free_and_support_techniques_have_one_tier():
    jab = tech("jab", power=10)
    brace = tech("brace", effect("guard", amount=40), target="self", cost=7)
    battle = duel(fighter("a", jab, brace), fighter("b"))
    legal = battle.legal_choices("p1.a")
    assert [c.chakra for c in legal if c.action == "jab"] == [0]
    assert [c.chakra for c in legal if c.action == "brace"] == [7]


def test_offence_is_taken_from_the_technique_kind():
    kick = tech("kick", power=50, kind="taijutsu")
    illusion = tech("illusion", power=50, kind="genjutsu")
    a = fighter("a", kick, illusion, taijutsu=200, genjutsu=50)
    _, strong = _one_hit(a, fighter("b", health=900), "p1.a kick p2.b", seed=4)
    _, weak = _one_hit(a, fighter("b", health=900), "p1.a illusion p2.b", seed=4)
    assert abs(strong.damage - 4 * weak.damage) <= 2


def test_nature_multiplier_follows_the_cycle():
    for i, nature in enumerate(NATURES):
        beaten = NATURES[(i + 1) % len(NATURES)]
        assert nature_multiplier(nature, beaten) == 1.25
        assert nature_multiplier(beaten, nature) == 0.8
        assert nature_multiplier(nature, nature) == 1.0
        assert nature_multiplier(nature, "none") == nature_multiplier("none", nature) == 1.0
    # fire > wind > lightning > earth > water > fire
    assert nature_multiplier("water", "fire") == 1.25
    assert nature_multiplier("fire", "lightning") == 1.0


@pytest.mark.parametrize(
    ("affinity", "multiplier"), [("earth", 1.25), ("wind", 0.8), ("water", 1.0), ("none", 1.0)]
)
def test_nature_advantage_on_hits_against_the_target_affinity(affinity, multiplier):
    bolt = tech("bolt", power=60, nature="lightning")
    _, hit = _one_hit(
        fighter("a", bolt), fighter("b", health=500, affinity=affinity), "p1.a bolt p2.b"
    )
    low, high = spread_bounds(60 * multiplier)
    assert low <= hit.damage <= high


def test_defence_reduces_and_pierce_ignores_it():
    plain = tech("plain", power=60)
    piercing = tech("piercing", effect("pierce", amount=100), power=60)
    b = fighter("b", health=500, defence=100)
    _, blunt = _one_hit(fighter("a", plain), b, "p1.a plain p2.b", seed=8)
    _, sharp = _one_hit(fighter("a", piercing), b, "p1.a piercing p2.b", seed=8)
    assert spread_bounds(60, 100)[0] <= blunt.damage <= spread_bounds(60, 100)[1]
    assert abs(sharp.damage - 2 * blunt.damage) <= 1


def test_area_technique_hits_every_enemy_at_three_quarters():
    wave = tech("wave", power=80, range="area", cost=10)
    battle = duel(fighter("a", wave), [fighter("b", health=500), fighter("c", health=500)])
    events = battle.play_turn(["p1.a wave 10", "p2.b rest", "p2.c rest"])
    hits = of_type(events, "hit")
    assert [h.target for h in hits] == ["p2.b", "p2.c"]
    low, high = spread_bounds(80, area=True)
    assert all(low <= h.damage <= high for h in hits)
    assert [c.target for c in battle.legal_choices("p1.a") if c.action == "wave"] == [None] * 3


def test_damage_is_at_least_one():
    tickle = tech("tickle", power=1)
    _, hit = _one_hit(
        fighter("a", tickle, taijutsu=1, ninjutsu=1), fighter("b", defence=200), "p1.a tickle p2.b"
    )
    assert hit.damage == 1


def test_speed_orders_actions_fastest_first():
    jab = tech("jab", power=5)
    slow, fast = fighter("a", jab, speed=20), fighter("b", jab, speed=90)
    for seed in range(5):
        events = duel(slow, fast, seed=seed).play_turn(["p1.a jab p2.b", "p2.b jab p1.a"])
        assert [h.unit for h in of_type(events, "hit")] == ["p2.b", "p1.a"]


def test_speed_ties_are_broken_by_the_seeded_stream():
    jab = tech("jab", power=5)
    firsts = set()
    for seed in range(30):
        battle = duel(fighter("a", jab), fighter("b", jab), seed=seed)
        events = battle.play_turn(["p1.a jab p2.b", "p2.b jab p1.a"])
        first = of_type(events, "hit")[0].unit
        again = duel(fighter("a", jab), fighter("b", jab), seed=seed)
        assert of_type(again.play_turn(["p1.a jab p2.b", "p2.b jab p1.a"]), "hit")[0].unit == first
        firsts.add(first)
    assert firsts == {"p1.a", "p2.b"}
