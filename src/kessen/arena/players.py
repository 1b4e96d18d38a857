"""Players named on the command line, with options: ``heuristic``, ``search:400``.

A spec is a registered player name (see :func:`kessen.players.player_names`), optionally
followed by ``:OPTIONS`` for players that take them.  Only ``search`` takes options
(:func:`kessen.players.search.parse_options`): ``search:400`` is 400 sampled futures a
decision, ``search:sims=400,depth=8,width=7`` sets more.

>>> player_from_spec("search:sims=50", battle_seed=1, side=0).settings.simulations
50
>>> player_from_spec("heuristic:3", 1, 0)
Traceback (most recent call last):
...
kessen.errors.KessenError: player 'heuristic:3': only search takes options
"""

from __future__ import annotations

from kessen.engine import RandomStream, derive_seed
from kessen.errors import KessenError, UnknownNameError
from kessen.players import Player, make_player, player_names
from kessen.players.base import PLAYER_SEED_OFFSET

__all__ = ["check_player_spec", "player_from_spec"]


def check_player_spec(spec: str) -> str:
    """``spec`` itself if it names a player (options included); raises otherwise."""
    player_from_spec(spec, 0, 0)
    return spec


def player_from_spec(spec: str, battle_seed: int, side: int) -> Player:
    """A fresh player for ``side`` of the battle seeded ``battle_seed``.

    Its stream is derived exactly as :func:`kessen.players.make_player` derives it, so
    ``search`` and ``search:120`` (its default budget) play the same game.
    """
    name, sep, options = spec.strip().partition(":")
    if not sep:
        return make_player(name, battle_seed, side)
    if name != "search":
        if name not in player_names():
            import difflib

            raise UnknownNameError("player", name, difflib.get_close_matches(name, player_names()))
        raise KessenError(f"player {spec!r}: only search takes options")
    from kessen.players.search import SearchPlayer, parse_options

    stream = RandomStream(derive_seed(battle_seed, PLAYER_SEED_OFFSET + side))
    return SearchPlayer(stream, parse_options(options))
