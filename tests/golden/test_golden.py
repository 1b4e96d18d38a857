"""The golden battles replay event for event: any difference is a change of the rules."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import kessen.engine.turn as turn_module
from kessen.engine.events import EVENT_TYPES, event_to_dict
from kessen.errors import KessenError

from .goldens import CASES, GOLDEN_DIR, Golden, golden_pack, read, write

FILES = sorted(GOLDEN_DIR.glob("*.jsonl"))


@pytest.fixture(scope="module")
def gpack():
    return golden_pack()


def difference(golden: Golden, pack) -> str | None:
    """Where the replay first departs from the golden events, or ``None``."""
    try:
        battle = golden.replay(pack)
    except KessenError as exc:
        return f"the recorded choices no longer fit: {exc}"
    got = [event_to_dict(e) for e in battle.events]
    for i, (want, have) in enumerate(zip(golden.events, got, strict=False)):
        if json.loads(json.dumps(have)) != want:
            return f"event {i}: expected {json.dumps(want)}\n          got {json.dumps(have)}"
    if len(golden.events) != len(got):
        return f"expected {len(golden.events)} events, got {len(got)}"
    return None


def test_every_case_has_its_file_and_every_file_its_case():
    assert {f.stem for f in FILES} == {c.name for c in CASES}


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_golden_battle_replays_exactly(path: Path, gpack):
    golden = read(path)
    assert golden.header["pack_hash"] == gpack.hash, (
        "the golden pack changed: run python tests/golden/regenerate.py and read the diff"
    )
    problem = difference(golden, gpack)
    assert problem is None, (
        f"{path.name}: the rules changed ({problem}); if on purpose, run "
        "python tests/golden/regenerate.py and commit the diff"
    )


def test_goldens_cover_every_event_and_every_ending():
    goldens = [read(p) for p in FILES]
    seen = {e["type"] for g in goldens for e in g.events}
    assert seen == set(EVENT_TYPES)
    endings = {e["reason"] for g in goldens for e in g.events if e["type"] == "battle_end"}
    assert endings == {"defeat", "draw", "turn_limit"}


def test_the_scripted_golden_is_rewritten_identically(tmp_path, gpack):
    (case,) = [c for c in CASES if c.players is None]
    fresh = write(case, gpack, tmp_path)
    assert fresh.read_text("utf-8") == (GOLDEN_DIR / fresh.name).read_text("utf-8")


def test_a_tampered_golden_is_caught(gpack):
    golden = read(GOLDEN_DIR / "fox_vs_hawk.jsonl")
    hit = next(i for i, e in enumerate(golden.events) if e["type"] == "hit")
    golden.events[hit] = {**golden.events[hit], "damage": golden.events[hit]["damage"] + 1}
    assert f"event {hit}:" in (difference(golden, gpack) or "")


@pytest.mark.no_round_trip  # breaks determinism on purpose
@pytest.mark.parametrize(
    ("constant", "value"),
    [("GUARD_PERCENT", 40), ("CLASH_EVEN_PERCENT", 5), ("RESOLVE_HEALTH", 50)],
)
def test_a_changed_rule_is_caught(gpack, monkeypatch, constant, value):
    monkeypatch.setattr(turn_module, constant, value)
    problems = [difference(read(p), gpack) for p in FILES]
    assert any(problems), f"changing {constant} went unnoticed"


def test_a_file_that_is_not_a_golden_is_refused(tmp_path):
    path = tmp_path / "x.jsonl"
    path.write_text('{"golden":"x"}\n{"neither":1}\n', "utf-8")
    with pytest.raises(ValueError, match="not a golden file"):
        read(path)
