"""``kessen arena``: mirrored schedules, the totals, the statistics and the JSON shape."""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kessen.arena import run_arena, schedule
from kessen.arena.stats import elo_difference, wilson_interval
from kessen.cli.main import main
from kessen.errors import KessenError


def test_schedule_mirrors_every_pair() -> None:
    games = schedule(["a", "b", "c"], 24, seed=9, pairings="all")
    assert len(games) == 24
    for first, second in zip(games[::2], games[1::2], strict=True):
        assert first.sides == second.sides and first.seed == second.seed
        assert (first.a_side, second.a_side) == (0, 1)
    pairings = {g.sides for g in games}
    assert pairings == {("a", "a"), ("a", "b"), ("a", "c"), ("b", "b"), ("b", "c"), ("c", "c")}
    assert len({g.seed for g in games}) == 12
    assert {g.sides for g in schedule(["a", "b"], 8, 1, "mirror")} == {("a", "a"), ("b", "b")}
    assert len(schedule(["a"], 5, 1)) == 6  # rounded up to whole pairs
    assert {g.sides for g in schedule(["a", "b"], 8, 1)} == {("a", "a"), ("b", "b")}
    for bad in ((["a"], 0, "all"), ([], 4, "all"), (["a"], 4, "some")):
        with pytest.raises(KessenError):
            schedule(bad[0], bad[1], 1, bad[2])


def test_a_player_against_itself_is_even() -> None:
    # Mirrored pairs cancel the side and the seed: the same player scores exactly 1/2
    # in every pair, whatever the matchups.
    result = run_arena("heuristic", "heuristic", 32, seed=4)
    assert result.wins_a == result.wins_b
    assert result.score == 0.5 and result.elo == 0.0


def test_json_shape(capsys) -> None:
    code = main(["arena", "heuristic", "random", "-n", "6", "--seed", "2", "--json",
                 "--roster", "naruto,sasuke"])  # fmt: skip
    assert code == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1
    data = json.loads(lines[0])
    assert {
        "player_a", "player_b", "games", "wins_a", "wins_b", "draws", "win_rate_a",
        "interval_a", "score_a", "elo", "elo_interval", "seed", "roster", "pairings",
    } <= set(data)  # fmt: skip
    assert data["games"] == 6 == data["wins_a"] + data["wins_b"] + data["draws"]
    assert data["win_rate_a"] == round(data["wins_a"] / 6, 4)
    low, high = data["interval_a"]
    assert 0 <= low <= data["win_rate_a"] <= high <= 1
    assert data["roster"] == ["naruto", "sasuke"]


def test_text_report_and_bad_names(capsys) -> None:
    assert main(["arena", "random", "random", "-n", "2", "--roster", "lee"]) == 0
    out = capsys.readouterr().out
    assert "Arena: random vs random, 2 games" in out and "Elo difference" in out
    assert main(["arena", "heuristik", "random", "-n", "2"]) == 2
    assert "did you mean heuristic" in capsys.readouterr().err
    assert main(["arena", "heuristic", "random", "--roster", "nobody"]) == 2


def test_workers_do_not_change_the_result() -> None:
    one = run_arena("heuristic", "random", 8, seed=5, roster=["lee", "neji"])
    two = run_arena("heuristic", "random", 8, seed=5, roster=["lee", "neji"], workers=2)
    assert one == two


@given(st.integers(0, 500), st.integers(1, 500))
def test_wilson_interval_holds_the_rate(wins: int, games: int) -> None:
    wins = min(wins, games)
    low, high = wilson_interval(wins, games)
    assert 0 <= low <= wins / games <= high <= 1
    # Four times the games at the same rate: a narrower interval.
    low4, high4 = wilson_interval(4 * wins, 4 * games)
    assert high4 - low4 < high - low


@given(st.floats(0.01, 0.99))
def test_elo_difference_predicts_the_score(score: float) -> None:
    elo = elo_difference(score)
    assert elo is not None
    assert 1 / (1 + 10 ** (-elo / 400)) == pytest.approx(score)
    assert math.copysign(1, elo) == math.copysign(1, score - 0.5) or score == 0.5


def test_progress_bar_on_a_terminal_only() -> None:
    import sys

    import pexpect

    child = pexpect.spawn(
        sys.executable,
        ["-m", "kessen.cli.main", "arena", "heuristic", "random", "-n", "6"],
        encoding="utf-8",
        timeout=60,
        env={"TERM": "xterm", "PATH": "/usr/bin:/bin"},
    )
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert "6/6" in child.before  # the bar, drawn on the terminal
    assert "heuristic win rate" in child.before
