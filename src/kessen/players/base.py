"""The one interface every player shares: a request listing legal choices in, choices out.

Built-in bots, a person at a terminal and a remote program all answer the same
:class:`Request`.  A player never sees the other side's choice for the turn: choices are
made before any is revealed.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from kessen.engine import Battle, Choice, RandomStream, derive_seed
from kessen.errors import UnknownNameError

__all__ = [
    "PLAYER_SEED_OFFSET",
    "Player",
    "Request",
    "make_player",
    "player_names",
    "register_player",
]

#: Players draw from their own streams, derived from the battle's seed and their side, so
#: choosing never moves the battle's stream.
PLAYER_SEED_OFFSET = 1_000_003


@dataclass(frozen=True, slots=True)
class Request:
    """What one side must decide this turn: for each of its pending units, its legal choices.

    ``battle`` is there to be read (health, chakra, cooldowns); players must not change it.
    """

    battle: Battle
    side: int
    turn: int
    legal: dict[str, tuple[Choice, ...]]

    @classmethod
    def for_side(cls, battle: Battle, side: int) -> Request:
        return cls(
            battle,
            side,
            battle.turn + 1,
            {uid: battle.legal_choices(uid) for uid in battle.pending(side)},
        )


class Player(Protocol):
    """Anything that answers a request with one legal choice per pending unit."""

    name: str

    def choose(self, request: Request) -> list[Choice]: ...


PlayerFactory = Callable[[RandomStream], Player]
_REGISTRY: dict[str, PlayerFactory] = {}


def register_player(name: str, factory: PlayerFactory) -> None:
    """Make a player available by name to :func:`make_player` and the command line."""
    _REGISTRY[name] = factory


def player_names() -> list[str]:
    _load_builtins()
    return sorted(_REGISTRY)


def make_player(name: str, battle_seed: int, side: int) -> Player:
    """A fresh player called ``name`` whose own stream is derived from the battle's seed."""
    _load_builtins()
    factory = _REGISTRY.get(name)
    if factory is None:
        import difflib

        raise UnknownNameError("player", name, difflib.get_close_matches(name, list(_REGISTRY)))
    return factory(RandomStream(derive_seed(battle_seed, PLAYER_SEED_OFFSET + side)))


def _load_builtins() -> None:
    if not _REGISTRY:
        from kessen.players import heuristic, random_player  # noqa: F401  (they register)

        try:
            importlib.import_module("kessen.players.search")
        except ModuleNotFoundError as exc:  # only a missing module, never a broken one
            if exc.name != "kessen.players.search":
                raise
