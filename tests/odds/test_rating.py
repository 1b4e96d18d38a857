"""Bradley-Terry ratings: they recover known strengths, with honest standard errors."""

from __future__ import annotations

import math

import pytest

from kessen.engine import RandomStream
from kessen.odds.rating import ELO_SCALE, fit_bradley_terry

TRUE = {"a": 200.0, "b": 60.0, "c": -60.0, "d": -200.0}  # ratings around 0 (Elo points)


def simulate(stream: RandomStream, games: int) -> tuple[list[list[float]], list[list[float]]]:
    names = list(TRUE)
    k = len(names)
    scores = [[0.0] * k for _ in range(k)]
    counts = [[0.0] * k for _ in range(k)]
    for i in range(k):
        for j in range(i + 1, k):
            p = 1 / (1 + math.exp(-(TRUE[names[i]] - TRUE[names[j]]) / ELO_SCALE))
            wins = sum(stream.below(1_000_000) < p * 1e6 for _ in range(games))
            scores[i][j], scores[j][i] = wins, games - wins
            counts[i][j] = counts[j][i] = games
    return scores, counts


def test_the_fit_recovers_known_ratings_within_their_errors():
    stream = RandomStream(99)
    inside = 0
    trials = 40
    for _ in range(trials):
        scores, counts = simulate(stream, 150)
        fit = fit_bradley_terry(list(TRUE), scores, counts, prior=0)
        for i, name in enumerate(TRUE):
            low, high = fit.interval(i)
            inside += low - 1500 <= TRUE[name] <= high - 1500
    # 95 % intervals: expect about 152 of 160; a wrong error formula lands far away.
    assert 0.9 <= inside / (trials * len(TRUE)) <= 0.99


def test_ranking_and_expected_score_follow_the_ratings():
    scores, counts = simulate(RandomStream(5), 2000)
    fit = fit_bradley_terry(list(TRUE), scores, counts)
    assert fit.ranking() == ["a", "b", "c", "d"]
    assert sum(fit.ratings) / 4 == pytest.approx(1500)
    assert fit.expected(0, 3) == pytest.approx(1 - fit.expected(3, 0))
    assert fit.expected(0, 3) > 0.85


def test_a_fighter_that_always_wins_still_gets_a_finite_rating():
    scores = [[0, 100, 100], [0, 0, 60], [0, 40, 0]]
    counts = [[0, 100, 100], [100, 0, 100], [100, 100, 0]]
    fit = fit_bradley_terry(["top", "mid", "low"], scores, counts)
    assert all(
        math.isfinite(r) and math.isfinite(e) for r, e in zip(fit.ratings, fit.errors, strict=True)
    )
    assert fit.ranking() == ["top", "mid", "low"]


def test_bad_shapes_are_refused():
    with pytest.raises(ValueError):
        fit_bradley_terry(["solo"], [[0]], [[0]])
    with pytest.raises(ValueError):
        fit_bradley_terry(["a", "b"], [[0, 1]], [[0, 1], [1, 0]])
