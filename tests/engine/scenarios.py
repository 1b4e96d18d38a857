"""Small hand-made fighters and battles for the engine's unit tests.

The starter pack's numbers are tuned by someone else, so every exact scenario here is
built from plain :class:`Fighter` and :class:`Technique` values with round numbers:
offence 100 (so power is the technique's power), defence 0 (so damage is the power),
no regeneration and no resolve unless a test asks for them.

>>> punch = tech("punch", power=30)
>>> b = duel(fighter("a", punch), fighter("b", punch))
>>> [u.uid for u in b.units]
['p1.a', 'p2.b']
>>> spread_bounds(30, 0)
(27, 33)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from kessen.engine import Battle, Beast, CursedSeal, Effect, Fighter, SealStage, Technique

__all__ = [
    "beast",
    "duel",
    "effect",
    "expected_damage",
    "fighter",
    "find_seed",
    "of_type",
    "seal",
    "spread_bounds",
    "tech",
    "types",
]


def effect(type_: str, **kw: object) -> Effect:
    """One effect from the closed vocabulary."""
    return Effect(type_, **kw)  # type: ignore[arg-type]


def tech(tech_id: str, *effects: Effect, **kw: object) -> Technique:
    """A technique with ninjutsu defaults; ``effects`` in order."""
    kw.setdefault("name", tech_id.replace("_", " ").title())
    return Technique(tech_id, effects=tuple(effects), **kw)  # type: ignore[arg-type]


def fighter(fighter_id: str, *techniques: Technique, **kw: object) -> Fighter:
    """A fighter with round numbers: 100 health and chakra, offence 100, defence 0."""
    values: dict[str, object] = {
        "name": fighter_id.title(),
        "health": 100,
        "chakra": 100,
        "regen": 0,
        "speed": 50,
        "taijutsu": 100,
        "ninjutsu": 100,
        "genjutsu": 100,
        "defence": 0,
        "resolve": 0,
    }
    values.update(kw)
    return Fighter(fighter_id, techniques=tuple(techniques), **values)  # type: ignore[arg-type]


def beast(pool: int = 1000, per_turn: int = 40, heal: int = 5, divert: int = 50) -> Beast:
    return Beast("Beast", pool, per_turn, heal, divert)


def seal(*stages: tuple[int, int, int]) -> CursedSeal:
    """A cursed seal from ``(boost, speed, cost)`` stages."""
    return CursedSeal("Seal", tuple(SealStage(*s) for s in stages))


def duel(
    a: Fighter | Sequence[Fighter],
    b: Fighter | Sequence[Fighter],
    seed: int = 1,
    **kw: object,
) -> Battle:
    """A battle between side ``a`` and side ``b`` (a fighter or a list of fighters)."""
    sides = [[a] if isinstance(a, Fighter) else list(a), [b] if isinstance(b, Fighter) else list(b)]
    return Battle(sides, seed=seed, **kw)  # type: ignore[arg-type]


def types(events: Iterable) -> list[str]:
    return [e.type for e in events]


def of_type(events: Iterable, kind: str) -> list:
    """The events of one kind, in order."""
    return [e for e in events if e.type == kind]


def expected_damage(
    power: float, defence: int = 0, *, guard: int = 0, pierce: int = 0, area: bool = False
) -> int:
    """Damage by the documented formula (an oracle written apart from the engine's code).

    damage = power x 100 / (100 + defence) x (100 - guard) %, with ``pierce`` percent of
    defence and guard ignored, x 0.75 for an area technique, rounded, at least 1.

    >>> expected_damage(50, 100), expected_damage(50, 100, pierce=100)
    (25, 50)
    """
    keep = (100 - pierce) / 100
    damage = power * 100 / (100 + defence * keep)
    damage *= (100 - guard * keep) / 100
    if area:
        damage *= 0.75
    return max(1, round(damage))


def spread_bounds(power: float, defence: int = 0, **kw: object) -> tuple[int, int]:
    """Least and most damage ``power`` can do after the 90-110 % spread."""
    return (
        expected_damage(power * 0.9, defence, **kw),  # type: ignore[arg-type]
        expected_damage(power * 1.1, defence, **kw),  # type: ignore[arg-type]
    )


def find_seed(
    build: Callable[[int], Battle],
    turn: Callable[[Battle], Sequence[str]],
    wanted: Callable[[Battle, list], bool],
    tries: int = 300,
) -> tuple[Battle, list]:
    """The first seed whose first turn (``turn(battle)``) gives events ``wanted`` accepts.

    Used where the rule under test needs one roll of the spread to fall a certain way
    (an even clash, a missed evasion); the search itself is deterministic.
    """
    for seed in range(tries):
        battle = build(seed)
        events = battle.play_turn(turn(battle))
        if wanted(battle, events):
            return battle, events
    raise AssertionError(f"no seed below {tries} gives the wanted first turn")
