"""Who would win: the odds of one matchup over many seeded battles.

>>> result = run_odds(MatchSpec(("naruto", "sasuke"), seed=7), battles=20, workers=1)
>>> data = result.to_dict()
>>> data["n"], data["seed"], sorted(data["wins"])
(20, 7, ['naruto', 'sasuke'])
>>> sum(data["wins"].values()) + data["draws"]
20
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kessen.content import Pack
from kessen.odds.match import MatchSpec, pack_info
from kessen.odds.runner import Progress, run_matches
from kessen.odds.stats import length_stats, rate
from kessen.odds.summary import ENDINGS, MOMENTS
from kessen.odds.tally import Tally

__all__ = ["OddsResult", "run_odds", "side_keys"]

#: Version of the ``--json`` layout (docs/odds.md); raised when a field changes meaning.
ODDS_FORMAT = 1


def side_keys(sides: tuple[str, str]) -> tuple[str, str]:
    """The keys of the two sides in ``wins``: their names as given, told apart if equal.

    >>> side_keys(("naruto", "sasuke")), side_keys(("naruto", "naruto"))
    (('naruto', 'sasuke'), ('naruto (p1)', 'naruto (p2)'))
    """
    if sides[0] != sides[1]:
        return sides
    return (f"{sides[0]} (p1)", f"{sides[1]} (p2)")


@dataclass
class OddsResult:
    """The tally of one matchup's battles, and what it means."""

    spec: MatchSpec
    tally: Tally
    requested: int
    partial: bool
    pack: Pack | None = None
    scenario: str | None = None

    @property
    def keys(self) -> tuple[str, str]:
        return side_keys(self.spec.sides)

    def to_dict(self) -> dict[str, Any]:
        """The ``--json`` layout (documented in docs/odds.md)."""
        t = self.tally
        keys = self.keys
        n = t.battles
        return {
            "format": ODDS_FORMAT,
            "kind": "odds",
            "sides": list(keys),
            "teams": [side.split("+") for side in self.spec.sides],
            "players": list(self.spec.players),
            "scenario": self.scenario,
            "pack": pack_info(self.pack),
            "seed": self.spec.seed,
            "turn_limit": self.spec.turn_limit,
            "n": n,
            "requested": self.requested,
            "partial": self.partial,
            "wins": {keys[0]: t.wins[0], keys[1]: t.wins[1]},
            "draws": t.draws,
            "confidence": 0.95,
            "win_rate": {keys[0]: rate(t.wins[0], n), keys[1]: rate(t.wins[1], n)},
            "draw_rate": rate(t.draws, n),
            "length": {**length_stats(t.lengths), "histogram": _histogram(t.lengths)},
            "endings": _ordered(t.endings, ENDINGS),
            "moments": _ordered(t.moments, MOMENTS),
            "finishers": dict(sorted(t.finishers.items(), key=lambda kv: (-kv[1], kv[0]))),
        }


def run_odds(
    spec: MatchSpec,
    battles: int,
    *,
    workers: int | None = None,
    backend: str = "local",
    ray_address: str | None = None,
    progress: Progress | None = None,
    scenario: str | None = None,
) -> OddsResult:
    """Play ``battles`` battles of ``spec`` (battle i seeded from ``spec.seed`` and i)."""
    pack = spec.check()
    spec = spec.pinned(pack)
    run = run_matches(
        [spec],
        battles,
        workers=workers,
        backend=backend,
        ray_address=ray_address,
        progress=progress,
    )
    return OddsResult(spec, run.tallies[0], battles, run.partial, pack, scenario)


def _histogram(lengths: list[int]) -> dict[str, int]:
    return {str(turns): count for turns, count in enumerate(lengths) if count}


def _ordered(counts: Any, names: tuple[str, ...]) -> dict[str, int]:
    """Every known name in its documented order (zeros included), then any others."""
    out = {name: counts.get(name, 0) for name in names}
    for name in sorted(counts):
        out.setdefault(name, counts[name])
    return out
