"""Clashes: two attacks aimed at each other meet; decisive or even (a mutual strike)."""

from __future__ import annotations

import pytest

from kessen.engine.combat import CLASH_EVEN_PERCENT
from kessen.engine.model import NATURES

from .scenarios import duel, fighter, find_seed, of_type, tech


def _pair(power_a: int, power_b: int, **kw: object):
    a = fighter("a", tech("strong", power=power_a, clashes=True, **kw), health=300)
    b = fighter("b", tech("weak", power=power_b, clashes=True), health=300)
    return a, b


def test_decisive_clash_stronger_lands_weakened_by_half_the_weaker():
    a, b = _pair(100, 40)  # 90-110 against 36-44: always decisive
    battle = duel(a, b, seed=3)
    events = battle.play_turn(["p1.a strong p2.b", "p2.b weak p1.a"])
    (clash,) = of_type(events, "clash")
    assert (clash.verdict, clash.winner) == ("decisive", "p1.a")
    assert 90 <= clash.power <= 110 and 36 <= clash.other_power <= 44
    (hit,) = of_type(events, "hit")  # the weaker attack is cancelled: one hit only
    assert (hit.unit, hit.target, hit.via) == ("p1.a", "p2.b", "clash")
    # defence 0: damage is the winner's power less half the loser's (powers are rounded)
    assert abs(hit.damage - (clash.power - clash.other_power / 2)) <= 1
    assert hit.damage < clash.power
    assert battle.unit("p1.a").health == 300
    assert battle.unit("p2.b").health == 300 - hit.damage


def test_decisive_clash_won_by_the_second_side_too():
    a, b = _pair(40, 100)
    events = duel(a, b, seed=5).play_turn(["p1.a strong p2.b", "p2.b weak p1.a"])
    (clash,) = of_type(events, "clash")
    assert clash.winner == "p2.b"
    assert [(h.unit, h.via) for h in of_type(events, "hit")] == [("p2.b", "clash")]


def _even_first_turn(a, b):
    return find_seed(
        lambda s: duel(a, b, seed=s),
        lambda _: ["p1.a strong p2.b", "p2.b weak p1.a"],
        lambda _, ev: of_type(ev, "clash")[0].verdict == "even",
    )


def test_even_clash_is_a_mutual_strike_both_land_in_full():
    a, b = _pair(60, 60)
    battle, events = _even_first_turn(a, b)
    (clash,) = of_type(events, "clash")
    hi, lo = max(clash.power, clash.other_power), min(clash.power, clash.other_power)
    assert hi * 100 <= lo * (100 + CLASH_EVEN_PERCENT) + 100  # within 15 % (rounded powers)
    hits = {h.unit: h for h in of_type(events, "hit")}
    assert set(hits) == {"p1.a", "p2.b"} and {h.via for h in hits.values()} == {"mutual"}
    assert abs(hits["p1.a"].damage - clash.power) <= 1  # full power, not weakened
    assert abs(hits["p2.b"].damage - clash.other_power) <= 1
    assert battle.unit("p1.a").health == 300 - hits["p2.b"].damage
    assert battle.unit("p2.b").health == 300 - hits["p1.a"].damage


def test_equal_attacks_give_both_verdicts_depending_on_the_spread():
    a, b = _pair(60, 60)
    verdicts = set()
    for seed in range(40):
        events = duel(a, b, seed=seed).play_turn(["p1.a strong p2.b", "p2.b weak p1.a"])
        verdicts.add(of_type(events, "clash")[0].verdict)
    assert verdicts == {"even", "decisive"}


def test_attacks_not_aimed_at_each_other_do_not_clash():
    strike = tech("strike", power=30, clashes=True)
    a, c = fighter("a", strike), fighter("c", strike)
    b = fighter("b", strike)
    events = duel([a, c], b).play_turn(["p1.a strike p2.b", "p1.c strike p2.b", "p2.b strike p1.c"])
    clashes = of_type(events, "clash")
    assert [(x.unit, x.other) for x in clashes] == [("p1.c", "p2.b")]
    assert ("p1.a", "direct") in [(h.unit, h.via) for h in of_type(events, "hit")]


def test_only_clashing_techniques_clash():
    plain = tech("plain", power=30)
    events = duel(fighter("a", plain), fighter("b", plain)).play_turn(
        ["p1.a plain p2.b", "p2.b plain p1.a"]
    )
    assert not of_type(events, "clash")
    assert {h.via for h in of_type(events, "hit")} == {"direct"}


def test_area_techniques_never_clash():
    wave = tech("wave", power=30, range="area", clashes=True)
    strike = tech("strike", power=30, clashes=True)
    events = duel(fighter("a", wave), fighter("b", strike)).play_turn(
        ["p1.a wave", "p2.b strike p1.a"]
    )
    assert not of_type(events, "clash")


@pytest.mark.parametrize("index", range(len(NATURES)))
def test_nature_cycle_decides_a_clash_of_equal_powers(index):
    strong, weak = NATURES[index], NATURES[(index + 1) % len(NATURES)]
    # 60 x 1.25 against 60 x 0.8: a ratio of at least 1.28 even after the spread
    for first, second, winner in ((strong, weak, "p1.a"), (weak, strong, "p2.b")):
        a = fighter("a", tech("strong", power=60, clashes=True, nature=first), health=300)
        b = fighter("b", tech("weak", power=60, clashes=True, nature=second), health=300)
        events = duel(a, b, seed=index).play_turn(["p1.a strong p2.b", "p2.b weak p1.a"])
        (clash,) = of_type(events, "clash")
        assert (clash.verdict, clash.winner) == ("decisive", winner), (first, second)
        boosted = clash.power if winner == "p1.a" else clash.other_power
        assert 67 <= boosted <= 83  # 60 x 1.25 x 0.9-1.1


def test_clash_nature_is_against_the_other_technique_not_the_fighter():
    # the defender's affinity is lightning (weak to wind), but its technique is fire
    a = fighter("a", tech("gust", power=60, clashes=True, nature="wind"), health=300)
    b = fighter(
        "b", tech("flame", power=60, clashes=True, nature="fire"), health=300, affinity="lightning"
    )
    events = duel(a, b, seed=2).play_turn(["p1.a gust p2.b", "p2.b flame p1.a"])
    assert of_type(events, "clash")[0].winner == "p2.b"


def test_clash_damage_goes_through_defence():
    a, _ = _pair(100, 40)
    b = fighter("b", tech("weak", power=40, clashes=True), health=300, defence=100)
    events = duel(a, b, seed=3).play_turn(["p1.a strong p2.b", "p2.b weak p1.a"])
    (clash,) = of_type(events, "clash")
    (hit,) = of_type(events, "hit")
    # defence 100 halves the damage
    assert abs(hit.damage - (clash.power - clash.other_power / 2) / 2) <= 1
