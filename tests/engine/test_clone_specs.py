"""Battles share one clone spec for a spec: equal to a clone worked out afresh, the same
object from one battle to the next, never another spec's."""

from __future__ import annotations

from dataclasses import replace

from kessen.content import load_starter_pack
from kessen.engine import Battle
from kessen.engine.unit import clone_of


def test_clone_spec_is_shared_between_battles_and_equal_to_a_fresh_one() -> None:
    naruto = load_starter_pack().fighter("naruto")
    first = Battle([[naruto], [naruto]], seed=1).clone_spec(naruto)
    second = Battle([[naruto], [naruto]], seed=2).clone_spec(naruto)
    assert first is second
    assert first == clone_of(naruto)


def test_specs_with_one_id_but_other_values_get_their_own_clone_spec() -> None:
    naruto = load_starter_pack().fighter("naruto")
    stronger = replace(naruto, taijutsu=naruto.taijutsu + 20)
    plain = Battle([[naruto], [naruto]], seed=1).clone_spec(naruto)
    strong = Battle([[stronger], [naruto]], seed=1).clone_spec(stronger)
    assert strong == clone_of(stronger)
    assert strong.taijutsu != plain.taijutsu
