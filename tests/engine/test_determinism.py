"""Same content, seed and choices: the same battle, event for event, in any process.

The harness is itself tested: it must fail when a rule draws from an unseeded source or a
snapshot forgets part of the state.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

import kessen.engine.combat as combat
import kessen.engine.turn as turn_module
import kessen.engine.unit as unit_module
from kessen.engine import Battle, RandomStream

from .harness import event_lines, play_twice, players_chooser, replay, roundtrip

MATCHUPS = [
    ("naruto", "sasuke", ("heuristic", "heuristic")),
    ("naruto", "sasuke", ("random", "random")),
    ("kakashi", "naruto+sasuke", ("heuristic", "random")),
]


def _builder(pack, a: str, b: str, seed: int):
    def build() -> Battle:
        return Battle([pack.team(a), pack.team(b)], seed=seed, catalog=pack.catalog)

    return build


@pytest.mark.parametrize(("a", "b", "players"), MATCHUPS)
@pytest.mark.parametrize("seed", [7, 12345])
def test_restoring_at_every_turn_changes_nothing(pack, a, b, players, seed):
    build = _builder(pack, a, b, seed)
    assert play_twice(build, players_chooser(seed, players), pack.catalog) is None


@pytest.mark.parametrize("middle", [0, 1, 3, 6])
def test_restoring_once_in_the_middle_changes_nothing(pack, middle):
    build = _builder(pack, "naruto", "sasuke", 99)
    chooser = players_chooser(99)
    assert play_twice(build, chooser, pack.catalog, restore_at={middle}) is None


def test_replaying_the_inputs_gives_the_same_events(pack):
    build = _builder(pack, "kakashi", "naruto+sasuke", 5)
    first = build()
    chooser = players_chooser(5)
    while not first.over:
        first.play_turn(chooser(first))
    again = replay(build, first.inputs)
    assert event_lines(again.events) == event_lines(first.events)
    assert again.snapshot() == first.snapshot()


def test_a_copy_plays_on_like_the_original(pack):
    build = _builder(pack, "naruto", "sasuke", 21)
    battle = build()
    chooser = players_chooser(21)
    for _ in range(3):
        battle.play_turn(chooser(battle))
    twin = battle.copy()
    restored = roundtrip(battle, pack.catalog)
    while not battle.over:
        choices = chooser(battle)
        lines = event_lines(battle.play_turn(choices))
        assert event_lines(twin.play_turn(choices)) == lines
        assert event_lines(restored.play_turn(choices)) == lines


# -- the harness must catch what breaks determinism -----------------------------------------


def _unseeded_roll_power(user, tech, chakra, against_nature, rng):
    power = combat.base_power(user, tech, chakra)
    return power * (50 + os.urandom(1)[0] % 100) / 100  # not from the battle's stream


@pytest.mark.no_round_trip  # breaks determinism on purpose
def test_harness_fails_when_the_power_roll_is_unseeded(pack, monkeypatch):
    monkeypatch.setattr(turn_module, "roll_power", _unseeded_roll_power)
    build = _builder(pack, "naruto", "sasuke", 7)
    divergence = play_twice(build, players_chooser(7), pack.catalog, restore_at=())
    assert divergence is not None
    assert divergence.what in ("events", "choices", "state", "end")
    assert "turn" in str(divergence)


@pytest.mark.no_round_trip  # breaks determinism on purpose
def test_harness_fails_when_chance_is_unseeded(pack, monkeypatch):
    def unseeded_chance(self, percent):
        return os.urandom(1)[0] % 100 < percent

    monkeypatch.setattr(RandomStream, "chance", unseeded_chance)
    # Chance is drawn only for evasions and stuns, so one battle may draw none: look over
    # enough battles (stopping at the first divergence) that missing it would be a fluke.
    found = any(
        play_twice(_builder(pack, "kakashi", "naruto+sasuke", s), players_chooser(s), pack.catalog)
        is not None
        for s in range(40)
    )
    assert found, "unseeded evasions and stuns went unnoticed"


def test_harness_fails_when_a_snapshot_forgets_state(pack, monkeypatch):
    build = _builder(pack, "naruto", "sasuke", 7)
    assert play_twice(build, players_chooser(7), pack.catalog) is None
    forgetful = tuple(f for f in unit_module._STATE_FIELDS if f not in ("seal_stage", "stun"))
    monkeypatch.setattr(unit_module, "_STATE_FIELDS", forgetful)
    # without a round trip nothing is lost, so only the restoring copy can differ
    assert play_twice(build, players_chooser(7), pack.catalog, restore_at=()) is None
    divergence = play_twice(build, players_chooser(7), pack.catalog)
    assert divergence is not None


# -- across processes -----------------------------------------------------------------------


def _run(*args: str, hashseed: str = "0", code: str | None = None) -> bytes:
    env = {**os.environ, "PYTHONHASHSEED": hashseed}
    command = [sys.executable, "-c", code] if code else [sys.executable, "-m", "kessen.cli.main"]
    done = subprocess.run([*command, *args], capture_output=True, env=env, timeout=120, check=False)
    assert done.returncode == 0, done.stderr.decode()
    return done.stdout


def test_duel_json_is_the_same_bytes_in_separate_processes():
    first = _run("duel", "naruto", "sasuke", "--seed", "7", "--json", hashseed="1")
    second = _run("duel", "naruto", "sasuke", "--seed", "7", "--json", hashseed="2")
    assert first == second
    assert first.count(b"\n") > 3 and b'"type":"battle_end"' in first
    other = _run("duel", "naruto", "sasuke", "--seed", "8", "--json", hashseed="1")
    assert other != first


_HASH_ORDERED = textwrap.dedent(
    """
    import sys
    import kessen.engine.combat as combat, kessen.engine.turn as turn
    def roll(user, tech, chakra, nature, rng):  # a rule that leans on hash() of text
        return combat.base_power(user, tech, chakra) * (90 + hash(user.uid) % 21) / 100
    turn.roll_power = roll
    from kessen.cli.main import main
    sys.exit(main(["duel", "naruto", "sasuke", "--seed", "7", "--json"]))
    """
)


def test_the_cross_process_check_catches_what_hash_randomisation_changes():
    assert _run(code=_HASH_ORDERED, hashseed="1") != _run(code=_HASH_ORDERED, hashseed="2")
