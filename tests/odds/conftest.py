"""Fixtures of the odds tests: a pack with known odds, and one Ray session for all."""

from __future__ import annotations

from pathlib import Path

import pytest

from kessen.odds import MatchSpec, PackSource

COINFLIP = Path(__file__).with_name("coinflip.toml")

#: quick beats slow with probability 3/5 when both players choose at random.
QUICK_BEATS_SLOW = 0.6


@pytest.fixture(scope="session")
def coinflip() -> PackSource:
    """The coin-flip pack (tests/odds/coinflip.toml)."""
    return PackSource.of(COINFLIP)


@pytest.fixture(scope="session")
def known_odds(coinflip: PackSource) -> MatchSpec:
    """quick vs slow with random players: quick wins 60 % of battles, draws almost never."""
    return MatchSpec(("quick", "slow"), seed=11, players=("random", "random"), pack=coinflip)


@pytest.fixture(scope="session")
def ray_session():
    """A Ray instance on this machine for the whole session (starting one takes seconds).

    Ray's old ``local_mode`` is gone from current Ray; a single-node instance with two
    CPUs is what CI can run.
    """
    ray = pytest.importorskip("ray")
    started = not ray.is_initialized()
    if started:
        ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield ray
    if started:
        ray.shutdown()
