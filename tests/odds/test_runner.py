"""Running many battles: the same counts however the work is split, known odds found,
and an interrupted run keeps what finished."""

from __future__ import annotations

import pickle
from dataclasses import replace
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kessen.engine import derive_seed
from kessen.errors import KessenError, UnknownNameError
from kessen.odds import MatchSpec, Tally, play_battle, run_matches, run_odds, summarise
from kessen.odds.seeding import plan_chunks
from kessen.odds.stats import wilson_interval
from kessen.odds.worker import play_chunk

from .conftest import QUICK_BEATS_SLOW  # 3/5, worked out in coinflip.toml

STARTER = MatchSpec(("naruto", "sasuke"), seed=2024)


def test_counts_are_the_same_for_one_and_two_workers_and_any_chunk_size():
    one = run_matches([STARTER], 60, workers=1, chunk_size=60).tallies[0]
    two = run_matches([STARTER], 60, workers=2, chunk_size=7).tallies[0]
    assert one == two
    assert one.battles == 60 and sum(one.wins) + one.draws == 60


def test_battle_i_is_the_duel_seeded_derive_seed_s_i():
    expected = Tally()
    for i in range(12):
        expected.add(summarise(play_battle(STARTER, derive_seed(STARTER.seed, i))))
    assert run_matches([STARTER], 12, workers=1, chunk_size=5).tallies[0] == expected


def test_another_master_seed_gives_other_battles():
    a = run_matches([STARTER], 40, workers=1).tallies[0]
    b = run_matches([replace(STARTER, seed=2025)], 40, workers=1).tallies[0]
    assert a.lengths != b.lengths or a.wins != b.wins or a.finishers != b.finishers


@settings(max_examples=25, deadline=None)
@given(st.lists(st.integers(1, 39), max_size=5))
def test_any_split_of_the_indices_adds_up_to_the_whole(known_odds, cuts):
    bounds = [0, *sorted(set(cuts)), 40]
    parts = Tally()
    for start, stop in pairwise(bounds):
        parts.merge(play_chunk(known_odds, start, stop))
    assert parts == play_chunk(known_odds, 0, 40)


def test_intervals_cover_the_known_odds_of_a_synthetic_matchup(known_odds):
    runs = [replace(known_odds, seed=s) for s in range(80)]
    tallies = run_matches(runs, 120, workers=1).tallies
    covered = 0
    for t in tallies:
        assert t.draws == 0  # a draw needs 40 turns of nobody striking: (4/9)^40
        low, high = wilson_interval(t.wins[0], t.battles)
        covered += low <= QUICK_BEATS_SLOW <= high
    assert covered >= 72  # 95 % of 80 is 76; a biased engine or interval falls well short
    pooled = sum(t.wins[0] for t in tallies) / sum(t.battles for t in tallies)
    assert abs(pooled - QUICK_BEATS_SLOW) < 0.02  # 9,600 battles: 4.5 standard errors


def test_a_coin_flip_mirror_is_even(coinflip):
    spec = MatchSpec(("even", "even"), seed=3, players=("random", "random"), pack=coinflip)
    t = run_odds(spec, 3000, workers=1).tally
    low, high = wilson_interval(t.wins[0], t.wins[0] + t.wins[1])
    assert low <= 0.5 <= high


def test_a_fighter_against_itself_is_even_within_its_interval():
    result = run_odds(MatchSpec(("naruto", "naruto"), seed=5), 800, workers=2)
    data = result.to_dict()
    assert list(data["wins"]) == ["naruto (p1)", "naruto (p2)"]
    # Even: each side wins half of the battles that were not drawn.
    even = (1 - data["draw_rate"]["rate"]) / 2
    for side in data["win_rate"].values():
        assert side["low"] <= even <= side["high"]
    assert result.tally.battles == 800


@pytest.mark.parametrize("workers", [1, 2])
def test_an_interrupted_run_keeps_the_finished_chunks_and_says_it_is_partial(workers):
    seen = []

    def progress(done: int, total: int) -> None:
        assert total == 400
        seen.append(done)
        if len(seen) == 3:  # the start, then two finished chunks
            raise KeyboardInterrupt

    run = run_matches([STARTER], 400, workers=workers, chunk_size=10, progress=progress)
    tally = run.tallies[0]
    assert run.partial and run.requested == 400
    assert seen[0] == 0 and tally.battles == seen[-1] == 20
    assert sum(tally.wins) + tally.draws == 20
    # What was kept is exactly two whole chunks of the full run's battles.
    chunks = plan_chunks(400, 10)
    candidates = [play_chunk(STARTER, c.start, c.stop) for c in chunks[:6]]
    assert any(a + b == tally for a in candidates for b in candidates if a is not b)


def test_an_uninterrupted_run_is_not_partial():
    run = run_matches([STARTER], 10, workers=1, progress=lambda done, total: None)
    assert not run.partial and run.battles == 10


def test_workers_get_only_small_things():
    spec = STARTER.pinned(STARTER.check())
    assert len(pickle.dumps((spec, 0, 1000))) < 600


@pytest.mark.parametrize("battles", [0, -5])
def test_a_run_needs_at_least_one_battle(battles):
    with pytest.raises(KessenError, match="at least 1"):
        run_matches([STARTER], battles)


def test_unknown_names_fail_before_any_work():
    with pytest.raises(UnknownNameError, match="sasuke"):
        run_odds(MatchSpec(("naruto", "sasuk"), seed=1), 10)
    with pytest.raises(UnknownNameError, match="player"):
        run_odds(MatchSpec(("naruto", "sasuke"), seed=1, players=("heuristic", "genius")), 10)
    with pytest.raises(KessenError, match="unknown backend 'cloud'; backends: local, ray"):
        run_odds(STARTER, 10, backend="cloud")
    with pytest.raises(UnknownNameError, match="did you mean ray"):
        run_odds(STARTER, 10, backend="rya")


def test_a_worker_refuses_a_pack_that_changed_under_it(coinflip):
    spec = MatchSpec(("quick", "slow"), seed=1, pack=coinflip, pack_hash="0" * 64)
    with pytest.raises(KessenError, match="differs"):
        run_matches([spec], 4, workers=2, chunk_size=2)
