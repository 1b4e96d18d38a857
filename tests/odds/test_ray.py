"""The Ray backend gives the same counts as local processes.

Ray runs on this machine (current Ray has no ``local_mode``); starting it takes seconds,
so everything is checked in one test with one session.
"""

from __future__ import annotations

import os
import signal
import threading
from dataclasses import replace

import pytest

from kessen.odds import MatchSpec, run_matches, run_odds
from kessen.odds.backends.ray_cluster import _interrupt_deferred


@pytest.mark.slow
def test_ray_gives_the_same_counts_as_local_processes(ray_session, known_odds):
    # A starter-pack matchup and one from a pack file (which Ray workers get as text).
    specs = [MatchSpec(("naruto", "sasuke"), seed=9), replace(known_odds, seed=4)]
    local = run_matches(specs, 30, workers=1).tallies
    assert run_matches(specs, 30, backend="ray", chunk_size=7).tallies == local

    spec = MatchSpec(("kakashi", "sasuke"), seed=3)
    expected = run_odds(spec, 24, workers=2).to_dict()
    assert run_odds(spec, 24, backend="ray").to_dict() == expected
    assert ray_session.is_initialized()  # a session the caller started is left running


@pytest.mark.slow
def test_an_interrupted_ray_run_keeps_what_finished_and_cancels_the_rest(ray_session):
    spec = MatchSpec(("naruto", "sasuke"), seed=9)
    seen = []

    def progress(done: int, total: int) -> None:
        seen.append(done)
        if len(seen) == 3:  # the start, then two finished chunks
            raise KeyboardInterrupt

    run = run_matches([spec], 200, backend="ray", chunk_size=5, progress=progress)
    assert run.partial and run.tallies[0].battles == seen[-1] == 10
    assert ray_session.is_initialized()
    # The session is still usable: the cancelled tasks did not wedge it.
    assert run_matches([spec], 10, backend="ray", chunk_size=5).tallies[0].battles == 10


def test_ctrl_c_while_ray_starts_or_stops_waits_for_the_end_of_that_step():
    """An interrupted ``ray.init`` or ``ray.shutdown`` can crash the interpreter; the
    backend holds Ctrl-C through them and raises it (or drops it) afterwards."""
    if threading.current_thread() is not threading.main_thread():
        pytest.skip("only the main thread receives signals")
    # What an interactive ``kessen`` has (a test runner's worker may ignore SIGINT).
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        steps = []
        with pytest.raises(KeyboardInterrupt), _interrupt_deferred():
            os.kill(os.getpid(), signal.SIGINT)
            steps.append("finished the step")  # the interrupt did not cut it short
        assert steps == ["finished the step"]
        with _interrupt_deferred(reraise=False):
            os.kill(os.getpid(), signal.SIGINT)
        assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
        with _interrupt_deferred():  # no Ctrl-C, nothing raised
            steps.append("quiet")
        assert steps[-1] == "quiet"
    finally:
        signal.signal(signal.SIGINT, previous)
