"""Player against player, on mirrored seeds across the roster.

Games come in mirrored pairs: the same pairing of sides and the same seed, once with
player A on the first side and once with player B there.  Whatever one side or one seed
gives, both players get, so what remains is the difference between the players.  Pairs
cycle through the roster's pairings: each side against itself (``mirror``), or each
against each, itself included (``all``).

>>> games = schedule(["naruto", "sasuke"], 4, seed=1, pairings="all")
>>> [(g.sides, g.a_side) for g in games]  # doctest: +NORMALIZE_WHITESPACE
[(('naruto', 'naruto'), 0), (('naruto', 'naruto'), 1),
 (('naruto', 'sasuke'), 0), (('naruto', 'sasuke'), 1)]
>>> games[0].seed == games[1].seed != games[2].seed
True
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import combinations_with_replacement
from typing import Any

from kessen.arena.players import player_from_spec
from kessen.arena.stats import elo_difference, wilson_interval
from kessen.content import Pack, load_pack, load_starter_pack
from kessen.engine import DEFAULT_TURN_LIMIT, Battle, derive_seed
from kessen.errors import KessenError
from kessen.players import play_out

__all__ = ["ArenaResult", "Game", "GameResult", "play_game", "run_arena", "schedule"]


@dataclass(frozen=True, slots=True)
class Game:
    """One game of the schedule: the two sides (team specs), the seed, A's side."""

    index: int
    sides: tuple[str, str]
    seed: int
    a_side: int


@dataclass(frozen=True, slots=True)
class GameResult:
    game: Game
    #: ``"a"``, ``"b"`` or ``None`` for a draw.
    winner: str | None
    turns: int


@dataclass(frozen=True, slots=True)
class ArenaResult:
    """Totals of an arena run, from player A's point of view."""

    player_a: str
    player_b: str
    games: int
    wins_a: int
    wins_b: int
    draws: int
    seed: int
    roster: tuple[str, ...]
    turns: int
    pairings: str = "mirror"

    @property
    def win_rate(self) -> float:
        """A's wins over all games (draws count as not won)."""
        return self.wins_a / self.games if self.games else 0.0

    @property
    def interval(self) -> tuple[float, float]:
        """95 % Wilson interval of :attr:`win_rate`."""
        return wilson_interval(self.wins_a, self.games)

    @property
    def score(self) -> float:
        """A's score per game: a win 1, a draw 1/2."""
        return (self.wins_a + self.draws / 2) / self.games if self.games else 0.5

    @property
    def elo(self) -> float | None:
        """Elo difference A minus B that predicts :attr:`score` (None if unbounded)."""
        return elo_difference(self.score)

    @property
    def elo_interval(self) -> tuple[float | None, float | None]:
        low, high = wilson_interval(self.wins_a + self.draws / 2, self.games)
        return elo_difference(low), elo_difference(high)

    def to_dict(self) -> dict[str, Any]:
        """The JSON layout of ``kessen arena --json``."""
        low, high = self.interval
        elo_low, elo_high = self.elo_interval
        return {
            "player_a": self.player_a,
            "player_b": self.player_b,
            "games": self.games,
            "wins_a": self.wins_a,
            "wins_b": self.wins_b,
            "draws": self.draws,
            "win_rate_a": round(self.win_rate, 4),
            "interval_a": [round(low, 4), round(high, 4)],
            "score_a": round(self.score, 4),
            "elo": None if self.elo is None else round(self.elo, 1) + 0.0,
            "elo_interval": [None if x is None else round(x, 1) for x in (elo_low, elo_high)],
            "seed": self.seed,
            "roster": list(self.roster),
            "pairings": self.pairings,
            "mean_turns": round(self.turns / self.games, 2) if self.games else 0.0,
        }


#: Which sides meet: ``mirror`` pairs each side only with itself, so that no game is
#: decided by the matchup (the default: it measures the players, not the roster's
#: balance); ``all`` pairs every side with every side, itself included.
PAIRINGS = ("mirror", "all")


def schedule(roster: Sequence[str], games: int, seed: int, pairings: str = "mirror") -> list[Game]:
    """``games`` games (rounded up to an even number) in mirrored pairs over the roster."""
    if not roster:
        raise KessenError("the arena needs a roster of at least one side")
    if games < 1:
        raise KessenError(f"the arena needs at least one game, not {games}")
    if pairings not in PAIRINGS:
        raise KessenError(f"unknown pairings {pairings!r} (known: {', '.join(PAIRINGS)})")
    if pairings == "mirror":
        matchups = [(side, side) for side in roster]
    else:
        matchups = list(combinations_with_replacement(roster, 2))
    out: list[Game] = []
    for pair in range((games + 1) // 2):
        sides = matchups[pair % len(matchups)]
        game_seed = derive_seed(seed, pair)
        out.append(Game(2 * pair, sides, game_seed, 0))
        out.append(Game(2 * pair + 1, sides, game_seed, 1))
    return out


def play_game(
    game: Game, player_a: str, player_b: str, pack: Pack, turn_limit: int = DEFAULT_TURN_LIMIT
) -> GameResult:
    """Play one scheduled game to its end."""
    sides = [pack.team(game.sides[0]), pack.team(game.sides[1])]
    battle = Battle(sides, seed=game.seed, turn_limit=turn_limit, catalog=pack.catalog)
    specs = (player_a, player_b) if game.a_side == 0 else (player_b, player_a)
    players = [player_from_spec(specs[s], game.seed, s) for s in (0, 1)]
    play_out(battle, players)
    winner = None
    if battle.winner is not None:
        winner = "a" if battle.winner == game.a_side else "b"
    return GameResult(game, winner, battle.turn)


def run_arena(
    player_a: str,
    player_b: str,
    games: int = 400,
    seed: int = 1,
    *,
    pack_path: str | None = None,
    roster: Sequence[str] | None = None,
    pairings: str = "mirror",
    turn_limit: int = DEFAULT_TURN_LIMIT,
    workers: int = 1,
    on_game: Callable[[GameResult], None] | None = None,
) -> ArenaResult:
    """Play the schedule and total it.  Results do not depend on ``workers``."""
    for spec in (player_a, player_b):
        player_from_spec(spec, 0, 0)  # fail before playing if a name is wrong
    pack = _pack(pack_path)
    sides = tuple(roster) if roster else tuple(pack.fighters)
    for side in sides:
        pack.team(side)
    plan = schedule(sides, games, seed, pairings)
    wins = {"a": 0, "b": 0, None: 0}
    turns = 0
    for result in _results(plan, player_a, player_b, pack_path, turn_limit, workers):
        wins[result.winner] += 1
        turns += result.turns
        if on_game is not None:
            on_game(result)
    return ArenaResult(
        player_a,
        player_b,
        len(plan),
        wins["a"],
        wins["b"],
        wins[None],
        seed,
        sides,
        turns,
        pairings,
    )


def _pack(path: str | None) -> Pack:
    return load_starter_pack() if path is None else load_pack(path)


def _results(
    plan: list[Game], a: str, b: str, pack_path: str | None, turn_limit: int, workers: int
) -> Iterator[GameResult]:
    if workers <= 1:
        pack = _pack(pack_path)
        for game in plan:
            yield play_game(game, a, b, pack, turn_limit)
        return
    from concurrent.futures import ProcessPoolExecutor

    jobs = [(game, a, b, pack_path, turn_limit) for game in plan]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        # map yields in schedule order, so totals and progress do not depend on timing.
        yield from pool.map(_play_job, jobs, chunksize=2)


_WORKER_PACKS: dict[str | None, Pack] = {}


def _play_job(job: tuple[Game, str, str, str | None, int]) -> GameResult:
    game, a, b, pack_path, turn_limit = job
    pack = _WORKER_PACKS.get(pack_path)
    if pack is None:
        pack = _WORKER_PACKS[pack_path] = _pack(pack_path)
    return play_game(game, a, b, pack, turn_limit)
