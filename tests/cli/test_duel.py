"""``kessen duel A B``: a battle told turn by turn, or as JSON lines."""

from __future__ import annotations

import json
import re

import pytest

from kessen.engine.events import EVENT_TYPES, event_from_dict


def _events(run) -> list[dict]:
    assert run.code == 0, run.err
    return [json.loads(line) for line in run.lines]


def test_text_duel_tells_each_turn_with_health_and_the_end(kessen):
    run = kessen("duel", "naruto", "sasuke", "--seed", "7")
    assert run.code == 0 and run.err == ""
    lines = run.lines
    assert lines[0] == "Kessen duel: naruto vs sasuke (seed 7, heuristic vs heuristic)"
    turns = [int(m.group(1)) for line in lines if (m := re.match(r"-- Turn (\d+)$", line))]
    assert turns == list(range(1, len(turns) + 1)) and turns
    standings = [line for line in lines if line.startswith("   | ")]
    assert len(standings) == len(turns)
    assert all(" HP " in s and " ch" in s for s in standings)
    ending = r"== (Naruto wins: Sasuke|Sasuke wins: Naruto) could no longer fight$|== draw: "
    assert re.match(ending, lines[-1])
    # the text tells the same battle as the JSON
    json_run = kessen("duel", "naruto", "sasuke", "--seed", "7", "--json")
    events = _events(json_run)
    assert len(turns) == sum(1 for e in events if e["type"] == "turn_end")
    end = events[-1]
    expected = {0: "Naruto wins", 1: "Sasuke wins", None: "draw"}[end["winner"]]
    assert lines[-1].startswith(f"== {expected}")


def test_text_duel_shows_choices_and_hits(kessen):
    out = kessen("duel", "naruto", "sasuke", "--seed", "3").out
    assert re.search(r"Naruto uses \w+|Naruto (rests|guards)", out)
    assert re.search(r"hits \w+.* for \d+", out)


def test_json_duel_prints_one_event_object_per_line(kessen):
    events = _events(kessen("duel", "naruto", "sasuke", "--seed", "7", "--json"))
    assert all(isinstance(e, dict) and next(iter(e)) == "type" for e in events)
    assert {e["type"] for e in events} <= set(EVENT_TYPES)
    assert events[0]["type"] == "battle_start" and events[0]["seed"] == 7
    assert events[0]["sides"] == [["p1.naruto"], ["p2.sasuke"]]
    assert events[-1]["type"] == "battle_end"
    assert [event_from_dict(e).type for e in events] == [e["type"] for e in events]


def test_same_seed_same_output_other_seed_other_battle(kessen):
    first = kessen("duel", "naruto", "sasuke", "--seed", "11", "--json").out
    assert kessen("duel", "naruto", "sasuke", "--seed", "11", "--json").out == first
    assert kessen("duel", "naruto", "sasuke", "--seed", "12", "--json").out != first


def test_a_side_may_be_a_team(kessen):
    events = _events(kessen("duel", "naruto+sasuke", "kakashi", "--seed", "2", "--json"))
    assert events[0]["sides"] == [["p1.naruto", "p1.sasuke"], ["p2.kakashi"]]
    choosers = {e["unit"] for e in events if e["type"] == "choice" and e["turn"] == 1}
    assert {"p1.naruto", "p1.sasuke", "p2.kakashi"} <= choosers


@pytest.mark.parametrize("players", ["random", "random,heuristic", "heuristic,random"])
def test_players_can_be_chosen_per_side(kessen, players):
    run = kessen("duel", "naruto", "sasuke", "--players", players, "--seed", "5")
    assert run.code == 0
    first, second = (players.split(",") * 2)[:2]
    assert f"(seed 5, {first} vs {second})" in run.lines[0]


def test_turn_limit_option(kessen):
    events = _events(kessen("duel", "naruto", "sasuke", "--turn-limit", "1", "--json"))
    assert events[-1]["turn"] == 1
    assert events[-1]["reason"] in ("turn_limit", "defeat", "draw")


def test_a_duel_from_another_pack(kessen, golden_pack_path):
    events = _events(kessen("duel", "fox", "hawk", "--pack", golden_pack_path, "--json"))
    assert events[0]["sides"] == [["p1.fox"], ["p2.hawk"]]


@pytest.mark.parametrize(
    ("sides", "says"),
    [
        (("narto", "sasuke"), "unknown fighter 'narto'; did you mean naruto"),
        (("naruto", "sasuk"), "did you mean sasuke"),
        (("naruto+sasuk", "kakashi"), "unknown fighter 'sasuk'; did you mean sasuke"),
        (("naruto+", "sasuke"), "bad side 'naruto+': a side is a fighter id or a team"),
        (("+", "sasuke"), "bad side '+'"),
        (("", "sasuke"), "bad side ''"),
        (("naruto", "sasuke++kakashi"), "bad side 'sasuke++kakashi'"),
        (("naruto", "ナルト"), "unknown fighter 'ナルト'"),
        (("naruto", "naru\nto"), "unknown fighter 'naru\\nto'; did you mean naruto"),
        (("p1.naruto", "sasuke"), "unknown fighter 'p1.naruto'; did you mean naruto"),
    ],
)
def test_unknown_fighter_exits_2_with_close_names(kessen, sides, says):
    run = kessen("duel", *sides)
    assert run.code == 2
    assert run.out == ""
    assert run.err.startswith("kessen: error: ") and says in run.err
    assert len(run.err.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("players", "says"),
    [
        ("heuristic,foo", "unknown player 'foo'; players: heuristic, random"),
        ("heuristik", "unknown player 'heuristik'; did you mean heuristic"),
        ("a,b,c", "--players takes one or two names"),
        (",", "--players takes one or two names"),
        ("", "--players takes one or two names (P or P,Q), not ''; players: heuristic"),
    ],
)
def test_bad_players_exit_2(kessen, players, says):
    run = kessen("duel", "naruto", "sasuke", "--players", players)
    assert run.code == 2 and says in run.err and run.out == ""
    assert len(run.err.strip().splitlines()) == 1 and "Traceback" not in run.err


def test_player_names_are_not_case_sensitive(kessen):
    run = kessen("duel", "naruto", "sasuke", "--players", " Random , HEURISTIC ", "--seed", "4")
    assert run.code == 0, run.err
    assert run.lines[0] == "Kessen duel: naruto vs sasuke (seed 4, random vs heuristic)"
    same = kessen("duel", "naruto", "sasuke", "--players", "random,heuristic", "--seed", "4")
    assert run.out == same.out


@pytest.mark.parametrize("seed", ["-1", "0", str(2**64), str(10**30), str(-(2**70))])
def test_any_whole_number_is_a_seed(kessen, seed):
    events = _events(kessen("duel", "naruto", "sasuke", "--seed", seed, "--json"))
    assert events[0]["seed"] == int(seed) and events[-1]["type"] == "battle_end"
    assert kessen("duel", "naruto", "sasuke", "--seed", seed, "--json").out == "".join(
        json.dumps(e, separators=(",", ":"), ensure_ascii=False) + "\n" for e in events
    )


def test_a_missing_pack_exits_2(kessen, tmp_path):
    run = kessen("duel", "naruto", "sasuke", "--pack", str(tmp_path / "none.toml"))
    assert run.code == 2 and "no such file" in run.err


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("duel", "naruto", "sasuke", "--seed", "x"), "Invalid value for '--seed'"),
        (("duel", "--bogus"), "No such option: --bogus"),
        (("duel",), "Missing argument"),
    ],
    ids=["bad-seed", "unknown-option", "missing-argument"],
)
def test_usage_errors_exit_2_without_a_traceback(kessen, args, says):
    run = kessen(*args)
    assert run.code == 2
    assert says in run.err and "Traceback" not in run.err


def test_no_arguments_shows_the_help_and_exits_2(kessen):
    run = kessen()
    assert run.code == 2
    assert "duel" in run.out and "roster" in run.out
