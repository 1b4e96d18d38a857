"""Monte Carlo odds: who would win, how often, and how.

Battle ``i`` of a run seeded ``S`` is seeded ``derive_seed(S, i)``, so the same ``S`` and
number of battles give the same counts on any number of workers and on any backend.
"""

from kessen.odds.match import MatchSpec, PackSource, play_battle
from kessen.odds.odds import OddsResult, run_odds
from kessen.odds.rating import Ratings, fit_bradley_terry
from kessen.odds.runner import Run, run_matches
from kessen.odds.stats import wilson_interval
from kessen.odds.summary import BattleSummary, summarise
from kessen.odds.tally import Tally
from kessen.odds.tournament import TournamentResult, run_tournament

__all__ = [
    "BattleSummary",
    "MatchSpec",
    "OddsResult",
    "PackSource",
    "Ratings",
    "Run",
    "Tally",
    "TournamentResult",
    "fit_bradley_terry",
    "play_battle",
    "run_matches",
    "run_odds",
    "run_tournament",
    "summarise",
    "wilson_interval",
]
