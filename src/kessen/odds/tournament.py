"""A round robin: every pair of entrants plays the same number of battles.

Pair number ``k`` (pairs in the order (0,1), (0,2), ..., (1,2), ... of the entrants as
given) has master seed ``derive_seed(S, k)``, so its battles are exactly those of
``kessen odds A B --seed <that seed>`` and any pair can be looked at on its own.  The
first entrant of a pair always plays side 1 (``p1``).

>>> result = run_tournament(["naruto", "sasuke", "neji"], battles=4, seed=1, workers=1)
>>> [(p.sides, p.tally.battles) for p in result.pairs]
[(('naruto', 'sasuke'), 4), (('naruto', 'neji'), 4), (('sasuke', 'neji'), 4)]
>>> len(result.ratings.names)
3
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from kessen.content import Pack
from kessen.engine import DEFAULT_TURN_LIMIT
from kessen.errors import KessenError
from kessen.odds.match import MatchSpec, PackSource, pack_info
from kessen.odds.rating import Ratings, fit_bradley_terry
from kessen.odds.runner import Progress, check_battles, run_matches
from kessen.odds.seeding import pair_seed
from kessen.odds.stats import rate
from kessen.odds.tally import Tally

__all__ = ["Pairing", "TournamentResult", "run_tournament"]

TOURNAMENT_FORMAT = 1


@dataclass
class Pairing:
    """One pair's battles: entrant ``first`` (side 1) against entrant ``second``."""

    first: int
    second: int
    spec: MatchSpec
    tally: Tally

    @property
    def sides(self) -> tuple[str, str]:
        return self.spec.sides


@dataclass
class TournamentResult:
    entrants: tuple[str, ...]
    seed: int
    battles: int
    pairs: list[Pairing]
    partial: bool
    pack: Pack | None = None
    ratings: Ratings = field(init=False)

    def __post_init__(self) -> None:
        k = len(self.entrants)
        scores = [[0.0] * k for _ in range(k)]
        games = [[0.0] * k for _ in range(k)]
        for p in self.pairs:
            t, i, j = p.tally, p.first, p.second
            scores[i][j] = t.wins[0] + t.draws / 2
            scores[j][i] = t.wins[1] + t.draws / 2
            games[i][j] = games[j][i] = t.battles
        self.ratings = fit_bradley_terry(self.entrants, scores, games)

    def win_matrix(self) -> list[list[float | None]]:
        """``[i][j]``: share of i's battles against j that i won (``None`` on the diagonal)."""
        k = len(self.entrants)
        matrix: list[list[float | None]] = [[None] * k for _ in range(k)]
        for p in self.pairs:
            n = p.tally.battles or 1
            matrix[p.first][p.second] = p.tally.wins[0] / n
            matrix[p.second][p.first] = p.tally.wins[1] / n
        return matrix

    def to_dict(self) -> dict[str, Any]:
        """The ``tournament --json`` layout (documented in docs/odds.md)."""
        r = self.ratings
        order = r.ranking()
        return {
            "format": TOURNAMENT_FORMAT,
            "kind": "tournament",
            "entrants": list(self.entrants),
            "players": list(self.pairs[0].spec.players) if self.pairs else [],
            "pack": pack_info(self.pack),
            "seed": self.seed,
            "n": self.battles,
            "partial": self.partial,
            "pairs": [_pair_dict(p) for p in self.pairs],
            "win_matrix": [
                [None if v is None else round(v, 6) for v in row] for row in self.win_matrix()
            ],
            "ratings": [
                {
                    "entrant": name,
                    "rank": order.index(name) + 1,
                    "rating": round(r.ratings[i], 1),
                    "se": round(r.errors[i], 1),
                    "low": round(r.interval(i)[0], 1),
                    "high": round(r.interval(i)[1], 1),
                }
                for i, name in enumerate(r.names)
            ],
        }


def _pair_dict(p: Pairing) -> dict[str, Any]:
    t = p.tally
    return {
        "sides": list(p.sides),
        "seed": p.spec.seed,
        "n": t.battles,
        "wins": [t.wins[0], t.wins[1]],
        "draws": t.draws,
        "win_rate": [rate(t.wins[0], t.battles), rate(t.wins[1], t.battles)],
        "draw_rate": rate(t.draws, t.battles),
    }


def run_tournament(
    entrants: Sequence[str] | None,
    battles: int,
    seed: int,
    *,
    players: tuple[str, str] = ("heuristic", "heuristic"),
    pack: PackSource | None = None,
    turn_limit: int = DEFAULT_TURN_LIMIT,
    workers: int | None = None,
    backend: str = "local",
    ray_address: str | None = None,
    progress: Progress | None = None,
) -> TournamentResult:
    """Every pair of ``entrants`` (fighters or teams ``a+b``; all the pack's fighters when
    ``None``) plays ``battles`` battles; returns the results and fitted ratings."""
    check_battles(battles)
    source = pack or PackSource()
    content = source.load()
    names = list(entrants) if entrants else list(content.fighters)
    if len(names) < 2:
        raise KessenError(f"a tournament needs at least two entrants, not {len(names)}")
    repeated = sorted({n for n in names if names.count(n) > 1})
    if repeated:
        raise KessenError(f"entrant listed twice: {', '.join(repeated)}")
    pairs = [(i, j) for i in range(len(names)) for j in range(i + 1, len(names))]
    specs = [
        MatchSpec((names[i], names[j]), pair_seed(seed, k), players, source, turn_limit)
        for k, (i, j) in enumerate(pairs)
    ]
    for spec in specs[: len(names) - 1]:  # the first entrant meets everyone: all names checked
        spec.check(content)
    specs = [spec.pinned(content) for spec in specs]
    run = run_matches(
        specs,
        battles,
        workers=workers,
        backend=backend,
        ray_address=ray_address,
        progress=progress,
    )
    pairings = [
        Pairing(i, j, spec, tally)
        for (i, j), spec, tally in zip(pairs, specs, run.tallies, strict=True)
    ]
    return TournamentResult(tuple(names), seed, battles, pairings, run.partial, content)
