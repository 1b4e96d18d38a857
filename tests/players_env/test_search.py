"""The search player: legal, deterministic, hands off the battle, and stronger."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kessen.arena import run_arena
from kessen.cli.duel import run_duel
from kessen.engine import Battle, RandomStream
from kessen.engine.events import event_to_dict
from kessen.errors import KessenError
from kessen.players import Request, make_player, play_out, player_names, search
from kessen.players.search import (
    SearchPlayer,
    SearchSettings,
    _Deck,
    candidates,
    damage_rate,
    evaluate,
    parse_options,
    solve_matrix,
)

FIGHTERS = ["naruto", "sasuke", "kakashi", "itachi", "gaara", "neji", "lee", "haku", "zabuza"]
SMALL = SearchSettings(simulations=12, depth=2)


def test_registered_by_name() -> None:
    assert {"search", "search-strong", "heuristic", "random"} <= set(player_names())
    player = make_player("search", 1, 0)
    assert player.name == "search" and player.settings == SearchSettings()


@settings(max_examples=12, deadline=None)
@given(
    seed=st.integers(0, 2**40),
    a=st.sampled_from(FIGHTERS),
    b=st.sampled_from([*FIGHTERS, "medic+kiba"]),
)
def test_every_choice_is_legal_and_the_battle_is_untouched(pack, seed, a, b) -> None:
    battle = Battle([pack.team(a), pack.team(b)], seed=seed, catalog=pack.catalog)
    players = [SearchPlayer(RandomStream(seed), SMALL), make_player("random", seed, 1)]
    while not battle.over:
        choices = []
        for side in (0, 1):
            request = Request.for_side(battle, side)
            before = battle.snapshot()
            picked = players[side].choose(request) if request.legal else []
            assert battle.snapshot() == before  # not one unit, not the dice
            assert sorted(c.unit for c in picked) == sorted(request.legal)
            for c in picked:
                assert c in request.legal[c.unit]
            choices.extend(picked)
        battle.play_turn(choices)


def _game(pack, seed: int) -> list:
    battle = Battle([[pack.fighter("naruto")], [pack.fighter("sasuke")]], seed=seed)
    players = [SearchPlayer(RandomStream(seed), SMALL), make_player("heuristic", seed, 1)]
    return play_out(battle, players).inputs


def test_same_seed_same_game(pack) -> None:
    assert _game(pack, 3) == _game(pack, 3)
    assert _game(pack, 3) != _game(pack, 4)


def test_same_game_in_another_process() -> None:
    here = run_duel("kakashi", "itachi", 12, ("search", "heuristic"))
    out = subprocess.run(
        [sys.executable, "-m", "kessen.cli.main", "duel", "kakashi", "itachi", "--seed", "12",
         "--players", "search,heuristic", "--json"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    there = [json.loads(line) for line in out.splitlines()]
    assert there == [json.loads(json.dumps(event_to_dict(e))) for e in here.events]


def test_candidates_are_a_few_legal_choices(pack) -> None:
    battle = Battle([[pack.fighter("sasuke")], [pack.fighter("kakashi")]], seed=1)
    unit = battle.unit("p1.sasuke")
    legal = battle.legal_choices(unit.uid)
    kept = candidates(battle, unit, legal, 6)
    assert 2 <= len(kept) <= 6
    assert set(kept) <= set(legal)
    assert len(set(kept)) == len(kept)
    assert any(c.target == "p2.kakashi" for c in kept)  # at least one blow
    assert candidates(battle, unit, legal[-1:], 6) == list(legal[-1:])


def test_evaluate_is_zero_sum_and_ends_at_one(pack) -> None:
    battle = Battle([[pack.fighter("lee")], [pack.fighter("neji")]], seed=2)
    assert evaluate(battle, 0) == pytest.approx(-evaluate(battle, 1))
    play_out(battle, [make_player("heuristic", 2, 0), make_player("heuristic", 2, 1)])
    if battle.winner is not None:
        assert evaluate(battle, battle.winner) == 1.0
        assert evaluate(battle, 1 - battle.winner) == -1.0
    else:
        assert evaluate(battle, 0) == 0.0


def test_evaluate_values_scarce_chakra_most(pack) -> None:
    # Spending the last tenth of the bar costs more than spending the top tenth: chakra is
    # worth the blows it pays for, and a full bar pays for more than the race can use.
    battle = Battle([[pack.fighter("zabuza")], [pack.fighter("zabuza")]], seed=2)
    unit = battle.units[0]

    def value(share: float) -> float:
        unit.chakra = round(unit.max_chakra * share)
        return evaluate(battle, 0)

    assert value(1.0) >= value(0.9) > value(0.1) > value(0.0)
    assert value(0.1) - value(0.0) > 3 * (value(1.0) - value(0.9))


def test_evaluate_is_a_race_of_turns(pack) -> None:
    # Health counts by the turns it takes the other side to wear it down, and a race that
    # cannot end before the turn limit is worth less.
    battle = Battle([[pack.fighter("neji")], [pack.fighter("neji")]], seed=2, turn_limit=40)
    assert evaluate(battle, 0) == pytest.approx(0.0)
    battle.units[1].health //= 2
    ahead = evaluate(battle, 0)
    assert 0 < ahead < 0.8
    rate = damage_rate(battle.units[0], battle.units[1])
    turns_mine = battle.units[1].health / rate
    turns_theirs = battle.units[0].health / damage_rate(battle.units[1], battle.units[0])
    expected = 0.8 * (turns_theirs - turns_mine) / (turns_theirs + turns_mine)
    assert ahead == pytest.approx(expected)
    battle.turn = battle.turn_limit - 1  # one turn left: neither can finish the race
    assert 0 < evaluate(battle, 0) < ahead


def test_damage_rate_is_a_function_of_the_state(pack) -> None:
    # The rate is cached: whatever came before, it must be what a cold cache gives.
    from kessen.players import search

    battle = Battle([[pack.fighter("sasuke")], [pack.fighter("itachi")]], seed=2)
    a, b = battle.units
    states = [(0, 0, 0, 0), (5, 0, 0, 0), (60, 0, 0, 0), (60, 20, 0, 0), (60, 20, 1, 0)]
    states += [(60, 20, 1, 50), (a.max_chakra, 0, 0, 0)]

    def rate(chakra: int, resolve: int, seal: int, guard: int) -> float:
        a.chakra, a.resolve_bonus, a.seal_stage, b.guard = chakra, resolve, seal, guard
        return damage_rate(a, b)

    warm = [rate(*state) for state in states]
    cold = []
    for state in states:
        search._rates.clear()
        cold.append(rate(*state))
    assert warm == cold
    assert cold[0] < cold[1] < cold[2] < cold[3] < cold[4]
    assert cold[5] < cold[4]  # a guarded target takes less


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 2**64 - 1), n=st.integers(1, 30), passes=st.integers(1, 3))
def test_the_deck_deals_every_choice_once_a_pass(seed, n, passes) -> None:
    deck = _Deck(seed, n)
    for _ in range(passes):
        assert sorted(deck.deal() for _ in range(n)) == list(range(n))


def _first_pass(seed: int, n: int) -> tuple[int, ...]:
    deck = _Deck(seed, n)
    return tuple(deck.deal() for _ in range(n))


def test_the_deck_is_shuffled() -> None:
    assert len({_first_pass(seed, 6) for seed in range(20)}) > 10


def _futures(pack, monkeypatch, health: int, close_call: float) -> int:
    """Futures one decision of an ANBU mirror samples, both sides at ``health``, with
    every decision a close call or none."""
    battle = Battle([[pack.fighter("anbu_2")], [pack.fighter("anbu_2")]], seed=5)
    for unit in battle.units:
        unit.health = health
    player = SearchPlayer(RandomStream(8), SearchSettings(simulations=60))
    calls = []
    rollout = SearchPlayer._rollout

    def counted(self, *args):
        calls.append(1)
        return rollout(self, *args)

    monkeypatch.setattr(SearchPlayer, "_rollout", counted)
    monkeypatch.setattr(search, "CLOSE_CALL", close_call)
    player.choose(Request.for_side(battle, 0))
    return len(calls)


def test_a_close_call_near_the_end_gets_more_futures(pack, monkeypatch) -> None:
    rows = 6  # a round plays every row: the budget is passed by less than a round
    assert 60 <= _futures(pack, monkeypatch, 30, close_call=-1.0) < 60 + rows  # never close
    extended = search.CLOSE_CALL_FACTOR * 60
    assert extended <= _futures(pack, monkeypatch, 30, close_call=2.0) < extended + rows
    # At full health the futures are long, and dear: no more of them, close or not.
    assert _futures(pack, monkeypatch, 205, 2.0) == _futures(pack, monkeypatch, 205, -1.0)


def test_gap_is_the_lead_of_the_best_row() -> None:
    payoff = [[0.5, 0.1], [0.2, 0.4], [0.0, 0.0]]
    assert search._gap(payoff, [1.0, 0.0]) == pytest.approx(0.3)
    assert search._gap(payoff, [0.5, 0.5]) == pytest.approx(0.0)
    assert search._gap([[0.3, 0.3]], [0.5, 0.5]) == 1.0


def _exploitability(payoff, rows, cols) -> float:
    best_row = max(sum(p * q for p, q in zip(line, cols, strict=True)) for line in payoff)
    best_col = min(sum(payoff[i][j] * rows[i] for i in range(len(rows))) for j in range(len(cols)))
    return best_row - best_col


def test_regret_matching_finds_the_mixed_equilibrium() -> None:
    rps = [[0.0, -1.0, 1.0], [1.0, 0.0, -1.0], [-1.0, 1.0, 0.0]]
    rows, cols = solve_matrix(rps, iterations=2000)
    assert all(abs(p - 1 / 3) < 0.02 for p in rows + cols)


@settings(max_examples=30, deadline=None)
@given(
    st.integers(1, 6).flatmap(
        lambda n: st.lists(
            st.lists(st.floats(-1, 1), min_size=n, max_size=n), min_size=1, max_size=6
        )
    )
)
def test_regret_matching_is_nearly_unexploitable(payoff) -> None:
    rows, cols = solve_matrix(payoff, iterations=1500)
    assert sum(rows) == pytest.approx(1) and sum(cols) == pytest.approx(1)
    assert _exploitability(payoff, rows, cols) < 0.06


def test_options() -> None:
    assert parse_options("250").simulations == 250
    assert parse_options("sims=50,depth=4,width=5,ms=30") == SearchSettings(50, 4, 5, 30)
    for bad in ("sims=0", "width=1", "speed=3", "sims=lots"):
        with pytest.raises(KessenError):
            parse_options(bad)


def test_search_beats_random(pack) -> None:
    result = run_arena(
        "search", "random", 8, seed=3, roster=["sasuke", "kakashi"], pairings="mirror"
    )
    assert result.wins_a >= 7
