"""Playing a whole battle between players."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from kessen.engine import Battle
from kessen.players.base import Player, Request

__all__ = ["play_out"]


def play_out(
    battle: Battle,
    players: Sequence[Player],
    on_turn: Callable[[list], None] | None = None,
) -> Battle:
    """Ask both players each turn and play until the battle ends; returns the battle."""
    while not battle.over:
        choices = []
        for side in (0, 1):
            request = Request.for_side(battle, side)
            if request.legal:
                choices.extend(players[side].choose(request))
        events = battle.play_turn(choices)
        if on_turn is not None:
            on_turn(events)
    return battle
