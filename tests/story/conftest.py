"""A small pack and scenario builders for the story tests, independent of the starter
pack's tuning: every number an aftermath test depends on is set here."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kessen.content import Pack, parse_pack
from kessen.engine import Battle
from kessen.scenario import Scenario, parse_scenario

TEST_PACK = """
[pack]
name = "story_test"
version = "1.0.0"

[techniques.punch]
name = "Punch"
kind = "taijutsu"
power = 20

[techniques.clone]
name = "Clone"
kind = "ninjutsu"
cost = 10
target = "self"
effects = [{ type = "create_clone", amount = 1, share = 20 }]

[techniques.call_dog]
name = "Call Dog"
kind = "ninjutsu"
cost = 10
target = "self"
effects = [{ type = "summon", summon = "dog", turns = 0 }]

[fighters.hero]
name = "Hero Hoshi"
pronoun = "she"
health = 200
chakra = 100
travel_speed = 300
techniques = ["punch"]
motives = ["She came to bring her friend home."]
memories = ["the academy roof"]

[fighters.hero.jinchuriki]
name = "Tanuki"
pool = 5000
per_turn = 40
heal = 10
divert = 30

[fighters.rival]
name = "Rival Raiden"
pronoun = "he"
health = 200
chakra = 100
travel_speed = 300
techniques = ["punch"]

[fighters.teacher]
name = "Teacher Tanaka"
pronoun = "he"
health = 250
chakra = 200
travel_speed = 350
abilities = ["carry"]
techniques = ["punch", "clone", "call_dog"]

[fighters.healer]
name = "Healer Hana"
pronoun = "she"
health = 150
chakra = 150
travel_speed = 400
abilities = ["medic"]
techniques = ["punch"]

[fighters.porter]
name = "Porter Pei"
pronoun = "he"
health = 200
chakra = 100
travel_speed = 400
abilities = ["carry"]
techniques = ["punch"]

[summons.dog]
name = "Dog"
pronoun = "it"
health = 50
chakra = 20
travel_speed = 1000
abilities = ["tracking", "fast"]
techniques = ["punch"]
"""

ROUTE = """
[places.field]
name = "the field"

[places.road]
name = "the road"

[places.town]
name = "the town"

[[roads]]
from = "field"
to = "road"
metres = {first}

[[roads]]
from = "road"
to = "town"
metres = {second}
"""


@pytest.fixture(scope="session")
def test_pack() -> Pack:
    return parse_pack(TEST_PACK, source="test-pack")


def make_scenario(
    *,
    sides: tuple[str, str] = ("hero", "rival"),
    metres: int = 12000,
    rescuers: str = "",
    fighters: str = "",
    rules: str = "",
) -> Scenario:
    """A scenario on a two-leg road of ``metres``, with the given TOML pieces."""
    text = f"""
[scenario]
title = "Test"
place = "field"
village = "town"
sides = [["{sides[0]}"], ["{sides[1]}"]]
{ROUTE.format(first=metres // 2, second=metres - metres // 2)}
{fighters}
{rescuers}
[aftermath]
{rules}
"""
    return parse_scenario(text, source="test-scenario", id="test")


def finished_battle(pack: Pack, states: dict[str, tuple[str, int, int]], seed: int = 1) -> Battle:
    """A battle between ``hero`` and ``rival`` set straight to its end: per fighter id,
    ``(status, health, clock)``."""
    battle = Battle(
        [[pack.fighter("hero")], [pack.fighter("rival")]], seed=seed, catalog=pack.catalog
    )
    for unit in battle.units:
        status, health, clock = states[unit.spec.id]
        unit.status, unit.health, unit.clock = status, health, clock
    standing = [u.side for u in battle.units if u.status == "ok"]
    battle.winner = standing[0] if len(standing) == 1 else None
    battle.end_reason = "defeat" if len(standing) == 1 else "draw"
    return battle


@pytest.fixture
def battle_of(test_pack: Pack) -> Callable[..., Battle]:
    def build(seed: int = 1, **states: tuple[str, int, int]) -> Battle:
        return finished_battle(test_pack, states, seed)

    return build
