"""Kessen's rules engine: pure, deterministic, no I/O.

It imports nothing from the rest of Kessen except :mod:`kessen.errors`.  Content comes in
as :class:`Fighter` values, choices as :class:`Choice` values, and events come out.
"""

from kessen.engine.battle import DEFAULT_TURN_LIMIT, Battle
from kessen.engine.choice import GUARD, REST, Choice
from kessen.engine.combat import estimate_damage
from kessen.engine.model import (
    Beast,
    CursedSeal,
    Effect,
    Fighter,
    SealStage,
    Technique,
    nature_multiplier,
)
from kessen.engine.rng import RandomStream, derive_seed
from kessen.engine.unit import Unit

__all__ = [
    "DEFAULT_TURN_LIMIT",
    "GUARD",
    "REST",
    "Battle",
    "Beast",
    "Choice",
    "CursedSeal",
    "Effect",
    "Fighter",
    "RandomStream",
    "SealStage",
    "Technique",
    "Unit",
    "derive_seed",
    "estimate_damage",
    "nature_multiplier",
]
