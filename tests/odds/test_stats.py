"""Wilson intervals and battle-length statistics."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from kessen.engine import RandomStream
from kessen.odds.stats import length_stats, rate, wilson_interval


def binomial(stream: RandomStream, trials: int, per_million: int) -> int:
    """Successes in ``trials`` draws that succeed ``per_million`` times in a million."""
    return sum(stream.below(1_000_000) < per_million for _ in range(trials))


@pytest.mark.parametrize(("p", "trials"), [(0.5, 40), (0.6, 100), (0.9, 60), (0.05, 200)])
def test_wilson_intervals_cover_the_true_rate_about_95_percent_of_the_time(p, trials):
    stream = RandomStream(2024)
    samples = 1500
    covered = 0
    for _ in range(samples):
        low, high = wilson_interval(binomial(stream, trials, round(p * 1e6)), trials)
        covered += low <= p <= high
    # Wilson's actual coverage wanders around 95 % with n and p; 3 standard errors of
    # the estimate below and above still rule out a wrong formula (a 90 % or 99 % one).
    assert 0.925 <= covered / samples <= 0.975


def test_a_wrong_z_would_be_caught_by_the_coverage_check():
    stream = RandomStream(7)
    covered = sum(
        (lambda lo_hi: lo_hi[0] <= 0.5 <= lo_hi[1])(
            wilson_interval(binomial(stream, 40, 500_000), 40, z=1.0)
        )
        for _ in range(1500)
    )
    assert covered / 1500 < 0.8  # a 68 % interval is visibly short of 95 %


@given(st.integers(1, 10_000).flatmap(lambda n: st.tuples(st.integers(0, n), st.just(n))))
def test_wilson_intervals_hold_the_observed_rate_inside_zero_one(counts):
    k, n = counts
    low, high = wilson_interval(k, n)
    assert 0.0 <= low <= k / n <= high <= 1.0
    assert (low == 0.0) == (k == 0) and (high == 1.0) == (k == n)


@given(st.integers(1, 500), st.floats(0.05, 0.95))
def test_more_battles_give_a_narrower_interval(n, share):
    k = round(share * n)
    low, high = wilson_interval(k, n)
    low4, high4 = wilson_interval(4 * k, 4 * n)
    assert high4 - low4 < high - low


def test_no_trials_means_no_knowledge():
    assert wilson_interval(0, 0) == (0.0, 1.0)
    assert rate(0, 0)["low"] == 0.0 and rate(0, 0)["high"] == 1.0
    with pytest.raises(ValueError):
        wilson_interval(5, 4)


@given(st.lists(st.integers(0, 30), min_size=1, max_size=45).filter(lambda h: sum(h) > 0))
def test_length_statistics_agree_with_numpy_on_the_expanded_lengths(histogram):
    lengths = np.repeat(np.arange(len(histogram)), histogram)
    stats = length_stats(histogram)
    assert math.isclose(stats["mean"], lengths.mean(), abs_tol=1e-3)
    assert math.isclose(stats["sd"], lengths.std(), abs_tol=1e-3)
    assert stats["min"] == lengths.min() and stats["max"] == lengths.max()
    assert stats["median"] == np.median(lengths)
    assert stats["p10"] == np.quantile(lengths, 0.10, method="inverted_cdf")
    assert stats["p90"] == np.quantile(lengths, 0.90, method="inverted_cdf")
