"""Players against players: mirrored schedules, win rates with intervals, Elo differences."""

from kessen.arena.players import check_player_spec, player_from_spec
from kessen.arena.runner import ArenaResult, Game, GameResult, play_game, run_arena, schedule
from kessen.arena.stats import elo_difference, wilson_interval

__all__ = [
    "ArenaResult",
    "Game",
    "GameResult",
    "check_player_spec",
    "elo_difference",
    "play_game",
    "player_from_spec",
    "run_arena",
    "schedule",
    "wilson_interval",
]
