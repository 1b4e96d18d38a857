"""Numbers from counts: Wilson intervals for rates, and the spread of battle lengths.

The Wilson score interval is used instead of the textbook ``p ± 1.96·sqrt(p(1-p)/n)``
because that one collapses to a zero-width interval at 0 or n successes and covers the
truth far less often than it claims for small n or extreme p; Wilson stays inside [0, 1]
and keeps close to its nominal coverage even for a handful of battles.

>>> low, high = wilson_interval(50, 100)
>>> round(low, 3), round(high, 3)
(0.404, 0.596)
>>> wilson_interval(0, 10)[0]
0.0
>>> length_stats([0, 2, 1, 1])   # two battles of 1 turn, one of 2, one of 3
{'mean': 1.75, 'sd': 0.829, 'min': 1, 'max': 3, 'median': 1.5, 'p10': 1, 'p90': 3}
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

__all__ = ["Z_95", "length_stats", "rate", "wilson_interval"]

#: The two-sided 95 % quantile of the standard normal distribution.
Z_95 = 1.959963984540054


def wilson_interval(successes: int, trials: int, z: float = Z_95) -> tuple[float, float]:
    """The Wilson score interval for a binomial rate; ``(0.0, 1.0)`` when there are no trials.

    >>> wilson_interval(10, 10)[1]
    1.0
    """
    if trials <= 0:
        return 0.0, 1.0
    if not 0 <= successes <= trials:
        raise ValueError(f"successes must lie in [0, {trials}], not {successes}")
    p = successes / trials
    z2 = z * z
    denominator = 1 + z2 / trials
    centre = (p + z2 / (2 * trials)) / denominator
    half = z * math.sqrt(p * (1 - p) / trials + z2 / (4 * trials * trials)) / denominator
    # Clamp the float noise at the ends: 0 successes gives exactly 0 as the low end.
    low = 0.0 if successes == 0 else max(0.0, centre - half)
    high = 1.0 if successes == trials else min(1.0, centre + half)
    return low, high


def rate(successes: int, trials: int) -> dict[str, Any]:
    """``{"count", "rate", "low", "high"}`` for ``successes`` out of ``trials`` (rounded).

    >>> rate(3, 4)
    {'count': 3, 'rate': 0.75, 'low': 0.300642, 'high': 0.954413}
    """
    low, high = wilson_interval(successes, trials)
    share = successes / trials if trials else 0.0
    return {
        "count": successes,
        "rate": round(share, 6),
        "low": round(low, 6),
        "high": round(high, 6),
    }


def length_stats(histogram: Sequence[int]) -> dict[str, Any]:
    """Mean, standard deviation, extremes and percentiles of battle lengths.

    ``histogram[t]`` is the number of battles that lasted ``t`` turns.  Percentiles are
    taken as the smallest length reaching that share of battles (the median averages the
    two middle lengths when the count is even).
    """
    total = sum(histogram)
    if total == 0:
        return {"mean": 0.0, "sd": 0.0, "min": 0, "max": 0, "median": 0, "p10": 0, "p90": 0}
    mean = sum(t * c for t, c in enumerate(histogram)) / total
    variance = sum(c * (t - mean) ** 2 for t, c in enumerate(histogram)) / total
    lengths = [t for t, c in enumerate(histogram) if c]
    return {
        "mean": round(mean, 3),
        "sd": round(math.sqrt(variance), 3),
        "min": lengths[0],
        "max": lengths[-1],
        "median": _median(histogram, total),
        "p10": _quantile(histogram, total, 0.10),
        "p90": _quantile(histogram, total, 0.90),
    }


def _nth(histogram: Sequence[int], k: int) -> int:
    """The length of the ``k``-th shortest battle (0-based)."""
    seen = 0
    for t, c in enumerate(histogram):
        seen += c
        if seen > k:
            return t
    raise IndexError(k)


def _median(histogram: Sequence[int], total: int) -> float | int:
    if total % 2:
        return _nth(histogram, total // 2)
    low, high = _nth(histogram, total // 2 - 1), _nth(histogram, total // 2)
    return low if low == high else (low + high) / 2


def _quantile(histogram: Sequence[int], total: int, q: float) -> int:
    return _nth(histogram, max(0, math.ceil(q * total) - 1))
