"""Resolve (desperation, a fallen ally, stakes) and the cursed seal (stages, boost, cost, speed)."""

from __future__ import annotations

from .scenarios import duel, fighter, of_type, seal, spread_bounds, tech
from .scenarios import effect as fx

JAB = tech("jab", power=50)
SMASH = tech("smash", power=70)
RELEASE = tech("release", fx("activate_seal", amount=1), target="self", cost=5)


def test_resolve_awakens_in_desperation_and_lifts_power():
    a = fighter("a", JAB, health=100, resolve=100)
    battle = duel(a, fighter("b", SMASH, health=900), seed=2)
    events = battle.play_turn(["p1.a rest", "p2.b smash p1.a"])  # 63-77 damage: below 35 %
    (resolve,) = of_type(events, "resolve")
    assert (resolve.unit, resolve.reason, resolve.bonus) == ("p1.a", "desperation", 40)
    assert battle.unit("p1.a").resolve_on
    events = battle.play_turn(["p1.a jab p2.b", "p2.b rest"])
    low, high = spread_bounds(50 * 1.4)  # resolve 100: power x (1 + 100/250)
    assert low <= of_type(events, "hit")[0].damage <= high
    assert not of_type(events, "resolve")  # it awakens once


def test_no_resolve_above_the_threshold_or_without_resolve():
    a = fighter("a", JAB, health=100, resolve=100)
    battle = duel(a, fighter("b", tech("tap", power=20), health=900))
    assert not of_type(battle.play_turn(["p1.a rest", "p2.b tap p1.a"]), "resolve")
    calm = fighter("a", JAB, health=100, resolve=0)
    battle = duel(calm, fighter("b", SMASH, health=900))
    assert not of_type(battle.play_turn(["p1.a rest", "p2.b smash p1.a"]), "resolve")


def test_resolve_awakens_when_an_ally_falls():
    a, c = fighter("a", JAB, resolve=50), fighter("c", JAB, health=10, resolve=50)
    battle = duel([a, c], fighter("b", SMASH, health=900))
    events = battle.play_turn(["p1.a rest", "p1.c rest", "p2.b smash p1.c"])
    assert of_type(events, "death") or of_type(events, "critical")
    (resolve,) = of_type(events, "resolve")
    assert (resolve.unit, resolve.reason, resolve.bonus) == ("p1.a", "fallen_ally", 20)


def test_stakes_light_resolve_from_the_first_turn():
    # stakes give a quarter of the full bonus: resolve 100 -> 40 % in full, 10 % from stakes
    a = fighter("a", JAB, resolve=100)
    battle = duel(a, fighter("b"), stakes=("a",))
    (resolve,) = of_type(battle.events, "resolve")
    assert (resolve.turn, resolve.unit, resolve.reason, resolve.bonus) == (0, "p1.a", "stakes", 10)
    assert battle.unit("p1.a").resolve_on and not battle.unit("p2.b").resolve_on
    events = battle.play_turn(["p1.a jab p2.b", "p2.b rest"])
    low, high = spread_bounds(50 * 1.1)
    assert low <= of_type(events, "hit")[0].damage <= high


def test_desperation_raises_resolve_from_stakes_to_the_full():
    a = fighter("a", JAB, resolve=100)
    battle = duel(a, fighter("b", tech("smash", power=70)), stakes=("a",))
    events = battle.play_turn(["p1.a rest", "p2.b smash p1.a"])
    assert battle.unit("p1.a").health * 100 <= battle.unit("p1.a").max_health * 35
    (resolve,) = of_type(events, "resolve")
    assert (resolve.reason, resolve.bonus) == ("desperation", 40)
    assert battle.unit("p1.a").resolve_bonus == 40


def _sealed(**kw):
    stages = seal((50, 20, 5), (100, 40, 10))
    return fighter("a", RELEASE, JAB, seal=stages, **kw)


def test_seal_stages_boost_and_cost():
    battle = duel(_sealed(), fighter("b", health=900))
    events = battle.play_turn(["p1.a release 5", "p2.b rest"])
    (stage,) = of_type(events, "seal_stage")
    assert (stage.unit, stage.stage, stage.boost) == ("p1.a", 1, 50)
    (cost,) = of_type(events, "seal_cost")
    assert (cost.unit, cost.health_lost) == ("p1.a", 5)
    assert battle.unit("p1.a").health == 95
    events = battle.play_turn(["p1.a jab p2.b", "p2.b rest"])
    low, high = spread_bounds(50 * 1.5)
    assert low <= of_type(events, "hit")[0].damage <= high
    assert of_type(events, "seal_cost")[0].health_lost == 5  # paid every turn
    events = battle.play_turn(["p1.a release 5", "p2.b rest"])
    assert of_type(events, "seal_stage")[0].stage == 2
    assert of_type(events, "seal_cost")[0].health_lost == 10
    assert battle.unit("p1.a").health == 80
    assert "release" not in {c.action for c in battle.legal_choices("p1.a")}  # last stage


def test_seal_adds_speed():
    battle = duel(_sealed(speed=50), fighter("b", JAB, speed=60, health=900))
    assert battle.unit("p1.a").speed == 50
    battle.play_turn(["p1.a release 5", "p2.b rest"])
    assert battle.unit("p1.a").speed == 70
    events = battle.play_turn(["p1.a jab p2.b", "p2.b jab p1.a"])
    assert [h.unit for h in of_type(events, "hit")] == ["p1.a", "p2.b"]


def test_seal_cost_never_kills():
    battle = duel(_sealed(health=4), fighter("b", health=900))
    battle.play_turn(["p1.a release 5", "p2.b rest"])
    assert battle.unit("p1.a").health == 1
    events = battle.play_turn(["p1.a rest", "p2.b rest"])
    assert not of_type(events, "seal_cost")
    assert battle.unit("p1.a").status == "ok"


def test_no_seal_no_release():
    battle = duel(fighter("a", RELEASE, JAB), fighter("b"))
    assert "release" not in {c.action for c in battle.legal_choices("p1.a")}
