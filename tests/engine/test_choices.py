"""Choices: notation, legality, and wrong input that raises the right error and changes nothing."""

from __future__ import annotations

import copy
import re

import pytest

from kessen.engine import Choice
from kessen.errors import ChoiceSyntaxError, IllegalChoiceError, KessenError

from .scenarios import duel, effect, fighter, tech

BLAST = tech("blast", power=40, cost=10, cooldown=1)
JAB = tech("jab", power=10)
PIN = tech("pin", effect("stun", chance=100, turns=1), power=5)


def _battle():
    a = fighter("a", BLAST, JAB, PIN, chakra=35)
    b, c = fighter("b", JAB), fighter("c", JAB)
    return duel(a, [b, c], seed=4)


def _state(battle):
    return copy.deepcopy(battle.snapshot()), list(battle.events), list(battle.inputs)


GOOD = ["p2.b rest", "p2.c rest"]


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("", "expected 'UNIT ACTION"),
        ("p1.a", "expected 'UNIT ACTION"),
        ("p1.a jab p2.b 10 20", "too many words"),
        ("p1.a blast 10 20", "two chakra amounts"),
        ("p1.a blast 10 p2.b", "unexpected 'p2.b'"),
        ("p1.a jab p2.b p2.c", "unexpected 'p2.c'"),
        ("zed jab p2.b", "no unit called 'zed'"),
        ("p1.a jab zed", "no unit called 'zed'"),
    ],
)
def test_unreadable_choices_raise_choice_syntax_error_and_change_nothing(text, says):
    battle = _battle()
    before = _state(battle)
    with pytest.raises(ChoiceSyntaxError, match=re.escape(says)) as caught:
        battle.play_turn([text, *GOOD])
    assert repr(text) in str(caught.value)  # the message names the input
    assert _state(battle) == before


@pytest.mark.parametrize(
    ("choices", "says"),
    [
        (["p1.a kamehameha p2.b", *GOOD], "knows no technique 'kamehameha'"),
        (["p1.a blast p2.b 15", *GOOD], "allowed with Blast: p1.a blast p2.b 10"),
        (["p1.a blast p2.b 40", *GOOD], "has 35 chakra"),
        (["p1.a jab p1.a", *GOOD], "is not allowed"),
        (["p1.a jab", *GOOD], "is not allowed"),
        (["p1.a rest p2.b", *GOOD], "check the target"),
        (["p1.a rest", "p1.a guard", *GOOD], "two choices for p1.a"),
        (GOOD, "no choice for p1.a"),
        (["p1.a rest", "p2.b rest"], "no choice for p2.c"),
        ([], "no choice for p1.a, p2.b, p2.c"),
    ],
)
def test_illegal_choices_raise_illegal_choice_error_and_change_nothing(choices, says):
    battle = _battle()
    before = _state(battle)
    with pytest.raises(IllegalChoiceError, match=re.escape(says)):
        battle.play_turn(choices)
    assert _state(battle) == before


def test_one_bad_choice_rejects_the_whole_turn():
    battle = _battle()
    before = _state(battle)
    rng = battle.rng.state
    with pytest.raises(IllegalChoiceError):
        battle.play_turn(["p1.a blast p2.b 10", "p2.b jab p1.a", "p2.c jab p2.b"])
    assert _state(battle) == before and battle.rng.state == rng
    assert battle.unit("p1.a").chakra == 35 and battle.turn == 0
    battle.play_turn(["p1.a blast p2.b 10", "p2.b jab p1.a", "p2.c jab p1.a"])  # still playable
    assert battle.turn == 1


def test_cooldown_stun_and_unknown_units_are_explained():
    battle = _battle()
    battle.play_turn(["p1.a blast p2.b 10", "p2.b rest", "p2.c rest"])
    before = _state(battle)
    with pytest.raises(IllegalChoiceError, match=r"Blast is cooling down \(1 turns\)"):
        battle.play_turn(["p1.a blast p2.b 10", *GOOD])
    with pytest.raises(IllegalChoiceError, match=re.escape("no unit 'p9.x'")):
        battle.play_turn([Choice("p9.x", "rest"), "p1.a rest", *GOOD])
    assert _state(battle) == before
    battle.play_turn(["p1.a pin p2.b", *GOOD])
    before = _state(battle)
    with pytest.raises(IllegalChoiceError, match=re.escape("p2.b is stunned")):
        battle.play_turn(["p1.a rest", "p2.b rest", "p2.c rest"])
    assert _state(battle) == before


def test_errors_are_kessen_errors_and_value_errors():
    assert issubclass(ChoiceSyntaxError, KessenError) and issubclass(ChoiceSyntaxError, ValueError)
    assert issubclass(IllegalChoiceError, KessenError)


def test_choices_may_be_given_as_values_notation_short_names_or_a_mapping():
    texts = ["p1.a jab p2.b", "p2.b jab p1.a", "p2.c rest"]
    events = _battle().play_turn(texts)
    as_values = _battle().play_turn([Choice.parse(t) for t in texts])
    short = _battle()
    short_events = short.play_turn(
        [short.parse_choice(t) for t in ("a jab b", "b jab a", "c rest")]
    )
    as_map = _battle().play_turn({Choice.parse(t).unit: Choice.parse(t) for t in texts})
    assert events == as_values == short_events == as_map


def test_short_names_must_be_unambiguous():
    a = fighter("a", JAB)
    battle = duel(a, fighter("a", JAB))
    with pytest.raises(ChoiceSyntaxError, match=re.escape("could be p1.a or p2.a")):
        battle.parse_choice("a jab a")
    assert battle.parse_choice("a jab p2.a", side=0) == Choice("p1.a", "jab", "p2.a")


def test_notation_round_trips_for_every_legal_choice():
    battle = _battle()
    for uid in battle.pending():
        for choice in battle.legal_choices(uid):
            assert Choice.parse(choice.notation()) == choice
            assert battle.parse_choice(choice.notation()) == choice


def test_inputs_record_each_turns_choices_in_field_order():
    battle = _battle()
    battle.play_turn(["p2.c rest", "p2.b guard", "p1.a jab p2.b"])
    assert [c.notation() for c in battle.inputs[0]] == ["p1.a jab p2.b", "p2.b guard", "p2.c rest"]


@pytest.mark.parametrize("bad", [42, None, ("p1.a", "rest")])
def test_a_choice_of_the_wrong_type_is_unreadable(bad):
    with pytest.raises(ChoiceSyntaxError):
        _battle().play_turn([bad, *GOOD])


def test_a_choice_with_chakra_that_is_not_a_number_is_rejected():
    with pytest.raises(KessenError):
        _battle().play_turn([Choice("p1.a", "blast", "p2.b", "10"), *GOOD])  # type: ignore[arg-type]


def test_non_ascii_digits_are_unreadable():
    with pytest.raises(ChoiceSyntaxError):
        Choice.parse("p1.a blast p2.b ²")
