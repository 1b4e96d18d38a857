"""What carries from turn to turn: cooldowns, regeneration, resting, stun."""

from __future__ import annotations

import pytest

from kessen.errors import IllegalChoiceError

from .scenarios import duel, effect, fighter, of_type, tech


def _actions(battle, uid):
    return {c.action for c in battle.legal_choices(uid)}


def test_cooldown_skips_that_many_turns():
    big = tech("big", power=10, cooldown=2)
    battle = duel(fighter("a", big, health=500), fighter("b", health=500))
    battle.play_turn(["p1.a big p2.b", "p2.b rest"])
    usable = []
    for _ in range(3):
        usable.append("big" in _actions(battle, "p1.a"))
        battle.play_turn(["p1.a rest", "p2.b rest"])
    assert usable == [False, False, True]


def test_no_cooldown_means_every_turn():
    jab = tech("jab", power=5)
    battle = duel(fighter("a", jab, health=500), fighter("b", health=500))
    for _ in range(3):
        assert "jab" in _actions(battle, "p1.a")
        battle.play_turn(["p1.a jab p2.b", "p2.b rest"])


def test_a_cooling_technique_is_refused_with_a_reason():
    big = tech("big", power=10, cooldown=1)
    battle = duel(fighter("a", big, health=500), fighter("b", health=500))
    battle.play_turn(["p1.a big p2.b", "p2.b rest"])
    with pytest.raises(IllegalChoiceError, match="cooling down"):
        battle.play_turn(["p1.a big p2.b", "p2.b rest"])


def test_regeneration_and_rest_triples_it():
    costly = tech("costly", power=5, cost=50)
    battle = duel(fighter("a", costly, regen=10), fighter("b", costly, regen=10))
    battle.play_turn(["p1.a costly p2.b 50", "p2.b costly p1.a 50"])
    assert battle.unit("p1.a").chakra == 60  # 100 - 50 + 10
    battle.play_turn(["p1.a rest", "p2.b guard"])
    assert battle.unit("p1.a").chakra == 90  # rest: 3 x 10
    assert battle.unit("p2.b").chakra == 70  # guard: 1 x 10
    battle.play_turn(["p1.a rest", "p2.b rest"])
    assert battle.unit("p1.a").chakra == 100  # never above the maximum


def test_stun_loses_the_next_action():
    pin = tech("pin", effect("stun", chance=100, turns=1), power=5)
    jab = tech("jab", power=5)
    battle = duel(fighter("a", pin, health=500), fighter("b", jab, health=500))
    events = battle.play_turn(["p1.a pin p2.b", "p2.b rest"])
    (stun,) = of_type(events, "stun")
    assert (stun.unit, stun.by, stun.turns) == ("p2.b", "p1.a", 1)
    assert battle.pending() == ["p1.a"]
    assert battle.legal_choices("p2.b") == ()
    with pytest.raises(IllegalChoiceError, match="stunned"):
        battle.play_turn(["p1.a rest", "p2.b jab p1.a"])
    events = battle.play_turn(["p1.a rest"])
    assert [e.unit for e in of_type(events, "stunned")] == ["p2.b"]
    assert not [e for e in of_type(events, "choice") if e.unit == "p2.b"]
    assert battle.pending() == ["p1.a", "p2.b"]


def test_a_longer_stun_loses_more_actions():
    pin = tech("pin", effect("stun", chance=100, turns=2), power=5)
    battle = duel(fighter("a", pin, health=500), fighter("b", health=500))
    battle.play_turn(["p1.a pin p2.b", "p2.b rest"])
    lost = 0
    while "p2.b" not in battle.pending():
        battle.play_turn(["p1.a rest"])
        lost += 1
    assert lost == 2


def test_stun_chance_zero_never_stuns_and_stun_needs_a_standing_target():
    never = tech("never", effect("stun", chance=0, turns=1), power=5)
    battle = duel(fighter("a", never), fighter("b", health=500))
    assert not of_type(battle.play_turn(["p1.a never p2.b", "p2.b rest"]), "stun")
    always = tech("always", effect("stun", chance=100, turns=1), power=500)
    battle = duel(fighter("a", always), fighter("b", health=50))
    assert not of_type(battle.play_turn(["p1.a always p2.b", "p2.b rest"]), "stun")


def test_a_unit_stunned_mid_turn_still_does_what_it_chose():
    # Choices are made before anything lands: a unit stunned mid-turn still does what it
    # chose this turn, and loses the next one.
    pin = tech("pin", effect("stun", chance=100, turns=1), power=5)
    jab = tech("jab", power=5)
    battle = duel(fighter("a", pin, speed=90), fighter("b", jab, speed=10))
    events = battle.play_turn(["p1.a pin p2.b", "p2.b jab p1.a"])
    assert [h.unit for h in of_type(events, "hit")] == ["p1.a", "p2.b"]
    assert battle.pending() == ["p1.a"]


def test_a_stun_landed_while_stunned_costs_another_action():
    pin = tech("pin", effect("stun", chance=100, turns=1), power=5)
    battle = duel(fighter("a", pin, health=500), fighter("b", health=500))
    battle.play_turn(["p1.a pin p2.b", "p2.b rest"])
    events = battle.play_turn(["p1.a pin p2.b"])  # b is stunned and stunned again
    assert of_type(events, "stun") and of_type(events, "stunned")
    assert "p2.b" not in battle.pending()  # the new stun should cost the next action


def test_chakra_drain_takes_and_gives_half():
    leech = tech("leech", effect("drain_chakra", amount=30), power=5)
    costly = tech("costly", power=5, cost=40)
    battle = duel(fighter("a", leech, costly), fighter("b", health=500))
    battle.play_turn(["p1.a costly p2.b 40", "p2.b rest"])
    events = battle.play_turn(["p1.a leech p2.b", "p2.b rest"])
    (drain,) = of_type(events, "chakra_drained")
    assert (drain.unit, drain.target, drain.amount, drain.gained) == ("p1.a", "p2.b", 30, 15)
    assert battle.unit("p2.b").chakra == 70
    assert battle.unit("p1.a").chakra == 75
