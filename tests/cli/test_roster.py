"""``kessen roster``: every fighter of a pack with its key stats and traits."""

from __future__ import annotations

import json
import re

from kessen.cli.battle_log import short_name
from kessen.cli.common import get_pack
from kessen.content import load_pack


def _expected_traits(fighter) -> set[str]:
    traits = set()
    if fighter.beast:
        traits.add(f"jinchuriki ({fighter.beast.name})")
    if fighter.seal:
        traits.add(f"{fighter.seal.name} ({len(fighter.seal.stages)} stages)")
    for t in fighter.techniques:
        if t.summon is not None:
            traits.add(f"summons {t.summon.name}")
        if t.clones:
            traits.add("shadow clones")
        if t.heal:
            traits.add("medic")
    return traits


def test_roster_lists_every_starter_fighter(kessen):
    run = kessen("roster")
    assert run.code == 0
    pack = get_pack(None)  # the starter pack, as the command loaded it
    assert f"{len(pack.fighters)} fighters" in run.out
    rows = {line.split("│")[1].strip(): line for line in run.lines if line.startswith("│")}
    assert set(rows) == set(pack.fighters)
    for fid, fighter in pack.fighters.items():
        assert fighter.name in rows[fid]
        assert f" {fighter.health} " in rows[fid]
        for trait in _expected_traits(fighter):
            assert trait in rows[fid], (fid, trait)


def test_roster_json_is_one_fighter_per_line(kessen):
    run = kessen("roster", "--json")
    assert run.code == 0
    rows = [json.loads(line) for line in run.lines]
    pack = get_pack(None)  # the starter pack, as the command loaded it
    assert [r["id"] for r in rows] == list(pack.fighters)
    for row in rows:
        fighter = pack.fighter(row["id"])
        for stat in (
            "health",
            "chakra",
            "speed",
            "taijutsu",
            "ninjutsu",
            "genjutsu",
            "defence",
            "resolve",
        ):
            assert row[stat] == getattr(fighter, stat)
        assert row["techniques"] == [t.id for t in fighter.techniques]
        assert set(row["traits"]) == _expected_traits(fighter)


def test_roster_of_another_pack_shows_every_trait(kessen, golden_pack_path):
    run = kessen("roster", "--pack", golden_pack_path, "--json")
    rows = {r["id"]: r for r in map(json.loads, run.lines)}
    assert set(rows) == {"fox", "hawk", "sage", "medic", "sand"}
    assert "jinchuriki (Fox)" in rows["fox"]["traits"] and "shadow clones" in rows["fox"]["traits"]
    assert rows["hawk"]["traits"] == ["Heaven Mark (2 stages)"]
    assert rows["sage"]["traits"] == ["summons Hound"]
    assert rows["medic"]["traits"] == ["medic"]
    pack = load_pack(golden_pack_path)
    assert all(set(rows[f]["traits"]) == _expected_traits(pack.fighter(f)) for f in rows)


def test_roster_of_a_missing_or_broken_pack_exits_2(kessen, tmp_path):
    run = kessen("roster", "--pack", str(tmp_path / "nope.toml"))
    assert run.code == 2 and "no such file" in run.err
    bad = tmp_path / "bad.toml"
    bad.write_text("[pack\nname = 1\n", "utf-8")
    run = kessen("roster", "--pack", str(bad))
    assert run.code == 2 and "bad TOML" in run.err and str(bad) in run.err


def _rows(out: str) -> dict[str, str]:
    """Table rows by the id in their first cell (rows that continue a wrapped cell skipped)."""
    rows = {}
    for line in out.splitlines():
        cells = line.split("│")
        if line.startswith("│") and cells[1].strip():
            rows[cells[1].strip()] = line
    return rows


def test_roster_through_a_pipe_prints_whole_lines(kessen, monkeypatch):
    monkeypatch.delenv("COLUMNS")  # no terminal, no width: rich would fold to 80 columns
    run = kessen("roster")
    assert run.code == 0
    pack = get_pack(None)
    rows = _rows(run.out)
    assert set(rows) == set(pack.fighters)  # no id cut short (anbu_captain, shikamaru)
    for fid, fighter in pack.fighters.items():
        assert fighter.name in rows[fid]
        assert all(trait in rows[fid] for trait in _expected_traits(fighter)), fid


def test_roster_in_a_narrow_terminal_keeps_every_id_whole(kessen, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setenv("TTY_COMPATIBLE", "1")  # rich treats the output as a terminal
    run = kessen("roster")
    assert run.code == 0
    out = re.sub(r"\x1b\[[0-9;]*m", "", run.out)  # a terminal gets bold headers
    assert max(len(line) for line in out.splitlines()) <= 80
    rows = _rows(out)
    pack = get_pack(None)
    assert set(rows) == set(pack.fighters)
    for fid, fighter in pack.fighters.items():
        assert short_name(fighter) in rows[fid] and short_name(fighter) in fighter.name
        assert f"│{fighter.health}│" in rows[fid]
