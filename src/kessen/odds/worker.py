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
_sides: dict[tuple[str, tuple[str, str]], list[list[Fighter]]] = {}


def _pack(spec: MatchSpec) -> tuple[Pack, dict[str, Fighter]]:
    """The spec's pack and its catalog, loaded once per process (again if the pack the
    caller pinned is not the one kept: a long-lived process may outlive an edit)."""
    loaded = _packs.get(spec.pack)
    if loaded is None or (spec.pack_hash is not None and loaded[0].hash != spec.pack_hash):
        pack = spec.pack.load()
        # ``Pack.catalog`` builds a new dict on each access: build it once per process.
        loaded = _packs[spec.pack] = (pack, pack.catalog)
    pack = loaded[0]
    if spec.pack_hash is not None and pack.hash != spec.pack_hash:
        raise KessenError(
            f"{spec.pack.describe()} differs where this worker runs (hash "
            f"{pack.hash[:12]}, expected {spec.pack_hash[:12]}): results would not match"
        )
    return loaded


def _teams(pack: Pack, sides: tuple[str, str]) -> list[list[Fighter]]:
    key = (pack.hash, sides)
    teams = _sides.get(key)
    if teams is None:
        teams = _sides[key] = [pack.team(sides[0]), pack.team(sides[1])]
    return teams


def play_chunk(spec: MatchSpec, start: int, stop: int) -> Tally:
    """Play battles ``start .. stop-1`` of ``spec`` and count them."""
    try:
        pack, catalog = _pack(spec)
        teams = _teams(pack, spec.sides)
    except KessenError as exc:
        # Kessen's errors with extra fields do not survive pickling back to the caller
        # in their own class; the message is what the caller needs.
        raise KessenError(str(exc)) from None
    return _play(spec, catalog, teams, start, stop)


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
