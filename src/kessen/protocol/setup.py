"""The options of ``start``: which sides, which seed, who answers for each side.

>>> from kessen.content import load_starter_pack
>>> setup = battle_setup({"p1": "naruto", "p2": "sasuke", "seed": 7}, load_starter_pack())
>>> setup.sides, setup.seed, setup.players
(('naruto', 'sasuke'), 7, ('client', 'client'))
>>> battle_setup({"p1": "naruto"}, load_starter_pack())
Traceback (most recent call last):
...
kessen.errors.KessenError: start: missing p2 (the second side, e.g. p2=sasuke)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kessen.content import Pack
from kessen.engine import DEFAULT_TURN_LIMIT, Battle
from kessen.errors import KessenError
from kessen.players import Player, make_player, player_names

__all__ = ["CLIENT", "MAX_TURN_LIMIT", "OPTIONS", "BattleSetup", "battle_setup"]

#: The player name of a side whose choices come from the protocol's client.
CLIENT = "client"
MAX_TURN_LIMIT = 1000
OPTIONS = ("p1", "p2", "seed", "turn_limit", "stakes", "pack", "p1_player", "p2_player")


@dataclass(frozen=True)
class BattleSetup:
    """A checked ``start``: everything needed to set the battle up."""

    sides: tuple[str, str]
    seed: int
    turn_limit: int
    stakes: tuple[str, ...]
    players: tuple[str, str]

    def battle(self, pack: Pack) -> Battle:
        fighters = [pack.team(self.sides[0]), pack.team(self.sides[1])]
        return Battle(
            fighters,
            seed=self.seed,
            turn_limit=self.turn_limit,
            stakes=self.stakes,
            catalog=pack.catalog,
        )

    def bots(self) -> tuple[Player | None, ...]:
        """A built-in player per side, or ``None`` where the client answers."""
        return tuple(
            None if name == CLIENT else make_player(name, self.seed, side)
            for side, name in enumerate(self.players)
        )


def battle_setup(options: dict[str, Any], pack: Pack) -> BattleSetup:
    """Check ``start``'s options against the pack; :class:`KessenError` says what is wrong."""
    unknown = [key for key in options if key not in OPTIONS]
    if unknown:
        raise KessenError(f"start: unknown option {unknown[0]!r} (options: {', '.join(OPTIONS)})")
    given_pack = options.get("pack", pack.name)
    if given_pack != pack.name:
        raise KessenError(
            f"start: this server has pack {pack.name!r}, not {given_pack!r} "
            f"(run kessen sim --pack PATH for another)"
        )
    sides = (_side(options, "p1", "first", "naruto"), _side(options, "p2", "second", "sasuke"))
    # Unknown fighters: UnknownNameError, with close names.
    fighting = dict.fromkeys(f.id for side in sides for f in pack.team(side))
    seed = _number(options, "seed", 0)
    turn_limit = _number(options, "turn_limit", DEFAULT_TURN_LIMIT)
    if not 1 <= turn_limit <= MAX_TURN_LIMIT:
        raise KessenError(f"start: turn_limit must be from 1 to {MAX_TURN_LIMIT}, not {turn_limit}")
    players = (_player(options, "p1_player"), _player(options, "p2_player"))
    stakes = _stakes(options.get("stakes", ()))
    strangers = [s for s in stakes if s not in fighting]
    if strangers:
        raise KessenError(
            f"start: stakes name {strangers[0][:40]!r}, who is not in this battle "
            f"(fighters: {', '.join(fighting)})"
        )
    return BattleSetup(sides, seed, turn_limit, stakes, players)


def _side(options: dict[str, Any], key: str, which: str, example: str) -> str:
    value = options.get(key)
    if value is None:
        raise KessenError(f"start: missing {key} (the {which} side, e.g. {key}={example})")
    if not isinstance(value, str) or not value.strip():
        raise KessenError(f"start: {key} must name fighters (a or a+b), not {value!r}")
    return value.strip()


def _number(options: dict[str, Any], key: str, default: int) -> int:
    value = options.get(key, default)
    if not isinstance(value, int) or isinstance(value, bool):
        raise KessenError(f"start: {key} must be a whole number, not {str(value)[:40]!r}")
    return value


def _stakes(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [part for part in value.split(",") if part]
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise KessenError("start: stakes must be fighter ids (a,b or a JSON list)")
    return tuple(v.strip().lower() for v in value)


def _player(options: dict[str, Any], key: str) -> str:
    value = options.get(key, CLIENT)
    if value == CLIENT:
        return CLIENT
    known = player_names()
    if value not in known:
        raise KessenError(
            f"start: {key} must be {CLIENT!r} or a built-in player ({', '.join(known)}), "
            f"not {str(value)[:40]!r}"
        )
    return value
