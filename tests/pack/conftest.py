"""Fixtures for the starter-pack tests: the pack's text, and a seeded duel record."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources

import pytest

from kessen.content import Pack
from kessen.engine import Battle, derive_seed
from kessen.players import make_player, play_out

#: Master seed of the strength tests; battle ``i`` is seeded ``derive_seed(MASTER, i)``.
MASTER = 2024


@dataclass(frozen=True)
class Record:
    """Outcome of a series of duels between ``a`` and ``b`` (a on side 0 in even battles)."""

    a: str
    b: str
    wins_a: int
    wins_b: int
    draws: int
    mean_turns: float
    #: Battles in which at least one event of that type happened (e.g. ``"beast_intervention"``).
    seen: dict[str, int]

    @property
    def battles(self) -> int:
        return self.wins_a + self.wins_b + self.draws

    @property
    def rate_a(self) -> float:
        return self.wins_a / self.battles

    @property
    def rate_b(self) -> float:
        return self.wins_b / self.battles


def play_series(pack: Pack, a: str, b: str, battles: int) -> Record:
    """``battles`` heuristic-vs-heuristic duels, sides swapped every other battle."""
    fa, fb = pack.fighter(a), pack.fighter(b)
    wins = [0, 0]
    draws = turns = 0
    seen: dict[str, int] = {}
    for i in range(battles):
        seed = derive_seed(MASTER, i)
        swapped = i % 2
        sides = [[fb], [fa]] if swapped else [[fa], [fb]]
        battle = Battle(sides, seed=seed, catalog=pack.catalog)
        play_out(battle, [make_player("heuristic", seed, 0), make_player("heuristic", seed, 1)])
        turns += battle.turn
        kinds = {e.type for e in battle.events}
        if any(e.type == "hit" and e.via == "mutual" for e in battle.events):
            kinds.add("mutual_strike")
        for kind in kinds:
            seen[kind] = seen.get(kind, 0) + 1
        if battle.winner is None:
            draws += 1
        else:
            wins[battle.winner ^ swapped] += 1
    return Record(a, b, wins[0], wins[1], draws, turns / battles, seen)


@pytest.fixture(scope="session")
def duels(pack: Pack) -> Callable[[str, str, int], Record]:
    """``duels(a, b, n)``: the record of n seeded duels, computed once per session."""
    cache: dict[tuple[str, str, int], Record] = {}

    def run(a: str, b: str, battles: int = 200) -> Record:
        key = (a, b, battles)
        if key not in cache:
            cache[key] = play_series(pack, a, b, battles)
        return cache[key]

    return run


@pytest.fixture(scope="session")
def starter_text() -> str:
    """The starter pack's TOML text, as shipped."""
    return resources.files("kessen.content").joinpath("packs", "starter.toml").read_text("utf-8")
