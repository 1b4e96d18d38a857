"""The Ray backend gives the same counts as local processes.

Ray runs on this machine (current Ray has no ``local_mode``); starting it takes seconds,
so everything is checked in one test with one session.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from kessen.odds import MatchSpec, run_matches, run_odds

pytestmark = pytest.mark.slow


def test_ray_gives_the_same_counts_as_local_processes(ray_session, known_odds):
    # A starter-pack matchup and one from a pack file (which Ray workers get as text).
    specs = [MatchSpec(("naruto", "sasuke"), seed=9), replace(known_odds, seed=4)]
    local = run_matches(specs, 30, workers=1).tallies
    assert run_matches(specs, 30, backend="ray", chunk_size=7).tallies == local

    spec = MatchSpec(("kakashi", "sasuke"), seed=3)
    expected = run_odds(spec, 24, workers=2).to_dict()
    assert run_odds(spec, 24, backend="ray").to_dict() == expected
    assert ray_session.is_initialized()  # a session the caller started is left running
