"""Records: every battle saved then verified matches; any change is caught at its turn."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kessen.content import load_starter_pack
from kessen.engine import Battle, Choice
from kessen.errors import RecordError
from kessen.replay import (
    events_hash,
    load_record,
    pack_id,
    parse_record,
    rebuild,
    record_of,
    replay,
    save_record,
    verify_record,
)

STARTER = load_starter_pack()
IDS = sorted(STARTER.fighters)
PLAYERS = ("heuristic", "random")


def matchups() -> list[tuple[str, str]]:
    """Every fighter against another, and teams of two, whatever the pack holds."""
    n = len(IDS)
    duels = [(a, IDS[(i * 3 + 1) % n]) for i, a in enumerate(IDS)]
    teams = [(f"{a}+{IDS[(i + 2) % n]}", IDS[(i + 1) % n]) for i, a in enumerate(IDS)]
    return duels + teams


@pytest.mark.parametrize("side_a,side_b", matchups())
def test_saved_battles_verify(tmp_path, play, side_a, side_b):
    for seed in range(4):
        players = (PLAYERS[seed % 2], PLAYERS[(seed // 2) % 2])
        battle = play(STARTER, side_a, side_b, seed, players)
        path = tmp_path / f"{seed}.jsonl"
        save_record(path, battle, STARTER, players=players, sides=(side_a, side_b))
        record = load_record(path)
        verdict = verify_record(record, STARTER)
        assert verdict.ok, f"seed {seed}: {verdict}"
        assert verdict.checked == battle.turn == len(record.turns)
        assert (record.outcome.winner, record.outcome.reason) == (battle.winner, battle.end_reason)
        assert record.players == players and record.sides == (side_a, side_b)


def test_replay_gives_the_same_events_and_state(play, small_pack):
    battle = play(small_pack, "ao", "aka", 5, stakes=("ao",))
    record = record_of(battle, pack_id(small_pack), sides=("ao", "aka"))
    again, verdict = replay(record, small_pack)
    assert verdict.ok
    assert record.stakes == ("ao",)
    assert again.events == battle.events
    assert again.snapshot() == battle.snapshot()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    seed=st.integers(0, 2**64 - 1),
    a=st.lists(st.sampled_from(IDS), min_size=1, max_size=2),
    b=st.lists(st.sampled_from(IDS), min_size=1, max_size=2),
    players=st.tuples(st.sampled_from(PLAYERS), st.sampled_from(PLAYERS)),
    turn_limit=st.integers(1, 40),
    with_events=st.booleans(),
)
def test_any_battle_round_trips(play, seed, a, b, players, turn_limit, with_events):
    sides = ("+".join(a), "+".join(b))
    battle = play(STARTER, *sides, seed, players, turn_limit=turn_limit)
    record = record_of(
        battle, pack_id(STARTER), players=players, sides=sides, with_events=with_events
    )
    text = record.text()
    assert parse_record(text) == record
    assert verify_record(parse_record(text), STARTER).ok


def test_events_can_be_kept_and_match_their_hashes(tmp_path, play, small_pack):
    battle = play(small_pack, "ao+aka", "aka", 2)
    path = tmp_path / "full.jsonl"
    save_record(path, battle, small_pack, sides=("ao+aka", "aka"), with_events=True)
    record = load_record(path)
    kept = [e for entry in record.turns for e in entry.events]
    assert len(kept) == len([e for e in battle.events if e.turn > 0])
    assert verify_record(record, small_pack).ok


def _other_legal_choice(record, pack, turn: int) -> tuple[int, str]:
    """A legal choice, different from the recorded one, for the first unit of ``turn``."""
    battle = rebuild(record, pack)
    for entry in record.turns[: turn - 1]:
        battle.play_turn([Choice.parse(c) for c in entry.choices])
    recorded = Choice.parse(record.turns[turn - 1].choices[0])
    others = [c for c in battle.legal_choices(recorded.unit) if c != recorded]
    return 0, others[len(others) // 2].notation()


def _with_choice(record, turn: int, index: int, notation: str):
    entry = record.turns[turn - 1]
    choices = list(entry.choices)
    choices[index] = notation
    turns = list(record.turns)
    turns[turn - 1] = dataclasses.replace(entry, choices=tuple(choices))
    return dataclasses.replace(record, turns=tuple(turns))


@pytest.mark.parametrize("seed", range(6))
def test_one_altered_choice_fails_at_its_turn(tmp_path, play, small_pack, seed):
    battle = play(small_pack, "ao", "aka", seed)
    record = record_of(battle, pack_id(small_pack), sides=("ao", "aka"))
    assert len(record.turns) >= 2
    turn = 1 + seed % len(record.turns)
    index, notation = _other_legal_choice(record, small_pack, turn)
    altered = _with_choice(record, turn, index, notation)
    path = tmp_path / "altered.jsonl"
    path.write_text(altered.text(), "utf-8")
    verdict = verify_record(load_record(path), small_pack)
    assert not verdict.ok
    assert verdict.turn == turn
    assert verdict.checked == turn - 1
    assert "events differ" in verdict.reason


def test_an_impossible_choice_fails_at_its_turn(play, small_pack):
    battle = play(small_pack, "ao", "aka", 1)
    record = record_of(battle, pack_id(small_pack), sides=("ao", "aka"))
    altered = _with_choice(
        record, 2, 0, record.turns[1].choices[0].split()[0] + " blast p2.aka 999"
    )
    verdict = verify_record(altered, small_pack)
    assert (verdict.ok, verdict.turn) == (False, 2)
    assert "cannot be played" in verdict.reason


def test_an_altered_hash_or_event_is_caught(play, small_pack):
    battle = play(small_pack, "ao", "aka", 3)
    record = record_of(battle, pack_id(small_pack), sides=("ao", "aka"), with_events=True)
    entry = record.turns[1]
    bad_hash = dataclasses.replace(entry, hash="0" * 64, events=None)
    turns = list(record.turns)
    turns[1] = bad_hash
    verdict = verify_record(dataclasses.replace(record, turns=tuple(turns)), small_pack)
    assert (verdict.ok, verdict.turn) == (False, 2)

    edited = [dict(e) for e in entry.events]
    edited[-1]["turn"] = 99
    turns[1] = dataclasses.replace(entry, events=tuple(edited))
    verdict = verify_record(dataclasses.replace(record, turns=tuple(turns)), small_pack)
    assert (verdict.ok, verdict.turn) == (False, 2)
    assert "do not match its own hash" in verdict.reason


def test_a_shortened_record_or_wrong_outcome_fails(play, small_pack):
    battle = play(small_pack, "ao", "aka", 4)
    record = record_of(battle, pack_id(small_pack), sides=("ao", "aka"))
    n = len(record.turns)
    outcome = dataclasses.replace(record.outcome, turns=n - 1)
    short = dataclasses.replace(record, turns=record.turns[:-1], outcome=outcome)
    verdict = verify_record(short, small_pack)
    assert (verdict.ok, verdict.turn) == (False, n)
    assert "goes on" in verdict.reason
    flipped = dataclasses.replace(
        record, outcome=dataclasses.replace(record.outcome, winner=1 - record.outcome.winner)
    )
    assert verify_record(flipped, small_pack).turn == n


def test_other_content_is_refused_unless_forced(play, small_pack):
    battle = play(small_pack, "ao", "aka", 0)
    record = record_of(battle, pack_id(small_pack), sides=("ao", "aka"))
    newer = dataclasses.replace(small_pack, version="1.1.0", hash="f" * 64)
    with pytest.raises(RecordError, match=r"replay_test 1\.0\.0.*--force"):
        verify_record(record, newer)
    assert verify_record(record, newer, force=True).ok  # same fighters: still matches


def test_a_different_opening_is_caught(play, small_pack):
    battle = play(small_pack, "ao", "aka", 0)
    record = record_of(battle, pack_id(small_pack), sides=("ao", "aka"))
    verdict = verify_record(dataclasses.replace(record, stakes=("ao",)), small_pack)
    assert (verdict.ok, verdict.turn) == (False, 0)
    assert str(verdict).startswith("MISMATCH at the opening")


def test_a_fighter_changed_by_hand_cannot_be_recorded(tmp_path, small_pack):
    tougher = dataclasses.replace(small_pack.fighter("ao"), health=500)
    battle = Battle([[tougher], [small_pack.fighter("aka")]], seed=1, catalog=small_pack.catalog)
    with pytest.raises(RecordError, match=r"'ao'.*could not be replayed"):
        save_record(tmp_path / "x.jsonl", battle, small_pack, sides=("ao", "aka"))
    assert not (tmp_path / "x.jsonl").exists()


def test_turn_hashes_cover_the_turns_events(play, small_pack):
    battle = play(small_pack, "ao", "aka", 6)
    record = record_of(battle, pack_id(small_pack), sides=("ao", "aka"))
    for entry in record.turns:
        assert entry.hash == events_hash([e for e in battle.events if e.turn == entry.turn])


def test_records_are_the_same_bytes_in_any_process(tmp_path):
    script = (
        "import sys; from kessen.content import load_pack; from kessen.engine import Battle;"
        "from kessen.players import make_player, play_out; from kessen.replay import save_record;"
        f"p = load_pack({str(Path(__file__).parent / 'data' / 'small.toml')!r});"
        "b = Battle([p.team('ao+aka'), p.team('aka')], seed=11, catalog=p.catalog);"
        "play_out(b, [make_player('random', 11, 0), make_player('heuristic', 11, 1)]);"
        "save_record(sys.argv[1], b, p, sides=('ao+aka', 'aka'), players=('random', 'heuristic'))"
    )
    texts = []
    for hash_seed in ("1", "2"):
        out = tmp_path / f"{hash_seed}.jsonl"
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        subprocess.run([sys.executable, "-c", script, str(out)], check=True, env=env)
        texts.append(out.read_bytes())
    assert texts[0] == texts[1]
    assert json.loads(texts[0].splitlines()[0])["pack"]["name"] == "replay_test"


def test_round_trip_checks_any_battle_and_catches_a_broken_stream(play, small_pack, monkeypatch):
    from kessen.engine.rng import RandomStream
    from kessen.replay import round_trip

    battles = [
        play(small_pack, "ao+aka", "aka+ao", seed, ("random", "random")) for seed in range(8)
    ]
    assert all(round_trip(b).ok and round_trip(b, small_pack).ok for b in battles)

    # The checker must fail when the engine is not deterministic: skew the stream on replay.
    true_next = RandomStream.next64
    with monkeypatch.context() as patch:
        patch.setattr(RandomStream, "next64", lambda self: ~true_next(self) & (2**64 - 1))
        verdicts = [round_trip(b) for b in battles]
    assert not all(v.ok for v in verdicts)
    assert all(v.turn is not None for v in verdicts if not v.ok)


def test_an_unfinished_battle_is_recorded_as_such(small_pack):
    battle = Battle(
        [small_pack.team("ao"), small_pack.team("aka")], seed=3, catalog=small_pack.catalog
    )
    for _ in range(2):
        battle.play_turn([battle.legal_choices(uid)[-1] for uid in battle.pending()])
    record = parse_record(record_of(battle, pack_id(small_pack), sides=("ao", "aka")).text())
    assert (record.outcome.winner, record.outcome.reason, record.outcome.turns) == (None, None, 2)
    assert verify_record(record, small_pack).ok
    finished = dataclasses.replace(
        record, outcome=dataclasses.replace(record.outcome, reason="draw")
    )
    assert "goes on" in verify_record(finished, small_pack).reason


def test_an_unfinished_battle_is_described_as_unfinished_not_as_a_draw(small_pack):
    battle = Battle(
        [small_pack.team("ao"), small_pack.team("aka")], seed=3, catalog=small_pack.catalog
    )
    battle.play_turn([battle.legal_choices(uid)[-1] for uid in battle.pending()])
    line = record_of(battle, pack_id(small_pack), sides=("ao", "aka")).describe()
    assert "unfinished" in line and "draw" not in line
    assert line.endswith("after 1 turn")
