"""Ratings from head-to-head results: a Bradley-Terry fit, on the Elo scale, with errors.

Bradley-Terry gives each fighter a strength ``p``; fighter i beats j with probability
``p_i / (p_i + p_j)``.  The strengths are fitted by Hunter's MM iteration (each step
raises the likelihood; no step size to tune), a draw counting half a win each way.
Ratings are ``1500 + 400·log10(p)``, centred on 1500, so a 200-point gap means about 76 %
(the Elo convention).  Standard errors come from the inverse of the Fisher information
(its pseudo-inverse: ratings are only known up to a common shift, fixed by the centring).

Each pair that met is given ``prior`` extra virtual games split evenly, so that a fighter
that won every battle still gets a finite rating; with hundreds of battles per pair its
effect is negligible.

>>> fit = fit_bradley_terry(["a", "b"], [[0, 75], [25, 0]], [[0, 100], [100, 0]], prior=0)
>>> round(fit.expected(0, 1), 3)
0.75
>>> round(fit.ratings[0] - fit.ratings[1]), fit.ranking()
(191, ['a', 'b'])
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

__all__ = ["ELO_SCALE", "Ratings", "fit_bradley_terry"]

#: Rating points per unit of natural-log strength: 400 / ln(10).
ELO_SCALE = 400 / math.log(10)
CENTRE = 1500.0


@dataclass(frozen=True)
class Ratings:
    """Fitted ratings, their standard errors and 95 % intervals, one per name."""

    names: tuple[str, ...]
    ratings: tuple[float, ...]
    errors: tuple[float, ...]
    iterations: int

    def expected(self, i: int, j: int) -> float:
        """Fitted probability that ``i`` beats ``j`` (a draw counting half)."""
        gap = (self.ratings[i] - self.ratings[j]) / ELO_SCALE
        return 1 / (1 + math.exp(-gap))

    def interval(self, i: int) -> tuple[float, float]:
        return self.ratings[i] - 1.96 * self.errors[i], self.ratings[i] + 1.96 * self.errors[i]

    def ranking(self) -> list[str]:
        """Names from the highest rating down (ties by name)."""
        order = sorted(range(len(self.names)), key=lambda i: (-self.ratings[i], self.names[i]))
        return [self.names[i] for i in order]


def fit_bradley_terry(
    names: Sequence[str],
    scores: Sequence[Sequence[float]],
    games: Sequence[Sequence[float]],
    *,
    prior: float = 1.0,
    tolerance: float = 1e-10,
    max_iterations: int = 10_000,
) -> Ratings:
    """Fit strengths to ``scores[i][j]`` (wins of i over j, draws as halves) out of
    ``games[i][j]`` (battles between i and j, symmetric)."""
    k = len(names)
    if k < 2:
        raise ValueError("ratings need at least two fighters")
    n = np.array(games, dtype=float)
    w = np.array(scores, dtype=float)
    if n.shape != (k, k) or w.shape != (k, k):
        raise ValueError(f"scores and games must both be {k}x{k}")
    met = n > 0
    n = n + prior * met
    w = w + prior / 2 * met
    total = w.sum(axis=1)
    p = np.ones(k)
    iterations = 0
    for iterations in range(1, max_iterations + 1):  # noqa: B007  (kept for the result)
        denominator = (n / (p[:, None] + p[None, :])).sum(axis=1)
        fresh = np.where(denominator > 0, total / np.where(denominator > 0, denominator, 1), p)
        fresh = np.maximum(fresh, 1e-300)
        fresh /= np.exp(np.log(fresh).mean())
        change = np.abs(np.log(fresh) - np.log(p)).max()
        p = fresh
        if change < tolerance:
            break
    theta = np.log(p)
    errors = _standard_errors(p, n)
    return Ratings(
        tuple(names),
        tuple(float(CENTRE + ELO_SCALE * t) for t in theta - theta.mean()),
        tuple(float(ELO_SCALE * e) for e in errors),
        iterations,
    )


def _standard_errors(p: np.ndarray, n: np.ndarray) -> np.ndarray:
    """Standard errors of log-strengths under the sum-to-zero constraint."""
    pair = n * np.outer(p, p) / (p[:, None] + p[None, :]) ** 2
    np.fill_diagonal(pair, 0.0)
    information = np.diag(pair.sum(axis=1)) - pair
    covariance = np.linalg.pinv(information)
    return np.sqrt(np.clip(np.diag(covariance), 0.0, None))
