"""How a battle ended, read from its events: each ending and moment shown by a battle
built to produce it."""

from __future__ import annotations

import pytest

from kessen.engine import Battle, Beast, Fighter, Technique
from kessen.odds.summary import ENDINGS, MOMENTS, summarise

BOLT = Technique("bolt", "Bolt", kind="ninjutsu", power=60, clashes=True)
CRUSH = Technique("crush", "Crush", kind="ninjutsu", power=600, clashes=True)
JAB = Technique("jab", "Jab", kind="taijutsu", power=600)
HEAVY = Technique("heavy", "Heavy Blow", kind="taijutsu", power=230)


def fighter(fid: str, *techs: Technique, health: int = 20, speed: int = 50, **more) -> Fighter:
    return Fighter(
        fid,
        fid.title(),
        health=health,
        chakra=0,
        regen=0,
        speed=speed,
        defence=0,
        resolve=0,
        techniques=techs,
        **more,
    )


def play(battle: Battle, *turns: list[str]) -> Battle:
    for choices in turns:
        battle.play_turn(choices)
    return battle


def test_a_decisive_clash_is_told_with_its_finishing_technique():
    battle = Battle([[fighter("a", CRUSH)], [fighter("b", BOLT)]], seed=3)
    play(battle, ["p1.a crush p2.b", "p2.b bolt p1.a"])
    clash = next(e for e in battle.events if e.type == "clash")
    assert clash.verdict == "decisive"
    summary = summarise(battle)
    assert (summary.winner, summary.ending, summary.finishers) == (0, "decisive_clash", ("crush",))


def test_mutual_strikes_and_decisive_clashes_follow_the_clash_verdict():
    verdicts = set()
    for seed in range(30):
        a, b = fighter("a", BOLT, health=10), fighter("b", BOLT, health=10)
        battle = Battle([[a], [b]], seed=seed, turn_limit=1)
        play(battle, ["p1.a bolt p2.b", "p2.b bolt p1.a"])
        verdict = next(e for e in battle.events if e.type == "clash").verdict
        verdicts.add(verdict)
        summary = summarise(battle)
        if verdict == "even":
            assert summary.ending == "mutual_strike"
            assert summary.winner is None and "both_fell" in summary.moments
            assert summary.finishers == ("bolt", "bolt")
        else:
            assert summary.ending == "decisive_clash"
            assert summary.finishers == ("bolt",)
    assert verdicts == {"even", "decisive"}  # both kinds were really tried


def test_a_blow_that_met_no_clash_is_a_direct_blow_and_kills_outright():
    battle = Battle([[fighter("a", JAB, speed=60)], [fighter("b", JAB, speed=40)]], seed=1)
    play(battle, ["p1.a jab p2.b", "p2.b jab p1.a"])
    summary = summarise(battle)
    assert (summary.winner, summary.turns, summary.ending) == (0, 1, "direct_blow")
    assert summary.moments == {"killed_outright"}


def test_nobody_falling_is_a_turn_limit_draw():
    battle = Battle([[fighter("a", JAB)], [fighter("b", JAB)]], seed=1, turn_limit=3)
    play(battle, *[["p1.a guard", "p2.b guard"]] * 3)
    summary = summarise(battle)
    assert (summary.winner, summary.turns, summary.ending) == (None, 3, "turn_limit")
    assert summary.moments == frozenset() and summary.finishers == ()


def test_a_beast_that_covers_a_lethal_blow_saved_its_host():
    kyuubi = Beast("Nine-Tails", pool=1000, per_turn=1000, heal=0, divert=0)
    for beast, expected in ((kyuubi, {"beast_saved_host", "left_critical"}), (None, set())):
        host = fighter("host", JAB, health=10, beast=beast)
        battle = Battle([[host], [fighter("b", JAB, speed=90)]], seed=2)
        play(battle, ["p1.host guard", "p2.b jab p1.host"])
        summary = summarise(battle)
        assert summary.winner == 1
        assert {"beast_saved_host", "left_critical"} & summary.moments == expected
        assert ("killed_outright" in summary.moments) == (beast is None)


def test_a_fallen_fighter_whose_clock_runs_out_died_by_the_survival_clock():
    a, c = fighter("a", JAB, health=100), fighter("c", JAB, health=100)
    battle = Battle([[a, c], [fighter("b", HEAVY, speed=90)]], seed=4, turn_limit=8)
    battle.play_turn(["p1.a rest", "p1.c guard", "p2.b heavy p1.a"])
    assert battle.unit("p1.a").status == "critical"
    while not battle.over:
        battle.play_turn(["p1.c guard", "p2.b guard"])
    summary = summarise(battle)
    assert battle.unit("p1.a").status == "dead"
    assert summary.ending == "turn_limit"
    assert "survival_clock_death" in summary.moments and "killed_outright" not in summary.moments


def test_only_finished_battles_are_summarised():
    battle = Battle([[fighter("a", JAB)], [fighter("b", JAB)]], seed=1)
    with pytest.raises(ValueError):
        summarise(battle)


def test_endings_and_moments_are_documented_names():
    assert len(set(ENDINGS)) == len(ENDINGS) and len(set(MOMENTS)) == len(MOMENTS)
