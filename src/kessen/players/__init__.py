"""Players: anything that answers a request with choices (bots, people, remote programs)."""

from kessen.players.base import Player, Request, make_player, player_names, register_player
from kessen.players.match import play_out

__all__ = ["Player", "Request", "make_player", "play_out", "player_names", "register_player"]
