"""The referee's log of ``kessen duel``: names, staged power-ups and endings told right."""

from __future__ import annotations

import pytest

from kessen.cli.battle_log import describe_event, render_turn, short_name, unit_names
from kessen.content import load_starter_pack
from kessen.engine import Battle
from kessen.engine import events as ev

SIDES = ("lee", "sasuke")


@pytest.fixture(scope="module")
def battle() -> Battle:
    pack = load_starter_pack()
    return Battle([[pack.fighter("lee")], [pack.fighter("sasuke")]], seed=1)


def test_a_fighter_is_called_by_the_word_of_its_name_that_is_its_id():
    pack = load_starter_pack()
    assert short_name(pack.fighter("lee")) == "Lee"  # "Rock Lee"
    assert short_name(pack.fighter("naruto")) == "Naruto"  # "Naruto Uzumaki"
    assert short_name(pack.fighter("anbu_captain")) == "Hawk"  # no word is the id
    assert short_name(pack.fighter("medic")) == "Medic-nin"


def test_each_staged_power_up_is_told_under_its_own_name(battle):
    names = unit_names(battle)
    lines = render_turn(
        battle,
        [
            ev.SealStageReached(1, "p1.lee", 1, 30),
            ev.SealStageReached(1, "p2.sasuke", 1, 25),
            ev.SealCost(1, "p1.lee", 4),
            ev.TurnEnd(1, ()),
        ],
        SIDES,
    )
    assert names["p1.lee"] == "Lee"
    assert "   Lee's Eight Inner Gates: stage 1 (+30% power)" in lines
    assert "   Sasuke's Cursed Seal of Heaven: stage 1 (+25% power)" in lines
    assert "   Lee's Eight Inner Gates takes its toll (-4 HP)" in lines


@pytest.mark.parametrize(
    ("end", "line"),
    [
        (ev.BattleEnd(5, 0, "defeat"), "== lee wins: sasuke could no longer fight"),
        (ev.BattleEnd(5, 1, "defeat"), "== sasuke wins: lee could no longer fight"),
        (ev.BattleEnd(5, None, "draw"), "== draw: both sides fell in the same turn"),
        (
            ev.BattleEnd(40, None, "turn_limit"),
            "== draw: both sides were still standing at the turn limit",
        ),
    ],
)
def test_every_ending_has_its_own_line(end, line):
    assert describe_event(end, str, SIDES) == line


def test_a_win_names_the_fighters_who_could_no_longer_fight(battle):
    lines = render_turn(battle, [ev.BattleEnd(5, 0, "defeat")], SIDES)
    assert lines == ["== Lee wins: Sasuke could no longer fight"]


def test_the_log_calls_techniques_by_their_names(battle):
    choice = ev.ChoiceRevealed(1, "p2.sasuke", "goukakyuu", "p1.lee", 30)
    line = render_turn(battle, [choice, ev.TurnEnd(1, ())], SIDES)[1]
    assert line == "   Sasuke uses Great Fireball at Lee (30 chakra)"


def test_the_two_sides_of_a_mirror_match_are_told_apart():
    pack = load_starter_pack()
    mirror = Battle([[pack.fighter("lee")], [pack.fighter("lee")]], seed=1)
    assert unit_names(mirror) == {"p1.lee": "Lee (p1)", "p2.lee": "Lee (p2)"}
    assert unit_names(Battle([[pack.fighter("lee")], [pack.fighter("neji")]], seed=1)) == {
        "p1.lee": "Lee",
        "p2.neji": "Neji",
    }
