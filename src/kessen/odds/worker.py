"""The work every backend runs: play a chunk of battles of one matchup, return a tally.

A module-level function, so it pickles by name and runs under ``spawn`` (a fresh
interpreter), ``fork`` or on a Ray worker alike.  Each process loads a pack once and
keeps the sides it built, so a chunk costs only its battles.

>>> spec = MatchSpec(("naruto", "sasuke"), seed=7)
>>> play_chunk(spec, 0, 3).battles
3
>>> play_chunk(spec, 0, 2) + play_chunk(spec, 2, 3) == play_chunk(spec, 0, 3)
True
"""

from __future__ import annotations

from collections.abc import Sequence

from kessen.content import Pack
from kessen.engine import Battle, Fighter
from kessen.errors import KessenError
from kessen.odds.match import MatchSpec, PackSource
from kessen.odds.seeding import battle_seed
from kessen.odds.summary import summarise
from kessen.odds.tally import Tally
from kessen.players import make_player, play_out

__all__ = ["play_chunk", "play_chunks"]

_packs: dict[PackSource, tuple[Pack, dict[str, Fighter]]] = {}
_sides: dict[tuple[PackSource, tuple[str, str]], list[list[Fighter]]] = {}


def _pack(source: PackSource) -> tuple[Pack, dict[str, Fighter]]:
    loaded = _packs.get(source)
    if loaded is None:
        pack = source.load()
        # ``Pack.catalog`` builds a new dict on each access: build it once per process.
        loaded = _packs[source] = (pack, pack.catalog)
    return loaded


def _teams(spec: MatchSpec) -> list[list[Fighter]]:
    key = (spec.pack, spec.sides)
    sides = _sides.get(key)
    if sides is None:
        pack = _pack(spec.pack)[0]
        sides = _sides[key] = [pack.team(spec.sides[0]), pack.team(spec.sides[1])]
    return sides


def play_chunk(spec: MatchSpec, start: int, stop: int) -> Tally:
    """Play battles ``start .. stop-1`` of ``spec`` and count them."""
    try:
        pack, catalog = _pack(spec.pack)
        if spec.pack_hash is not None and pack.hash != spec.pack_hash:
            raise KessenError(
                f"{spec.pack.describe()} differs where this worker runs (hash "
                f"{pack.hash[:12]}, expected {spec.pack_hash[:12]}): results would not match"
            )
        sides = _teams(spec)
    except KessenError as exc:
        # Kessen's errors with extra fields do not survive pickling back to the caller
        # in their own class; the message is what the caller needs.
        raise KessenError(str(exc)) from None
    return _play(spec, catalog, sides, start, stop)


def _play(
    spec: MatchSpec, catalog: dict[str, Fighter], sides: list[list[Fighter]], start: int, stop: int
) -> Tally:
    first, second = spec.players
    stakes = spec.stakes
    turn_limit = spec.turn_limit
    tally = Tally()
    for index in range(start, stop):
        seed = battle_seed(spec.seed, index)
        battle = Battle(sides, seed=seed, turn_limit=turn_limit, stakes=stakes, catalog=catalog)
        play_out(battle, (make_player(first, seed, 0), make_player(second, seed, 1)))
        tally.add(summarise(battle))
    return tally


def play_chunks(specs: Sequence[MatchSpec], job: int, start: int, stop: int) -> Tally:
    """:func:`play_chunk` for job number ``job`` of a list of specs (what Ray workers get:
    the list travels once through the object store, each task names its job)."""
    return play_chunk(specs[job], start, stop)
