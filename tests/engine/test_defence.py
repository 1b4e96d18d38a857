"""Defences resolve before anything lands: guard, evasion, substitution; tracking beats them."""

from __future__ import annotations

import pytest

from .scenarios import duel, effect, fighter, of_type, spread_bounds, tech

JAB = tech("jab", power=60)
THROW = tech("throw", power=60, range="ranged")
WAVE = tech("wave", power=60, range="area")


def _hit_on_b(b, choice_b: str, seed: int = 1, attack: str = "jab"):
    battle = duel(fighter("a", JAB, THROW, WAVE), b, seed=seed)
    target = "" if attack == "wave" else " p2.b"
    events = battle.play_turn([f"p1.a {attack}{target}", choice_b])
    return battle, events


def test_plain_guard_blocks_half():
    b = fighter("b", health=500)
    battle, events = _hit_on_b(b, "p2.b guard")
    (guard,) = of_type(events, "guard")
    assert (guard.unit, guard.technique, guard.percent) == ("p2.b", "guard", 50)
    (hit,) = of_type(events, "hit")
    low, high = spread_bounds(60, guard=50)
    assert low <= hit.damage <= high
    # the guard lasts one turn
    events = battle.play_turn(["p1.a jab p2.b", "p2.b rest"])
    assert spread_bounds(60)[0] <= of_type(events, "hit")[0].damage


def test_guard_technique_blocks_its_percent_and_pierce_cuts_through():
    wall = tech("wall", effect("guard", amount=80), target="self", cost=5)
    b = fighter("b", wall, health=500)
    _, events = _hit_on_b(b, "p2.b wall 5")
    assert of_type(events, "guard")[0].percent == 80
    low, high = spread_bounds(60, guard=80)
    assert low <= of_type(events, "hit")[0].damage <= high
    drill = tech("drill", effect("pierce", amount=50), power=60)
    battle = duel(fighter("a", drill), b)
    events = battle.play_turn(["p1.a drill p2.b", "p2.b wall 5"])
    low, high = spread_bounds(60, guard=80, pierce=50)
    assert low <= of_type(events, "hit")[0].damage <= high


def _evasions(attack: str, chance: int, seeds=range(200)) -> float:
    dodge = tech("dodge", effect("evade", chance=chance), target="self")
    count = 0
    for seed in seeds:
        _, events = _hit_on_b(fighter("b", dodge, health=500), "p2.b dodge", seed, attack)
        evades = of_type(events, "evade")
        hits = of_type(events, "hit")
        assert len(evades) + len(hits) == 1  # an evaded attack does not land
        if evades:
            assert (evades[0].unit, evades[0].attacker, evades[0].technique) == (
                "p2.b",
                "p1.a",
                attack,
            )
            count += 1
    return count / len(seeds)


def test_evasion_chance_melee_ranged_and_area():
    melee = _evasions("jab", 40)
    ranged = _evasions("throw", 40)  # ranged attacks are 1.5 times easier to evade
    assert 0.28 <= melee <= 0.52
    assert 0.48 <= ranged <= 0.72
    assert _evasions("wave", 40, range(30)) == 0  # area cannot be evaded


def test_evasion_is_never_certain():
    assert 0.85 <= _evasions("throw", 100) < 1.0  # capped at 95 %


def test_substitution_first_melee_attack_hits_a_log():
    log = tech("log", effect("substitute"), target="self", cost=5)
    a, c = fighter("a", JAB, speed=90), fighter("c", JAB, speed=10)
    battle = duel([a, c], fighter("b", log, health=500))
    events = battle.play_turn(["p1.a jab p2.b", "p1.c jab p2.b", "p2.b log 5"])
    (sub,) = of_type(events, "substitute")
    assert (sub.unit, sub.attacker, sub.technique) == ("p2.b", "p1.a", "jab")
    assert [h.unit for h in of_type(events, "hit")] == ["p1.c"]  # only the first is fooled


@pytest.mark.parametrize("attack", ["throw", "wave"])
def test_substitution_does_not_fool_ranged_or_area(attack):
    log = tech("log", effect("substitute"), target="self", cost=5)
    _, events = _hit_on_b(fighter("b", log, health=500), "p2.b log 5", attack=attack)
    assert not of_type(events, "substitute")
    assert len(of_type(events, "hit")) == 1


def test_defences_last_one_turn():
    log = tech("log", effect("substitute"), target="self", cost=5)
    battle, _ = _hit_on_b(fighter("b", log, health=500), "p2.b log 5", attack="throw")
    events = battle.play_turn(["p1.a jab p2.b", "p2.b rest"])
    assert not of_type(events, "substitute")


def test_a_defence_technique_keeps_its_other_effects():
    fortify = tech(
        "fortify", effect("guard", amount=50), effect("heal", amount=30), target="self", cost=5
    )
    battle = duel(fighter("a", fortify, JAB), fighter("b", JAB, health=500))
    battle.play_turn(["p1.a jab p2.b", "p2.b jab p1.a"])
    hurt = battle.unit("p1.a").health
    events = battle.play_turn(["p1.a fortify 5", "p2.b rest"])
    assert of_type(events, "guard")
    assert battle.unit("p1.a").health == min(100, hurt + 30)
