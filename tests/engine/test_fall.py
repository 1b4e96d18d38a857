"""Falling: critical (unconscious, on a clock), stabilised, dead; and how a battle ends."""

from __future__ import annotations

import pytest

from kessen.engine.combat import MAX_CLOCK, TOUGHNESS
from kessen.errors import IllegalChoiceError

from .scenarios import duel, effect, fighter, find_seed, of_type, tech

JAB = tech("jab", power=20)
BLOW = tech("blow", power=110)  # 99-121 on 100 health: critical, never dead
CRUSH = tech("crush", power=200)  # 180-220 on 100 health: dead
MEND = tech("mend", effect("heal", amount=40), target="ally", cost=10)


def _fell(attack: str, seed: int = 2, **target_kw: object):
    battle = duel(fighter("a", JAB, **target_kw), fighter("b", BLOW, CRUSH, health=900), seed=seed)
    events = battle.play_turn(["p1.a rest", f"p2.b {attack} p1.a"])
    return battle, events


def test_a_blow_just_past_zero_leaves_the_fighter_critical():
    battle, events = _fell("blow")
    (hit,) = of_type(events, "hit")
    (critical,) = of_type(events, "critical")
    unit = battle.unit("p1.a")
    assert (unit.status, unit.health) == ("critical", 0)
    assert hit.health == 0 and not of_type(events, "death")
    limit = 100 * TOUGHNESS // 100
    excess = hit.damage - 100
    assert critical.clock == 1 + (MAX_CLOCK - 1) * (limit - excess) // limit
    assert 1 <= critical.clock <= MAX_CLOCK


def test_a_lighter_overshoot_gives_a_longer_clock():
    clocks = {}
    for seed in range(40):
        _, events = _fell("blow", seed)
        excess = of_type(events, "hit")[0].damage - 100
        if excess >= 0:
            clocks[excess] = of_type(events, "critical")[0].clock
    ordered = [clocks[k] for k in sorted(clocks)]
    assert ordered == sorted(ordered, reverse=True) and len(set(ordered)) > 1


def test_a_blow_far_past_zero_kills():
    battle, events = _fell("crush")
    (death,) = of_type(events, "death")
    assert (death.unit, death.cause, death.by) == ("p1.a", "blow", "p2.b")
    assert battle.unit("p1.a").status == "dead"
    assert not of_type(events, "critical")


def test_exactly_zero_is_critical_with_the_longest_clock():
    def build(seed: int):
        return duel(fighter("a", JAB, health=100), fighter("b", BLOW, health=900), seed=seed)

    _, events = find_seed(
        build,
        lambda _: ["p1.a rest", "p2.b blow p1.a"],
        lambda _, ev: of_type(ev, "hit")[0].damage == 100,
        tries=2000,
    )
    assert of_type(events, "critical")[0].clock == MAX_CLOCK


def _team_fall():
    a, c = fighter("a", JAB), fighter("c", JAB, MEND, health=500)
    battle = duel([a, c], fighter("b", BLOW, health=900), seed=2)
    battle.play_turn(["p1.a rest", "p1.c rest", "p2.b blow p1.a"])
    assert battle.unit("p1.a").status == "critical"
    return battle


def test_critical_units_cannot_act():
    battle = _team_fall()
    assert "p1.a" not in battle.pending()
    assert battle.legal_choices("p1.a") == ()
    with pytest.raises(IllegalChoiceError, match="critical and cannot act"):
        battle.play_turn(["p1.a jab p2.b", "p1.c rest", "p2.b rest"])


def test_the_survival_clock_runs_out():
    battle = _team_fall()
    clock = battle.unit("p1.a").clock
    for _ in range(clock):
        assert battle.unit("p1.a").status == "critical"
        events = battle.play_turn(["p1.c rest", "p2.b rest"])
    (death,) = of_type(events, "death")
    assert (death.unit, death.cause, death.by, death.turn) == ("p1.a", "clock", None, 1 + clock)


def test_an_allys_heal_stabilises_a_critical_fighter():
    battle = _team_fall()
    assert "p1.a" in {c.target for c in battle.legal_choices("p1.c") if c.action == "mend"}
    events = battle.play_turn(["p1.c mend p1.a 10", "p2.b rest"])
    (heal,) = of_type(events, "heal")
    (stable,) = of_type(events, "stabilised")
    assert (heal.unit, heal.target, heal.amount, heal.health) == ("p1.c", "p1.a", 40, 40)
    assert (stable.unit, stable.by) == ("p1.a", "p1.c")
    unit = battle.unit("p1.a")
    assert (unit.status, unit.health, unit.clock) == ("stable", 40, 0)
    for _ in range(8):  # out of danger, and out of the fight
        events = battle.play_turn(["p1.c rest", "p2.b rest"])
        assert not of_type(events, "death")
        assert "p1.a" not in battle.pending()


def test_a_heal_on_a_standing_ally_restores_health_up_to_the_maximum():
    a, c = fighter("a", JAB), fighter("c", MEND, health=500)
    battle = duel([a, c], fighter("b", tech("tap", power=30), health=900), seed=1)
    battle.play_turn(["p1.a rest", "p1.c rest", "p2.b tap p1.a"])
    hurt = battle.unit("p1.a").health
    events = battle.play_turn(["p1.a rest", "p1.c mend p1.a 10", "p2.b rest"])
    assert of_type(events, "heal")[0].amount == min(40, 100 - hurt)
    assert battle.unit("p1.a").health == min(100, hurt + 40)
    # nobody to heal: the technique is not offered
    assert "mend" not in {c.action for c in battle.legal_choices("p1.c")}


def test_the_dead_stay_dead_and_never_act():
    a, c = fighter("a", JAB), fighter("c", JAB, MEND, health=500)
    battle = duel([a, c], fighter("b", CRUSH, health=900), seed=2)
    battle.play_turn(["p1.a rest", "p1.c rest", "p2.b crush p1.a"])
    assert battle.unit("p1.a").status == "dead"
    assert battle.legal_choices("p1.a") == ()
    assert "p1.a" not in {c.target for c in battle.legal_choices("p1.c")}  # no healing the dead
    with pytest.raises(IllegalChoiceError, match="dead"):
        battle.play_turn(["p1.a rest", "p1.c rest", "p2.b rest"])


def test_an_action_whose_user_fell_first_fizzles():
    a = fighter("a", JAB, speed=10)
    battle = duel(a, [fighter("b", CRUSH, speed=90, health=900), fighter("d", health=900)])
    events = battle.play_turn(["p1.a jab p2.d", "p2.b crush p1.a", "p2.d rest"])
    (fizzle,) = of_type(events, "fizzle")
    assert (fizzle.unit, fizzle.reason) == ("p1.a", "user_down")


def test_an_action_whose_target_fell_first_fizzles():
    a, c = fighter("a", CRUSH, speed=90), fighter("c", JAB, speed=10)
    battle = duel([a, c], [fighter("b", health=100), fighter("d", health=900)], seed=2)
    events = battle.play_turn(["p1.a crush p2.b", "p1.c jab p2.b", "p2.b rest", "p2.d rest"])
    (fizzle,) = of_type(events, "fizzle")
    assert (fizzle.unit, fizzle.reason) == ("p1.c", "target_down")


# -- the end --------------------------------------------------------------------------------


def test_a_side_with_no_fighter_standing_loses():
    battle, events = _fell("crush")
    (end,) = of_type(events, "battle_end")
    assert (end.winner, end.reason, end.turn) == (1, "defeat", 1)
    assert events[-1] == end
    assert (battle.over, battle.winner, battle.end_reason) == (True, 1, "defeat")
    assert battle.pending() == [] and battle.legal_choices("p2.b") == ()
    with pytest.raises(IllegalChoiceError, match="over"):
        battle.play_turn(["p2.b rest"])


def test_a_critical_fighter_is_not_standing():
    _, events = _fell("blow")
    assert of_type(events, "battle_end")[0].winner == 1


def test_both_sides_falling_in_the_same_turn_is_a_draw():
    big = tech("big", power=200, clashes=True)
    battle, events = find_seed(
        lambda s: duel(fighter("a", big), fighter("b", big), seed=s),
        lambda _: ["p1.a big p2.b", "p2.b big p1.a"],
        lambda _, ev: of_type(ev, "clash")[0].verdict == "even",
    )
    assert {d.unit for d in of_type(events, "death")} == {"p1.a", "p2.b"}
    (end,) = of_type(events, "battle_end")
    assert (end.winner, end.reason) == (None, "draw")
    assert battle.winner is None


def test_turn_limit_ends_a_battle_nobody_wins():
    battle = duel(fighter("a", JAB), fighter("b", JAB), turn_limit=3)
    for _ in (1, 2, 3):
        assert not battle.over
        events = battle.play_turn(["p1.a rest", "p2.b rest"])
    (end,) = of_type(events, "battle_end")
    assert (end.turn, end.winner, end.reason) == (3, None, "turn_limit")
    assert battle.over


def test_a_fall_on_the_last_turn_is_a_defeat_not_a_time_out():
    battle = duel(fighter("a", CRUSH), fighter("b", JAB), turn_limit=1, seed=2)
    events = battle.play_turn(["p1.a crush p2.b", "p2.b rest"])
    assert of_type(events, "battle_end")[0].reason == "defeat"
