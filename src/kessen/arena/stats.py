"""The numbers an arena reports: Wilson score intervals and Elo differences.

>>> low, high = wilson_interval(75, 100)
>>> round(low, 3), round(high, 3)
(0.657, 0.825)
>>> round(elo_difference(0.75))
191
>>> elo_difference(1.0) is None
True
"""

from __future__ import annotations

import math

__all__ = ["Z_95", "elo_difference", "wilson_interval"]

#: The normal quantile of a two-sided 95 % interval.
Z_95 = 1.959963984540054


def wilson_interval(successes: float, trials: int, z: float = Z_95) -> tuple[float, float]:
    """The Wilson score interval of a proportion (good near 0 and 1, unlike p ± z·se).

    ``successes`` may be fractional (a score counting draws as halves).
    """
    if trials <= 0:
        return (0.0, 1.0)
    p = successes / trials
    z2 = z * z
    centre = (p + z2 / (2 * trials)) / (1 + z2 / trials)
    half = z * math.sqrt(p * (1 - p) / trials + z2 / (4 * trials * trials)) / (1 + z2 / trials)
    # At 0 and 1 the bound is exact; rounding must not move the rate outside its interval.
    low = 0.0 if successes <= 0 else max(0.0, centre - half)
    high = 1.0 if successes >= trials else min(1.0, centre + half)
    return (min(low, p), max(high, p))


def elo_difference(score: float) -> float | None:
    """The Elo rating difference that predicts ``score`` (wins + draws / 2, per game).

    ``None`` at 0 or 1, where the difference is unbounded.
    """
    if score <= 0.0 or score >= 1.0:
        return None
    return -400.0 * math.log10(1.0 / score - 1.0)
